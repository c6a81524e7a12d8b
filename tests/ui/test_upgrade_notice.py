"""After a new version of Fravær has upgraded the company file, the window says so and where
the copy from before the upgrade is."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.app import open_store
from fravaer_desktop.storage.database import safety_copies
from fravaer_desktop.ui.main_window import MainWindow


def test_the_status_bar_tells_where_the_copy_from_before_the_upgrade_is(
    qtbot, tmp_path, health_check, request
) -> None:
    path = tmp_path / "virksomhed.sqlite"
    open_store(path, demo=True, create=True, today=date(2026, 11, 23)).db.close()
    request.getfixturevalue("newer_program")  # a new version of Fravær is installed

    window = MainWindow(open_store(path, demo=False, create=False, today=date(2026, 11, 23)),
                        health_check, path, is_demo=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    [copy] = safety_copies(path)
    assert window.statusBar().currentMessage() == (
        "Filen er opgraderet til denne version af Fravær. Kopien fra før ligger i mappen "
        f"'{copy.parent}'."
    )
    window.close()


def test_a_file_that_needed_no_upgrade_shows_where_it_is(qtbot, tmp_path, health_check) -> None:
    path = tmp_path / "virksomhed.sqlite"
    open_store(path, demo=True, create=True, today=date(2026, 11, 23)).db.close()
    window = MainWindow(open_store(path, demo=False, create=False, today=date(2026, 11, 23)),
                        health_check, path, is_demo=False)  # fmt: skip
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == str(path)
    window.close()
