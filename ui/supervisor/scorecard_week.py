"""The week's problem list (每周总结分析, 000:L189): a Monday–Sunday week of problems, one line each
with who, when, what and the record."""

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hallapp.domain.records import Actor
from hallapp.domain.scorecard_problems import Problem, WeekProblems
from ui.supervisor.scorecard_detail import TipTableModel
from ui.supervisor.scorecard_messages import scorecard_message
from ui.supervisor.scorecard_text import problem_kind, problem_text, who
from ui.widgets.formatting import day
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, Column
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def problem_columns(type_names: dict[str, str]) -> list[Column[Problem]]:
    return [
        Column(translate("Scorecard", "Day"), lambda p: day(p.day), CENTER),
        Column(translate("Scorecard", "Time"), lambda p: p.at.strftime("%H:%M") if p.at else "", CENTER),
        Column(translate("Scorecard", "Clerk"), lambda p: who(p.staff_no, p.clerk_name)),
        Column(translate("Scorecard", "Problem"), lambda p: problem_kind(p.kind)),
        Column(translate("Scorecard", "Record"), lambda p: p.record_no),
        Column(translate("Scorecard", "What happened"), lambda p: problem_text(p, type_names)),
    ]


def _week(core, actor: Actor, monday: date) -> tuple[WeekProblems, dict[str, str]]:  # type: ignore[no-untyped-def]
    names = {b.code: b.name for b in core.reference.business_types()}
    return core.scorecard.week(actor, monday), names


class WeekProblemsView(QWidget):
    def __init__(self, ops, actor, today: date) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ops, self.actor = ops, actor
        self.today = today
        self.monday = today - timedelta(days=today.weekday())
        self.week: WeekProblems | None = None
        self.caption = styled("", "section")
        self.previous = QPushButton(self.tr("◀ Previous week (PgUp)"))
        self.next = QPushButton(self.tr("Next week (PgDn) ▶"))
        self.summary = styled("", "muted", wrap=True)
        self.type_names: dict[str, str] = {}
        self.model = TipTableModel(problem_columns(self.type_names), self)
        self.table = RecordTableView(self.model, stretch_column=5)
        self.table.setAccessibleName(self.tr("Problems of the week"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addWidget(self.caption, 1)
        top.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.setFocusProxy(self.table)

    def step(self, weeks: int) -> None:
        monday = self.monday + timedelta(days=7 * weeks)
        if monday <= self.today:
            self.monday = monday
            self.refresh()

    def refresh(self) -> None:
        sunday = self.monday + timedelta(days=6)
        self.caption.setText(
            self.tr("Week of {monday} to {sunday}").format(monday=day(self.monday), sunday=day(sunday))
        )
        self.next.setEnabled(self.monday + timedelta(days=7) <= self.today)
        work = partial(_week, actor=self.actor, monday=self.monday)
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, result: tuple[WeekProblems, dict[str, str]]) -> None:
        week, names = result
        self.type_names.update(names)
        self.week = week
        self.message.hide()
        self.model.set_records(week.problems)
        count = len(week.problems)
        text = (
            self.tr("{count} problem(s) to review and correct with a deadline.").format(count=count)
            if count
            else self.tr("No problem was recorded this week.")
        )
        if not week.complete:
            text += self.tr(" The week is still running: as recorded up to {day}.").format(
                day=day(week.last_day)
            )
        self.summary.setText(text)
        self.table.select_first()

    def _on_failed(self, exc: Exception) -> None:
        self.model.set_records(())
        say(self.message, scorecard_message(exc), ok=False)
