"""Monthly scorecard (百分考核, 000:L189): every clerk's 100-point card for a month, sortable by item
and total; the selected clerk's items with figures, rules, points and the records behind them; and
the week's problem list. PgUp/PgDn step through months (or weeks, on the problems tab)."""

from datetime import date
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from hallapp.domain.records import Actor
from hallapp.domain.scorecard_values import ClerkCard, Item, MonthScorecard
from ui.supervisor.scorecard_detail import CardDetail
from ui.supervisor.scorecard_messages import scorecard_message
from ui.supervisor.scorecard_text import clerk_name, item_name, item_points, total_text
from ui.supervisor.scorecard_week import WeekProblemsView
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
UNSCORED = Decimal(-1)  # sorts below every score


def _item_column(item: Item) -> Column[ClerkCard]:
    def sort_key(card: ClerkCard) -> Decimal:
        points = card.item(item).points
        return UNSCORED if points is None else points

    return Column(item_name(item), lambda c: item_points(c.item(item)), RIGHT, sort_key=sort_key)


def card_columns() -> list[Column[ClerkCard]]:
    return [
        Column(translate("Scorecard", "Staff no."), lambda c: c.staff_no, CENTER),
        Column(translate("Scorecard", "Name"), clerk_name),
        *(_item_column(item) for item in Item),
        Column(
            translate("Scorecard", "Total"),
            total_text,
            RIGHT,
            sort_key=lambda c: UNSCORED if c.total is None else c.total,
            tone=lambda c: "owed" if c.total is not None and c.total < 60 else None,
        ),
    ]


def _month(core, actor: Actor, year: int | None, month: int | None) -> tuple[date, MonthScorecard]:  # type: ignore[no-untyped-def]
    today = core.clock.business_date()
    if year is None or month is None:
        year, month = today.year, today.month
    return today, core.scorecard.month(actor, year, month)


class ScorecardPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.today: date | None = None
        self.year_month: tuple[int, int] | None = None  # None until the core has said which month is now
        self.scorecard: MonthScorecard | None = None
        self.caption = styled("", "section")
        self.previous = QPushButton(self.tr("◀ Previous month (PgUp)"))
        self.next = QPushButton(self.tr("Next month (PgDn) ▶"))
        self.summary = styled("", "muted", wrap=True)
        self.model = RecordTableModel(card_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=1)
        self.table.setAccessibleName(self.tr("Clerks' scorecards"))
        self.detail = CardDetail(ops, actor)
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.week: WeekProblemsView | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._month_tab(), self.tr("&Monthly scorecard"))
        self.week_holder = QWidget()
        QVBoxLayout(self.week_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.week_holder, self.tr("&Week's problems"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(styled(self.tr("Monthly scorecard"), "page-title"))
        layout.addWidget(
            styled(
                self.tr(
                    "Each clerk is scored out of 100 every month; weights, targets and deductions are "
                    "settings. Problems are reviewed every week."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self._connect()
        self.setFocusProxy(self.table)
        self.refresh()

    def _month_tab(self) -> QWidget:
        tab = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addWidget(self.caption)
        top.addWidget(self.summary, 1)
        top.addWidget(self.next)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 380])
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        return tab

    def _connect(self) -> None:
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.tabs.currentChanged.connect(self._on_tab)
        for key, steps in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(partial(self.step, steps))

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus()

    def handle_escape(self) -> bool:
        self.message.hide()
        self.tabs.setCurrentIndex(0)
        self.table.setFocus()
        return True

    def step(self, steps: int) -> None:
        """Previous or next month (or week, on the problems tab); never past today."""
        if self.tabs.currentIndex() == 1 and self.week is not None:
            self.week.step(steps)
            return
        if self.year_month is None or self.today is None:
            return
        year, month = divmod(self.year_month[0] * 12 + self.year_month[1] - 1 + steps, 12)
        if (year, month + 1) <= (self.today.year, self.today.month):
            self.year_month = (year, month + 1)
            self.refresh()

    def refresh(self) -> None:
        year, month = self.year_month or (None, None)
        work = partial(_month, actor=self.actor, year=year, month=month)
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, result: tuple[date, MonthScorecard]) -> None:
        self.today, card = result
        self.scorecard = card
        self.year_month = (card.year, card.month)
        self.message.hide()
        self.caption.setText(self.tr("{year}-{month:02}").format(year=card.year, month=card.month))
        self.next.setEnabled((card.year, card.month) < (self.today.year, self.today.month))
        selected = self.table.current_record()
        self.model.set_records(card.cards)
        scored = sum(1 for c in card.cards if c.total is not None)
        text = self.tr("{scored} of {count} clerk(s) scored.").format(scored=scored, count=len(card.cards))
        if not card.complete:
            text += self.tr(" The month is still running: as recorded up to {day}.").format(
                day=card.last_day.isoformat()
            )
        self.summary.setText(text)
        self._select(selected.staff_no if selected else None)
        if self.tabs.currentIndex() == 1:
            self._on_tab(1)

    def _select(self, staff_no: str | None) -> None:
        rows = [n for n, c in enumerate(self.model.records) if c.staff_no == staff_no]
        if rows:
            row = self.table.proxy.mapFromSource(self.model.index(rows[0], 0)).row()
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.table.proxy.index(row, 0))
        else:
            self.table.select_first()
        self.detail.show_card(self.table.current_record())

    def _on_current_changed(self, *_indexes: object) -> None:
        self.detail.show_card(self.table.current_record())

    def _on_tab(self, index: int) -> None:
        if index == 1 and self.week is None and self.today is not None:
            self.week = WeekProblemsView(self.ops, self.actor, self.today)
            self.week_holder.layout().addWidget(self.week)
            self.week.refresh()
        if index == 1 and self.week is not None:
            self.week.setFocus()

    def _on_failed(self, exc: Exception) -> None:
        say(self.message, scorecard_message(exc), ok=False)
