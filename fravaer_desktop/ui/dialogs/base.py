"""Common frame for dialogs that validate and save: Danish buttons, error labels, one save call."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.ui.widgets.form_errors import FieldErrors


class SaveDialog(QDialog):
    """A form dialog; subclasses fill `self.form` and implement `save()`.

    `save()` returns the stored object or raises ValidationError; on an error the dialog stays
    open with the messages next to the fields and nothing has been stored.
    """

    def __init__(self, title: str, save_text: str = "Gem", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(save_text)
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Annuller")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Grow with wrapped error messages instead of squeezing them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)  # the buttons follow when shown (showEvent)
        self._width_holder = QWidget()  # gives the layout (and so the dialog) a minimum width
        self._width_holder.setFixedHeight(0)
        layout.addWidget(self._width_holder)
        self.result_object = None

    def set_minimum_width_in_characters(self, characters: int) -> None:
        """Make the dialog at least this many average characters wide.

        setMinimumWidth on the dialog itself would be overridden: the layout's SetMinimumSize
        constraint sets the dialog's minimum size from its contents.
        """
        self._width_holder.setMinimumWidth(self.fontMetrics().averageCharWidth() * characters)

    def grow_to_fit(self) -> None:
        """Make the dialog tall enough for every wrapped line at its current width.

        Needed after a message appears: the layout's minimum size does not count the extra
        lines of wrapped labels, and adjustSize() stops at two thirds of the screen, so on a
        small screen at 150–200 % the messages would be cut off.
        """
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt API)
        if visible and self.buttons.parent() is None:
            # Added now, after the subclass's fields: Tab goes through the form from the top
            # and reaches Gem and Annuller last, and the first field has the focus (a dialog
            # focuses its default button only when the first widget in the chain is a button).
            self.layout().insertWidget(self.layout().count() - 1, self.buttons)
            # Now the dialog can learn its main default button (setDefault(True) again would
            # do nothing): Enter in a field saves, also after Tab has passed over Annuller.
            self.save_button.setDefault(False)
            self.save_button.setDefault(True)
        super().setVisible(visible)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.grow_to_fit()

    def save(self):
        raise NotImplementedError

    def confirm_before_save(self) -> bool:
        """Hook for a last question before saving (e.g. a note that looks like health data)."""
        return True

    def _try_save(self) -> None:
        self.errors.clear()
        typed_wrong = self.errors.input_errors()
        if typed_wrong:
            self.errors.show(ValidationError(typed_wrong))
            self.grow_to_fit()
            return
        if not self.confirm_before_save():
            return
        try:
            self.result_object = self.save()
        except ValidationError as error:
            self.errors.show(error)
            self.grow_to_fit()
            return
        self.accept()


def ask_yes_no(
    parent: QWidget, title: str, text: str, yes_text: str = "Ja", no_text: str = "Nej"
) -> bool:
    """A Danish yes/no question where the no-button is the safe default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
