"""Taking a counter payment: one SQLite transaction from receipt number to outbox, then the receipt.

Local write rule (SYNC_DESIGN §4.3): BEGIN IMMEDIATE → number → payment → allocations → bills and
prepaid → outbox → COMMIT, and only then is anything printed.
"""

from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from hallapp import failpoints
from hallapp.db.models import (
    Account,
    ArrearsNotice,
    Bill,
    Payment,
    PaymentAllocation,
    ReceiptPrint,
    ReconnectionRequest,
)
from hallapp.domain.allocation import BillDue, PaymentPlan, allocate
from hallapp.domain.enums import AccountStatus, PaymentMethod
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound
from hallapp.domain.ids import new_id
from hallapp.domain.money import format_fen
from hallapp.domain.numbering import receipt_no
from hallapp.domain.payments import AccountDue, PaymentRequest, PaymentResult, clean_reference
from hallapp.domain.permissions import Permission, require
from hallapp.domain.printouts import ReceiptDoc
from hallapp.domain.records import Actor
from hallapp.services import audit, numbers
from hallapp.services.context import ServiceBase
from hallapp.services.dues import load_due
from hallapp.services.receipt_doc import build_receipt_doc
from hallapp.services.settings_service import values_in
from hallapp.services.till import shift_for_payment
from hallapp.sync import outbox

RECEIPT_SERIES = "receipt"


class PaymentService(ServiceBase):
    def due(self, actor: Actor, account_id: str) -> AccountDue:
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            return load_due(s, account_id, self.clock.business_date(), values_in(s))

    def take(self, actor: Actor, req: PaymentRequest) -> PaymentResult:
        require(actor.role, Permission.TAKE_PAYMENT)
        reference = clean_reference(req.method, req.reference)
        _check_amounts(req)
        now, today = self.clock.now(), self.clock.business_date()
        failpoints.hit("payment.before_begin")
        with self.db.write() as s:
            earlier = s.scalars(select(Payment).where(Payment.request_id == req.request_id)).first()
            if earlier is not None:
                return _replay(s, earlier, req)
            values = values_in(s)
            if req.amount_fen > values["payments.max_amount_fen"]:
                raise InvalidInput("amount", "too_large", limit=format_fen(values["payments.max_amount_fen"]))
            due = load_due(s, req.account_id, today, values)
            _check_account(due, req)
            plan = allocate(req.amount_fen, _bill_dues(due), penalty_first=values["penalty.before_principal"])
            shift = shift_for_payment(s, actor, self.device.device_id, today, now)
            seq = numbers.take(s, RECEIPT_SERIES, self.device.device_code)
            failpoints.hit("payment.after_number")
            prepaid_change = plan.to_prepaid_fen - (
                req.amount_fen if req.method is PaymentMethod.PREPAID else 0
            )
            if prepaid_change:
                accounts = Account.__table__
                s.execute(
                    update(accounts)
                    .where(accounts.c.account_id == req.account_id)
                    .values(prepaid_fen=accounts.c.prepaid_fen + prepaid_change)
                )
            owed_after = due.total_fen - plan.applied_fen
            payment = Payment(
                payment_id=new_id(),
                receipt_no=receipt_no(self.device.device_code, today.year, seq),
                device_id=self.device.device_id,
                account_id=req.account_id,
                amount_fen=req.amount_fen,
                penalty_fen=sum(a.penalty_fen for a in plan.allocations),
                method=req.method.value,
                reference=reference or None,
                operator_id=actor.operator_id,
                shift_id=shift.shift_id,
                business_date=today,
                paid_at=now,
                request_id=req.request_id,
                to_prepaid_fen=plan.to_prepaid_fen,
                tendered_fen=req.tendered_fen if req.method is PaymentMethod.CASH else None,
                owed_before_fen=due.principal_fen,
                owed_after_fen=owed_after,
                prepaid_after_fen=due.prepaid_fen + prepaid_change,
            )
            s.add(payment)
            s.flush()
            failpoints.hit("payment.after_payment")
            allocations = _apply(s, payment.payment_id, plan, due)
            failpoints.hit("payment.after_allocations")
            reconnect = _settle_notices(s, payment, owed_after, values)
            outbox.append(
                s,
                at=now,
                op_type="payment.record",
                entity="payment",
                entity_id=payment.payment_id,
                actor=actor,
                shift_id=shift.shift_id,
                local_tx_id=req.request_id,
                payload=payment_payload(payment, due.account_no, allocations),
            )
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="payment.take",
                actor=actor,
                target=payment.receipt_no,
                details={
                    "account_no": due.account_no,
                    "amount_fen": req.amount_fen,
                    "method": req.method.value,
                },
            )
            failpoints.hit("payment.before_commit")
            result = payment_result(payment, reconnect)
        failpoints.hit("payment.after_commit")
        return result

    def receipt_doc(self, actor: Actor, payment_id: str) -> ReceiptDoc:
        """The receipt as it must print now: marked 补打 if it was printed before."""
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            return build_receipt_doc(s, payment_id, values_in(s), self.clock.now())

    def record_print(self, actor: Actor, payment_id: str) -> None:
        """Call after the printer took the receipt; a second print of a payment is a reprint (audited)."""
        require(actor.role, Permission.TAKE_PAYMENT)
        now = self.clock.now()
        with self.db.write() as s:
            payment = s.get(Payment, payment_id)
            if payment is None:
                raise NotFound(payment_id=payment_id)
            before = s.scalar(select(func.count()).where(ReceiptPrint.payment_id == payment_id)) or 0
            s.add(
                ReceiptPrint(
                    print_id=new_id(),
                    payment_id=payment_id,
                    printed_at=now,
                    operator_id=actor.operator_id,
                    is_reprint=before > 0,
                )
            )
            if before:
                audit.record(
                    s,
                    at=now,
                    device_id=self.device.device_id,
                    action="receipt.reprint",
                    actor=actor,
                    target=payment.receipt_no,
                    details={"reprint_count": before},
                )


