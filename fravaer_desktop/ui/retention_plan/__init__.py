"""The retention plan\x27s screens: the editor with its schedule, and the small dialogs."""
