"""The hall's operators (read-only here: the central server manages accounts)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout

from hallapp.services.reference_service import OperatorInfo
from ui.errors import message_for
from ui.ops.admin import load_operators
from ui.widgets.formatting import label
from ui.widgets.labels import styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def _columns() -> list[Column[OperatorInfo]]:
    return [
        Column(translate("OperatorsPage", "Staff no."), lambda o: o.staff_no, CENTER),
        Column(translate("OperatorsPage", "Name"), lambda o: o.name),
        Column(translate("OperatorsPage", "Role"), lambda o: label(o.role)),
        Column(
            translate("OperatorsPage", "Status"),
            lambda o: (
                translate("OperatorsPage", "Active") if o.active else translate("OperatorsPage", "Disabled")
            ),
            CENTER,
            tone=lambda o: None if o.active else "owed",
        ),
    ]


class OperatorsPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        title = styled(self.tr("Operators"), "page-title")
        self.note = QLabel(
            self.tr(
                "Operator accounts are created and disabled on the central server; this PC "
                "receives them with its master data."
            )
        )
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.model = RecordTableModel(_columns(), self)
        table = RecordTableView(self.model, stretch_column=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(table, 1)
        load_operators(
            self.ops,
            owner=self,
            actor=actor,
            on_success=self.model.set_records,
            on_failure=lambda exc: self.note.setText(message_for(exc)),
        )
