"""The Statistik page driven like a user: period, scope, goals, printing and the chart."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Goal, GoalMetric
from fravaer_desktop.ui.dialogs.goal_dialog import GoalDialog, parse_percent
from fravaer_desktop.ui.pages.statistics_page import StatisticsPage, preset_period


@pytest.fixture
def sick_store(company_store):
    """Anna (37 h, Butik) sick Monday 2 to Friday 6 February 2026; Bo (30 h, Bageri) one
    child's sick day on Monday 9 March 2026."""
    anna, bo = company_store.employees.list_all()
    company_store.absences.add(AbsenceSpell(anna.id, date(2026, 2, 2), last_day=date(2026, 2, 6)))
    company_store.absences.add(
        AbsenceSpell(bo.id, date(2026, 3, 9), AbsenceKind.CHILD_SICK, date(2026, 3, 9))
    )
    return company_store


@pytest.fixture
def page(qtbot, sick_store) -> StatisticsPage:
    widget = StatisticsPage(sick_store)
    qtbot.addWidget(widget)
    widget.resize(1000, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def figure(page: StatisticsPage, label: str) -> str:
    return page.figure_values[label].text()


def test_key_figures_follow_the_period_and_the_scope(page) -> None:
    # Last 12 months (24 Nov 2025 - 23 Nov 2026): 253 working days × 13.4 h planned; 37 h sick.
    assert page.period.currentText() == "Seneste 12 måneder"
    assert "24. november 2025 – 23. november 2026" in page.period_label.text()
    assert "2 medarbejdere med planlagte timer" in page.period_label.text()
    assert figure(page, "Fraværsprocent") == "1,1 %"
    assert figure(page, "Antal sygeperioder") == "1"
    assert figure(page, "Korte (≤ 14 dage) / lange") == "1 / 0"
    assert figure(page, "Barns sygedage") == "1"

    # This year (1 Jan - 23 Nov 2026): 227 working days; 37 of 3,041.8 h = 1.2 %; 2.8 days/FTE.
    page.period.setCurrentText("I år")
    assert figure(page, "Fraværsprocent") == "1,2 %"
    assert figure(page, "Sygefraværsdage pr. fuldtidsansat") == "2,8"
    assert page.first.date_value() == date(2026, 1, 1) and not page.first.isEnabled()
    assert page.chart.chart is not None and len(page.chart.chart.values) == 11

    page.scope.setCurrentText("Medarbejder: Anna Jensen")
    assert figure(page, "Fraværsprocent") == "2,2 %"  # 37 of 227 × 7.4 h
    assert page.personal_banner.isVisible()
    assert "Personoplysninger" in page.personal_banner.text()
    assert not page.comparison_box.isVisible(), "no national averages for one person"
    assert page.chart.chart.target is None


def visible_label_texts(page: StatisticsPage) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


def test_company_and_department_views_never_list_individuals(page) -> None:
    assert "Anna" not in visible_label_texts(page) and "Bo " not in visible_label_texts(page)
    assert page.comparison_box.isVisible()
    assert "DA FraværsStatistik 2024" in visible_label_texts(page)
    assert "10 eller flere ansatte" in page.comparison_note.text()

    page.scope.setCurrentText("Afdeling: Butik")
    assert figure(page, "Fraværsprocent") == "2,0 %"  # Anna alone: 5 of 253 working days
    assert "Anna" not in visible_label_texts(page)
    assert not page.personal_banner.isVisible()
    assert page.small_group_note.isVisible(), "one person's department is personal data too"
    assert "kun 1 medarbejder" in page.small_group_note.text()


def test_a_period_without_absence_shows_a_calm_empty_state(page) -> None:
    page.period.setCurrentText("Sidste år")

    assert page.empty_label.isVisible()
    assert page.empty_label.text().startswith(
        "Der er ikke registreret sygefravær eller barns sygedage for virksomheden i perioden."
    )
    assert not page.chart.isVisible() and not page.figures_box.isVisible()
    assert "1. januar 2025 – 31. december 2025" in page.period_label.text()


def test_a_company_without_staff_is_told_where_to_start(qtbot, store) -> None:
    widget = StatisticsPage(store)
    qtbot.addWidget(widget)
    widget.show()

    assert widget.empty_label.isVisible()
    assert "Der er endnu ingen medarbejdere" in widget.empty_label.text()
    assert not widget.print_button.isEnabled()
    assert "I har ikke sat et mål endnu" in widget.goal_text.text()


def test_a_custom_period_is_typed_in_the_date_fields(page) -> None:
    page.period.setCurrentText("Vælg selv")
    assert page.first.isEnabled() and page.last.isEnabled()
    page.first.set_date(date(2026, 2, 1))
    page.last.set_date(date(2026, 2, 28))

    # February 2026: 20 working days; planned 20 × 13.4 = 268 h; 37 h sick = 13.8 %.
    assert "1. februar 2026 – 28. februar 2026" in page.period_label.text()
    assert figure(page, "Fraværsprocent") == "13,8 %"
    assert page.chart.chart.bar_text(0) == "februar 2026: 13,8 %"


def test_all_years_start_with_the_month_of_the_first_registered_absence(page) -> None:
    # Anna was hired 1 March 2019, but the first absence is from February 2026: the years
    # before hold no data and would show a false 0 %.
    page.period.setCurrentText("Alle år")
    # 1 February - 23 November 2026: 206 working days × 13.4 h; 37 h sick = 1.3 %.
    assert page.first.date_value() == date(2026, 2, 1)
    assert "1. februar 2026 – 23. november 2026 (fra måneden med det første registrerede " in (
        page.period_label.text()
    )
    assert figure(page, "Fraværsprocent") == "1,3 %"


def test_all_years_are_charted_year_by_year(page, sick_store) -> None:
    anna = sick_store.employees.list_all()[0]
    sick_store.absences.add(AbsenceSpell(anna.id, date(2022, 5, 2), last_day=date(2022, 5, 3)))
    page.reload()
    page.period.setCurrentText("Alle år")

    assert page.first.date_value() == date(2022, 5, 1)
    assert page.chart.chart.title == "Fraværsprocent år for år"
    assert page.chart.chart.labels == ("2022", "2023", "2024", "2025", "2026")


def test_set_a_goal_in_the_dialog_and_see_it_stored_and_shown(page, sick_store, drive_modal):
    assert "I har ikke sat et mål endnu" in page.goal_text.text()

    def fill(dialog: GoalDialog) -> None:
        dialog.target.clear()
        dialog.target.setText("3,5")
        dialog.special_check.setChecked(True)
        dialog.special_target.setValue(1)
        dialog.save_button.click()

    drive_modal(page.goal_button.click, fill)

    assert sick_store.goals.all() == [
        Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1), id=1),
        Goal(GoalMetric.SPECIAL_TERMS_STAFF, 1, date(2026, 1, 1), id=2),
    ]
    assert page.goal_text.text() == (
        "Sygefraværet de seneste 12 måneder er 1,1 % – målet er 3,5 % (under målet).\n"
        "0 ansatte på særlige vilkår (fleksjob) – målet er mindst 1 (målet er ikke nået)."
    )
    assert "2026 (til 23. november) 1,2 % 3,5 % Under målet" in grid_text(page)
    assert page.chart.chart.target is not None
    assert page.chart.chart.target.label == "Mål 3,5 %"


