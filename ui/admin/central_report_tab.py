"""The 中心服务器 page's report tab (服务日志汇总): every hall's daily-log figures of a day or a
period as the central server computes them from what the halls' PCs uploaded, one row per hall and
the company's total in bold, with the company's customers and money by hour (by day for a period).

PgUp/PgDn or Alt+Left/Right step to the previous/next day (period), F5 asks again; Enter or a
double-click on a hall opens its whole daily log (``CentralHallLogDialog``).
"""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.kpi_summary import Summary
from hallapp.domain.kpi_values import DailyLog
from hallapp.sync.admin_client import CentralReport
from ui.admin.central_messages import central_message
from ui.admin.central_ops import CentralLink
from ui.admin.central_report_charts import CompanyCharts
from ui.admin.central_report_log import CentralHallLogDialog
from ui.supervisor.daily_log_tables import NONE, DrillTableModel, Spec, percent
from ui.widgets.formatting import money
from ui.widgets.labels import say, styled
from ui.widgets.period_steps import PeriodSteps
from ui.widgets.record_table_model import CENTER, RIGHT, Column
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
ROWS_ALWAYS_SHOWN = 4  # the table keeps room for this many rows above the charts


@dataclass(frozen=True)
class ReportRow:
    """One line of the table: a hall, or the company (``total``, shown in bold)."""

    hall_id: str
    name: str
    summary: Summary
    total: bool = False


def _minutes(seconds: float | None) -> str:
    return NONE if seconds is None else f"{seconds / 60:.1f}"


def _count(title: str, value, *, owed: bool = False) -> Spec[ReportRow]:  # type: ignore[no-untyped-def]
    return Spec(
        Column(
            title,
            lambda r: str(value(r.summary)),
            RIGHT,
            sort_key=lambda r: value(r.summary),
            tone=(lambda r: "owed" if value(r.summary) else None) if owed else None,
        )
    )


def _wait(title: str, seconds) -> Spec[ReportRow]:  # type: ignore[no-untyped-def]
    return Spec(Column(title, lambda r: _minutes(seconds(r.summary)), RIGHT))


def report_specs(percentile: int) -> list[Spec[ReportRow]]:
    """The columns of ``hallapp central report`` (``hallapp.central.report_text``), in its order."""
    page = "DailyLogPage"  # the PC's daily log names the same figures: the same words
    return [
        Spec(Column(translate("CentralReportTab", "Hall"), lambda r: r.hall_id, CENTER)),
        Spec(Column(translate("CentralReportTab", "Name"), lambda r: r.name)),
        _count(translate(page, "Served"), lambda f: f.served),
        _wait(translate("CentralReportTab", "Avg wait (min)"), lambda f: f.waits.mean_s),
        _wait(
            translate("CentralReportTab", "P{p} wait (min)").format(p=percentile),
            lambda f: f.wait_percentile_s,
        ),
        _wait(translate("CentralReportTab", "Longest wait (min)"), lambda f: f.waits.max_s),
        _wait(translate("CentralReportTab", "Avg handling (min)"), lambda f: f.handling.mean_s),
        Spec(Column(translate(page, "Service level"), lambda r: percent(r.summary.service_level), RIGHT)),
        _count(translate(page, "No-shows"), lambda f: f.no_shows),
        _count(translate(page, "Transfers"), lambda f: f.transfers),
        _count(translate(page, "Rated"), lambda f: f.rated),
        _count(translate(page, "Bad ratings"), lambda f: f.bad_ratings, owed=True),
        _count(translate(page, "Payments"), lambda f: f.payments),
        Spec(Column(translate(page, "Net taken"), lambda r: money(r.summary.net_fen), RIGHT)),
        _count(translate(page, "Reversals"), lambda f: f.reversals),
        _count(translate(page, "Reprints"), lambda f: f.reprints),
        Spec(
            Column(
                translate(page, "Cash-up difference"),
                lambda r: money(r.summary.difference_fen),
                RIGHT,
                tone=lambda r: "owed" if r.summary.difference_fen else None,
            )
        ),
        _count(translate(page, "Accepted"), lambda f: f.accepted),
        _count(translate(page, "Completed"), lambda f: f.completed),
        _count(translate(page, "Overdue"), lambda f: f.overdue, owed=True),
        Spec(Column(translate(page, "Same-day rate"), lambda r: percent(r.summary.same_day_rate), RIGHT)),
        _count(translate(page, "Complaints"), lambda f: f.complaints),
        _count(translate(page, "Consultations"), lambda f: f.consultations),
    ]


def report_rows(report: CentralReport) -> list[ReportRow]:
    """The halls in the server's order, the company's total last."""
    total = ReportRow(
        translate("CentralReportTab", "Total"),
        translate("CentralReportTab", "{count} halls").format(count=len(report.halls)),
        report.total,
        total=True,
    )
    return [*(ReportRow(h.hall_id, h.name, h.summary) for h in report.halls), total]


