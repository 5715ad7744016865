"""The hall's figures at a glance above the daily log's tabs: served, waits, service level against
the target, no-shows, ratings and money taken net."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hallapp.domain.kpi_values import DailyLog
from ui.supervisor.daily_log_tables import duration, percent
from ui.widgets.formatting import money
from ui.widgets.labels import styled

KEYS = ("served", "wait", "level", "no_shows", "ratings", "money")


class SummaryStrip(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.values: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        captions = {
            "served": self.tr("Customers served"),
            "wait": self.tr("Average wait"),
            "level": self.tr("Service level"),
            "no_shows": self.tr("No-shows"),
            "ratings": self.tr("Ratings"),
            "money": self.tr("Money taken (net)"),
        }
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(12)
        for n, key in enumerate(KEYS):
            if n:
                row.addStretch(1)
            column = QVBoxLayout()
            column.setSpacing(0)
            self.values[key] = styled("", "amount")
            self.notes[key] = styled("", "caption")
            column.addWidget(styled(captions[key], "caption"))
            column.addWidget(self.values[key])
            column.addWidget(self.notes[key])
            row.addLayout(column)
        self.values["money"].setAlignment(Qt.AlignmentFlag.AlignRight)

    def show_log(self, log: DailyLog) -> None:
        hall = log.hall
        t = hall.tickets
        self._set("served", str(len(t.served)), self.tr("{count} unfinished").format(count=len(t.unfinished)))
        self._set(
            "wait",
            duration(t.waits.mean_s),
            self.tr("P{p} {p_wait} · longest {longest}").format(
                p=log.wait_percentile, p_wait=duration(t.waits.percentile_s), longest=duration(t.waits.max_s)
            ),
        )
        self._set(
            "level",
            percent(t.service_level.ratio),
            self.tr("waited at most {minutes} min: {within} of {counted}").format(
                minutes=log.wait_target_minutes,
                within=len(t.service_level.within),
                counted=len(t.service_level.counted),
            ),
        )
        self._set(
            "no_shows", str(len(t.no_shows)), self.tr("{count} transferred").format(count=len(t.transfers))
        )
        bad = len(hall.satisfaction.bad)
        self._set("ratings", str(hall.satisfaction.rated), self.tr("{count} bad").format(count=bad))
        self.notes["ratings"].setProperty("role", "error" if bad else "caption")
        self._repolish(self.notes["ratings"])
        taken = hall.money
        if taken is not None:
            self._set(
                "money",
                money(taken.net_fen),
                self.tr("{payments} payments · {reversals} reversals").format(
                    payments=len(taken.payments), reversals=len(taken.reversals)
                ),
            )

    def _set(self, key: str, value: str, note: str) -> None:
        self.values[key].setText(value)
        self.notes[key].setText(note)

    @staticmethod
    def _repolish(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)
