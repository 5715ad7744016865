"""The clerk's till: the open shift that every payment and reversal on this PC goes into."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import Payment, Shift
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused
from hallapp.domain.ids import new_id
from hallapp.domain.payments import TillEntry
from hallapp.domain.records import Actor
from hallapp.sync import outbox


def open_shift(s: Session, actor: Actor, device_id: str) -> Shift | None:
    return s.scalars(
        select(Shift).where(
            Shift.operator_id == actor.operator_id,
            Shift.device_id == device_id,
            Shift.closed_at.is_(None),
        )
    ).first()


def shift_for_payment(s: Session, actor: Actor, device_id: str, today: date, now: datetime) -> Shift:
    """The clerk's open shift, opened on the first payment. Yesterday's open shift must be closed first."""
    shift = open_shift(s, actor, device_id)
    if shift is not None:
        if shift.business_date != today:
            raise ActionRefused("earlier_shift_open", day=shift.business_date.isoformat())
        return shift
    shift = Shift(
        shift_id=new_id(),
        operator_id=actor.operator_id,
        device_id=device_id,
        business_date=today,
        opened_at=now,
    )
    s.add(shift)
    s.flush()
    outbox.append(
        s,
        at=now,
        op_type="shift.open",
        entity="shift",
        entity_id=shift.shift_id,
        actor=actor,
        shift_id=shift.shift_id,
        payload={
            "shift_id": shift.shift_id,
            "business_date": today.isoformat(),
            "opened_at": now.isoformat(),
        },
    )
    return shift


def till_entries(s: Session, shift_id: str) -> list[TillEntry]:
    rows = s.execute(
        select(Payment.receipt_no, Payment.method, Payment.amount_fen, Payment.reverses_payment_id)
        .where(Payment.shift_id == shift_id)
        .order_by(Payment.paid_at, Payment.receipt_no)
    ).all()
    return [TillEntry(r[0], PaymentMethod(r[1]), r[2], r[3] is not None) for r in rows]
