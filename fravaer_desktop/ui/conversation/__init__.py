"""The guided conversation's screens: the wizard from invitation to minutes, the employee's list
of conversations and documentation requests, and their dialogs."""
