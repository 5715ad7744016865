"""Reversing a payment (冲正): same business day, with a supervisor's approval, as a new fact.

The reversal is a payment with the opposite amount, its own receipt number and a pointer to the
original; nothing is edited or deleted and no receipt number is reused.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hallapp import failpoints
from hallapp.db.models import (
    Account,
    Approval,
    ArrearsNotice,
    Bill,
    Operator,
    Payment,
    PaymentAllocation,
    ReconnectionRequest,
)
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused, ApprovalRequired, NotFound
from hallapp.domain.hall_time import HALL_TZ, to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import receipt_no
from hallapp.domain.payments import PaymentResult, clean_note
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services import audit, numbers
from hallapp.services.context import ServiceBase
from hallapp.services.dues import load_due
from hallapp.services.payment_service import RECEIPT_SERIES, payment_payload, payment_result
from hallapp.services.settings_service import values_in
from hallapp.services.till import shift_for_payment
from hallapp.sync import outbox

REVERSAL = "payment_reversal"


@dataclass(frozen=True)
class ApprovalRow:
    approval_id: str
    kind: str
    target_id: str
    receipt_no: str
    account_no: str
    amount_fen: int
    reason: str
    requested_by: str  # name (工号)
    requested_at: datetime  # hall time
    status: str
    decided_by: str
    decision_note: str


class ReversalService(ServiceBase):
    def __init__(self, *args, auth, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.auth = auth

    def request(self, actor: Actor, payment_id: str, reason: str) -> str:
        """Put a reversal in the supervisor's approval queue. Returns the approval id."""
        require(actor.role, Permission.TAKE_PAYMENT)
        reason = clean_note(reason, field="reason", required=True)
        now = self.clock.now()
        with self.db.write() as s:
            original = _reversible(s, payment_id, self.clock.business_date())
            pending = s.scalars(
                select(Approval).where(
                    Approval.target_id == payment_id, Approval.status.in_(("pending", "approved"))
                )
            ).first()
            if pending is not None:
                return pending.approval_id
            approval = Approval(
                approval_id=new_id(),
                kind=REVERSAL,
                target_id=payment_id,
                reason=reason,
                requested_by=actor.operator_id,
                requested_at=now,
                device_id=self.device.device_id,
                status="pending",
            )
            s.add(approval)
            s.flush()
            _queue_op(s, approval, actor, now, "approval.request")
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="approval.request",
                actor=actor,
                target=original.receipt_no,
                details={"kind": REVERSAL, "reason": reason},
            )
            return approval.approval_id

    def queue(self, actor: Actor, *, include_decided: bool = False) -> list[ApprovalRow]:
        require(actor.role, Permission.APPROVE)
        with self.db.read() as s:
            stmt = select(Approval).order_by(Approval.requested_at.desc())
            if not include_decided:  # only today's: an older payment can no longer be reversed anyway
                stmt = stmt.where(Approval.status == "pending", Approval.requested_at >= self._day_start())
            return [_row(s, a) for a in s.scalars(stmt.limit(200))]

    def mine(self, actor: Actor) -> list[ApprovalRow]:
        """The clerk's own requests of today, to see what was approved."""
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            rows = s.scalars(
                select(Approval)
                .where(Approval.requested_by == actor.operator_id, Approval.requested_at >= self._day_start())
                .order_by(Approval.requested_at.desc())
                .limit(50)
            )
            return [_row(s, a) for a in rows]

    def _day_start(self) -> datetime:
        """Midnight of today's business day in the hall, as a UTC moment."""
        day = self.clock.business_date()
        return datetime(day.year, day.month, day.day, tzinfo=HALL_TZ)

    def decide(self, actor: Actor, approval_id: str, *, approve: bool, note: str) -> None:
        require(actor.role, Permission.APPROVE)
        note = clean_note(note, field="note", required=not approve)
        now = self.clock.now()
        with self.db.write() as s:
            approval = s.get(Approval, approval_id)
            if approval is None:
                raise NotFound(approval_id=approval_id)
            if approval.status != "pending":
                raise ActionRefused("already_decided")
            if approval.requested_by == actor.operator_id:
                raise ActionRefused("own_request")
            approval.status = "approved" if approve else "refused"
            approval.decided_by = actor.operator_id
            approval.decided_at = now
            approval.decision_note = note
            _queue_op(s, approval, actor, now, "approval.decide")
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="approval.approve" if approve else "approval.refuse",
                actor=actor,
                target=approval.approval_id,
                details={"kind": approval.kind, "target_id": approval.target_id, "note": note},
            )

    def reverse(
        self,
        actor: Actor,
        payment_id: str,
        *,
        request_id: str,
        reason: str = "",
        approval_id: str | None = None,
        supervisor_staff_no: str = "",
        supervisor_password: str = "",
    ) -> PaymentResult:
        """Reverse with a queue approval (``approval_id``) or a supervisor's credentials given at the counter."""
        require(actor.role, Permission.TAKE_PAYMENT)
        if approval_id is None and not supervisor_staff_no:
            raise ApprovalRequired("approval_required")
        approver = None
        if approval_id is None:
            reason = clean_note(reason, field="reason", required=True)
            approver = self.auth.verify_approver(supervisor_staff_no, supervisor_password, requested_by=actor)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            earlier = s.scalars(select(Payment).where(Payment.request_id == request_id)).first()
            if earlier is not None:
                if earlier.reverses_payment_id != payment_id:
                    raise ActionRefused("request_reused")
                return payment_result(earlier, replayed=True)
            original = _reversible(s, payment_id, today)
            if approver is not None:
                approval = Approval(
                    approval_id=new_id(),
                    kind=REVERSAL,
                    target_id=payment_id,
                    reason=reason,
                    requested_by=actor.operator_id,
                    requested_at=now,
                    device_id=self.device.device_id,
                    status="used",
                    decided_by=approver.operator_id,
                    decided_at=now,
                    at_counter=True,
                )
                s.add(approval)
                s.flush()
            else:
                approval = _usable_approval(s, approval_id, payment_id, today)
                approval.status = "used"
                reason = approval.reason
            reversal = self._write_reversal(s, actor, original, approval, reason, request_id, now, today)
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="payment.reverse",
                actor=actor,
                target=reversal.receipt_no,
                details={
                    "original": original.receipt_no,
                    "amount_fen": original.amount_fen,
                    "approved_by": approver.staff_no if approver else approval.decided_by,
                    "at_counter": approval.at_counter,
                    "reason": reason,
                },
            )
            failpoints.hit("reversal.before_commit")
            return payment_result(reversal)

    def _write_reversal(
        self,
        s: Session,
        actor: Actor,
        original: Payment,
        approval: Approval,
        reason: str,
        request_id: str,
        now: datetime,
        today,  # type: ignore[no-untyped-def]
    ) -> Payment:
        account = s.get(Account, original.account_id)
        assert account is not None
        prepaid = account.prepaid_fen - original.to_prepaid_fen
        if original.method == PaymentMethod.PREPAID.value:
            prepaid += original.amount_fen
        if prepaid < 0:
            raise ActionRefused("prepaid_used", receipt_no=original.receipt_no)
        account.prepaid_fen = prepaid
        shift = shift_for_payment(s, actor, self.device.device_id, today, now)
        seq = numbers.take(s, RECEIPT_SERIES, self.device.device_code)
        parts = s.scalars(
            select(PaymentAllocation).where(PaymentAllocation.payment_id == original.payment_id)
        ).all()
        principal_back = sum(p.principal_fen for p in parts)
        reversal = Payment(
            payment_id=new_id(),
            receipt_no=receipt_no(self.device.device_code, today.year, seq),
            device_id=self.device.device_id,
            account_id=original.account_id,
            amount_fen=-original.amount_fen,
            penalty_fen=-original.penalty_fen,
            method=original.method,
            reference=original.reference,
            operator_id=actor.operator_id,
            shift_id=shift.shift_id,
            business_date=today,
            paid_at=now,
            reverses_payment_id=original.payment_id,
            request_id=request_id,
            to_prepaid_fen=-original.to_prepaid_fen,
            approval_id=approval.approval_id,
            note=reason,
            owed_before_fen=0,
            owed_after_fen=0,
            prepaid_after_fen=prepaid,
        )
        s.add(reversal)
        s.flush()
        back = []
        for part in parts:
            bill = s.get(Bill, part.bill_id)
            assert bill is not None
            row = PaymentAllocation(
                payment_id=reversal.payment_id,
                bill_id=part.bill_id,
                principal_fen=-part.principal_fen,
                penalty_fen=-part.penalty_fen,
                outstanding_before_fen=bill.amount_fen - bill.paid_fen,
            )
            s.add(row)
            back.append(row)
            bill.paid_fen -= part.principal_fen
        s.flush()
        after = load_due(s, original.account_id, today, values_in(s))
        reversal.owed_before_fen = after.principal_fen - principal_back
        reversal.owed_after_fen = after.total_fen
        s.execute(
            update(ArrearsNotice)
            .where(ArrearsNotice.settled_by_payment_id == original.payment_id)
            .values(settled_by_payment_id=None)
        )
        s.execute(
            update(ReconnectionRequest)
            .where(ReconnectionRequest.payment_id == original.payment_id)
            .values(status="cancelled")
        )
        s.flush()
        outbox.append(
            s,
            at=now,
            op_type="payment.reverse",
            entity="payment",
            entity_id=reversal.payment_id,
            actor=actor,
            shift_id=shift.shift_id,
            local_tx_id=request_id,
            payload={**payment_payload(reversal, "", back), "reason": reason},
        )
        return reversal


