"""Taking a payment: find the account, see what is owed with its penalty, take the money, print.

The receipt prints only after the payment is committed; a printer failure leaves the payment
standing and offers the reprint (F8).
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.enums import AccountStatus
from hallapp.domain.errors import HallError
from hallapp.domain.ids import new_id
from hallapp.domain.money import format_fen
from hallapp.domain.payments import AccountDue, DueLine, PaymentRequest
from hallapp.domain.records import AccountHit, Changes
from hallapp.domain.search import MAX_QUERY_LENGTH
from ui.counter.account_tables import hit_columns
from ui.counter.payment_form import PaymentForm
from ui.counter.print_flow import receipt_paper_size, send
from ui.errors import field_of, message_for
from ui.ops import payments as work
from ui.printing import DocumentKind
from ui.widgets.formatting import day, label, money, period
from ui.widgets.labels import styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
DUE, HITS = 0, 1


def due_columns() -> list[Column[DueLine]]:
    return [
        Column(translate("PaymentPage", "Period"), lambda x: period(x.period)),
        Column(translate("PaymentPage", "Energy (kWh)"), lambda x: f"{x.kwh:,}", RIGHT),
        Column(translate("PaymentPage", "Bill"), lambda x: money(x.amount_fen), RIGHT),
        Column(translate("PaymentPage", "Owed"), lambda x: money(x.outstanding_fen), RIGHT),
        Column(translate("PaymentPage", "Due date"), lambda x: day(x.due_date), CENTER),
        Column(
            translate("PaymentPage", "Days late"),
            lambda x: str(x.days_overdue) if x.days_overdue else "—",
            CENTER,
            tone=lambda x: "owed" if x.days_overdue else None,
        ),
        Column(
            translate("PaymentPage", "Penalty"),
            lambda x: money(x.penalty_fen),
            RIGHT,
            tone=lambda x: "owed" if x.penalty_fen else None,
        ),
        Column(translate("PaymentPage", "To pay"), lambda x: money(x.total_fen), RIGHT),
    ]


class PaymentPage(WorkspacePage):
    fkeys = frozenset({"F4", "F8", "Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.due: AccountDue | None = None
        self.request_id = ""
        self.last_payment_id = ""
        self.busy = False
        self.query = QLineEdit()
        self.query.setProperty("role", "search")
        self.query.setMaxLength(MAX_QUERY_LENGTH * 2)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr("Scan the bill or type the account number (or name, phone, address), then press Enter")
        )
        self.lookup_error = styled("", "error", wrap=True)
        self.lookup_error.hide()
        self.shift_line = styled("", "muted")
        self.form = PaymentForm()
        self.form.setFixedWidth(400)
        self.form.setEnabled(False)
        self.result = self._result_strip()
        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Payments"), "page-title"))
        top.addStretch(1)
        top.addWidget(self.shift_line)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self._left_side(), 1)
        body.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.query)
        layout.addWidget(self.lookup_error)
        layout.addLayout(body, 1)
        layout.addWidget(self.result)
        self.query.returnPressed.connect(self.look_up)
        self.form.sig_confirm.connect(self.confirm)
        self.notice_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.notice_shortcut.activated.connect(self.open_notices)
        self.preview_shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        self.preview_shortcut.activated.connect(self.preview_receipt)
        self.ops.sig_operation_did_execute.connect(self._on_changes)
        self.setFocusProxy(self.query)

    def _left_side(self) -> QWidget:
        self.holder = styled("", "holder")
        self.account_line = styled(self.tr("No account open."), "muted", wrap=True)
        self.status_badge = styled("", "badge")
        self.status_badge.hide()
        self.totals_line = styled("", "muted")
        card = QFrame()
        card.setProperty("role", "card")
        head = QHBoxLayout()
        head.addWidget(self.holder)
        head.addWidget(self.status_badge)
        head.addStretch(1)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        card_layout.addLayout(head)
        card_layout.addWidget(self.account_line)
        card_layout.addWidget(self.totals_line)
        self.lines = RecordTableModel(due_columns(), self)
        self.hits = RecordTableModel(hit_columns(), self)
        self.hit_table = RecordTableView(self.hits, stretch_column=3)
        self.hit_table.activated.connect(self._on_hit_activated)
        self.stack = QStackedWidget()
        self.stack.addWidget(RecordTableView(self.lines, sortable=False))
        self.stack.addWidget(self.hit_table)
        self.notice_button = QPushButton(self.tr("Arrears notice… (Ctrl+N)"))
        self.notice_button.setEnabled(False)
        self.notice_button.clicked.connect(self.open_notices)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(card)
        side_layout.addWidget(self.stack, 1)
        side_layout.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignLeft)
        return side

    def _result_strip(self) -> QFrame:
        strip = QFrame()
        strip.setObjectName("ResultStrip")
        self.result_text = styled("", "result", wrap=True)
        self.result_change = styled("", "change")
        self.reprint_button = QPushButton(self.tr("Reprint receipt (F8)"))
        self.reprint_button.clicked.connect(self.reprint)
        self.preview_button = QPushButton(self.tr("Preview (Ctrl+P)"))
        self.preview_button.clicked.connect(self.preview_receipt)
        row = QHBoxLayout(strip)
        row.setContentsMargins(14, 8, 14, 8)
        row.addWidget(self.result_text, 1)
        row.addWidget(self.result_change)
        row.addSpacing(12)
        row.addWidget(self.preview_button)
        row.addWidget(self.reprint_button)
        strip.hide()
        return strip

    # --- page protocol -------------------------------------------------------------------------
    def activate(self) -> None:
        self._refresh_shift()
        if self.due is None:
            self.query.setFocus()

    def handle_fkey(self, key: str) -> bool:
        if key == "F4":
            self.query.setFocus()
            self.query.selectAll()
            return True
        if key == "F8":
            self.reprint()
            return True
        return False

    def handle_escape(self) -> bool:
        if self.busy:
            return True
        self._close_account()
        self.query.setFocus()
        self.query.selectAll()
        return True

    def current_account_no(self) -> str:
        return self.due.account_no if self.due is not None else ""

    # --- finding the account -------------------------------------------------------------------
    def open_account_no(self, account_no: str) -> None:
        self.query.setText(account_no)
        self.look_up()

    def look_up(self) -> None:
        if self.busy:
            return
        self.lookup_error.hide()
        actor, text = self.actor, self.query.text()
        self.ops.run(
            lambda core: work.due_by_number(core, actor, text),
            on_success=self._on_looked_up,
            on_failure=self._on_lookup_failed,
            owner=self,
        )

    def _on_looked_up(self, found: AccountDue | list[AccountHit]) -> None:
        if isinstance(found, AccountDue):
            self._show_due(found, new_form=True)
            return
        if not found:
            self._on_lookup_failed(
                None, self.tr("No account matches this input; check it or search another way.")
            )
            return
        self._close_account()
        self.hits.set_records(found)
        self.stack.setCurrentIndex(HITS)
        self.hit_table.select_first()
        self.hit_table.setFocus()

    def _on_hit_activated(self, _index: object) -> None:
        hit = self.hit_table.current_record()
        if hit is not None:
            self._load(hit.account_id, new_form=True)

    def _load(self, account_id: str, *, new_form: bool) -> None:
        actor = self.actor
        self.ops.run(
            lambda core: work.account_due(core, actor, account_id),
            on_success=self._on_reloaded if not new_form else self._on_opened,
            on_failure=self._on_lookup_failed,
            owner=self,
        )

    def _on_opened(self, due: AccountDue) -> None:
        self._show_due(due, new_form=True)

    def _on_reloaded(self, due: AccountDue) -> None:
        self._show_due(due, new_form=False)

    def _on_lookup_failed(self, exc: Exception | None, text: str = "") -> None:
        self.lookup_error.setText(text or message_for(exc))  # type: ignore[arg-type]
        self.lookup_error.show()
        self.query.setFocus()
        self.query.selectAll()

    def _show_due(self, due: AccountDue, *, new_form: bool) -> None:
        self.due = due
        self.stack.setCurrentIndex(DUE)
        self.lines.set_records(due.lines)
        self.holder.setText(due.holder)
        self.account_line.setText(
            self.tr("Account {account_no} · {tariff} · {address}").format(
                account_no=due.account_no, tariff=label(due.tariff), address=due.address
            )
        )
        closed = due.status is AccountStatus.CLOSED
        self.status_badge.setText(label(due.status))
        self.status_badge.setProperty("tone", "danger" if closed else "warn")
        self.status_badge.setVisible(due.status is not AccountStatus.ACTIVE)
        self.status_badge.style().polish(self.status_badge)
        self.totals_line.setText(
            self.tr("Owed {principal} · penalty {penalty} · prepaid balance {prepaid}").format(
                principal=format_fen(due.principal_fen),
                penalty=format_fen(due.penalty_fen),
                prepaid=format_fen(due.prepaid_fen),
            )
        )
        self.notice_button.setEnabled(bool(due.lines))
        self.form.setEnabled(not closed)
        if new_form:
            self.request_id = new_id()
            self.form.start(due.total_fen, prepaid_fen=due.prepaid_fen)
        else:
            self.form.due.setText(format_fen(due.total_fen))
        if closed:
            self.form.show_error(message_for(_closed(due.account_no)))

    def _close_account(self) -> None:
        self.due = None
        self.lines.set_records([])
        self.holder.clear()
        self.account_line.setText(self.tr("No account open."))
        self.totals_line.clear()
        self.status_badge.hide()
        self.notice_button.setEnabled(False)
        self.form.clear()
        self.form.setEnabled(False)

    # --- taking the payment --------------------------------------------------------------------
    def confirm(self) -> None:
        if self.busy or self.due is None or not self.form.isEnabled():
            return
        try:
            amount = self.form.amount_fen()
            request = PaymentRequest(
                request_id=self.request_id,
                account_id=self.due.account_id,
                amount_fen=amount,
                method=self.form.method,
                expected_due_fen=self.due.total_fen,
                reference=self.form.reference.text(),
                tendered_fen=self.form.tendered_fen(amount),
            )
        except HallError as exc:
            self._on_failed(exc)
            return
        self.busy = True
        self.form.confirm.setEnabled(False)
        self.form.show_error("")
        actor, paper = self.actor, receipt_paper_size()
        self.ops.run(
            lambda core: work.take_payment(core, actor, request, paper),
            on_success=self._on_taken,
            on_failure=self._on_failed,
            owner=self,
            initiator=self,
        )

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        self.form.confirm.setEnabled(True)
        self.form.show_error(message_for(exc))
        if getattr(exc, "reason", "") == "dues_changed" and self.due is not None:
            self._load(self.due.account_id, new_form=False)
        self.form.focus_field(field_of(exc))

    def _on_taken(self, taken: work.Taken) -> None:
        self.busy = False
        self.form.confirm.setEnabled(True)
        result = taken.result
        self.last_payment_id = result.payment_id
        parts = [
            self.tr("Payment taken: receipt {receipt_no}, {amount}").format(
                receipt_no=result.receipt_no, amount=format_fen(result.amount_fen)
            )
        ]
        change = (
            self.tr("Change {change}").format(change=format_fen(result.change_fen))
            if result.change_fen
            else ""
        )
        if result.to_prepaid_fen:
            parts.append(
                self.tr("{amount} kept as prepayment").format(amount=format_fen(result.to_prepaid_fen))
            )
        if result.reconnection_due_by:
            parts.append(self.tr("reconnection requested"))
        failure = send(taken.receipt, DocumentKind.RECEIPT, parent=self)
        if failure is None:
            self._record_print(result.payment_id)
            parts.append(self.tr("receipt printed"))
        else:
            parts.append(
                self.tr("receipt NOT printed: {reason} Press F8 to print it.").format(
                    reason=failure.message()
                )
            )
        self._say(self.tr("; ").join(parts), ok=failure is None, change=change)
        self._show_due(taken.due_after, new_form=True)
        self._refresh_shift()
        self.query.setFocus()
        self.query.selectAll()

    def _record_print(self, payment_id: str) -> None:
        actor = self.actor
        self.ops.run(lambda core: work.record_print(core, actor, payment_id), owner=self)

    def reprint(self) -> None:
        self._print_last(self._on_reprint_ready)

    def preview_receipt(self) -> None:
        """The last receipt in the preview; printing from there counts like F8."""
        self._print_last(self._on_preview_ready)

    def _print_last(self, on_ready) -> None:  # type: ignore[no-untyped-def]
        if not self.last_payment_id or self.busy:
            return
        actor, payment_id, paper = self.actor, self.last_payment_id, receipt_paper_size()
        self.ops.run(
            lambda core: work.receipt_printout(core, actor, payment_id, paper),
            on_success=on_ready,
            on_failure=self._on_reprint_failed,
            owner=self,
        )

    def _on_preview_ready(self, printout: work.Printout) -> None:
        self._after_reprint(printout, send(printout, DocumentKind.RECEIPT, parent=self, with_preview=True))

    def _on_reprint_ready(self, printout: work.Printout) -> None:
        self._after_reprint(printout, send(printout, DocumentKind.RECEIPT, parent=self))

    def _after_reprint(self, printout: work.Printout, failure) -> None:  # type: ignore[no-untyped-def]
        if failure is not None:
            self._say(
                self.tr("Receipt NOT printed: {reason} Press F8 to try again.").format(
                    reason=failure.message()
                ),
                ok=False,
            )
            return
        self._record_print(printout.payment_id)
        self._say(self.tr("Receipt reprinted (marked as a reprint)."), ok=True)

    def _on_reprint_failed(self, exc: Exception) -> None:
        self._say(message_for(exc), ok=False)

    def _say(self, text: str, *, ok: bool, change: str = "") -> None:
        """The outcome stays on screen until the next one; the change in large type for the cash drawer."""
        self.result_text.setText(text)
        self.result_change.setText(change)
        self.result_change.setVisible(bool(change))
        self.result.setProperty("tone", "" if ok else "warn")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.show()

    # --- the rest ------------------------------------------------------------------------------
    def open_notices(self) -> None:
        if self.due is None or not self.due.lines:
            return
        from ui.counter.notice_dialog import NoticeDialog

        dialog = NoticeDialog(self.ops, self.actor, self.due.account_id, self)
        dialog.open()

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not changes.payments:
            return
        self._refresh_shift()
        if self.due is not None and self.due.account_id in changes.accounts and not self.busy:
            self._load(self.due.account_id, new_form=False)

    def _refresh_shift(self) -> None:
        actor = self.actor
        self.ops.run(lambda core: core.shifts.current(actor), on_success=self._on_shift, owner=self)

    def _on_shift(self, view) -> None:  # type: ignore[no-untyped-def]
        if view is None:
            self.shift_line.setText(self.tr("Shift opens with the first payment"))
            return
        self.shift_line.setText(
            self.tr("This shift: {count} payments · net {net} · cash {cash}").format(
                count=view.totals.payment_count,
                net=format_fen(view.totals.net_total_fen),
                cash=format_fen(view.totals.expected_cash_fen),
            )
        )


def _closed(account_no: str) -> HallError:
    from hallapp.domain.errors import ActionRefused

    return ActionRefused("account_closed", account_no=account_no)
