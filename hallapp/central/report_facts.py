"""The central tables read into ``domain.kpi_facts`` records for the KPI code (issue 7): each
hall's ``DayFacts`` from ``schema_hall_facts``, ``payment`` and the stored reprint audit ops, as
the PC's loader reads its own SQLite."""

import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any

from sqlalchemy import String, and_, any_, bindparam, or_, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, aliased

from hallapp.central.schema import AppliedOp, Device, Payment
from hallapp.central.schema_hall_facts import (
    REPRINT_OPS,
    ApplicationFactRow,
    ComplaintRow,
    ConsultationRow,
    QueueLogRow,
    ShiftRow,
    TicketEventRow,
    WindowRow,
)
from hallapp.central.schema_staff import Operator
from hallapp.domain.hall_time import day_start
from hallapp.domain.kpi_facts import (
    ApplicationFact,
    ClerkFact,
    ComplaintFact,
    ConsultationFact,
    DayFacts,
    PaymentFact,
    QueueLogFact,
    ReprintFact,
    ShiftFact,
    TicketEventFact,
    TicketFact,
    WindowFact,
)


def hall_facts(s: Session, hall_id: str, first_day: date, last_day: date) -> DayFacts:
    return facts_by_hall(s, [hall_id], first_day, last_day)[hall_id]


def facts_by_hall(s: Session, hall_ids: list[str], first: date, last: date) -> dict[str, DayFacts]:
    """The facts of every hall in ``hall_ids``, each table read once for all of them."""
    staff = dict(s.execute(select(Operator.operator_id, Operator.staff_no)).all())
    parts: dict[str, dict[str, list[Any]]] = {h: defaultdict(list) for h in hall_ids}
    loaders = (
        ("tickets", _tickets(s, hall_ids, first, last)),
        ("queue_log", _queue_log(s, staff, hall_ids, first, last)),
        ("payments", _payments(s, staff, hall_ids, first, last)),
        ("reprints", _reprints(s, hall_ids, first, last)),
        ("shifts", _shifts(s, staff, hall_ids, first, last)),
        ("applications", _applications(s, staff, hall_ids, first, last)),
        ("complaints", _complaints(s, staff, hall_ids, first, last)),
        ("consultations", _consultations(s, staff, hall_ids, first, last)),
        ("clerks", _clerks(s, hall_ids)),
        ("windows", _windows(s, hall_ids)),
    )
    for name, rows in loaders:
        for hall_id, fact in rows:
            parts[hall_id][name].append(fact)
    return {
        h: DayFacts(first, last, **{name: tuple(parts[h][name]) for name, _ in loaders}) for h in hall_ids
    }


def _in(column: Any, values: list[str], name: str) -> Any:
    return column == any_(bindparam(name, values, type_=ARRAY(String)))


def _tickets(s: Session, halls: list[str], first: date, last: date) -> list[tuple[str, TicketFact]]:
    t = TicketEventRow
    rows = (
        s.connection()
        .execute(
            select(
                t.hall_id,
                t.ticket_id,
                t.business_date,
                t.business_type,
                t.display_no,
                t.kind,
                t.at,
                t.window_no,
                t.staff_no,
                t.rating,
                t.rating_reason,
            )
            .where(_in(t.hall_id, halls, "ticket_halls"), t.business_date.between(first, last))
            .order_by(t.ticket_id, t.seq)
        )
        .all()
    )  # fetched at once: row by row costs psycopg more than building the facts
    made = []
    for ticket_id, group in groupby(rows, key=lambda row: row[1]):
        events = list(group)
        hall_id, _, day, kind, display_no = events[0][:5]
        issued_at, rating, reason = events[0][6], None, None
        for row in events:
            if row[5] == "issued":
                issued_at = row[6]
            elif row[5] == "rated":
                rating, reason = row[9], row[10]
        facts = tuple(TicketEventFact(row[5], row[6], row[7], row[8]) for row in events)
        made.append((hall_id, TicketFact(ticket_id, display_no, day, kind, issued_at, facts, rating, reason)))
    made.sort(key=lambda item: (item[1].issued_at, item[1].ticket_id))  # the PC's order
    return made


def _queue_log(
    s: Session, staff: dict[str, str], halls: list[str], first: date, last: date
) -> list[tuple[str, QueueLogFact]]:
    q = QueueLogRow
    rows = s.execute(
        select(q.hall_id, q.event_id, q.business_date, q.kind, q.at, q.window_no, q.operator_id)
        .where(_in(q.hall_id, halls, "queue_halls"), q.business_date.between(first, last))
        .order_by(q.at, q.event_id)
    )
    return [
        (hall, QueueLogFact(event, day, kind, at, window, _staff(staff, op)))
        for hall, event, day, kind, at, window, op in rows
    ]


def _payments(
    s: Session, staff: dict[str, str], halls: list[str], first: date, last: date
) -> list[tuple[str, PaymentFact]]:
    original, reversal = aliased(Payment), aliased(Payment)
    rows = (
        s.connection()
        .execute(
            select(
                Device.hall_id,
                Payment.payment_id,
                Payment.receipt_no,
                Payment.business_date,
                Payment.device_time,  # the PC's paid_at: the op was written at the payment
                Payment.method,
                Payment.amount_fen,
                Payment.operator_id,
                Payment.reverses_payment_id,
                original.business_date,
                reversal.payment_id,
            )
            .join(Device, Device.device_id == Payment.device_id)
            .outerjoin(original, original.payment_id == Payment.reverses_payment_id)
            .outerjoin(reversal, reversal.reverses_payment_id == Payment.payment_id)
            .where(_in(Device.hall_id, halls, "payment_halls"), Payment.business_date.between(first, last))
            .order_by(Payment.device_time, Payment.receipt_no)
        )
        .all()
    )
    return [
        (hall, PaymentFact(pid, no, day, at, method, amount, staff.get(op, op), rev, rev_day, rev_by))
        for hall, pid, no, day, at, method, amount, op, rev, rev_day, rev_by in rows
    ]


