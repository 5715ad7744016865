"""The holiday calendar: official days off and make-up working days, used by every deadline."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from hallapp.domain.calendar import DayKind
from hallapp.domain.records import Holiday
from ui.errors import message_for
from ui.ops.admin import load_holidays, remove_holiday, set_holiday
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def _kind_label(kind: str) -> str:
    if kind == DayKind.HOLIDAY:
        return translate("HolidaysPage", "Day off")
    return translate("HolidaysPage", "Make-up working day")


def _columns() -> list[Column[Holiday]]:
    weekdays = [
        translate("HolidaysPage", "Mon"),
        translate("HolidaysPage", "Tue"),
        translate("HolidaysPage", "Wed"),
        translate("HolidaysPage", "Thu"),
        translate("HolidaysPage", "Fri"),
        translate("HolidaysPage", "Sat"),
        translate("HolidaysPage", "Sun"),
    ]
    return [
        Column(translate("HolidaysPage", "Date"), lambda h: h.day.isoformat(), CENTER),
        Column(translate("HolidaysPage", "Weekday"), lambda h: weekdays[h.day.weekday()], CENTER),
        Column(
            translate("HolidaysPage", "Kind"),
            lambda h: _kind_label(h.kind),
            CENTER,
            tone=lambda h: "owed" if h.kind == DayKind.HOLIDAY else "clear",
        ),
        Column(translate("HolidaysPage", "Name"), lambda h: h.name),
    ]


class HolidaysPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        title = styled(self.tr("Holiday calendar"), "page-title")
        hint = QLabel(
            self.tr(
                "Service deadlines count working days: weekends and days off are skipped, "
                "make-up working days count. Check against the State Council notice each year."
            )
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.setPrefix(self.tr("Year "))
        self.year.setFixedWidth(160)
        self.model = RecordTableModel(_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=3)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItem(_kind_label(DayKind.HOLIDAY), DayKind.HOLIDAY)
        self.kind.addItem(_kind_label(DayKind.WORKDAY), DayKind.WORKDAY)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("For example 国庆节"))
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.year)
        left.addWidget(self.table, 1)
        body.addLayout(left, 1)
        body.addWidget(self._editor())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        self.year.valueChanged.connect(self._on_year_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.reload()

    def _editor(self) -> QFrame:
        self.message = QLabel()
        self.message.setWordWrap(True)
        save = QPushButton(self.tr("Save day"))
        save.setProperty("role", "primary")
        remove = QPushButton(self.tr("Remove selected day"))
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        editor = QFrame()
        editor.setProperty("role", "card")
        editor.setFixedWidth(400)
        side = QVBoxLayout(editor)
        side.addLayout(form)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(remove)
        side.addWidget(save)
        save.clicked.connect(self._save)
        remove.clicked.connect(self._remove)
        return editor

    def reload(self) -> None:
        load_holidays(self.ops, owner=self, year=self.year.value(), on_success=self.model.set_records)

    def _on_year_changed(self, _year: int) -> None:
        self.reload()

    def _on_current_changed(self, *_indexes: object) -> None:
        self._edit_current()

    def _edit_current(self) -> None:
        item: Holiday | None = self.table.current_record()
        if item is None:
            return
        self.day.setDate(QDate(item.day.year, item.day.month, item.day.day))
        self.kind.setCurrentIndex(0 if item.kind == DayKind.HOLIDAY else 1)
        self.name.setText(item.name)

    def _picked_day(self) -> date:
        qdate = self.day.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _save(self) -> None:
        set_holiday(
            self.ops,
            owner=self,
            actor=self.actor,
            day=self._picked_day(),
            kind=self.kind.currentData(),
            name=self.name.text(),
            on_success=lambda _c: self._done(self.tr("Saved.")),
            on_failure=self._failed,
        )

    def _remove(self) -> None:
        item: Holiday | None = self.table.current_record()
        if item is None:
            say(self.message, self.tr("Choose a day in the list first."), ok=False)
            return
        remove_holiday(
            self.ops,
            owner=self,
            actor=self.actor,
            day=item.day,
            on_success=lambda _c: self._done(self.tr("Removed.")),
            on_failure=self._failed,
        )

    def _done(self, text: str) -> None:
        say(self.message, text, ok=True)
        if self.year.value() != self._picked_day().year:
            self.year.setValue(self._picked_day().year)
        self.reload()

    def _failed(self, exc: Exception) -> None:
        say(self.message, message_for(exc), ok=False)
