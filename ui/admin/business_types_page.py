"""Queue business types: letter, name, order and whether the guide can issue them."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from hallapp.domain.errors import InvalidForm
from hallapp.domain.records import BusinessType
from ui.errors import message_for
from ui.ops.admin import load_business_types, save_business_type
from ui.widgets.editor_layout import list_with_editor
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import say
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def _columns() -> list[Column[BusinessType]]:
    yes, no = translate("BusinessTypesPage", "Yes"), translate("BusinessTypesPage", "No")
    return [
        Column(translate("BusinessTypesPage", "Letter"), lambda b: b.letter, CENTER),
        Column(translate("BusinessTypesPage", "Name"), lambda b: b.name),
        Column(translate("BusinessTypesPage", "Code"), lambda b: b.code),
        Column(
            translate("BusinessTypesPage", "Order"),
            lambda b: str(b.sort_order),
            CENTER,
            sort_key=lambda b: b.sort_order,
        ),
        Column(translate("BusinessTypesPage", "In use"), lambda b: yes if b.active else no, CENTER),
    ]


class BusinessTypesPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.model = RecordTableModel(_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=1)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.code, self.letter, self.name = QLineEdit(), QLineEdit(), QLineEdit()
        self.letter.setMaxLength(1)
        self.name.setMaxLength(40)
        self.code.setMaxLength(24)
        self.order = QSpinBox()
        self.order.setRange(0, 999)
        self.active = QCheckBox(self.tr("Guides can issue tickets of this type"))
        self.errors = {key: QLabel() for key in ("code", "letter", "name", "sort_order")}
        form = QFormLayout()
        for key, caption, widget in (
            ("letter", self.tr("Letter"), self.letter),
            ("name", self.tr("Name"), self.name),
            ("code", self.tr("Code"), self.code),
            ("sort_order", self.tr("Order"), self.order),
        ):
            self.errors[key].setProperty("role", "error")
            self.errors[key].hide()
            form.addRow(caption, widget)
            form.addRow("", self.errors[key])
        form.addRow("", self.active)
        self.message = QLabel()
        self.message.setWordWrap(True)
        new = QPushButton(self.tr("New type"))
        save = QPushButton(self.tr("Save"))
        list_with_editor(
            self,
            title=self.tr("Queue business types"),
            hint=self.tr("The letter starts every ticket number of the type (A001, B001 …)."),
            table=self.table,
            form=form,
            message=self.message,
            new_button=new,
            save_button=save,
        )
        new.clicked.connect(self._new)
        save.clicked.connect(self._save)
        self.reload()

    def reload(self) -> None:
        load_business_types(self.ops, owner=self, on_success=self._on_loaded)

    def _on_loaded(self, items: list[BusinessType]) -> None:
        self.model.set_records(items)
        self.table.select_first()
        self._edit_current()

    def _on_current_changed(self, *_indexes: object) -> None:
        self._edit_current()

    def _edit_current(self) -> None:
        item = self.table.current_record()
        if item is None:
            return self._new()
        self.code.setText(item.code)
        self.code.setEnabled(False)
        self.letter.setText(item.letter)
        self.name.setText(item.name)
        self.order.setValue(item.sort_order)
        self.active.setChecked(item.active)
        return None

    def _new(self) -> None:
        self.table.clearSelection()
        for widget in (self.code, self.letter, self.name):
            widget.clear()
        self.code.setEnabled(True)
        self.order.setValue((len(self.model.records) + 1) * 10)
        self.active.setChecked(True)
        self.letter.setFocus()

    def _save(self) -> None:
        for key, label in self.errors.items():
            clear_invalid(self._widget(key), label)
        item = BusinessType(
            self.code.text().strip(),
            self.letter.text(),
            self.name.text(),
            self.order.value(),
            self.active.isChecked(),
        )
        save_business_type(
            self.ops,
            owner=self,
            actor=self.actor,
            item=item,
            on_success=lambda _c: self._on_saved(),
            on_failure=self._on_failed,
        )

    def _widget(self, key: str):  # type: ignore[no-untyped-def]
        return {"code": self.code, "letter": self.letter, "name": self.name, "sort_order": self.order}[key]

    def _on_saved(self) -> None:
        say(self.message, self.tr("Saved."), ok=True)
        self.reload()

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, InvalidForm):
            for key, error in exc.errors.items():
                mark_invalid(self._widget(key), self.errors.get(key), message_for(error))
            return
        say(self.message, message_for(exc), ok=False)
