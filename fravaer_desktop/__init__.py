"""Fravær: sickness-absence follow-up for small Danish businesses."""

__version__ = "0.1.0"
APP_NAME = "Fravær"
APP_ID = "fravaer_desktop"
