"""What the service-desk tabs and dialogs share: labels of their codes, deadline tones, errors shown
under their fields, and the keyboard (Enter moves on, Ctrl+Enter saves)."""

from collections.abc import Callable
from enum import StrEnum
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.domain.service_desk import LABELS, DeadlineState
from ui.errors import message_for
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import styled
from ui.widgets.record_table_model import Index, RecordTableModel

translate = QCoreApplication.translate
TONES = {DeadlineState.OVERDUE: "owed", DeadlineState.LATE: "warn", DeadlineState.MET: "clear"}
_WARN = QColor("#8A5A00")  # the theme's amber


def desk_label(value: StrEnum) -> str:
    source = LABELS.get(value)
    return translate("Enum", source) if source else str(value)


def tone_of(state: DeadlineState | None) -> str | None:
    return TONES.get(state) if state is not None else None


class ToneTableModel(RecordTableModel):
    """A record table whose tones also include 'warn' (amber), for deadlines met late."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            column = self.columns[index.column()]
            if column.tone and column.tone(self.records[index.row()]) == "warn":
                return _WARN
        return super().data(index, role)


def choices(values: list[StrEnum]) -> QComboBox:
    box = QComboBox()
    for value in values:
        box.addItem(desk_label(value), value.value)
    return box


class TextArea(QPlainTextEdit):
    """Several lines of text, as tall as ``lines``; Tab leaves it (the text is stored as one paragraph)."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * self.lines + 16)


def text_area(lines: int) -> QPlainTextEdit:
    return TextArea(lines)


def text_of(widget: QWidget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]


class FieldErrors:
    """One error line under each field; a wrong field is also outlined red where the theme can."""

    def __init__(self, fields: dict[str, QWidget]) -> None:
        self.fields = fields
        self.labels: dict[str, QLabel] = {}
        for key in fields:
            label = styled("", "error", wrap=True)
            label.hide()
            self.labels[key] = label

    def boxed(self, key: str) -> QWidget:
        """The field with its error line under it (the line takes no room while hidden)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.fields[key])
        column.addWidget(self.labels[key])
        return box

    def clear(self) -> None:
        for key, widget in self.fields.items():
            clear_invalid(widget, self.labels[key])

    def show(self, exc: Exception) -> bool:
        """Mark the fields ``exc`` is about and focus the first; False when it is about none of them."""
        if isinstance(exc, InvalidForm):
            errors = dict(exc.errors)
        elif isinstance(exc, InvalidInput) and exc.field in self.fields:
            errors = {exc.field: exc}
        else:
            return False
        marked = [key for key in self.fields if key in errors]
        for key in marked:
            mark_invalid(self.fields[key], self.labels[key], message_for(errors[key]))
        if marked:
            self.fields[marked[0]].setFocus()
        return bool(marked)


class EnterKeys(QObject):
    """Plain Enter in a field moves on as Tab does; in the ``submit_on`` widgets it saves instead."""

    def __init__(
        self, parent: QWidget, fields: list[QWidget], submit_on: list[QWidget], submit: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.submit_on = submit_on
        self.submit = submit
        for field in (*fields, *submit_on):
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if watched in self.submit_on:
                self.submit()
            else:
                tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
                QApplication.sendEvent(watched, tab)
            return True
        return super().eventFilter(watched, event)


def tab_order(*widgets: QWidget) -> None:
    """Tab (and Enter) go through ``widgets`` in this order."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def on_keys(parent: QWidget, keys: tuple[str, ...], slot: Callable[[], None]) -> None:
    """Shortcuts that work while ``parent`` is shown (a hidden tab's keys are inert)."""
    for key in keys:
        QShortcut(QKeySequence(key), parent, slot)


SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
