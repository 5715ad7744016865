"""A payment reversal (冲正) as a kind of approval: what the queue shows about it, and when a request
no longer applies (the payment was reversed meanwhile, or it is no longer the same business day)."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import Account, Approval, Payment
from hallapp.domain.errors import ActionRefused, NotFound
from hallapp.domain.permissions import Permission
from hallapp.domain.records import Actor
from hallapp.services.approval_queue import ApprovalKind, Subject

REVERSAL = "payment_reversal"


def reversible(s: Session, payment_id: str, today: date) -> Payment:
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


def _describe(s: Session, a: Approval) -> Subject:
    payment = s.get(Payment, a.target_id)
    if payment is None:
        return Subject("", "", 0)
    account = s.get(Account, payment.account_id)
    return Subject(payment.receipt_no, account.account_no if account else "", payment.amount_fen)


def _stale(s: Session, a: Approval, today: date) -> str | None:
    try:
        reversible(s, a.target_id, today)
    except NotFound:
        return "target_missing"
    except ActionRefused as refused:
        return refused.reason
    return None


def _on_decide(s: Session, a: Approval, actor: Actor, at: datetime) -> None:
    """Nothing yet: the clerk reverses the payment with the approval (ReversalService.reverse)."""


KIND = ApprovalKind(REVERSAL, Permission.TAKE_PAYMENT, True, _describe, _stale, _on_decide)
