"""营业厅柜面日志: one business day of the hall (today by default) or a period — the hall's summary,
then tabs by window, by clerk, money, satisfaction, applications and charts. Every figure drills
down (Enter or a double-click) to the tickets, payments or applications behind it.

PgUp/PgDn or Alt+Left/Right step to the previous/next day (period); Ctrl+E saves it as Excel,
Ctrl+P as PDF.
"""

from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.kpi_values import DailyLog
from hallapp.domain.records import Actor
from ui.supervisor.daily_log_drill import DrillDialog
from ui.supervisor.daily_log_export_flow import ExportFlow
from ui.supervisor.daily_log_messages import daily_log_message
from ui.supervisor.daily_log_tables import (
    DrillTableModel,
)
from ui.supervisor.daily_log_view import DailyLogView
from ui.widgets.labels import icon_card, say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.period_steps import PeriodSteps
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
EMPTY_TEXT_WIDTH = 480  # the empty-state card's inner width (ui.widgets.labels.icon_card)


def _load(core, actor: Actor, first: date | None, last: date | None, whole: bool = False) -> tuple:  # type: ignore[no-untyped-def]
    if whole:
        log = core.daily_log.whole_hall(actor, first, last)
    elif first is None:
        log = core.daily_log.day(actor)
    elif first == last:
        log = core.daily_log.day(actor, first)
    else:
        log = core.daily_log.range(actor, first, last)
    names = {t.code: t.name for t in core.reference.business_types()}
    return log, names


class DailyLogPage(PeriodSteps, WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.log: DailyLog | None = None
        self.type_names: dict[str, str] = {}
        self.busy = False
        self.wanted: tuple[date, date] | None = None  # a period asked for while a load was running
        self.drill_dialog: DrillDialog | None = None
        self.export = ExportFlow(self)
        self._make_controls()
        self._make_tables()
        self._lay_out()
        self._connect()
        self.setFocusProxy(self.tabs)
        self._load(None, None)

    # --- building ----------------------------------------------------------------------------
    def _make_controls(self) -> None:
        self.make_period_controls()
        self.whole = QCheckBox(self.tr("Every PC of the hall (&W)"))
        self.whole.setToolTip(
            self.tr(
                "Ask the central server for what every PC of this hall has synced. "
                "The records behind a figure can only be listed for this PC's own."
            )
        )
        self.excel_button = QPushButton(self.tr("Excel (Ctrl+E)"))
        self.pdf_button = QPushButton(self.tr("PDF (Ctrl+P)"))
        self.pdf_button.setProperty("role", "primary")
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.heading = styled("", "section")

    def _make_tables(self) -> None:
        self.view = DailyLogView()
        self.summary, self.tables, self.charts, self.tabs = (
            self.view.summary,
            self.view.tables,
            self.view.charts,
            self.view.tabs,
        )
        for table in self.tables.values():
            table.activated.connect(self._on_cell_activated)

    def _lay_out(self) -> None:
        title = QHBoxLayout()
        title.addWidget(styled(self.tr("Daily counter log"), "page-title"))
        title.addStretch(1)
        title.addWidget(self.excel_button)
        title.addWidget(self.pdf_button)
        controls = QHBoxLayout()
        day_caption = QLabel(self.tr("&Day"))
        day_caption.setBuddy(self.first)
        for widget in (
            day_caption,
            self.first,
            self.period,
            self.last,
            self.previous_button,
            self.next_button,
            self.whole,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.empty_text = styled("", "muted", wrap=True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(
            icon_card("chart-bar", self.tr("Nothing was recorded"), self.empty_text),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        empty_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(title)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        self.connect_period()
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.whole.toggled.connect(lambda _on: self.edit_timer.start())
        for keys, slot in (
            ("Ctrl+E", self.export_excel),
            ("Ctrl+P", self.export_pdf),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- page protocol -------------------------------------------------------------------------
    def activate(self) -> None:
        if self.log is not None:
            self._load(self.log.first_day, self.log.last_day)
        self.tabs.currentWidget().setFocus()

    def handle_escape(self) -> bool:
        self.message.hide()
        self.tabs.setFocus()
        return True

    # --- loading ---------------------------------------------------------------------------------
    def _load(self, first: date | None, last: date | None) -> None:
        if self.busy:
            self.wanted = (first, last) if first is not None and last is not None else None
            return
        self.busy = True
        work = partial(_load, actor=self.actor, first=first, last=last, whole=self.whole.isChecked())
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, loaded: tuple) -> None:
        self.busy = False
        log, self.type_names = loaded
        self.log = log
        self.message.hide()
        self._show_period(log.first_day, log.last_day)
        self._fill(log)
        self._load_wanted(log)

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        say(self.message, daily_log_message(exc), ok=False)
        if self.log is not None:
            self._show_period(self.log.first_day, self.log.last_day)
        if self.wanted is not None:
            self._load(*self.wanted)
            self.wanted = None

    def _load_wanted(self, log: DailyLog) -> None:
        wanted, self.wanted = self.wanted, None
        if wanted is not None and wanted != (log.first_day, log.last_day):
            self._load(*wanted)

    # --- showing ---------------------------------------------------------------------------------
    def _fill(self, log: DailyLog) -> None:
        if log.empty:
            period = self._period_text(log)
            self.empty_text.setText(
                self.tr(
                    "No tickets, payments, applications, complaints or consultations were recorded on {period}. "
                    "Choose another day with PgUp/PgDn or the date box."
                ).format(period=period)
            )
            self.empty_text.setMinimumHeight(self.empty_text.heightForWidth(EMPTY_TEXT_WIDTH))
            self.stack.setCurrentIndex(1)
        else:
            self.stack.setCurrentIndex(0)
        self.view.fill(log, self.type_names)

    def _model(self, key: str) -> DrillTableModel:
        return self.view.model(key)

    def _period_text(self, log: DailyLog) -> str:
        if log.first_day == log.last_day:
            return log.first_day.isoformat()
        return self.tr("{first} to {last}").format(
            first=log.first_day.isoformat(), last=log.last_day.isoformat()
        )

    # --- drilling down ---------------------------------------------------------------------------
    def _on_cell_activated(self, index: QModelIndex) -> None:
        table = self.sender()
        if not isinstance(table, RecordTableView):
            return
        source = table.proxy.mapToSource(index)
        drill = table.source.drill_at(source.row(), source.column())  # type: ignore[attr-defined]
        if drill is None:
            say(self.message, self.tr("This figure has no list of records behind it."), ok=True)
            return
        if not drill.ids:
            say(self.message, self.tr("Nothing is behind this figure: it counts no records."), ok=True)
            return
        self.message.hide()
        self.drill_dialog = DrillDialog(self.ops, self.actor, drill, self.type_names, self)
        self.drill_dialog.open()

    # --- exporting -------------------------------------------------------------------------------
    def export_excel(self) -> None:
        self.export.start("excel")

    def export_pdf(self) -> None:
        self.export.start("pdf")
