"""Choosing a day or a period to show, the same on every page that shows one (the daily counter
log, the central report): a date, "period to" and an end date, Previous/Next buttons, PgUp/PgDn or
Alt+Left/Right stepping by the period's length, and a pause after typing before loading.

A page mixes ``PeriodSteps`` in, calls ``make_period_controls`` and ``connect_period`` and has
``_load(first, last)``.
"""

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QDateEdit, QPushButton, QWidget

EDIT_PAUSE_MS = 400  # typing a date: load when the person stops
STEP_KEYS = (("PgUp", -1), ("Alt+Left", -1), ("PgDown", 1), ("Alt+Right", 1))


class PeriodSteps:
    first: QDateEdit
    last: QDateEdit
    period: QCheckBox
    previous_button: QPushButton
    next_button: QPushButton
    edit_timer: QTimer

    def make_period_controls(self) -> None:
        assert isinstance(self, QWidget)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period = QCheckBox(QCoreApplication.translate("DailyLogPage", "&Period to"))
        self.last.setEnabled(False)
        self.previous_button = QPushButton(QCoreApplication.translate("DailyLogPage", "Previous (PgUp)"))
        self.next_button = QPushButton(QCoreApplication.translate("DailyLogPage", "Next (PgDn)"))
        self.edit_timer = QTimer(self)
        self.edit_timer.setSingleShot(True)
        self.edit_timer.setInterval(EDIT_PAUSE_MS)

    def connect_period(self) -> None:
        assert isinstance(self, QWidget)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.period.toggled.connect(self._on_period_toggled)
        self.first.dateChanged.connect(self._on_date_edited)
        self.last.dateChanged.connect(self._on_date_edited)
        self.edit_timer.timeout.connect(self.show_chosen)
        for keys, direction in STEP_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.previous if direction < 0 else self.next)

    def chosen(self) -> tuple[date, date]:
        first = self.first.date().toPython()
        last = self.last.date().toPython() if self.period.isChecked() else first
        return first, last

    def show_chosen(self) -> None:
        self.edit_timer.stop()
        self._load(*self.chosen())

    def previous(self) -> None:
        self._step(-1)

    def next(self) -> None:
        self._step(1)

    def _load(self, first: date | None, last: date | None) -> None:
        raise NotImplementedError

    def _step(self, direction: int) -> None:
        first, last = self.chosen()
        days = timedelta(days=((last - first).days + 1) * direction)
        self._show_period(first + days, last + days)
        self._load(first + days, last + days)

    def _on_period_toggled(self, checked: bool) -> None:
        self.last.setEnabled(checked)
        if checked and self.last.date() < self.first.date():
            self.last.setDate(self.first.date())
        self.edit_timer.start()

    def _on_date_edited(self, _date: QDate) -> None:
        self.edit_timer.start()

    def _show_period(self, first: date, last: date) -> None:
        for edit, value in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(value))
            edit.blockSignals(False)
