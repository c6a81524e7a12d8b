"""The APV's use cases that combine the file, the figures and the printed documents.

Qt-free. The screens and `--export` call these; reportlab is loaded on first use.
"""

from __future__ import annotations

from fravaer_desktop.core.apv import Apv, ApvFigures, apv_figures, default_period
from fravaer_desktop.core.guides import load_apv_checklist
from fravaer_desktop.services.conversations import company_of
from fravaer_desktop.storage.apv_repository import figures_from_json
from fravaer_desktop.storage.repositories import Store


def figures_of(store: Store, apv: Apv) -> ApvFigures:
    """A completed APV's figures as they were; a draft's as they are today."""
    if apv.is_done and apv.figures_json:
        return figures_from_json(apv.figures_json)
    return apv_figures(
        store.employees.list_all(), store.absences.all(), apv.period_first, apv.period_last,
        store.today(),
    )  # fmt: skip


def start_apv(store: Store) -> Apv:
    """A new draft for the last 12 months, dated today."""
    first, last = default_period(store.today())
    return store.apvs.start(store.today(), first, last)


def apv_pdf(store: Store, apv: Apv, figures: ApvFigures | None = None) -> bytes:
    """The APV's sickness section for the notice board."""
    from fravaer_desktop.reports.apv_documents import apv_pdf as render

    figures = figures or figures_of(store, apv)
    return render(company_of(store), apv, figures, load_apv_checklist(), store.today())


def blank_checklist_pdf(store: Store) -> bytes:
    """The checklist for a staff meeting, to fill in by hand."""
    from fravaer_desktop.reports.apv_documents import blank_checklist_pdf as render

    return render(company_of(store), load_apv_checklist(), store.today())


def export_apv_documents(store: Store, directory) -> list:
    """Every APV (completed ones as they were) and the blank checklist, for `--export`."""
    from fravaer_desktop.services.archive import write_whole

    written = []
    for apv in store.apvs.all():
        state = f"afsluttet {apv.completed_on}" if apv.is_done else "udkast"
        path = directory / f"APV sygefravær - {apv.made_on} - {state}.pdf"
        write_whole(path, apv_pdf(store, apv))
        written.append(path)
    path = directory / "APV tjekliste til personalemødet.pdf"
    write_whole(path, blank_checklist_pdf(store))
    written.append(path)
    return written
