"""The clerk's day-end cash-up (日结/轧账): totals by method, counted cash, the signed report."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from hallapp.db.models import Account, Operator, Outbox, Payment, Shift
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound, PermissionDenied
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.payments import TillEntry, TillTotals, cash_counts, clean_note, till_totals
from hallapp.domain.permissions import Permission, has_permission, require
from hallapp.domain.printouts import CashCount, ShiftPaymentLine, ShiftReport
from hallapp.domain.records import Actor
from hallapp.services import audit
from hallapp.services.context import ServiceBase
from hallapp.services.printout_header import hall_header
from hallapp.services.settings_service import values_in
from hallapp.services.till import open_shift, till_entries
from hallapp.sync import outbox


@dataclass(frozen=True)
class ShiftView:
    shift_id: str
    business_date: date
    opened_at: datetime  # hall time
    totals: TillTotals


@dataclass(frozen=True)
class TillLine(ShiftPaymentLine):
    """A line of the open shift on the clerk's screen: the report's line plus what the screen acts on."""

    payment_id: str
    reversed_by_receipt_no: str | None  # set on a payment that a later reversal cancelled


class ShiftService(ServiceBase):
    def current(self, actor: Actor) -> ShiftView | None:
        """The clerk's open shift on this PC with its running totals, or None before the first payment."""
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            shift = open_shift(s, actor, self.device.device_id)
            if shift is None:
                return None
            return ShiftView(
                shift.shift_id,
                shift.business_date,
                to_hall_time(shift.opened_at),
                till_totals(till_entries(s, shift.shift_id)),
            )

    def payments(self, actor: Actor) -> list[TillLine]:
        """The payments and reversals of the clerk's open shift on this PC, in receipt order ([] if none)."""
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            shift = open_shift(s, actor, self.device.device_id)
            if shift is None:
                return []
            return shift_lines(s, shift.shift_id)

    def close(self, actor: Actor, counted: dict[int, int], difference_reason: str = "") -> ShiftReport:
        """Close the open shift against the cash counted by denomination. A closed shift takes nothing more."""
        require(actor.role, Permission.TAKE_PAYMENT)
        pieces = cash_counts(counted)
        reason = clean_note(difference_reason, field="difference_reason", required=False)
        now = self.clock.now()
        with self.db.write() as s:
            shift = open_shift(s, actor, self.device.device_id)
            if shift is None:
                raise ActionRefused("no_open_shift")
            totals = till_totals(till_entries(s, shift.shift_id))
            counted_fen = sum(c.total_fen for c in pieces)
            if counted_fen != totals.expected_cash_fen and not reason:
                raise InvalidInput("difference_reason", "empty")
            last_seq = s.scalar(select(func.max(Outbox.device_seq))) or 0
            summary = {
                "shift_id": shift.shift_id,
                "device_code": self.device.device_code,
                "business_date": shift.business_date.isoformat(),
                "by_method": {
                    m.method.value: {"count": m.count, "sum_fen": m.total_fen} for m in totals.by_method
                },
                "payment_count": totals.payment_count,
                "reversal_count": totals.reversal_count,
                "net_total_fen": totals.net_total_fen,
                "expected_cash_fen": totals.expected_cash_fen,
                "counted": {str(c.denomination_fen): c.pieces for c in pieces},
                "counted_cash_fen": counted_fen,
                "difference_reason": reason,
                "first_receipt_no": totals.first_receipt_no,
                "last_receipt_no": totals.last_receipt_no,
                "reversed_receipt_nos": _reversed_receipts(s, shift.shift_id),
                "last_device_seq": last_seq,
                "chain_head": outbox.head_hash(s),
                "closed_at": now.isoformat(),
            }
            shift.closed_at = now
            shift.expected_cash_fen = totals.expected_cash_fen
            shift.counted_cash_fen = counted_fen
            shift.difference_reason = reason or None
            shift.close_summary = summary
            outbox.append(
                s,
                at=now,
                op_type="shift.close",
                entity="shift",
                entity_id=shift.shift_id,
                actor=actor,
                shift_id=shift.shift_id,
                payload=summary,
            )
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="shift.close",
                actor=actor,
                target=shift.shift_id,
                details={"difference_fen": counted_fen - totals.expected_cash_fen, "reason": reason},
            )
            s.flush()
            return build_shift_report(s, shift.shift_id, values_in(s))

    def report(self, actor: Actor, shift_id: str) -> ShiftReport:
        """A closed shift's report again (reprint); the clerk's own, or any for a supervisor."""
        with self.db.read() as s:
            shift = s.get(Shift, shift_id)
            if shift is None:
                raise NotFound(shift_id=shift_id)
            if shift.operator_id != actor.operator_id and not has_permission(actor.role, Permission.APPROVE):
                raise PermissionDenied(permission=Permission.APPROVE.value, role=actor.role.value)
            if shift.closed_at is None:
                raise ActionRefused("shift_open")
            return build_shift_report(s, shift_id, values_in(s))

    def closed_today(self, actor: Actor) -> list[tuple[str, datetime]]:
        """The clerk's closed shifts of today on this PC: (shift id, closed at in hall time)."""
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            rows = s.execute(
                select(Shift.shift_id, Shift.closed_at)
                .where(
                    Shift.operator_id == actor.operator_id,
                    Shift.business_date == self.clock.business_date(),
                    Shift.closed_at.is_not(None),
                )
                .order_by(Shift.closed_at)
            ).all()
            return [(shift_id, to_hall_time(closed)) for shift_id, closed in rows]


