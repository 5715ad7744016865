"""Business settings: every number behind the rules, with its default, its source and validation."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.errors import InvalidForm
from hallapp.domain.records import SettingValue
from hallapp.domain.settings_catalog import CATALOG, GROUP_LABELS, Group, Kind, SettingDef
from ui.errors import message_for
from ui.ops.admin import load_settings, save_settings
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage

translate = QCoreApplication.translate


def shown(definition: SettingDef, value: Any) -> str:
    if definition.kind is Kind.TIME:
        return value.strftime("%H:%M")
    if definition.kind is Kind.BOOL:
        return translate("SettingsPage", "Yes") if value else translate("SettingsPage", "No")
    return str(value)


@dataclass
class _Row:
    definition: SettingDef
    editor: QLineEdit | QCheckBox
    error: QLabel
    default: QLabel
    loaded: Any = None

    def text(self) -> Any:
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked()
        return self.editor.text()

    def set_value(self, value: Any) -> None:
        self.loaded = value
        if isinstance(self.editor, QCheckBox):
            self.editor.setChecked(bool(value))
        else:
            self.editor.setText(shown(self.definition, value))

    def set_server_owned(self, owned: bool) -> None:
        if isinstance(self.editor, QLineEdit):
            self.editor.setReadOnly(owned)
        self.editor.setEnabled(not owned)  # greyed: plainly not for typing in

    def changed(self) -> bool:
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked() != self.loaded
        return self.editor.text().strip() != shown(self.definition, self.loaded)


class SettingsPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        title = styled(self.tr("Business settings"), "page-title")
        intro = QLabel(
            self.tr(
                "Each value has its default and the rule it comes from. Changes take effect at "
                "once and are recorded in the audit trail."
            )
        )
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)
        self.rows: dict[str, _Row] = {}
        self.tabs = QTabWidget()
        for group in Group:
            self.tabs.addTab(self._group_tab(group), translate("Settings", GROUP_LABELS[group]))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save changes (Ctrl+S)"))
        self.save_button.setProperty("role", "primary")
        self.undo_button = QPushButton(self.tr("Discard changes"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.reload)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.reload()

    def _group_tab(self, group: Group) -> QScrollArea:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(16, 14, 16, 14)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        row = 0
        for definition in (d for d in CATALOG if d.group is group):
            self._add_row(grid, row, definition)
            row += 2
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(row, 1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def _add_row(self, grid: QGridLayout, row: int, definition: SettingDef) -> None:
        caption = QLabel(translate("Settings", definition.label))
        caption.setWordWrap(True)
        caption.setMinimumWidth(300)
        editor: QLineEdit | QCheckBox
        if definition.kind is Kind.BOOL:
            editor = QCheckBox()
        else:
            editor = QLineEdit()
            editor.setMaxLength(definition.max_length if definition.kind is Kind.TEXT else 24)
            editor.setFixedWidth(260 if definition.kind is Kind.TEXT else 120)
            if definition.kind in (Kind.INT, Kind.DECIMAL):
                editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setObjectName(f"setting:{definition.key}")
        caption.setBuddy(editor)
        unit = QLabel(translate("Settings", definition.unit) if definition.unit else "")
        default = QLabel()
        default.setProperty("role", "caption")
        default.setWordWrap(True)
        default.setToolTip(definition.source)
        error = QLabel()
        error.setProperty("role", "error")
        error.hide()
        grid.addWidget(caption, row, 0)
        grid.addWidget(editor, row, 1)
        grid.addWidget(unit, row, 2)
        grid.addWidget(default, row, 3)
        grid.addWidget(error, row + 1, 1, 1, 3)
        self.rows[definition.key] = _Row(definition, editor, error, default)

    def reload(self) -> None:
        load_settings(self.ops, owner=self, on_success=self._on_loaded)

    def _on_loaded(self, values: list[SettingValue]) -> None:
        for value in values:
            row = self.rows[value.key]
            row.set_value(value.value)
            clear_invalid(row.editor, row.error)
            default_text = self.tr("Default {value}").format(value=shown(row.definition, value.default))
            if value.server_owned:
                default_text = self.tr("Set by the central server for this hall") + f" · {default_text}"
            row.default.setText(f"{default_text} · {row.definition.source}")
            row.set_server_owned(value.server_owned)
            font = row.editor.font()
            font.setBold(not value.is_default)
            row.editor.setFont(font)

    def save(self) -> None:
        changes = {key: row.text() for key, row in self.rows.items() if row.changed()}
        for row in self.rows.values():
            clear_invalid(row.editor, row.error)
        if not changes:
            say(self.message, self.tr("Nothing to save: no value was changed."), ok=True)
            return
        self.save_button.setEnabled(False)
        save_settings(
            self.ops,
            owner=self,
            actor=self.actor,
            changes=changes,
            on_success=lambda _c: self._on_saved(len(changes)),
            on_failure=self._on_failed,
        )

    def _on_saved(self, count: int) -> None:
        self.save_button.setEnabled(True)
        say(self.message, self.tr("Saved {count} setting(s).").format(count=count), ok=True)
        self.reload()

    def _on_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, InvalidForm):
            for key, error in exc.errors.items():
                row = self.rows[key]
                mark_invalid(row.editor, row.error, message_for(error))
            first = self.rows[next(iter(exc.errors))]
            self.tabs.setCurrentIndex(list(Group).index(first.definition.group))
            first.editor.setFocus()
            say(self.message, self.tr("Nothing was saved: correct the fields marked in red."), ok=False)
            return
        say(self.message, message_for(exc), ok=False)
