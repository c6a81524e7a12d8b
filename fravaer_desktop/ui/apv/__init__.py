"""The APV's screens: the editor on tabs (frame, figures, assessment, action plan, follow-up),
its action table and the figures as shown to the staff."""
