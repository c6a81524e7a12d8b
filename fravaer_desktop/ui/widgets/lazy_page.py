"""A page that is built the first time it is shown, and refreshed on show when its data changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds the place of a page in the window's stack until the user first opens it.

    `refresh` (optional) is called on the built page when it is shown after `mark_stale()`.
    """

    def __init__(
        self,
        build: Callable[[], QWidget],
        refresh: Callable[[QWidget], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._build = build
        self._refresh = refresh
        self._page: QWidget | None = None
        self._stale = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
            self._stale = False
        return self._page

    def mark_stale(self) -> None:
        """The data behind the page changed: refresh it now if visible, else when next shown."""
        if self._page is None or self._refresh is None:
            return
        if self.isVisible():
            self._refresh(self._page)
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.page()
        if self._stale and self._refresh is not None:
            self._stale = False
            self._refresh(self._page)
        super().showEvent(event)
