"""The window's first Overblik, from the overview worker when it holds (decision 0012)."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.app import open_store, parse_args
from fravaer_desktop.overview_prefetch import OverviewPrefetch
from fravaer_desktop.ui.launch import build_window


def _shown_rows(window) -> list[tuple[str, str, str]]:
    return [
        (group, item.rule, item.employee_name) for group, item in window.overview_page.item_rows()
    ]


def test_the_first_overblik_shows_the_workers_overview(qtbot, tmp_path):
    path = tmp_path / "virksomhed.sqlite"
    open_store(path, demo=True, create=True, today=date.today()).db.close()
    prefetch = OverviewPrefetch.start(path, date.today(), min_file_bytes=0)

    window = build_window(parse_args(["--db", str(path)]), prefetch)
    qtbot.addWidget(window)

    assert prefetch.used
    shown = _shown_rows(window)
    assert shown, "the demo company has follow-up to do today"
    assert window.overview_page.side.absent_list.count() > 0
    window.overview_page.reload()  # what the window works out itself
    assert _shown_rows(window) == shown
    window.close_store()


def test_without_a_usable_answer_the_window_works_the_overblik_out_itself(qtbot, tmp_path):
    path = tmp_path / "virksomhed.sqlite"
    open_store(path, demo=True, create=True, today=date.today()).db.close()
    prefetch = OverviewPrefetch.start(path, date.today(), min_file_bytes=0)
    prefetch.discard()  # as if the worker had failed

    window = build_window(parse_args(["--db", str(path)]), prefetch)
    qtbot.addWidget(window)

    assert not prefetch.used
    assert _shown_rows(window)
    window.close_store()
