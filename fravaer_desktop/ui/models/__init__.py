"""Qt item models over repository rows."""