def grid_text(page: StatisticsPage) -> str:
    grid = page.goal_grid
    cells = [grid.itemAt(i).widget().text() for i in range(grid.count())]
    return " ".join(cells)


def test_the_goal_dialog_shows_errors_under_the_field(page, sick_store, drive_modal) -> None:
    messages = []

    def fill(dialog: GoalDialog) -> None:
        dialog.target.setText("120")
        dialog.save_button.click()
        messages.append(dialog.errors.message("target"))
        dialog.target.setText("tre")
        dialog.save_button.click()
        messages.append(dialog.errors.message("target"))
        assert dialog.isVisible(), "the dialog stays open"
        dialog.reject()

    drive_modal(page.goal_button.click, fill)

    assert messages == [
        "Målet for fraværsprocenten skal være mellem 0 og 100.",
        "Skriv målet som et tal i procent, fx 3,5.",
    ]
    assert sick_store.goals.all() == []


def test_parse_percent_reads_danish_numbers() -> None:
    assert parse_percent("3,5") == 3.5
    assert parse_percent(" 4.25 % ") == 4.25
    assert parse_percent("tre") is None
    assert parse_percent("") is None


def test_print_statistics_opens_the_preview(page, drive_modal) -> None:
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["pages"] = len(dialog.pages)
        dialog.accept()

    drive_modal(page.print_button.click, look)

    assert seen == {"title": "Udskrift – Fraværsstatistik – Hele virksomheden", "pages": 2}


