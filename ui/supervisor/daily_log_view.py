"""A ``DailyLog`` shown: the hall's summary strip, then tabs by window, by clerk, money,
satisfaction, applications and charts. The hall's own daily log page (``daily_log_page``) and the
central report's hall dialog (``ui.admin.central_report_log``) both show a log with it; the page
connects the tables' ``activated`` to its drill-down.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTabWidget, QVBoxLayout, QWidget

from hallapp.domain.kpi_values import DailyLog
from ui.supervisor.daily_log_charts import DailyLogCharts
from ui.supervisor.daily_log_summary import SummaryStrip
from ui.supervisor.daily_log_tables import (
    DrillTableModel,
    Scope,
    application_specs,
    bad_specs,
    clerk_money_specs,
    method_rows,
    method_specs,
    money_by_clerk_specs,
    name_specs,
    rating_specs,
    shift_specs,
    ticket_specs,
)
from ui.widgets.labels import styled
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
TABLES = ("windows", "clerks", "methods", "money_clerks", "shifts", "ratings", "bad", "applications")


class DailyLogView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = SummaryStrip(self)
        self.tables: dict[str, RecordTableView] = {}
        for key in TABLES:
            table = RecordTableView(DrillTableModel(self))
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            self.tables[key] = table
        self.tables["windows"].setAccessibleName(translate("DailyLogPage", "Figures by window"))
        self.tables["clerks"].setAccessibleName(translate("DailyLogPage", "Figures by clerk"))
        self.charts = DailyLogCharts()
        self.reversal_note = styled("", "caption", wrap=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tables["windows"], translate("DailyLogPage", "By window"))
        self.tabs.addTab(self.tables["clerks"], translate("DailyLogPage", "By clerk"))
        self.tabs.addTab(self._money_tab(), translate("DailyLogPage", "Money"))
        self.tabs.addTab(
            _pair(self.tables["ratings"], self.tables["bad"], 1, 3), translate("DailyLogPage", "Satisfaction")
        )
        self.tabs.addTab(
            self.tables["applications"], translate("DailyLogPage", "Applications, complaints, consultations")
        )
        self.tabs.addTab(self.charts, translate("DailyLogPage", "Charts"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tabs)

    def _money_tab(self) -> QWidget:
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tables["money_clerks"])
        cash_up = QWidget()
        box = QVBoxLayout(cash_up)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(styled(translate("DailyLogPage", "Cash-up"), "section"))
        box.addWidget(self.tables["shifts"], 1)
        box.addWidget(self.reversal_note)
        right.addWidget(cash_up)
        return _pair(self.tables["methods"], right, 2, 5)

    def model(self, key: str) -> DrillTableModel:
        return self.tables[key].source  # type: ignore[return-value]

    def fill(self, log: DailyLog, type_names: dict[str, str]) -> None:
        self.summary.show_log(log)
        hall = Scope("", translate("DailyLogPage", "Whole hall"), log.hall, total=True)
        windows = [hall, *(Scope(f"{w.window_no:03d}", w.name, w.figures) for w in log.windows)]
        clerks = [Scope(c.staff_no, c.name or c.staff_no, c.figures, left=not c.active) for c in log.clerks]
        types = [t.business_type for t in log.hall.tickets.served_by_type]
        tickets = ticket_specs(type_names, types, log.wait_percentile)
        self.model("windows").set_table([*name_specs(staff=False), *tickets], windows)
        self.model("clerks").set_table(
            [
                *name_specs(staff=True),
                *ticket_specs(type_names, (), log.wait_percentile),
                *clerk_money_specs(),
            ],
            clerks,
        )
        self._fill_money(log, clerks)
        rated = log.hall.satisfaction.rated
        self.model("ratings").set_table(rating_specs(rated), log.hall.satisfaction.distribution)
        names = {c.staff_no: c.name for c in log.clerks}
        window_names = {w.window_no: w.name for w in log.windows}
        self.model("bad").set_table(bad_specs(window_names, names), log.hall.satisfaction.bad)
        self.model("applications").set_table(application_specs(), [hall, *clerks])
        self.charts.set_log(log)

    def _fill_money(self, log: DailyLog, clerks: list[Scope]) -> None:
        money = log.hall.money
        if money is None:
            return
        self.model("methods").set_table(method_specs(), method_rows(money.by_method, money.net_fen))
        takers = [
            s for s in clerks if s.figures.money and (s.figures.money.payments or s.figures.money.reversals)
        ]
        self.model("money_clerks").set_table(money_by_clerk_specs(), takers)
        names = {c.staff_no: c.name for c in log.clerks}
        shifts = log.hall.cash_up.shifts if log.hall.cash_up else ()
        self.model("shifts").set_table(shift_specs(names), shifts)
        self.reversal_note.setText(
            translate(
                "DailyLogPage",
                "Reprinted receipts: {reprints}. Reversals of earlier days' payments: {other}.",
            ).format(reprints=len(money.reprints), other=len(money.reversals_of_other_days))
        )


def _pair(left: QWidget, right: QWidget, left_share: int, right_share: int) -> QSplitter:
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(left)
    split.addWidget(right)
    split.setStretchFactor(0, left_share)
    split.setStretchFactor(1, right_share)
    return split
