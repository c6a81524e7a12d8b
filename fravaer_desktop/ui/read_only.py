"""A window on a file that another Fravær has open: everything that writes is switched off.

Decision 0020. Three layers, so that no single forgotten button can write: the connection is
read-only in SQLite itself (storage.database), the actions that open writing dialogs say calmly
why they cannot (`ReadOnlyActions`), and every push button that is not known to only read or
print is disabled and kept so (`keep_writing_buttons_disabled`): a button added later is off in
a read-only window until it is put on `READ_ONLY_SAFE_BUTTONS`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QWidget

from fravaer_desktop.storage.file_lock import LockHolder
from fravaer_desktop.ui.actions import AppActions
from fravaer_desktop.ui.messages import show_information

#: Buttons that only show, print or save a document elsewhere: they stay on (by their text).
READ_ONLY_SAFE_BUTTONS = frozenset(
    {
        "Vis &medarbejderen",
        "&Udskriv status…",
        "Gem frister i kalender…",
        "Udskriv fraværsoversigt…",
        "Udskriv alt om medarbejderen…",
        "Ændringslog…",
        "Udskriv statistik…",
        "Tag sikkerhedskopi…",
        "Prøv igen",
    }
)
READ_ONLY_TITLE = "Filen er skrivebeskyttet"
READ_ONLY_TOOLTIP = "Filen er åben i et andet Fravær; her kan du kun se og udskrive."
READ_ONLY_ACTION_TEXT = (
    "Filen er åben i et andet Fravær, så her kan du kun se og udskrive. Ret i det andet "
    "Fravær, eller luk det og tryk »Prøv igen« øverst i vinduet."
)


def holder_text(holder: LockHolder | None) -> str:
    """Where the file is open, in a few words: 'på denne computer (siden kl. 10.14)'."""
    if holder is None:
        return "i et andet Fravær"
    where = "på denne computer" if holder.on_this_computer() else f"på computeren {holder.computer}"
    since = f" siden kl. {holder.since:%H.%M}" if holder.since is not None else ""
    return f"i Fravær {where}{since}"


def read_only_banner_text(holder: LockHolder | None) -> str:
    return (
        f"<b>Filen er åbnet skrivebeskyttet.</b> Den er allerede åben {holder_text(holder)}. "
        "Her kan du se og udskrive alt, men ikke rette, så de to aldrig skriver i filen "
        "samtidig. Vil du rette her, så luk det andet Fravær, og tryk »Prøv igen«."
    )


class _KeepDisabled(QObject):
    """Switches a button off again whenever a page switches it on (a new selection)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            if watched.isEnabled():
                watched.setEnabled(False)
        return False


def keep_writing_buttons_disabled(root: QWidget) -> list[QPushButton]:
    """Disable every push button under `root` that is not known to be safe; returns them."""
    keeper = root.findChild(_KeepDisabled, "readOnlyKeeper")
    if keeper is None:
        keeper = _KeepDisabled(root)
        keeper.setObjectName("readOnlyKeeper")
    disabled = []
    for button in root.findChildren(QPushButton):
        if button.text() in READ_ONLY_SAFE_BUTTONS or button.property("read_only_guarded"):
            continue
        button.setProperty("read_only_guarded", True)
        button.setEnabled(False)
        button.setToolTip(READ_ONLY_TOOLTIP)
        button.installEventFilter(keeper)
        disabled.append(button)
    return disabled


class ReadOnlyActions(AppActions):
    """The actions of a read-only window: those that would open a writing dialog say why not."""

    def _refuse(self, *_args, **_kwargs) -> None:
        show_information(self._window, READ_ONLY_TITLE, READ_ONLY_ACTION_TEXT)
        return None

    register_sickness = _refuse
    edit_spell = _refuse
    register_return = _refuse
    add_employee = _refuse
    edit_employee = _refuse
    open_conversations = _refuse
    open_conversation = _refuse
    show_minutes = _refuse  # printing minutes keeps them as a new version
    request_documentation = _refuse
    open_retention_plan = _refuse
    open_apv = _refuse  # it starts a draft

    def delete_spell(self, *_args, **_kwargs) -> bool:
        self._refuse()
        return False

    def delete_employee(self, *_args, **_kwargs) -> bool:
        self._refuse()
        return False