class CentralReportTab(PeriodSteps, QWidget):
    def __init__(self, link: CentralLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.report: CentralReport | None = None
        self.busy = False
        self.wanted: tuple[date, date] | None = None  # a period asked for while a call was running
        self.type_names: dict[str, str] | None = None
        self.log_dialog: CentralHallLogDialog | None = None
        self._make_controls()
        self._lay_out()
        self._connect()

    # --- building ----------------------------------------------------------------------------
    def _make_controls(self) -> None:
        self.make_period_controls()
        self.refresh_button = QPushButton(self.tr("Refre&sh (F5)"))
        self.model: DrillTableModel[ReportRow] = DrillTableModel(self)
        self.table = RecordTableView(self.model, sortable=False)
        self.table.setAccessibleName(self.tr("Figures by hall"))
        self.charts = CompanyCharts()
        self.heading = styled("", "section")
        self.message = styled("", "muted", wrap=True)
        self.message.hide()

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        caption = QLabel(self.tr("Da&y:"))
        caption.setBuddy(self.first)
        for widget in (caption, self.first, self.period, self.last, self.previous_button, self.next_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.heading)
        layout.addWidget(
            styled(
                self.tr(
                    "Figures from what each hall's PCs have uploaded; today's grow as they sync. "
                    "Enter on a hall opens its whole daily log."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.connect_period()
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(self._on_row_activated)
        for keys, slot in (("F5", self.refresh),):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- choosing the period -----------------------------------------------------------------------
    def refresh(self) -> None:
        """The chosen period again; the first time, today (the PC's business day)."""
        if self.report is None:
            self._load(None, None)
        else:
            self.show_chosen()

    # --- loading -------------------------------------------------------------------------------
    def _load(self, first: date | None, last: date | None) -> None:
        if self.busy:
            self.wanted = (first, last) if first is not None and last is not None else None
            return
        self.busy = True
        say(self.message, self.tr("Asking the central server…"), ok=True)
        self.link.run("report", first, last, owner=self, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, report: CentralReport) -> None:
        self.busy = False
        self.report = report
        self._show_period(report.first_day, report.last_day)
        self._fill(report)
        wanted, self.wanted = self.wanted, None
        if wanted is not None and wanted != (report.first_day, report.last_day):
            self._load(*wanted)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        say(self.message, central_message(exc), ok=False)
        if self.report is not None:
            self._show_period(self.report.first_day, self.report.last_day)
        wanted, self.wanted = self.wanted, None
        if wanted is not None:
            self._load(*wanted)

    def _fill(self, report: CentralReport) -> None:
        period = _period_text(report.first_day, report.last_day)
        self.heading.setText(self.tr("Service log summary, {period}").format(period=period))
        self.model.set_table(report_specs(report.total.wait_percentile), report_rows(report))
        self._keep_rows_in_sight(len(report.halls) + 1)
        self.charts.set_series(report.series, daily=report.first_day != report.last_day)
        if report.total.empty:
            say(
                self.message,
                self.tr("No hall recorded anything on {period} (as far as its PCs have uploaded).").format(
                    period=period
                ),
                ok=True,
            )
        else:
            self.message.hide()
        if self.isVisible() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table.model().index(0, 0))

    def _keep_rows_in_sight(self, rows: int) -> None:
        table = self.table
        shown = min(rows, ROWS_ALWAYS_SHOWN)
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
        )

    # --- one hall's daily log ------------------------------------------------------------------------
    def _on_row_activated(self, index: QModelIndex) -> None:
        self.open_hall(index.row())

    def open_hall(self, row: int) -> None:
        """The whole daily log of the hall on ``row`` (the total row has none)."""
        if self.report is None or not 0 <= row < len(self.model.records):
            return
        line = self.model.records[row]
        if line.total:
            say(self.message, self.tr("Choose a hall's row to open its daily log."), ok=True)
            return
        report = self.report
        say(self.message, self.tr("Asking the central server…"), ok=True)
        self.link.run(
            "hall_log",
            line.hall_id,
            report.first_day,
            report.last_day,
            owner=self,
            on_success=lambda log: self._show_log(line, log),
            on_failure=self._failed_log,
        )

    def _failed_log(self, exc: Exception) -> None:
        say(self.message, central_message(exc), ok=False)

    def _show_log(self, line: ReportRow, log: DailyLog) -> None:
        if self.type_names is None:  # the business types' names, from this PC's reference data
            self.link.ops.run(
                _type_names,
                owner=self,
                on_success=lambda names: self._names_loaded(names, line, log),
                on_failure=lambda _exc: self._names_loaded({}, line, log),
            )
            return
        self.message.hide()
        self.log_dialog = CentralHallLogDialog(line.hall_id, line.name, log, self.type_names, self)
        self.log_dialog.open()

    def _names_loaded(self, names: dict[str, str], line: ReportRow, log: DailyLog) -> None:
        self.type_names = names
        self._show_log(line, log)


def _type_names(core) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t.code: t.name for t in core.reference.business_types()}


def _period_text(first: date, last: date) -> str:
    if first == last:
        return first.isoformat()
    return translate("DailyLogPage", "{first} to {last}").format(
        first=first.isoformat(), last=last.isoformat()
    )