def _reprints(s: Session, halls: list[str], first: date, last: date) -> list[tuple[str, ReprintFact]]:
    """``receipt.reprint`` audit events (the PC does not send its ``receipt_print`` rows): the
    event's id stands for the print's."""
    rows = s.execute(
        select(Device.hall_id, AppliedOp.payload)
        .join(Device, Device.device_id == AppliedOp.device_id)
        .where(
            text(REPRINT_OPS),
            _in(Device.hall_id, halls, "reprint_halls"),
            AppliedOp.device_time >= day_start(first),
            AppliedOp.device_time < day_start(last + timedelta(days=1)),
        )
        .order_by(AppliedOp.device_time)
    ).all()
    events = [(hall, json.loads(payload)) for hall, payload in rows]
    receipts = [str(e.get("target") or "") for _, e in events]
    paid = dict(
        s.execute(
            select(Payment.receipt_no, Payment.payment_id).where(
                _in(Payment.receipt_no, receipts, "receipts")
            )
        ).all()
    )
    return [
        (
            hall,
            ReprintFact(
                str(e.get("event_id", "")),
                paid.get(receipt, ""),
                datetime.fromisoformat(e["at"]),
                str(e.get("staff_no") or ""),
            ),
        )
        for (hall, e), receipt in zip(events, receipts, strict=True)
        if isinstance(e.get("at"), str)
    ]


def _shifts(
    s: Session, staff: dict[str, str], halls: list[str], first: date, last: date
) -> list[tuple[str, ShiftFact]]:
    r = ShiftRow
    rows = s.execute(
        select(
            r.hall_id,
            r.shift_id,
            r.operator_id,
            r.business_date,
            r.closed_at,
            r.expected_cash_fen,
            r.counted_cash_fen,
            r.difference_reason,
        )
        .where(_in(r.hall_id, halls, "shift_halls"), r.business_date.between(first, last))
        .order_by(r.opened_at, r.shift_id)
    )
    return [
        (hall, ShiftFact(sid, _staff(staff, op), day, closed, expected, counted, reason))
        for hall, sid, op, day, closed, expected, counted, reason in rows
    ]


def _applications(
    s: Session, staff: dict[str, str], halls: list[str], first: date, last: date
) -> list[tuple[str, ApplicationFact]]:
    """Accepted, closed or due in the period, or still open past their date at its end (the PC's)."""
    a = ApplicationFactRow
    relevant = or_(
        a.accepted_on.between(first, last),
        a.closed_on.between(first, last),
        a.due_on.between(first, last),
        and_(a.due_on < last, a.accepted_on <= last, or_(a.closed_on.is_(None), a.closed_on > last)),
    )
    rows = s.execute(
        select(
            a.hall_id,
            a.application_id,
            a.application_no,
            a.kind,
            a.status,
            a.accepted_on,
            a.accepted_by,
            a.due_on,
            a.closed_on,
            a.completed_by,
        )
        .where(_in(a.hall_id, halls, "application_halls"), relevant)
        .order_by(a.application_no)
    )
    return [
        (
            hall,
            ApplicationFact(
                app_id, no, kind, status, accepted, _staff(staff, by), due, closed, staff.get(done, done)
            ),
        )
        for hall, app_id, no, kind, status, accepted, by, due, closed, done in rows
    ]


def _complaints(
    s: Session, staff: dict[str, str], halls: list[str], first: date, last: date
) -> list[tuple[str, ComplaintFact]]:
    c = ComplaintRow
    rows = s.execute(
        select(c.hall_id, c.complaint_id, c.complaint_no, c.business_date, c.operator_id, c.cause)
        .where(_in(c.hall_id, halls, "complaint_halls"), c.business_date.between(first, last))
        .order_by(c.received_at, c.complaint_id)
    )
    return [
        (hall, ComplaintFact(cid, no, day, _staff(staff, op), cause))
        for hall, cid, no, day, op, cause in rows
    ]


def _consultations(
    s: Session, staff: dict[str, str], halls: list[str], first: date, last: date
) -> list[tuple[str, ConsultationFact]]:
    c = ConsultationRow
    rows = s.execute(
        select(c.hall_id, c.consultation_id, c.consultation_no, c.business_date, c.operator_id, c.answered)
        .where(_in(c.hall_id, halls, "consultation_halls"), c.business_date.between(first, last))
        .order_by(c.created_at, c.consultation_id)
    )
    return [
        (hall, ConsultationFact(cid, no, day, _staff(staff, op), bool(answered)))
        for hall, cid, no, day, op, answered in rows
    ]


def _clerks(s: Session, halls: list[str]) -> list[tuple[str, ClerkFact]]:
    rows = s.execute(
        select(Operator.hall_id, Operator.staff_no, Operator.name, Operator.active).where(
            _in(Operator.hall_id, halls, "clerk_halls")
        )
    )
    return [(hall, ClerkFact(staff_no, name, bool(active))) for hall, staff_no, name, active in rows]


def _windows(s: Session, halls: list[str]) -> list[tuple[str, WindowFact]]:
    rows = s.execute(
        select(WindowRow.hall_id, WindowRow.number, WindowRow.name)
        .where(_in(WindowRow.hall_id, halls, "window_halls"))
        .order_by(WindowRow.number)
    )
    return [(hall, WindowFact(number, name)) for hall, number, name in rows]


def _staff(staff: dict[str, str], operator_id: str | None) -> str:
    return staff.get(operator_id, operator_id) if operator_id else ""
