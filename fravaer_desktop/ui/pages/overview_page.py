"""Overblik: what the law and the company's routine ask of the manager now, this week and later."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.conversation import ConversationKind
from fravaer_desktop.core.danish import counted, file_problem, long_date
from fravaer_desktop.core.due import calendar_day_note, due_sentence
from fravaer_desktop.core.models import AbsenceSpell, TaskStatus
from fravaer_desktop.core.overview import COMPANY_ID, Horizon, Overview, OverviewItem
from fravaer_desktop.services.followup import (
    absence_status_pdf,
    current_goal_status,
    employee_overview,
    todays_follow_up,
)
from fravaer_desktop.ui.actions import AppActions
from fravaer_desktop.ui.messages import show_information, show_warning
from fravaer_desktop.ui.models.overview_tree import OVERDUE_COLOUR, OverviewTreeModel
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.absent_now_panel import AbsentNowPanel
from fravaer_desktop.ui.widgets.heading import heading

if TYPE_CHECKING:
    from fravaer_desktop.core.statistics import GoalStatus
    from fravaer_desktop.overview_prefetch import OverviewPrefetch

GROUP_ORDER = (
    Horizon.OVERDUE,
    Horizon.TODAY,
    Horizon.THIS_WEEK,
    Horizon.LATER,
    Horizon.NO_DEADLINE,
    Horizon.DECIDED,
)
#: The conversation an item is about: its button opens the guided conversation of that kind.
CONVERSATION_OF_RULE = {
    "samtale": ConversationKind.ABSENCE,
    "fravaerssamtale": ConversationKind.FREQUENT,
    "kontakt": ConversationKind.CONTACT,
    "naeste_kontakt": ConversationKind.CONTACT,
}
#: Items whose button opens the employee's conversations and documentation instead.
CONVERSATION_LIST_RULES = frozenset({"aftalt_skridt", "dokumentation"})
#: Items of the whole company whose button opens the APV.
APV_RULES = frozenset({"apv_revision", "apv_handling"})
#: Items whose button opens the absence's retention plan.
PLAN_RULES = frozenset({"fastholdelsesplan", "plan_opfoelgning"})

EMPTY_TEXT = (
    "Der er ingen frister eller opgaver lige nu.\n\n"
    "Når en medarbejder bliver sygemeldt, viser Fravær her, hvad loven og jeres egen "
    "kontaktrutine beder dig gøre, og hvornår: samtale, anmeldelse, opfølgning."
)


def decision_text(item: OverviewItem) -> str:
    """'Klaret 3. december 2026' or 'Ikke relevant (25. november 2026): <reason>'; else ''."""
    decision = item.decision
    if decision is None:
        return ""
    if decision.status is TaskStatus.DONE:
        return f"Klaret {long_date(decision.decided_on)}"
    return f"Ikke relevant ({long_date(decision.decided_on)}): {decision.reason}"


TASK_COLUMN = 1
SOURCE_COLUMN = 3
#: The task's title keeps room for about this many characters before the Kilde column shrinks.
TASK_MINIMUM_CHARACTERS = 30
#: The Kilde column never gets narrower than this, in pixels (a few letters and "…").
SOURCE_MINIMUM_WIDTH = 60


def source_column_width(room: int, task_minimum: int, source_wanted: int) -> int:
    """The Kilde column's width when `room` pixels are left beside the date and name columns:
    its full width while the task keeps `task_minimum`, narrower (down to
    SOURCE_MINIMUM_WIDTH) when it would not."""
    return max(SOURCE_MINIMUM_WIDTH, min(source_wanted, room - task_minimum))


class OverviewPage(QWidget):
    """The first page. `open_employee` asks the window to show one employee's history."""

    open_employee = Signal(int)

    def __init__(
        self,
        actions: AppActions,
        prefetch: OverviewPrefetch | None = None,
        parent: QWidget | None = None,
    ):
        """`prefetch`: a worker that may already have worked out today's overview of this
        file (used when it still holds, see overview_prefetch)."""
        super().__init__(parent)
        self.actions = actions
        self.overview: Overview | None = None
        self.title = heading("Overblik")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.goal_label = QLabel()
        self.goal_label.setWordWrap(True)
        self.model = OverviewTreeModel(decision_text, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Opgaver")
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 12pt; padding: 40px;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.done_button = QPushButton("Marker som &klaret")
        self.not_relevant_button = QPushButton("&Ikke relevant…")
        self.undo_button = QPushButton("&Fortryd")
        self.employee_button = QPushButton("Vis &medarbejderen")
        self.conversation_button = QPushButton("Hold &samtalen…")
        self.status_button = QPushButton("&Udskriv status…")
        self.status_button.setToolTip(
            "Udskriv status på fraværet: tidslinjen med frister og det, der er gjort, til "
            "personalemappen."
        )
        self.calendar_button = QPushButton("Gem frister i kalender…")
        self.calendar_button.setToolTip(
            "Gem de åbne frister som en kalenderfil (.ics), som Outlook, Google Kalender og "
            "Apple Kalender kan importere. Filen siger kun, hvad du skal gøre, aldrig hvorfor "
            "medarbejderen er fraværende."
        )
        self.side = AbsentNowPanel()
        self._build_layout()
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.tree.activated.connect(lambda *_: self._open_selected_employee())
        self.done_button.clicked.connect(self.mark_done)
        self.not_relevant_button.clicked.connect(self.mark_not_relevant)
        self.undo_button.clicked.connect(self.undo)
        self.employee_button.clicked.connect(self._open_selected_employee)
        self.conversation_button.clicked.connect(self.open_conversation)
        self.status_button.clicked.connect(self.print_status)
        self.calendar_button.clicked.connect(self.export_calendar)
        self.side.employee_chosen.connect(self.open_employee)
        self._stale = False
        # Left open overnight, the page moves to the new day by itself.
        actions.new_day.connect(lambda _: self.check_for_new_day())
        actions.spell_saved.connect(self._spell_saved)
        actions.employee_saved.connect(lambda employee: self._employee_changed(employee.id))
        actions.employee_deleted.connect(self._employee_deleted)
        actions.spell_deleted.connect(lambda _: self.data_changed())
        actions.conversation_saved.connect(self._employee_changed)
        actions.plan_saved.connect(self._employee_changed)
        actions.apv_saved.connect(self.reload)
        prefetched = prefetch.take(actions.store) if prefetch is not None else None
        if prefetched is None:
            self.reload()
        else:
            self._show(*prefetched)

    # --- Layout --------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        # Widths from sample texts, not ResizeToContents: that reads every row on each change.
        header = self.tree.header()
        header.setStretchLastSection(False)
        metrics = self.tree.fontMetrics()
        samples = ("Ingen frist", "", "Kristoffer Vestergaard", "Sygedagpengeloven §§ 40 og 59")
        for column, sample in enumerate(samples):
            if column == TASK_COLUMN:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            indent = 2 * self.tree.indentation() if column == 0 else 0  # branch and child indent
            self.tree.setColumnWidth(column, metrics.horizontalAdvance(sample) + indent + 24)
        self._source_wanted = self.tree.columnWidth(SOURCE_COLUMN)
        self._task_minimum = metrics.averageCharWidth() * TASK_MINIMUM_CHARACTERS
        self._scroll_bar_width = self.tree.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, self.tree
        )
        # Two short rows, so that the page fits a small screen at 200 %: what to do about the
        # task, then where to go from it. (Plain box layouts: a wrapping layout written in
        # Python cost start-up time.)
        task_row = QHBoxLayout()
        for button in (self.done_button, self.not_relevant_button, self.undo_button):
            task_row.addWidget(button)
        task_row.addStretch(1)
        next_row = QHBoxLayout()
        for button in (self.conversation_button, self.employee_button, self.status_button):
            next_row.addWidget(button)
        next_row.addStretch(1)
        detail_frame = QFrame()
        detail_frame.setFrameShape(QFrame.Shape.StyledPanel)
        detail_layout = QVBoxLayout(detail_frame)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(task_row)
        detail_layout.addLayout(next_row)
        left = QVBoxLayout()
        left.addWidget(self.tree, 3)
        left.addWidget(self.empty_label, 3)
        left.addWidget(detail_frame, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.side, 1)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        title_row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.goal_label)
        layout.addLayout(body, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # The layout has placed the list by now; only the page's own size moves it.
        super().resizeEvent(event)
        self._fit_source_column()

    def _fit_source_column(self) -> None:
        """In a narrow window the law reference gives way first, so the task stays readable;
        the detail below and the tooltip show it in full."""
        # From the list's own width (set by the layout before this page hears of its resize),
        # less its frame and room for a scroll bar.
        tree = self.tree
        inside = tree.width() - 2 * tree.frameWidth() - self._scroll_bar_width
        fixed = sum(tree.columnWidth(column) for column in (0, 2))
        width = source_column_width(inside - fixed, self._task_minimum, self._source_wanted)
        self.tree.setColumnWidth(SOURCE_COLUMN, width)

    # --- Data ----------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Refresh what changed while another page was shown, or a new day (left open overnight).
        if self._stale or (self.overview and self.overview.today != self.actions.today):
            self.reload()
        super().showEvent(event)

    def check_for_new_day(self) -> None:
        if self.overview is not None and self.overview.today != self.actions.today:
            self.data_changed()

    def data_changed(self) -> None:
        """Something changed (absence, company settings, goals): recompute now if the page is
        seen, else when it is next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _spell_saved(self, spell: AbsenceSpell) -> None:
        if self._shown_under_another_employee(spell):
            self.data_changed()  # moved from the wrong person: two employees changed
        else:
            self._employee_changed(spell.employee_id)

    def _shown_under_another_employee(self, spell: AbsenceSpell) -> bool:
        if self.overview is None:
            return False
        owners = {i.employee_id for i in self.overview.items if i.spell_id == spell.id}
        owners |= {a.employee_id for a in self.overview.absent_now if a.spell.id == spell.id}
        return bool(owners - {spell.employee_id})

    def _employee_changed(self, employee_id: int) -> None:
        """Only this employee's part of the overview can have changed."""
        if not self.isVisible() or self.overview is None:
            self._stale = True
            return
        fresh = employee_overview(self.actions.store, employee_id)
        if fresh.today != self.overview.today:  # a new day since the last reload
            self.reload()
            return
        self._show(
            self.overview.replacing_employee(employee_id, fresh),
            current_goal_status(self.actions.store),
        )

    def _employee_deleted(self, employee_id: int) -> None:
        if not self.isVisible() or self.overview is None:
            self._stale = True
            return
        self._show(
            self.overview.replacing_employee(employee_id, Overview(self.overview.today)),
            current_goal_status(self.actions.store),
        )

    def reload(self) -> None:
        """Recompute the overview from the company file and show it, keeping the selection."""
        self._stale = False
        self._show(*todays_follow_up(self.actions.store))

    def _show(self, overview: Overview, goal: GoalStatus | None) -> None:
        selected = self.selected_item()
        self.overview = overview
        groups = overview.grouped()
        self._show_summary(groups)
        self._show_goal_status(goal)
        self._fill_tree(groups)
        self.side.show_overview(overview)
        if selected is not None:
            self.select(selected.key)
        if self.selected_item() is None:
            self._select_first_open()
        self._show_selected()

    def _show_summary(self, groups: dict[Horizon, list[OverviewItem]]) -> None:
        overview = self.overview
        assert overview is not None
        parts = []
        counts = (
            (Horizon.OVERDUE, "overskredet", "overskredne"),
            (Horizon.TODAY, "skal gøres i dag", "skal gøres i dag"),
            (Horizon.THIS_WEEK, "denne uge", "denne uge"),
        )
        for horizon, one, many in counts:
            count = len(groups[horizon])
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        status = ", ".join(parts) if parts else "intet haster"
        away = len(overview.absent_now)
        away_text = f"{away} fraværende" if away else "ingen fraværende"
        self.summary.setText(
            f"{long_date(overview.today).capitalize()} · {status} · {away_text} i dag"
        )

    def _show_goal_status(self, goal: GoalStatus | None) -> None:
        self.goal_label.setVisible(goal is not None)
        if goal is None:
            self.goal_label.setText("")
            return
        from fravaer_desktop.core.statistics import goal_status_lines  # only with goals set

        self.goal_label.setText(" ".join(goal_status_lines(goal)))

    def _fill_tree(self, groups: dict[Horizon, list[OverviewItem]]) -> None:
        self.model.set_groups([(horizon, groups[horizon]) for horizon in GROUP_ORDER])
        for group_row, (horizon, _) in enumerate(self.model.groups()):
            self.tree.setFirstColumnSpanned(group_row, QModelIndex(), True)
            self.tree.setExpanded(self.model.group_index(group_row), horizon is not Horizon.DECIDED)
        shown = self.model.rowCount() > 0
        self.tree.setVisible(shown)
        self.empty_label.setVisible(not shown)

    # --- Selection and detail ------------------------------------------------------------------

    def selected_item(self) -> OverviewItem | None:
        return self.model.item_at(self.tree.currentIndex())

    def select(self, key: tuple) -> bool:
        """Select the item with this key; False when it is not on the overview."""
        index = self.model.find(key)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def item_rows(self) -> list[tuple[str, OverviewItem]]:
        """(group title, item) for every row in the tree, top to bottom (tests, screenshots)."""
        return [
            (self.model.group_title(group_row), item)
            for group_row, (_, items) in enumerate(self.model.groups())
            for item in items
        ]  # fmt: skip

    def _select_first_open(self) -> None:
        if self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.item_index(0, 0))

    def _show_selected(self) -> None:
        item = self.selected_item()
        has_item = item is not None
        decided = has_item and item.decision is not None
        # The APV's items are the company's: done or not is stored in the APV itself.
        personal = has_item and item.employee_id != COMPANY_ID
        to_do = personal and not decided and not item.is_milestone
        self.done_button.setEnabled(to_do)
        self.not_relevant_button.setEnabled(to_do)
        self.undo_button.setEnabled(personal and decided)
        self.employee_button.setEnabled(personal)
        self.status_button.setEnabled(has_item and item.spell_id is not None)
        rule = item.rule if has_item else ""
        if rule in APV_RULES:
            text = "&APV…"
        elif rule in PLAN_RULES:
            text = "&Fastholdelsesplan…"
        elif rule in CONVERSATION_LIST_RULES:
            text = "&Samtaler og dokumentation…"
        else:
            text = "Hold &samtalen…"
        self.conversation_button.setText(text)
        self.conversation_button.setEnabled(
            rule in CONVERSATION_LIST_RULES
            or rule in PLAN_RULES
            or rule in APV_RULES
            or (rule in CONVERSATION_OF_RULE and not decided)
        )
        self.detail.setText(self._detail_html(item) if item else "")

    def _detail_html(self, item: OverviewItem) -> str:
        today = self.actions.today
        lines = [f"<h3 style='margin:0'>{escape(item.title)} – {escape(item.employee_name)}</h3>"]
        if item.due is not None:
            colour = OVERDUE_COLOUR.name() if item.horizon(today) is Horizon.OVERDUE else ""
            style = f" style='color:{colour}'" if colour else ""
            sentence = due_sentence(item.due, today, milestone=item.is_milestone)
            lines.append(f"<p{style}><b>{escape(sentence)}</b></p>")
        elif item.is_option:
            lines.append("<p><b>En mulighed uden lovbestemt frist.</b></p>")
        if item.is_milestone:
            lines.append("<p><i>Til orientering: her er intet, du skal gøre.</i></p>")
        if item.detail:
            lines.append(f"<p>{escape(item.detail)}</p>")
        lines.append(f"<p>{escape(item.explanation)}</p>")
        lines.append(f"<p style='{note_style()}'>Kilde: {escape(item.source)}</p>")
        if item.due is not None and not item.is_milestone and (note := calendar_day_note(item.due)):
            lines.append(f"<p style='{note_style()}'>{escape(note)}</p>")
        if item.decision is not None:
            lines.append(f"<p><b>{escape(decision_text(item))}</b></p>")
        return "".join(lines)

    # --- Actions -------------------------------------------------------------------------------

    def open_conversation(self) -> None:
        """The guided conversation the item asks for (or the employee's conversations)."""
        item = self.selected_item()
        if item is None:
            return
        if item.rule in PLAN_RULES:
            self.actions.open_retention_plan(item.employee_id, item.spell_id)
            return
        if item.rule in APV_RULES:
            self.actions.open_apv()
            return
        kind = CONVERSATION_OF_RULE.get(item.rule)
        if kind is None:
            spell = None
            if item.spell_id is not None:
                spells = self.actions.store.absences.for_employee(item.employee_id)
                spell = next((s for s in spells if s.id == item.spell_id), None)
            self.actions.open_conversations(item.employee_id, spell)
            return
        spell_id = item.spell_id if kind.needs_ongoing_absence else None
        self.actions.open_conversation(item.employee_id, kind, spell_id)

    def mark_done(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        self.actions.store.decisions.decide(
            item.rule, item.employee_id, TaskStatus.DONE, spell_id=item.spell_id, due=item.due
        )
        self.actions.status_message.emit(f"»{item.title}« er markeret som klaret")
        self._reload_next_open(item)

    def mark_not_relevant(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        from fravaer_desktop.ui.dialogs.decision_dialog import NotRelevantDialog

        dialog = NotRelevantDialog(
            self.actions.store.decisions, item, self.actions.health_check, self
        )
        if dialog.exec():
            self.actions.status_message.emit(f"»{item.title}« er markeret som ikke relevant")
            self._reload_next_open(item)

    def undo(self) -> None:
        item = self.selected_item()
        if item is None or item.decision is None:
            return
        self.actions.store.decisions.undo(item.key)
        self.actions.status_message.emit(f"»{item.title}« er åben igen")
        self.reload()

    def _reload_next_open(self, decided: OverviewItem) -> None:
        """Reload and move on to the next open item, so a list can be worked through."""
        rows = [item for _, item in self.item_rows()]
        keys = [item.key for item in rows]
        following = rows[keys.index(decided.key) + 1 :] if decided.key in keys else []
        self.reload()
        for item in following:
            if item.decision is None and self.select(item.key):
                return
        self._select_first_open()

    def status_pdf(self) -> bytes | None:
        """The printed status of the selected item's absence; None without one."""
        item = self.selected_item()
        if item is None or item.spell_id is None:
            return None
        return absence_status_pdf(self.actions.store, item.spell_id, self.overview)

    def print_status(self) -> None:
        item = self.selected_item()
        try:
            pdf = self.status_pdf()
        except ValueError as error:
            show_information(self, "Udskriv status", str(error))
            return
        if pdf is None or item is None:
            return
        from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        kind_title = self.actions.store.absences.get(item.spell_id).kind.status_title
        title = f"{kind_title} – {item.employee_name}"
        PdfPreviewDialog(pdf, title, f"{kind_title} {item.employee_name}.pdf", self).exec()

    def export_calendar(self) -> None:
        """Ask where to save the open deadlines as an .ics file, and save them there."""
        from fravaer_desktop.core.calendar_export import SUGGESTED_FILE_NAME
        from fravaer_desktop.ui.file_dialogs import choose_file

        target = choose_file(
            self, "Gem frister som kalender", SUGGESTED_FILE_NAME, "Kalenderfil (*.ics)",
            save=True,
        )  # fmt: skip
        if target is not None:
            self.export_calendar_to(target)

    def export_calendar_to(self, target: Path) -> int:
        """Write the open deadlines to `target`; returns how many events it holds."""
        from fravaer_desktop.core.calendar_export import calendar_items, deadlines_calendar

        assert self.overview is not None
        company = self.actions.store.company.get()
        today = self.actions.today
        data = deadlines_calendar(
            self.overview.items, company_name=company.name if company else "", today=today
        )
        try:
            target.write_bytes(data)
        except OSError as error:
            show_warning(
                self, "Kalender",
                f"Filen kunne ikke gemmes i '{target}': {file_problem(error)}. Vælg en anden "
                "mappe, og prøv igen.",
            )  # fmt: skip
            return 0
        count = len(calendar_items(self.overview.items, today))
        saved = counted(count, "frist", "frister")
        self.actions.status_message.emit(f"{saved} gemt i {target.name}")
        return count

    def _open_selected_employee(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.open_employee.emit(item.employee_id)