def _reversed_receipts(s: Session, shift_id: str) -> list[str]:
    original = aliased(Payment)
    return list(
        s.scalars(
            select(original.receipt_no)
            .join(Payment, Payment.reverses_payment_id == original.payment_id)
            .where(Payment.shift_id == shift_id)
            .order_by(original.receipt_no)
        )
    )


def shift_lines(s: Session, shift_id: str) -> list[TillLine]:
    """A shift's payments and reversals in receipt order, each with the receipt it reverses or is reversed by."""
    original, reversal = aliased(Payment), aliased(Payment)
    rows = s.execute(
        select(Payment, Account.account_no, original.receipt_no, reversal.receipt_no)
        .join(Account, Account.account_id == Payment.account_id)
        .outerjoin(original, original.payment_id == Payment.reverses_payment_id)
        .outerjoin(reversal, reversal.reverses_payment_id == Payment.payment_id)
        .where(Payment.shift_id == shift_id)
        .order_by(Payment.paid_at, Payment.receipt_no)
    ).all()
    return [
        TillLine(
            receipt_no=p.receipt_no,
            at=to_hall_time(p.paid_at),
            account_no=account_no,
            method=PaymentMethod(p.method),
            amount_fen=p.amount_fen,
            reverses_receipt_no=reverses,
            payment_id=p.payment_id,
            reversed_by_receipt_no=reversed_by,
        )
        for p, account_no, reverses, reversed_by in rows
    ]


def build_shift_report(s: Session, shift_id: str, values: dict[str, Any]) -> ShiftReport:
    shift = s.get(Shift, shift_id)
    assert shift is not None and shift.closed_at is not None and shift.close_summary is not None
    clerk = s.get(Operator, shift.operator_id)
    assert clerk is not None
    summary = shift.close_summary
    lines = tuple(shift_lines(s, shift_id))
    totals = till_totals(
        TillEntry(x.receipt_no, x.method, x.amount_fen, x.reverses_receipt_no is not None) for x in lines
    )
    counted = tuple(CashCount(int(d), n) for d, n in summary["counted"].items())
    return ShiftReport(
        header=hall_header(values),
        shift_no=shift.shift_id[-8:].upper(),
        business_date=shift.business_date,
        clerk_staff_no=clerk.staff_no,
        clerk_name=clerk.name,
        device_code=summary["device_code"],
        opened_at=to_hall_time(shift.opened_at),
        closed_at=to_hall_time(shift.closed_at),
        by_method=totals.by_method,
        payment_count=totals.payment_count,
        reversal_count=totals.reversal_count,
        net_total_fen=totals.net_total_fen,
        expected_cash_fen=summary["expected_cash_fen"],
        counted=counted,
        counted_cash_fen=summary["counted_cash_fen"],
        difference_fen=summary["counted_cash_fen"] - summary["expected_cash_fen"],
        difference_reason=summary["difference_reason"],
        first_receipt_no=totals.first_receipt_no,
        last_receipt_no=totals.last_receipt_no,
        reversed_receipt_nos=tuple(summary["reversed_receipt_nos"]),
        payments=lines,
        chain_head=summary["chain_head"],
    )