def _check_amounts(req: PaymentRequest) -> None:
    if req.amount_fen <= 0:
        raise InvalidInput("amount", "not_positive")
    if req.method is PaymentMethod.CASH:
        if req.tendered_fen is None:
            raise InvalidInput("tendered", "empty")
        if req.tendered_fen < req.amount_fen:
            raise InvalidInput("tendered", "less_than_amount", amount=format_fen(req.amount_fen))


def _check_account(due: AccountDue, req: PaymentRequest) -> None:
    if due.status is AccountStatus.CLOSED:
        raise ActionRefused("account_closed", account_no=due.account_no)
    if due.total_fen != req.expected_due_fen:
        raise ActionRefused("dues_changed", account_no=due.account_no)
    if req.method is PaymentMethod.PREPAID:
        if req.amount_fen > due.prepaid_fen:
            raise ActionRefused("prepaid_insufficient", balance=format_fen(due.prepaid_fen))
        if req.amount_fen > due.total_fen:
            raise ActionRefused("prepaid_more_than_due", due=format_fen(due.total_fen))


def _bill_dues(due: AccountDue) -> list[BillDue]:
    return [BillDue(x.bill_id, x.period, x.due_date, x.outstanding_fen, x.penalty_fen) for x in due.lines]


def _apply(s: Session, payment_id: str, plan: PaymentPlan, due: AccountDue) -> list[PaymentAllocation]:
    """Allocation rows and the bills' paid amounts, each as one batched statement."""
    outstanding = {line.bill_id: line.outstanding_fen for line in due.lines}
    rows = [
        PaymentAllocation(
            payment_id=payment_id,
            bill_id=part.bill_id,
            principal_fen=part.principal_fen,
            penalty_fen=part.penalty_fen,
            outstanding_before_fen=outstanding[part.bill_id],
        )
        for part in plan.allocations
    ]
    if rows:
        s.execute(insert(PaymentAllocation), [_columns(row) for row in rows])
    paid = [{"b_id": p.bill_id, "b_fen": p.principal_fen} for p in plan.allocations if p.principal_fen]
    if paid:
        bills = Bill.__table__  # the table, not the entity: a plain executemany, not an ORM bulk update
        s.execute(
            update(bills)
            .where(bills.c.bill_id == bindparam("b_id"))
            .values(paid_fen=bills.c.paid_fen + bindparam("b_fen")),
            paid,
        )
    return rows


