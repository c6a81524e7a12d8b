"""Combo boxes as wide as a set number of characters, not as their longest item."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox

#: Wide enough for a long Danish name with its department ("Maria-Magdalena Østergaard (Butik…").
NAME_CHARACTERS = 32


def keep_width_to_characters(combo: QComboBox, characters: int = NAME_CHARACTERS) -> None:
    """Size the box for `characters` (it may still grow with its layout), while its drop-down
    list stays wide enough for whole items (Qt keeps it on the screen).

    Without this, one 100-character name makes the form wider than a laptop screen at 200 %.
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    # Measured once after the items are in (not per item: 500 names would cost 500 passes).
    measure = QTimer(combo)
    measure.setSingleShot(True)
    measure.setInterval(0)
    measure.timeout.connect(lambda: widen_list_to_items(combo))
    combo.model().rowsInserted.connect(measure.start)
    combo.model().modelReset.connect(measure.start)


def widen_list_to_items(combo: QComboBox) -> None:
    """Give the drop-down list the width of its widest item."""
    view = combo.view()
    scroll_bar = view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(view.sizeHintForColumn(0) + scroll_bar + 2 * view.frameWidth())
