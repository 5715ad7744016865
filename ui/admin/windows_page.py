"""Counter windows: number, name, and which business types each serves, most preferred first."""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
)

from hallapp.domain.errors import InvalidForm
from hallapp.domain.records import Actor, BusinessType, WindowDef
from ui.errors import message_for
from ui.widgets.editor_layout import list_with_editor
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def _load(core) -> tuple[list[WindowDef], list[BusinessType]]:  # type: ignore[no-untyped-def]
    return core.windows.windows(), core.reference.business_types()


def _save(core, actor: Actor, item: WindowDef):  # type: ignore[no-untyped-def]
    return core.windows.save(actor, item)


class WindowsPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.type_names: dict[str, str] = {}
        self.model = RecordTableModel(self._columns(), self)
        self.table = RecordTableView(self.model, stretch_column=2)
        self.table.selectionModel().currentRowChanged.connect(self._edit_current)
        self.number = QSpinBox()
        self.number.setRange(1, 99)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.types = QListWidget()
        self.types.setMaximumHeight(170)
        self.active = QCheckBox(self.tr("The window is in service"))
        self.errors = {key: styled("", "error") for key in ("number", "name", "business_types")}
        self.message = styled("", "muted", wrap=True)
        self._layout()
        self.reload()

    def _columns(self) -> list[Column[WindowDef]]:
        yes, no = self.tr("Yes"), self.tr("No")
        return [
            Column(self.tr("Window"), lambda w: str(w.number), CENTER, sort_key=lambda w: w.number),
            Column(self.tr("Name"), lambda w: w.name),
            Column(self.tr("Serves (preferred first)"), self._types_text),
            Column(self.tr("In use"), lambda w: yes if w.active else no, CENTER),
        ]

    def _types_text(self, window: WindowDef) -> str:
        return "、".join(self.type_names.get(code, code) for code in window.business_types)

    def _layout(self) -> None:
        form = QFormLayout()
        for key, caption, widget in (
            ("number", self.tr("Number"), self.number),
            ("name", self.tr("Name"), self.name),
            ("business_types", self.tr("Serves"), self.types),
        ):
            self.errors[key].hide()
            form.addRow(caption, widget)
            form.addRow("", self.errors[key])
        order = QHBoxLayout()
        for text, step in ((self.tr("Move up"), -1), (self.tr("Move down"), 1)):
            button = QPushButton(text)
            button.clicked.connect(partial(self._move, step))
            order.addWidget(button)
        form.addRow("", order)
        form.addRow("", self.active)
        new, save = QPushButton(self.tr("New window")), QPushButton(self.tr("Save"))
        new.clicked.connect(self._new)
        save.clicked.connect(self._save)
        list_with_editor(
            self,
            title=self.tr("Counter windows"),
            hint=self.tr("Tick the business types a window serves; the first ticked is called first."),
            table=self.table,
            form=form,
            message=self.message,
            new_button=new,
            save_button=save,
        )

    def reload(self) -> None:
        self.ops.run(_load, on_success=self._loaded, owner=self)

    def _loaded(self, loaded: tuple[list[WindowDef], list[BusinessType]]) -> None:
        windows, types = loaded
        self.type_names = {t.code: t.name for t in types}
        self.model.set_records(windows)
        self.table.select_first()
        self._edit_current()

    def _edit_current(self, *_indexes: object) -> None:
        window = self.table.current_record()
        if window is None:
            self._new()
            return
        self.number.setValue(window.number)
        self.number.setEnabled(False)
        self.name.setText(window.name)
        self.active.setChecked(window.active)
        self._fill_types(window.business_types)

    def _fill_types(self, chosen: tuple[str, ...]) -> None:
        self.types.clear()
        rest = [code for code in self.type_names if code not in chosen]
        for code in (*chosen, *rest):
            item = QListWidgetItem(self.type_names.get(code, code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.types.addItem(item)

    def _move(self, step: int) -> None:
        row = self.types.currentRow()
        if row < 0 or not 0 <= row + step < self.types.count():
            return
        item = self.types.takeItem(row)
        self.types.insertItem(row + step, item)
        self.types.setCurrentRow(row + step)

    def _new(self) -> None:
        self.table.clearSelection()
        used = {w.number for w in self.model.records}
        self.number.setEnabled(True)
        self.number.setValue(next((n for n in range(1, 100) if n not in used), 99))
        self.name.setText(self.tr("Window {n}").format(n=self.number.value()))
        self.active.setChecked(True)
        self._fill_types(())
        self.name.setFocus()

    def _save(self) -> None:
        for key, label in self.errors.items():
            clear_invalid(self._widget(key), label)
        chosen = tuple(
            self.types.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.types.count())
            if self.types.item(i).checkState() == Qt.CheckState.Checked
        )
        item = WindowDef(self.number.value(), self.name.text(), chosen, self.active.isChecked())
        work = partial(_save, actor=self.actor, item=item)
        self.ops.run(work, on_success=self._saved, on_failure=self._failed, owner=self)

    def _widget(self, key: str):  # type: ignore[no-untyped-def]
        return {"number": self.number, "name": self.name, "business_types": self.types}[key]

    def _saved(self, _changes: object) -> None:
        say(self.message, self.tr("Saved."), ok=True)
        self.reload()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, InvalidForm):
            for key, error in exc.errors.items():
                mark_invalid(self._widget(key), self.errors.get(key), message_for(error))
            return
        say(self.message, message_for(exc), ok=False)
