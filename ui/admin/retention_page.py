"""Record retention (档案保存期限): per class of record, how many are past their retention period and
how many of those may be deleted (the central server has them); the admin deletes one class after
a confirmation naming the count and the cut-off day. The deletion is in the audit trail."""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout

from hallapp.domain.records import Actor
from hallapp.services.retention_service import ClassPreview, PurgeResult
from ui.supervisor.audit_messages import audit_message
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def class_label(p: ClassPreview) -> str:
    return translate("Retention", p.label)


def retention_columns() -> list[Column[ClassPreview]]:
    return [
        Column(translate("RetentionPage", "Records"), class_label),
        Column(
            translate("RetentionPage", "Kept for"),
            lambda p: translate("RetentionPage", "{days} days").format(days=f"{p.keep_days:,}"),
            RIGHT,
            sort_key=lambda p: p.keep_days,
        ),
        Column(translate("RetentionPage", "Dated before"), lambda p: p.cut_off.isoformat(), CENTER),
        Column(
            translate("RetentionPage", "Past retention"),
            lambda p: f"{p.past_retention:,}",
            RIGHT,
            sort_key=lambda p: p.past_retention,
        ),
        Column(
            translate("RetentionPage", "Can be deleted"),
            lambda p: f"{p.deletable:,}",
            RIGHT,
            sort_key=lambda p: p.deletable,
            tone=lambda p: "owed" if p.deletable else None,
        ),
        Column(
            translate("RetentionPage", "Oldest"),
            lambda p: p.oldest.isoformat() if p.oldest else "—",
            CENTER,
        ),
    ]


def _preview(core, actor: Actor) -> tuple[ClassPreview, ...]:  # type: ignore[no-untyped-def]
    return core.retention.preview(actor)


def _purge(core, actor: Actor, record_class: str) -> PurgeResult:  # type: ignore[no-untyped-def]
    return core.retention.purge(actor, record_class)


class RetentionPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.busy = False
        self.model = RecordTableModel(retention_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=0, sortable=False)
        self.table.setAccessibleName(self.tr("Classes of record and their retention"))
        self.purge_button = QPushButton(self.tr("&Delete the deletable records…"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Record retention"), "page-title"))
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(
            styled(
                self.tr(
                    "Records are kept at least as long as the retention settings say. Only records past "
                    "that period and already received by the central server can be deleted; open cases "
                    "are never deleted. Each deletion is recorded in the audit trail."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.refresh_button.clicked.connect(self.refresh)
        self.purge_button.clicked.connect(self.purge)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        shortcut.activated.connect(self.purge)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.setFocusProxy(self.table)
        self._update_actions()
        self.refresh()

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus()

    def handle_escape(self) -> bool:
        self.message.hide()
        self.table.setFocus()
        return True

    def refresh(self) -> None:
        work = partial(_preview, actor=self.actor)
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, rows: tuple[ClassPreview, ...]) -> None:
        current = self.table.current_record()
        self.model.set_records(rows)
        keep = next((n for n, r in enumerate(rows) if current and r.record_class == current.record_class), 0)
        if rows:
            self.table.selectRow(keep)
            self.table.setCurrentIndex(self.table.proxy.index(keep, 0))
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.table.current_record()
        self.purge_button.setEnabled(bool(row and row.deletable) and not self.busy)

    def confirm(self, question: str) -> bool:
        """Deleting cannot be undone: ask, with No as the default answer."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self, self.tr("Delete old records"), question, buttons, QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def purge(self) -> None:
        row = self.table.current_record()
        if self.busy or row is None or not row.deletable:
            return
        question = self.tr(
            "Delete {count} record(s) of “{kind}” dated before {cut_off}? This cannot be undone."
        ).format(count=f"{row.deletable:,}", kind=class_label(row), cut_off=row.cut_off.isoformat())
        if not self.confirm(question):
            return
        self.busy = True
        self._update_actions()
        work = partial(_purge, actor=self.actor, record_class=row.record_class)
        self.ops.run(work, on_success=self._on_purged, on_failure=self._on_purge_failed, owner=self)

    def _on_purged(self, result: PurgeResult) -> None:
        self.busy = False
        say(
            self.message,
            self.tr(
                "Deleted {count} record(s) dated before {cut_off}; the deletion is in the audit trail."
            ).format(count=f"{result.deleted:,}", cut_off=result.cut_off.isoformat()),
            ok=True,
        )
        self.refresh()

    def _on_purge_failed(self, exc: Exception) -> None:
        self._on_failed(exc)
        self.refresh()  # the counts changed meanwhile, or the trail needs looking at

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_actions()
        say(self.message, audit_message(exc), ok=False)
