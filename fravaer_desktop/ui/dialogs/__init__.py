"""Dialogs for editing company, employees and absence."""
