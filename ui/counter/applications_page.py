"""Applications at the counter: what is overdue or due soon, progress lookup, one application's file.

F6 (or Ctrl+N) starts a new application; Ctrl+F searches by application no., 户号, ID number, phone
or name; F8 prints the selected application's form again.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSplitter, QTabWidget, QVBoxLayout

from hallapp.domain.application_flow import Stage
from hallapp.domain.application_views import ApplicationRow, AttachmentRow, Submitted, Worklist
from hallapp.domain.errors import ApprovalRequired
from hallapp.domain.records import Changes
from ui.counter.application_detail import ApplicationDetailPane
from ui.counter.application_dialog import ApplicationDialog
from ui.counter.application_tables import application_columns
from ui.counter.print_flow import send
from ui.ops import applications as ops_apps
from ui.printing import DocumentKind
from ui.supervisor.approval_messages import approval_message, correction_needs_supervisor
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_view import RecordTableView

LIST_WIDTH, DETAIL_WIDTH = 560, 560  # starting split; the clerk can drag it
PRINTOUTS = {
    "form": ops_apps.form_printout,
    "receipt": ops_apps.receipt_printout,
    "notice": ops_apps.notice_printout,
}


class ApplicationsPage(WorkspacePage):
    fkeys = frozenset({"F6", "F8", "Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.setObjectName("ApplicationsPage")
        self.query = QLineEdit()
        self.query.setProperty("role", "search")
        self.query.setMaxLength(40)
        self.query.setPlaceholderText(
            self.tr("Application no., account no., ID number, phone or name, then Enter (Ctrl+F)")
        )
        self.new_button = QPushButton(self.tr("New application (F6)"))
        self.new_button.setProperty("role", "primary")
        self.overdue = RecordTableModel(application_columns(), self)
        self.due_soon = RecordTableModel(application_columns(), self)
        self.found = RecordTableModel(application_columns(), self)
        self.held = RecordTableModel(application_columns(), self)
        self.tables = [
            RecordTableView(m, stretch_column=2) for m in (self.overdue, self.due_soon, self.found, self.held)
        ]
        self.tabs = QTabWidget()
        for table in self.tables:
            self.tabs.addTab(table, "")
        self.detail = ApplicationDetailPane()
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.totals = (0, 0, 0)
        self._layout()
        self._connect()
        self._set_tab_titles()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Applications"), "page-title"))
        top.addWidget(self.query, 1)
        top.addWidget(self.new_button)
        left = QSplitter(Qt.Orientation.Horizontal)
        left.addWidget(self.tabs)
        left.addWidget(self.detail)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        left.setSizes([LIST_WIDTH, DETAIL_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(left, 1)

    def _connect(self) -> None:
        self.query.returnPressed.connect(self.search)
        self.new_button.clicked.connect(self.new_application)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_application)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_query)
        for table in self.tables:
            table.selectionModel().currentRowChanged.connect(lambda *_a, t=table: self._selected(t))
            table.activated.connect(lambda *_a, t=table: self._selected(t))
        d = self.detail
        d.sig_advance.connect(self._advance)
        d.sig_expedite.connect(self._expedite)
        d.sig_rate.connect(self._rate)
        d.sig_attach.connect(self._attach)
        d.sig_print.connect(self._print)
        d.sig_view.connect(self._view)
        d.sig_correct.connect(self._correct)
        self.ops.sig_operation_did_execute.connect(self._on_changes)

    def activate(self) -> None:
        self.load_worklist()
        self._focus_query()

    def handle_fkey(self, key: str) -> bool:
        if key == "F6":
            self.new_application()
            return True
        if key == "F8":
            return self.detail.print_form()
        return False

    def handle_escape(self) -> bool:
        if self.query.text():
            self.query.clear()
            return True
        return False

    def _focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.applications:
            self.load_worklist()

    # --- lists ---------------------------------------------------------------------------------

    def load_worklist(self) -> None:
        self.ops.run(
            lambda core: core.application_reads.worklist(self.actor),
            on_success=self._show_worklist,
            on_failure=self._failed,
            owner=self,
        )

    def _show_worklist(self, work: Worklist) -> None:
        self.overdue.set_records(work.overdue)
        self.due_soon.set_records(work.due_soon)
        self.held.set_records(work.held)
        self.totals = (work.overdue_total, work.due_soon_total, work.held_total)
        self._set_tab_titles()

    def _set_tab_titles(self) -> None:
        overdue, due_soon, held = self.totals
        self.tabs.setTabText(0, self.tr("Overdue ({n})").format(n=overdue))
        self.tabs.setTabText(1, self.tr("Due soon ({n})").format(n=due_soon))
        self.tabs.setTabText(2, self.tr("Search results ({n})").format(n=len(self.found.records)))
        self.tabs.setTabText(3, self.tr("Waiting for a supervisor ({n})").format(n=held))

    def search(self) -> None:
        text = self.query.text()
        self.ops.run(
            lambda core: core.application_reads.find(self.actor, text),
            on_success=self._show_found,
            on_failure=self._failed,
            owner=self,
        )

    def _show_found(self, rows: list[ApplicationRow]) -> None:
        self.found.set_records(rows)
        self._set_tab_titles()
        self.tabs.setCurrentIndex(2)
        if rows:
            self.tables[2].select_first()
            self.tables[2].setFocus()
            self.message.hide()
        else:
            say(
                self.message, self.tr("No application matches; check the number or search by name."), ok=False
            )

    def _selected(self, table: RecordTableView) -> None:
        row = table.current_record()
        if row is not None:
            self.open(row.application_id)

    def open(self, application_id: str) -> None:
        self.ops.run(
            lambda core: core.application_reads.detail(self.actor, application_id),
            on_success=self._show_detail,
            on_failure=self._failed,
            owner=self,
        )

    def _show_detail(self, detail) -> None:  # type: ignore[no-untyped-def]
        self.detail.show_detail(detail)
        for row in detail.attachments:
            self.ops.run(
                lambda core, r=row: ops_apps.attachment_content(core, self.actor, r),
                on_success=lambda pair: self.detail.strip.set_thumbnail(*pair),
                on_failure=lambda _exc: None,  # no thumbnail: the file's icon stays
                owner=self,
            )

    # --- actions -------------------------------------------------------------------------------

    def new_application(self) -> None:
        dialog = ApplicationDialog(self.ops, self.actor, self)
        dialog.sig_accepted.connect(self._accepted)
        dialog.open()

    def _accepted(self, submitted: Submitted) -> None:
        say(
            self.message,
            self.tr("Application {no} accepted; the form and the receipt are printing.").format(
                no=submitted.application_no
            ),
            ok=True,
        )
        self.open(submitted.application_id)

    def _moved(self, moved: ops_apps.Moved) -> None:
        self.detail.clear_note()
        self.detail.show_detail(moved.detail)
        self.message.hide()

    def _advance(self, application_id: str, stage: Stage, note: str, assume: bool) -> None:
        version = self.detail.detail.row.version if self.detail.detail else 0
        self.ops.run(
            lambda core: ops_apps.advance(core, self.actor, application_id, stage, version, note, assume),
            on_success=self._moved,
            on_failure=lambda exc: self._failed(exc, reload=application_id),
            owner=self,
        )

    def _correct(self, application_id: str, code: str, queue_reason: str | None) -> None:
        version = self.detail.detail.row.version if self.detail.detail else 0
        self.ops.run(
            lambda core: ops_apps.correct_credit_code(
                core, self.actor, application_id, code, version, queue_reason
            ),
            on_success=self._moved,
            on_failure=self._correction_failed,
            owner=self,
        )

    def _correction_failed(self, exc: Exception) -> None:
        text = correction_needs_supervisor() if isinstance(exc, ApprovalRequired) else approval_message(exc)
        say(self.message, text, ok=False)
        self.detail.correction.code.setFocus()

    def _expedite(self, application_id: str, note: str) -> None:
        self.ops.run(
            lambda core: ops_apps.expedite(core, self.actor, application_id, note),
            on_success=self._moved,
            on_failure=self._failed,
            owner=self,
        )

    def _rate(self, application_id: str, rating: int, reason: str) -> None:
        self.ops.run(
            lambda core: ops_apps.rate(core, self.actor, application_id, rating, reason),
            on_success=self._moved,
            on_failure=self._failed,
            owner=self,
        )

    def _attach(self, application_id: str, path: str) -> None:
        self.ops.run(
            lambda core: ops_apps.attach(core, self.actor, application_id, Path(path)),
            on_success=self._after_attach,
            on_failure=self._failed,
            owner=self,
        )

    def _after_attach(self, moved: ops_apps.Moved) -> None:
        self._show_detail(moved.detail)
        say(self.message, self.tr("The document is attached and kept on this PC."), ok=True)

    def _print(self, application_id: str, which: str) -> None:
        make = PRINTOUTS[which]
        self.ops.run(
            lambda core: make(core, self.actor, application_id),
            on_success=self._send,
            on_failure=self._failed,
            owner=self,
        )

    def _send(self, printout) -> None:  # type: ignore[no-untyped-def]
        failure = send(printout, DocumentKind.FORM, parent=self, with_preview=True)
        if failure is not None and failure.reason != "cancelled":
            say(self.message, failure.message(), ok=False)

    def _view(self, row: AttachmentRow) -> None:
        self.ops.run(
            lambda core: ops_apps.attachment_content(core, self.actor, row),
            on_success=lambda pair: self.detail.view(*pair),
            on_failure=self._failed,
            owner=self,
        )

    def _failed(self, exc: Exception, reload: str = "") -> None:
        say(self.message, approval_message(exc), ok=False)
        if reload:  # another PC moved it: show what it is now
            self.open(reload)
