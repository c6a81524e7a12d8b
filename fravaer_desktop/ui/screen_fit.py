"""Window sizes that fit the screen the window opens on, also a small laptop at 200 %."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: The share of the screen's free area (without the taskbar) a window may take at most.
MAX_SCREEN_SHARE = 0.92


def screen_of(widget: QWidget) -> QScreen | None:
    return widget.screen() or QGuiApplication.primaryScreen()


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less where the screen's free area is smaller."""
    screen = screen_of(widget)
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * MAX_SCREEN_SHARE))
        height = min(height, int(available.height() * MAX_SCREEN_SHARE))
    widget.resize(width, height)


def device_pixel_ratio(widget: QWidget) -> float:
    """Physical pixels per logical pixel where the widget is (2.0 at 200 % scaling)."""
    screen = screen_of(widget)
    return screen.devicePixelRatio() if screen is not None else 1.0
