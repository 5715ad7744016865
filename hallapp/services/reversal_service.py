"""Reversing a payment (冲正): same business day, with a supervisor's approval, as a new fact.

The reversal is a payment with the opposite amount, its own receipt number and a pointer to the
original; nothing is edited or deleted and no receipt number is reused.
"""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hallapp import failpoints
from hallapp.db.models import (
    Account,
    Approval,
    ArrearsNotice,
    Bill,
    Payment,
    PaymentAllocation,
    ReconnectionRequest,
)
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused, ApprovalRequired
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import receipt_no
from hallapp.domain.payments import PaymentResult, clean_note
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services import audit, numbers
from hallapp.services.approval_queue import ApprovalRow, Decision, close, open_request
from hallapp.services.approval_reversal import REVERSAL, reversible
from hallapp.services.approval_service import ApprovalService
from hallapp.services.context import ServiceBase
from hallapp.services.dues import load_due
from hallapp.services.payment_service import RECEIPT_SERIES, payment_payload, payment_result
from hallapp.services.settings_service import values_in
from hallapp.services.till import shift_for_payment
from hallapp.sync import outbox

__all__ = ["REVERSAL", "ApprovalRow", "ReversalService"]


class ReversalService(ServiceBase):
    def __init__(self, *args, auth, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.auth = auth
        self.approvals = ApprovalService(self.db, self.clock, self.device)

    def request(self, actor: Actor, payment_id: str, reason: str) -> str:
        """Put a reversal in the supervisor's approval queue. Returns the approval id."""
        require(actor.role, Permission.TAKE_PAYMENT)
        reason = clean_note(reason, field="reason", required=True)
        now = self.clock.now()
        with self.db.write() as s:
            original = reversible(s, payment_id, self.clock.business_date())
            pending = s.scalars(
                select(Approval).where(
                    Approval.target_id == payment_id, Approval.status.in_(("pending", "approved"))
                )
            ).first()
            if pending is not None:
                return pending.approval_id
            approval = open_request(
                s,
                actor,
                kind=REVERSAL,
                target_id=payment_id,
                target=original.receipt_no,
                reason=reason,
                at=now,
            )
            return approval.approval_id

    def queue(self, actor: Actor, *, include_decided: bool = False) -> list[ApprovalRow]:
        return self.approvals.queue(actor, include_decided=include_decided)

    def mine(self, actor: Actor) -> list[ApprovalRow]:
        """The clerk's own reversal requests of today, to see what was approved."""
        return self.approvals.mine(actor, REVERSAL)

    def decide(self, actor: Actor, approval_id: str, *, approve: bool, note: str) -> Decision:
        return self.approvals.decide(actor, approval_id, approve=approve, note=note)

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
            original = reversible(s, payment_id, today)
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
            _withdraw_others(s, actor, approval, original.receipt_no, now)
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


def _withdraw_others(s: Session, actor: Actor, used: Approval, receipt_no: str, now: datetime) -> None:
    """Requests still waiting for a payment now reversed no longer apply."""
    others = s.scalars(
        select(Approval).where(
            Approval.target_id == used.target_id,
            Approval.kind == REVERSAL,
            Approval.status == "pending",
            Approval.approval_id != used.approval_id,
        )
    ).all()
    for other in others:
        close(s, other, actor, now, "withdrawn", "already_reversed", receipt_no)
