"""Danish error messages shown right under the field they concern."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from fravaer_desktop.core.validation import FieldError, ValidationError
from fravaer_desktop.ui.widgets.date_field import DateField

ERROR_STYLE = "color: #b3261e; font-weight: 600;"


class FieldErrors:
    """Keeps one hidden red label per field in a form; shows a ValidationError on them."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self.general = self._make_label()

    def add_row(self, form: QFormLayout, title: str, widget: QWidget, field: str) -> QLabel:
        """Add `widget` to `form` with an error label below it; returns the error label."""
        form.addRow(title, widget)
        label = self._make_label()
        form.addRow("", label)
        self._labels[field] = label
        self._widgets[field] = widget
        return label

    def input_errors(self) -> list[FieldError]:
        """Text in the form's date fields that is not a date: checked before anything is
        built from the form, so that a date that was not typed is never stored."""
        errors = []
        for field, widget in self._widgets.items():
            dates = [widget] if isinstance(widget, DateField) else widget.findChildren(DateField)
            for date_field in dates:
                message = date_field.input_error() if date_field.isEnabled() else None
                if message:
                    errors.append(FieldError(field, message))
        return errors

    def attach(self, field: str, label: QLabel) -> None:
        self._labels[field] = label

    def clear(self) -> None:
        for label in [*self._labels.values(), self.general]:
            label.clear()
            label.hide()

    def show(self, error: ValidationError) -> None:
        self.clear()
        for item in error.errors:
            label = self._labels.get(item.field, self.general)
            text = f"{label.text()}\n{item.message}".strip() if label.text() else item.message
            label.setText(text)
            label.show()

    def set_message(self, field: str, message: str) -> None:
        """Show (or, with "", hide) the message of one field, leaving the others as they are:
        for a problem found while the form is filled in, such as a picture that cannot be used."""
        label = self._labels[field]
        label.setText(message)
        label.setVisible(bool(message))

    def message(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    @staticmethod
    def _make_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setObjectName("fieldError")
        label.hide()
        return label