def test_the_chart_names_each_bar_for_tooltips_and_screen_readers(page) -> None:
    chart = page.chart
    assert chart.accessibleName() == "Fraværsprocent måned for måned"
    assert chart.accessibleDescription().startswith("november 2025 (fra den 24.): 0,0 %; ")
    assert "februar 2026: 13,8 %" in chart.accessibleDescription()

    image = chart.grab().toImage()
    assert image.width() == chart.width()
    bar = chart.bar_rect(3)  # February 2026
    assert chart.bar_at(QPoint(int(bar.center().x()), int(bar.bottom()) - 2)) == 3
    assert chart.bar_at(QPoint(1, 1)) is None


def test_presets_are_rolling_and_calendar_periods() -> None:
    today = date(2026, 11, 23)
    assert preset_period("Seneste 12 måneder", today) == (date(2025, 11, 24), today)
    assert preset_period("I år", today) == (date(2026, 1, 1), today)
    assert preset_period("Sidste år", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert preset_period("Seneste 3 år", today) == (date(2023, 11, 24), today)
    assert preset_period("Alle år", today) == (date.min, today)


def test_a_narrow_window_scrolls_sideways_to_the_print_button(page, qtbot) -> None:
    from PySide6.QtWidgets import QScrollArea

    page.resize(600, 700)  # narrower than the page's contents (a small screen at 200 %)
    (scroll,) = page.findChildren(QScrollArea)
    bar = scroll.horizontalScrollBar()
    # the user can see there is more to the right, and drag to it
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.isVisible(), timeout=2000)

    bar.setValue(bar.maximum())
    button = page.print_button
    right_edge = button.mapTo(scroll.viewport(), button.rect().topRight()).x()

    assert right_edge <= scroll.viewport().width()  # the whole button can be reached


def test_a_value_on_the_goal_line_stays_readable(qtbot) -> None:
    """The dashed goal line used to run straight through a bar's value ("3,4 %")."""
    from PySide6.QtGui import QColor

    from fravaer_desktop.core.charts import BarChart, ReferenceLine
    from fravaer_desktop.ui.widgets.bar_chart import TARGET_COLOUR, BarChartWidget

    widget = BarChartWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    plain = BarChart("Fravær", ("jan", "feb"), (3.4, 8.0), ("januar", "februar"))
    widget.set_chart(plain)
    plot, line = widget._plot_rect(), widget._line()
    label_middle = widget._y(plain, plot, 3.4) - 2 - line / 2
    goal = min(
        (value / 100 for value in range(340, 800)),
        key=lambda value: abs(widget._y(plain, plot, value) - label_middle),
    )
    chart = BarChart("Fravær", plain.labels, plain.values, plain.descriptions,
                     target=ReferenceLine(goal, f"Mål {goal}"))  # fmt: skip
    widget.set_chart(chart)
    plot = widget._plot_rect()  # narrower now: the goal's label sits to its right
    image = widget.grab().toImage()
    y = round(widget._y(chart, plot, goal))
    text_width = widget.fontMetrics().horizontalAdvance("3,4 %")
    centre = plot.left() + plot.width() / 4
    red = QColor(TARGET_COLOUR)
    on_line = [
        image.pixelColor(x, y)
        for x in range(int(centre - text_width / 2), int(centre + text_width / 2))
    ]
    assert not any(abs(c.red() - red.red()) + abs(c.green() - red.green()) < 40 for c in on_line)
    beside = [
        image.pixelColor(x, y)
        for x in range(int(plot.left() + plot.width() * 0.55), int(plot.right()))
    ]
    assert any(abs(c.red() - red.red()) + abs(c.green() - red.green()) < 40 for c in beside)