def _columns(row: PaymentAllocation) -> dict:
    return {
        "payment_id": row.payment_id,
        "bill_id": row.bill_id,
        "principal_fen": row.principal_fen,
        "penalty_fen": row.penalty_fen,
        "outstanding_before_fen": row.outstanding_before_fen,
    }


def _settle_notices(
    s: Session, payment: Payment, owed_after: int, values: dict[str, Any]
) -> ReconnectionRequest | None:
    """Paid in full: open notices are settled; a cut notice among them raises a reconnection request."""
    if owed_after > 0:
        return None
    notices = s.scalars(
        select(ArrearsNotice).where(
            ArrearsNotice.account_id == payment.account_id, ArrearsNotice.settled_by_payment_id.is_(None)
        )
    ).all()
    for notice in notices:
        notice.settled_by_payment_id = payment.payment_id
    cut = next((n for n in notices if n.kind == "cut_plan"), None)
    if cut is None:
        return None
    request = ReconnectionRequest(
        request_id=new_id(),
        account_id=payment.account_id,
        notice_id=cut.notice_id,
        payment_id=payment.payment_id,
        requested_at=payment.paid_at,
        due_by=payment.paid_at + timedelta(hours=values["arrears.reconnect_hours"]),
        status="open",
    )
    s.add(request)
    s.flush()
    outbox.append(
        s,
        at=payment.paid_at,
        op_type="reconnection.request",
        entity="reconnection_request",
        entity_id=request.request_id,
        actor=None,
        payload={
            "request_id": request.request_id,
            "account_id": payment.account_id,
            "notice_id": cut.notice_id,
            "payment_id": payment.payment_id,
            "due_by": request.due_by.isoformat(),
        },
    )
    return request


def payment_payload(payment: Payment, account_no: str, allocations: list[PaymentAllocation]) -> dict:
    return {
        "payment_id": payment.payment_id,
        "receipt_no": payment.receipt_no,
        "request_id": payment.request_id,
        "account_id": payment.account_id,
        "account_no": account_no,
        "amount_fen": payment.amount_fen,
        "penalty_fen": payment.penalty_fen,
        "to_prepaid_fen": payment.to_prepaid_fen,
        "method": payment.method,
        "reference": payment.reference,
        "business_date": payment.business_date.isoformat(),
        "paid_at": payment.paid_at.isoformat(),
        "reverses_payment_id": payment.reverses_payment_id,
        "approval_id": payment.approval_id,
        "allocations": [
            {"bill_id": a.bill_id, "principal_fen": a.principal_fen, "penalty_fen": a.penalty_fen}
            for a in allocations
        ],
    }


def payment_result(
    payment: Payment, reconnect: ReconnectionRequest | None = None, *, replayed: bool = False
) -> PaymentResult:
    tendered = payment.tendered_fen
    return PaymentResult(
        payment_id=payment.payment_id,
        account_id=payment.account_id,
        receipt_no=payment.receipt_no,
        amount_fen=payment.amount_fen,
        penalty_fen=payment.penalty_fen,
        to_prepaid_fen=payment.to_prepaid_fen,
        change_fen=None if tendered is None else tendered - payment.amount_fen,
        arrears_after_fen=payment.owed_after_fen,
        prepaid_after_fen=payment.prepaid_after_fen,
        reconnection_due_by=reconnect.due_by if reconnect else None,
        replayed=replayed,
    )


def _replay(s: Session, earlier: Payment, req: PaymentRequest) -> PaymentResult:
    """The same click arrived twice (double press, retry after a timeout): answer with what was done."""
    same = (
        earlier.account_id == req.account_id
        and abs(earlier.amount_fen) == req.amount_fen
        and earlier.method == req.method.value
    )
    if not same:
        raise ActionRefused("request_reused")
    reconnect = s.scalars(
        select(ReconnectionRequest).where(ReconnectionRequest.payment_id == earlier.payment_id)
    ).first()
    return payment_result(earlier, reconnect, replayed=True)
