"""Reversing a payment (冲正): a supervisor approves at the counter, or through the approval queue.

The reversal is a new receipt with the opposite amount; it is printed on the receipt printer at once.
The request id is made when the dialog opens, so a second click after a lost answer replays it.
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import AccountLockedOut, LoginFailed, OperatorInactive, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.payments import MAX_NOTE_LENGTH, PaymentResult
from hallapp.domain.records import Actor, Changes
from hallapp.services.reversal_service import ApprovalRow
from ui.counter.close_shift_dialog import EnterMovesOn
from ui.counter.print_flow import receipt_paper_size, send
from ui.errors import field_of, message_for
from ui.ops import CoreOps
from ui.ops.payments import Taken, record_print, reverse_approved, reverse_at_counter
from ui.printing import DocumentKind
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.formatting import label, money
from ui.widgets.labels import say, styled

translate = QCoreApplication.translate


def _request(core, actor: Actor, payment_id: str, reason: str) -> Changes:  # type: ignore[no-untyped-def]
    core.reversals.request(actor, payment_id, reason)
    return Changes(payments=True)


def _mine(core, actor: Actor) -> list[ApprovalRow]:  # type: ignore[no-untyped-def]
    return core.reversals.mine(actor)


class ReversalDialog(QDialog):
    sig_reversed = Signal(object)  # PaymentResult of the reversal

    def __init__(
        self,
        ops: CoreOps,
        actor: Actor,
        *,
        payment_id: str,
        receipt_no: str,
        account_no: str,
        amount_fen: int,
        method: PaymentMethod,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("ReversalDialog")
        self.setWindowTitle(self.tr("Reverse payment {receipt_no}").format(receipt_no=receipt_no))
        self.ops = ops
        self.actor = actor
        self.payment_id = payment_id
        self.receipt_no = receipt_no
        self.request_id = new_id()  # one per dialog: a retried click replays instead of reversing twice
        self.approval: ApprovalRow | None = None
        self.taken: Taken | None = None
        self.busy = False

        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_NOTE_LENGTH)
        self.reason.setPlaceholderText(self.tr("For example: wrong amount typed, customer paid twice"))
        self.done_line = styled("", "result", wrap=True)
        self.done_line.hide()
        self.message = styled("", "error", wrap=True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self._receipt_card(receipt_no, account_no, amount_fen, method))
        layout.addWidget(
            styled(
                self.tr(
                    "A reversal cancels the whole payment with a new receipt for the opposite amount. "
                    "It cannot be undone."
                ),
                "caption",
                wrap=True,
            )
        )
        reason_caption = QLabel(self.tr("&Reason (required)"))
        reason_caption.setBuddy(self.reason)
        layout.addWidget(reason_caption)
        layout.addWidget(self.reason)
        layout.addWidget(self._counter_box())
        layout.addWidget(self._queue_box())
        layout.addWidget(self.done_line)
        layout.addWidget(self.message)
        layout.addLayout(self._bottom_row())
        self.setMinimumWidth(620)

        EnterMovesOn(self, self.reason, self.staff_no)
        self.ops.sig_operation_did_execute.connect(self._on_changes)
        self.reason.setFocus()
        self._load_requests()

    def _receipt_card(
        self, receipt_no: str, account_no: str, amount_fen: int, method: PaymentMethod
    ) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 10, 16, 10)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        cells = (
            (self.tr("Receipt no."), receipt_no),
            (self.tr("Account no."), account_no),
            (self.tr("Method"), label(method)),
        )
        for row, (caption, value) in enumerate(cells):
            grid.addWidget(styled(caption, "caption"), row, 0)
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value_label, row, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(styled(self.tr("Amount"), "caption"), 0, 3, Qt.AlignmentFlag.AlignRight)
        self.amount = styled(money(amount_fen), "amount")
        grid.addWidget(self.amount, 1, 3, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return card

    def _counter_box(self) -> QGroupBox:
        self.staff_no = QLineEdit()
        self.staff_no.setMaxLength(16)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.reverse_button = QPushButton(self.tr("Reverse now"))
        self.reverse_button.setProperty("role", "primary")
        self.reverse_button.setDefault(True)  # Enter in the password field
        self.reverse_button.clicked.connect(self.reverse_now)
        box = QGroupBox(self.tr("A supervisor approves here"))
        form = QFormLayout(box)
        form.setContentsMargins(12, 16, 12, 10)
        form.addRow(self.tr("Supervisor's &staff no."), self.staff_no)
        form.addRow(self.tr("Supervisor's &password"), self.password)
        form.addRow("", self.reverse_button)
        return box

    def _queue_box(self) -> QGroupBox:
        self.queue_status = styled(
            self.tr("No request sent yet. The supervisor decides on their own screen."), "muted", wrap=True
        )
        self.request_button = QPushButton(self.tr("Send to approval queue"))
        self.request_button.clicked.connect(self.send_request)
        self.approved_button = QPushButton(self.tr("Reverse with approval"))
        self.approved_button.setProperty("role", "primary")
        self.approved_button.hide()
        self.approved_button.clicked.connect(self.reverse_with_approval)
        box = QGroupBox(self.tr("Or ask through the approval queue"))
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 16, 12, 10)
        column.addWidget(self.queue_status)
        row = QHBoxLayout()
        row.addWidget(self.request_button)
        row.addWidget(self.approved_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    def _bottom_row(self) -> QHBoxLayout:
        self.print_again_button = QPushButton(self.tr("Print receipt again"))
        self.print_again_button.setProperty("role", "primary")
        self.print_again_button.hide()
        self.print_again_button.clicked.connect(self.print_again)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.print_again_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    # --- the approval queue -------------------------------------------------------------------
    def _load_requests(self) -> None:
        self.ops.run(partial(_mine, actor=self.actor), on_success=self._on_requests, owner=self)

    def _on_requests(self, rows: list[ApprovalRow]) -> None:
        mine = [r for r in rows if r.target_id == self.payment_id and r.status != "used"]
        self.approval = mine[0] if mine else None  # newest first
        self._show_request()

    def _show_request(self) -> None:
        row = self.approval
        self.approved_button.setVisible(row is not None and row.status == "approved" and self.taken is None)
        if row is None:
            return
        when = row.requested_at.strftime("%H:%M")
        if row.status == "pending":
            text = self.tr("Sent at {time}; waiting for a supervisor to decide.").format(time=when)
        elif row.status == "approved":
            text = self.tr("Approved by {supervisor}: press “Reverse with approval”.").format(
                supervisor=row.decided_by
            )
            if not self.reason.text().strip():
                self.reason.setText(row.reason)
        else:
            text = self.tr("Refused by {supervisor}: {note}").format(
                supervisor=row.decided_by, note=row.decision_note
            )
        self.queue_status.setText(text)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.payments and initiator is not self and self.taken is None:
            self._load_requests()

    def send_request(self) -> None:
        if self.busy or self.taken is not None:
            return
        self._start()
        work = partial(_request, actor=self.actor, payment_id=self.payment_id, reason=self.reason.text())
        self.ops.run(
            work, on_success=self._on_requested, on_failure=self._on_failed, owner=self, initiator=self
        )

    def _on_requested(self, _changes: Changes) -> None:  # CoreOps broadcasts the Changes
        self.busy = False
        say(
            self.message,
            self.tr("Sent to the approval queue. Once a supervisor approves, reverse it here."),
            ok=True,
        )
        self._load_requests()

    # --- reversing ----------------------------------------------------------------------------
    def reverse_now(self) -> None:
        if self.busy or self.taken is not None:
            return
        self._start()
        work = partial(
            reverse_at_counter,
            actor=self.actor,
            payment_id=self.payment_id,
            request_id=self.request_id,
            reason=self.reason.text(),
            staff_no=self.staff_no.text(),
            password=self.password.text(),
            paper=receipt_paper_size(),
        )
        self.ops.run(work, on_success=self._on_reversed, on_failure=self._on_failed, owner=self)

    def reverse_with_approval(self) -> None:
        if self.busy or self.taken is not None or self.approval is None:
            return
        self._start()
        work = partial(
            reverse_approved,
            actor=self.actor,
            payment_id=self.payment_id,
            request_id=self.request_id,
            approval_id=self.approval.approval_id,
            paper=receipt_paper_size(),
        )
        self.ops.run(work, on_success=self._on_reversed, on_failure=self._on_failed, owner=self)

    def _start(self) -> None:
        self.busy = True
        self.message.hide()
        for field in (self.reason, self.staff_no, self.password):
            clear_invalid(field, None)

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        self.password.clear()
        field = field_of(exc)
        target = {"reason": self.reason, "staff_no": self.staff_no, "password": self.password}.get(
            field or ""
        )
        if target is None and isinstance(exc, LoginFailed | AccountLockedOut):
            target = self.password
        elif target is None and isinstance(exc, OperatorInactive | PermissionDenied):
            target = self.staff_no
        if target is not None:
            mark_invalid(target, None, "")
            target.setFocus()
        say(self.message, message_for(exc), ok=False)

    def _on_reversed(self, taken: Taken) -> None:
        self.busy = False
        self.taken = taken
        self.password.clear()
        for widget in (
            self.reason,
            self.staff_no,
            self.password,
            self.reverse_button,
            self.request_button,
            self.approved_button,
        ):
            widget.setEnabled(False)
        self.done_line.setText(
            self.tr("Reversed: receipt {original} is cancelled by receipt {reversal}.").format(
                original=self.receipt_no, reversal=taken.result.receipt_no
            )
        )
        self.done_line.show()
        self.sig_reversed.emit(taken.result)
        self.print_again()

    def print_again(self) -> None:
        if self.taken is None:
            return
        failure = send(self.taken.receipt, DocumentKind.RECEIPT, parent=self)
        if failure is not None:
            self.print_again_button.show()
            self.print_again_button.setFocus()
            say(self.message, message_for(failure), ok=False)
            return
        actor, payment_id = self.actor, self.taken.receipt.payment_id
        self.ops.run(partial(record_print, actor=actor, payment_id=payment_id))
        self.accept()

    @property
    def result(self) -> PaymentResult | None:
        return self.taken.result if self.taken else None
