"""A read-only, keyboard-friendly table over a RecordTableModel, sortable through a proxy."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.widgets.record_table_model import RecordRole, RecordTableModel, SortRole


class RecordTableView(QTableView):
    def __init__(
        self, model: RecordTableModel, *, stretch_column: int | None = None, sortable: bool = True
    ) -> None:
        super().__init__()
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(sortable)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        if stretch_column is not None:
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)

    def current_record(self):  # type: ignore[no-untyped-def]
        index = self.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.selectRow(0)
            self.setCurrentIndex(self.proxy.index(0, 0))
