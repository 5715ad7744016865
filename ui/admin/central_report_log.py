"""One hall's whole daily log from the central server, opened from the report tab: the PC's own
daily-log view (``ui.supervisor.daily_log_view``) over the ``DailyLog`` the server computed.

The tickets and payments behind a figure stay on the hall's PCs, so the cells do not drill further
(the caption says so). Esc closes the dialog.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from hallapp.domain.kpi_values import DailyLog
from ui.supervisor.daily_log_view import DailyLogView
from ui.widgets.labels import styled

translate = QCoreApplication.translate


class CentralHallLogDialog(QDialog):
    def __init__(  # type: ignore[no-untyped-def]
        self, hall_id: str, name: str, log: DailyLog, type_names: dict[str, str], parent=None
    ) -> None:
        super().__init__(parent)
        self.log = log
        period = (
            log.first_day.isoformat()
            if log.first_day == log.last_day
            else translate("DailyLogPage", "{first} to {last}").format(
                first=log.first_day.isoformat(), last=log.last_day.isoformat()
            )
        )
        self.setWindowTitle(
            self.tr("Daily log of {hall_id} {name}, {period}").format(
                hall_id=hall_id, name=name, period=period
            )
        )
        self.view = DailyLogView(self)
        self.summary, self.tables = self.view.summary, self.view.tables
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(
            styled(
                self.tr(
                    "Computed by the central server from what the hall's PCs uploaded. The tickets and "
                    "payments behind each figure are listed on the hall's own PC (its daily counter log)."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addWidget(buttons)
        self.resize(1100, 640)
        self.view.fill(log, type_names)
        self.setFocusProxy(self.tables["windows"])