def _reversible(s: Session, payment_id: str, today) -> Payment:  # type: ignore[no-untyped-def]
    original = s.get(Payment, payment_id)
    if original is None:
        raise NotFound(payment_id=payment_id)
    if original.reverses_payment_id is not None:
        raise ActionRefused("reversal_of_reversal", receipt_no=original.receipt_no)
    if s.scalars(select(Payment.payment_id).where(Payment.reverses_payment_id == payment_id)).first():
        raise ActionRefused("already_reversed", receipt_no=original.receipt_no)
    if original.business_date != today:
        raise ActionRefused("not_same_day", receipt_no=original.receipt_no)
    return original


def _usable_approval(s: Session, approval_id: str, payment_id: str, today) -> Approval:  # type: ignore[no-untyped-def]
    approval = s.get(Approval, approval_id)
    if approval is None or approval.kind != REVERSAL or approval.target_id != payment_id:
        raise ApprovalRequired("approval_invalid")
    if approval.status == "pending":
        raise ApprovalRequired("approval_pending")
    if approval.status == "refused":
        raise ApprovalRequired("approval_refused")
    if approval.status != "approved":
        raise ApprovalRequired("approval_invalid")
    return approval


def _queue_op(s: Session, approval: Approval, actor: Actor, now: datetime, op_type: str) -> None:
    outbox.append(
        s,
        at=now,
        op_type=op_type,
        entity="approval",
        entity_id=approval.approval_id,
        actor=actor,
        payload={
            "approval_id": approval.approval_id,
            "kind": approval.kind,
            "target_id": approval.target_id,
            "status": approval.status,
            "reason": approval.reason,
            "decision_note": approval.decision_note,
        },
    )


def _row(s: Session, a: Approval) -> ApprovalRow:
    payment = s.get(Payment, a.target_id)
    requester = s.get(Operator, a.requested_by)
    decider = s.get(Operator, a.decided_by) if a.decided_by else None
    account_no = ""
    if payment is not None:
        account = s.get(Account, payment.account_id)
        account_no = account.account_no if account else ""
    return ApprovalRow(
        approval_id=a.approval_id,
        kind=a.kind,
        target_id=a.target_id,
        receipt_no=payment.receipt_no if payment else "",
        account_no=account_no,
        amount_fen=payment.amount_fen if payment else 0,
        reason=a.reason,
        requested_by=f"{requester.name}（{requester.staff_no}）" if requester else "",
        requested_at=to_hall_time(a.requested_at),
        status=a.status,
        decided_by=f"{decider.name}（{decider.staff_no}）" if decider else "",
        decision_note=a.decision_note or "",
    )
