"""Pages hosted by the main window."""
