"""Qt-free printed documents built with reportlab."""
