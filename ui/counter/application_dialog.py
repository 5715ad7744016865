"""Taking an application: the guided form, then 受理 prints the 登记表 for signature and the 回执.

Keyboard path: type down the form (Enter moves on, Space ticks), Ctrl+Enter accepts. When documents
are missing, Ctrl+I prints the 一次性告知书 listing all of them. The request id is made when the
dialog opens, so a repeated Ctrl+Enter after a lost answer never makes a second application.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.errors import ApprovalRequired, InvalidForm
from hallapp.domain.ids import new_id
from hallapp.domain.payments import MAX_NOTE_LENGTH
from hallapp.domain.records import Actor
from ui.counter.application_fields import ApplicationFields
from ui.counter.close_shift_dialog import EnterMovesOn
from ui.counter.print_flow import send
from ui.errors import field_of, message_for
from ui.ops import CoreOps
from ui.ops.applications import Accepted, draft_notice_printout, submit
from ui.printing import DocumentKind
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import say, styled

DIALOG_HEIGHT = 860  # the form scrolls inside; the buttons always show
SCREEN_MARGIN = 60


class ApplicationDialog(QDialog):
    sig_accepted = Signal(object)  # Submitted

    def __init__(self, ops: CoreOps, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("ApplicationDialog")
        self.setWindowTitle(self.tr("New application"))
        self.ops = ops
        self.actor = actor
        self.request_id = new_id()
        self.busy = False
        self.accepted_result: Accepted | None = None
        self.fields = ApplicationFields()
        scroll = QScrollArea()
        scroll.setWidget(self.fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.approval = _ApprovalBox()
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        self.notice_button = QPushButton(self.tr("Print one-time notice (Ctrl+I)"))
        self.accept_button = QPushButton(self.tr("Accept and print (Ctrl+Enter)"))
        self.accept_button.setProperty("role", "primary")
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(styled(self.tr("New application"), "page-title"))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.approval)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(760, min(DIALOG_HEIGHT, screen.height() - SCREEN_MARGIN))
        self.accept_button.clicked.connect(self.submit)
        self.approval.send_button.clicked.connect(self.send_to_queue)
        self.notice_button.clicked.connect(self.print_notice)
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        QShortcut(QKeySequence("Ctrl+I"), self, self.print_notice)
        f = self.fields
        EnterMovesOn(
            self, f.name, f.id_no, f.credit_code, f.legal_rep, f.agent_name, f.agent_id_no, f.phone,
            f.account_no, f.address, f.capacity, f.email, f.note,
        )  # fmt: skip
        self.fields.kind.setFocus()

    def submit(self) -> None:
        self._submit(None)

    def send_to_queue(self) -> None:
        """Accept now and leave the credit code to the supervisor's queue (the clerk's reason)."""
        self._submit(self.approval.queue_reason.text())

    def _submit(self, queue_reason: str | None) -> None:
        if self.busy:
            return
        self.busy = True
        self.message.hide()
        self.fields.clear_errors()
        self.approval.clear_error()
        draft, request_id = self.fields.draft(), self.request_id
        approver = self.approval.credentials() if queue_reason is None else ("", "")
        self.ops.run(
            lambda core: submit(core, self.actor, draft, request_id, approver, queue_reason),
            on_success=self._accepted,
            on_failure=self._failed,
            owner=self,
            initiator=self,
        )

    def _accepted(self, result: Accepted) -> None:
        self.busy = False
        self.accepted_result = result
        for printout in (result.form, result.receipt, result.notice):
            if printout is not None:
                failure = send(printout, DocumentKind.FORM, parent=self)
                if failure is not None:
                    say(self.message, failure.message(), ok=False)
        self.sig_accepted.emit(result.submitted)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if isinstance(exc, InvalidForm):
            first = self.fields.show_errors(exc)
            say(self.message, self.tr("Please correct the fields marked in red."), ok=False)
            if first is not None:
                first.setFocus()
            return
        if isinstance(exc, ApprovalRequired):
            self.approval.ask(message_for(exc))
            return
        if field_of(exc) == "queue_reason":
            self.approval.mark_reason()
        say(self.message, message_for(exc), ok=False)

    def print_notice(self) -> None:
        draft = self.fields.draft()
        self.ops.run(
            lambda core: draft_notice_printout(core, self.actor, draft),
            on_success=self._notice_ready,
            on_failure=lambda exc: say(self.message, message_for(exc), ok=False),
            owner=self,
        )

    def _notice_ready(self, printout) -> None:  # type: ignore[no-untyped-def]
        failure = send(printout, DocumentKind.FORM, parent=self, with_preview=True)
        if failure is not None and failure.reason != "cancelled":
            say(self.message, failure.message(), ok=False)


class _ApprovalBox(QWidget):
    """A credit code that fails its check character: a supervisor confirms it here at the counter, or
    the clerk sends it to the supervisor's queue with a reason (the application is then held in 受理
    until approved)."""

    def __init__(self) -> None:
        super().__init__()
        self.text = styled("", "error", wrap=True)
        self.staff_no = QLineEdit()
        self.staff_no.setMaxLength(20)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.queue_reason = QLineEdit()
        self.queue_reason.setMaxLength(MAX_NOTE_LENGTH)
        self.queue_reason.setPlaceholderText(self.tr("Why the code is right, for the supervisor"))
        self.send_button = QPushButton(self.tr("Send to the supervisor's &queue"))
        form = QFormLayout()
        form.addRow(self.tr("Supervisor staff no."), self.staff_no)
        form.addRow(self.tr("Password"), self.password)
        queue = QHBoxLayout()
        queue.addWidget(self.queue_reason, 1)
        queue.addWidget(self.send_button)
        form.addRow(self.tr("Or send with reason"), queue)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(form)
        self.queue_reason.returnPressed.connect(self.send_button.click)
        self.hide()

    def ask(self, sentence: str) -> None:
        self.text.setText(sentence)
        self.show()
        self.staff_no.setFocus()

    def credentials(self) -> tuple[str, str]:
        return (self.staff_no.text().strip(), self.password.text()) if self.isVisible() else ("", "")

    def mark_reason(self) -> None:
        mark_invalid(self.queue_reason, None, "")
        self.queue_reason.setFocus()

    def clear_error(self) -> None:
        clear_invalid(self.queue_reason, None)
