"""The APV's figures as the staff may see them: aggregates only, small groups protected."""

from __future__ import annotations

from html import escape

from fravaer_desktop.core.apv import WEEKDAYS, ApvFigures, figure_rows, protection_note
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.statistics import comparison_rows, days_number_text, percent_text


def figures_html(figures: ApvFigures) -> str:
    """The key figures against the period before, by group and weekday, and the published
    averages, as rich text for the screen."""
    parts = [
        f"<p><b>Perioden {long_date(figures.first)} – {long_date(figures.last)}</b> mod "
        "perioden før, lige så lang.</p>"
    ]
    if figures.before_first_data:
        since = (f" Det første fravær i Fravær er fra {long_date(figures.recorded_since)}."
                 if figures.recorded_since else "")  # fmt: skip
        parts.append(f"<p><i>Der er intet registreret fravær i perioden.{escape(since)}</i></p>")
    elif not figures.current.has_absence:
        parts.append("<p><i>Der er intet sygefravær i perioden.</i></p>")
    rows = "".join(
        f"<tr><td>{escape(what)}</td><td align='right'>{escape(now)}</td>"
        f"<td align='right'>{escape(before)}</td></tr>"
        for what, now, before in figure_rows(figures)
    )
    parts.append(
        "<table cellpadding='3'><tr><th align='left'></th><th>Perioden</th>"
        f"<th>Perioden før</th></tr>{rows}</table>"
    )
    if figures.groups:
        groups = "".join(
            f"<tr><td>{escape(g.name)}</td><td align='right'>{g.employees}</td>"
            f"<td align='right'>{percent_text(g.statistics.percent)}</td>"
            f"<td align='right'>{days_number_text(g.statistics.days_per_fte)}</td></tr>"
            for g in figures.groups
        )
        parts.append(
            "<p><b>Efter afdeling</b></p><table cellpadding='3'><tr><th align='left'>Gruppe"
            "</th><th>Medarbejdere</th><th>Fraværsprocent</th><th>Dage pr. fuldtidsansat</th>"
            f"</tr>{groups}</table>"
        )
    note = protection_note(figures)
    if note:
        parts.append(f"<p><i>{escape(note)}</i></p>")
    if figures.weekday_starts and sum(figures.weekday_starts):
        days = ", ".join(f"{day} {count}" for day, count in
                         zip(WEEKDAYS[:5], figures.weekday_starts[:5], strict=True))  # fmt: skip
        parts.append(f"<p><b>Sygeperioder, der begyndte på en …</b> {escape(days)}</p>")
    averages = "".join(
        f"<tr><td>{escape(r.label)}</td><td align='right'>{escape(r.own)}</td>"
        f"<td align='right'>{escape(r.published)}</td></tr>"
        for r in comparison_rows(figures.current)
    )
    parts.append(
        "<p><b>Jeres tal ved siden af landstal</b> (kun vejledende)</p><table cellpadding='3'>"
        f"<tr><th></th><th>I</th><th>Landstal</th></tr>{averages}</table>"
    )
    return "".join(parts)
