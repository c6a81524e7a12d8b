"""Forms open with the cursor in their first field, and Tab reaches Gem and Annuller last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton


def tab_through(qtbot, dialog, steps: int = 40) -> list[str]:
    """What Tab visits from the first field: a name per widget, until the first again."""
    first = QApplication.focusWidget()
    visited = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        visited.append(widget.text() if isinstance(widget, QPushButton) else type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is first:
            break
    return visited


def test_a_new_employee_is_typed_and_saved_with_the_keyboard_alone(
    qtbot, window, company_store, drive_modal
):
    seen = {}

    def type_name(dialog):
        seen["focus"] = QApplication.focusWidget() is dialog.name_edit
        seen["order"] = tab_through(qtbot, dialog)
        qtbot.keyClicks(QApplication.focusWidget(), "Carl Holm")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    drive_modal(window.actions.add_employee, type_name)

    assert seen["focus"] is True
    assert seen["order"][0] == "QLineEdit" and seen["order"][-2:] == ["Gem", "Annuller"]
    assert "Carl Holm" in [e.name for e in company_store.employees.list_all()]


def test_the_company_and_policy_forms_start_in_their_first_field(qtbot, window, drive_modal):
    seen = {}

    def look(name):
        def work(dialog):
            focus = QApplication.focusWidget()
            seen[name] = (isinstance(focus, QPushButton), tab_through(qtbot, dialog)[-2:])
            dialog.reject()

        return work

    drive_modal(window.edit_company, look("company"))
    drive_modal(window.edit_policy, look("policy"))

    assert seen["company"] == (False, ["Gem", "Annuller"])
    assert seen["policy"][0] is False and seen["policy"][1][-1] == "Annuller"


def test_a_name_with_angle_brackets_is_shown_whole(qtbot, window, company_store) -> None:
    """ "Ole <Vikar> Hansen" is a name, not markup: no part of it may vanish."""
    from datetime import date

    from fravaer_desktop.core.models import Employee
    from fravaer_desktop.core.overview import OverviewItem
    from fravaer_desktop.ui.dialogs.decision_dialog import NotRelevantDialog

    ole = company_store.employees.add(
        Employee(name="Ole <Vikar> Hansen", employed_from=date(2020, 1, 1))
    )
    item = OverviewItem("samtale", ole.id, ole.name, "Hold samtalen", "", "", date(2026, 12, 1))
    dialog = NotRelevantDialog(company_store.decisions, item, window.actions.health_check)
    qtbot.addWidget(dialog)
    intro = dialog.form.itemAt(0).widget()
    assert "for Ole &lt;Vikar&gt; Hansen, frist 1. december 2026" in intro.text()

    window.show_page("Medarbejdere")
    window.employees_page.select_employee(ole.id)
    name = window.employees_page.detail.name_label
    assert (name.text(), name.textFormat()) == ("Ole <Vikar> Hansen", Qt.TextFormat.PlainText)
