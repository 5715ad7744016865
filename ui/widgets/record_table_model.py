"""The one table-model template: a list of frozen records, columns declared as data (STYLE rule 6)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
TOOLTIP_FROM = 16  # characters: a longer cell shows its whole text on hover
CENTER = Qt.AlignmentFlag.AlignCenter
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT
    sort_key: Callable[[R], Any] | None = None
    tone: Callable[[R], str | None] | None = None  # 'owed' paints the text red


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell a narrow column cuts short
            text = column.text(record)
            return text if len(text) > TOOLTIP_FROM else None
        if role == RecordRole:
            return record
        if role == SortRole:
            return column.sort_key(record) if column.sort_key else column.text(record)
        if role == Qt.ItemDataRole.ForegroundRole and column.tone:
            from PySide6.QtGui import QColor

            tone = column.tone(record)
            return QColor("#C62828") if tone == "owed" else QColor("#1E6B3A") if tone == "clear" else None
        return None
