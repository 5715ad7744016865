"""Op handlers for payments (`payment.record`, `payment.reverse`): money is never refused (§4.2).

An unknown or closed account puts the payment in suspense; only a payload that cannot be a payment
at all, a payment id or receipt number already taken, or a second reversal is rejected (and the
op itself is still kept in ``applied_op``).
"""

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.central.bodies import OpBody
from hallapp.central.schema import Account, Device, Payment

Result = dict[str, Any]


class Rejected(Exception):
    """A business rejection: the op is acknowledged with ``{"status": "rejected", "reason": …}``."""

    def __init__(self, reason: str, **details: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


class PaymentPayload(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    payment_id: str = Field(min_length=1, max_length=36)
    receipt_no: str = Field(min_length=1, max_length=40)
    account_no: str = Field(max_length=40)
    amount_fen: int = Field(ge=-(2**62), le=2**62)
    method: str = Field(min_length=1, max_length=20)
    business_date: date
    reverses_payment_id: str | None = Field(default=None, min_length=1, max_length=36)


def record_payment(s: Session, device: Device, op: OpBody) -> Result:
    p = _payload(op)
    account = s.get(Account, p.account_no)
    if account is None:
        return _insert(s, device, op, p, p.account_no, suspense="account_unknown")
    if account.status == "closed":  # a suspended account (supply cut for arrears) takes its arrears
        return _insert(s, device, op, p, p.account_no, suspense="account_closed")
    return _insert(s, device, op, p, p.account_no, suspense=None)


def reverse_payment(s: Session, device: Device, op: OpBody) -> Result:
    p = _payload(op)
    if p.reverses_payment_id is None:
        raise Rejected("invalid_payload", field="reverses_payment_id")
    original = s.get(Payment, p.reverses_payment_id, with_for_update=True)
    if original is None:  # its payment has not reached the server (yet): keep it, look later
        return _insert(s, device, op, p, p.account_no, suspense="original_unknown")
    if original.reverses_payment_id is not None:
        raise Rejected("reversal_of_reversal", payment_id=original.payment_id)
    if s.scalar(select(Payment.payment_id).where(Payment.reverses_payment_id == original.payment_id)):
        raise Rejected("already_reversed", payment_id=original.payment_id)
    suspense = "original_in_suspense" if original.posting_status == "suspense" else None
    # The PC sends an empty account_no with a reversal: the original payment's account is the one.
    return _insert(s, device, op, p, original.account_no, suspense=suspense)


def _payload(op: OpBody) -> PaymentPayload:
    if op.operator_id is None or op.shift_id is None:
        raise Rejected("invalid_payload", field="operator_id" if op.operator_id is None else "shift_id")
    try:
        p = PaymentPayload.model_validate_json(op.payload)
    except ValidationError as exc:
        field = ".".join(str(part) for part in exc.errors()[0]["loc"]) if exc.errors() else ""
        raise Rejected("invalid_payload", field=field) from exc
    if p.amount_fen == 0:
        raise Rejected("invalid_payload", field="amount_fen")
    return p


def _insert(
    s: Session, device: Device, op: OpBody, p: PaymentPayload, account_no: str, *, suspense: str | None
) -> Result:
    s.add(
        Payment(
            payment_id=p.payment_id,
            receipt_no=p.receipt_no,
            device_id=device.device_id,
            device_seq=op.device_seq,
            account_no=account_no,
            amount_fen=p.amount_fen,
            method=p.method,
            operator_id=op.operator_id,
            shift_id=op.shift_id,
            business_date=p.business_date,
            device_time=op.device_time,
            posting_status="suspense" if suspense else "posted",
            reverses_payment_id=p.reverses_payment_id,
        )
    )
    s.flush()  # inside the op's SAVEPOINT: a unique key hit rolls back this op only
    result: Result = {"status": "suspense" if suspense else "applied", "payment_id": p.payment_id}
    result["receipt_no"] = p.receipt_no
    if suspense:
        result["reason"] = suspense
    return result


# The unique keys a payment can hit, and the rejection each one means.
CONSTRAINT_REASONS = {
    "uq_payment_reverses_payment_id": "already_reversed",
    "pk_payment": "payment_exists",
    "uq_payment_receipt_no": "receipt_no_taken",
}
