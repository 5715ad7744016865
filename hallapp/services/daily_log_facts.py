"""Load one hall's records of a period from the hall database as ``domain.kpi_facts`` values.

Plain column SELECTs (no ORM objects): a busy day is thousands of tickets and their events.
Clerks are named by staff number; operator ids are turned into staff numbers here.
"""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import String, and_, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from hallapp.db.models import (
    Application,
    ApplicationEvent,
    Complaint,
    Consultation,
    Operator,
    Payment,
    QueueLog,
    ReceiptPrint,
    ServiceWindow,
    Shift,
    Ticket,
    TicketEvent,
)
from hallapp.domain.hall_time import day_start, to_hall_time
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


def load_facts(s: Session, hall_id: str, first_day: date, last_day: date) -> DayFacts:
    staff = {
        op_id: staff_no for op_id, staff_no in s.execute(select(Operator.operator_id, Operator.staff_no))
    }
    return DayFacts(
        first_day=first_day,
        last_day=last_day,
        tickets=_tickets(s, hall_id, first_day, last_day),
        queue_log=_queue_log(s, hall_id, first_day, last_day),
        payments=_payments(s, staff, first_day, last_day),
        reprints=_reprints(s, staff, first_day, last_day),
        shifts=_shifts(s, staff, first_day, last_day),
        applications=_applications(s, staff, first_day, last_day),
        complaints=_complaints(s, staff, first_day, last_day),
        consultations=_consultations(s, staff, first_day, last_day),
        clerks=tuple(
            ClerkFact(staff_no, name, bool(active))
            for staff_no, name, active in s.execute(select(Operator.staff_no, Operator.name, Operator.active))
        ),
        windows=tuple(
            WindowFact(number, name)
            for number, name in s.execute(
                select(ServiceWindow.number, ServiceWindow.name).where(ServiceWindow.hall_id == hall_id)
            )
        ),
    )


def _tickets(s: Session, hall_id: str, first: date, last: date) -> tuple[TicketFact, ...]:
    in_period = and_(Ticket.hall_id == hall_id, Ticket.business_date.between(first, last))
    events: dict[str, list[TicketEventFact]] = defaultdict(list)
    rows = (
        s.connection()
        .execute(
            select(
                TicketEvent.ticket_id,
                TicketEvent.kind,
                type_coerce(TicketEvent.at, String),
                TicketEvent.window_no,
                TicketEvent.staff_no,
            )
            .join(Ticket, Ticket.ticket_id == TicketEvent.ticket_id)
            .where(in_period)
            .order_by(TicketEvent.ticket_id, TicketEvent.seq)
        )
        .all()
    )  # fetched at once: row by row costs more than the rest of the loading
    for ticket_id, kind, at, window_no, staff_no in rows:
        events[ticket_id].append(TicketEventFact(kind, _utc(at), window_no, staff_no))
    tickets = (
        s.connection()
        .execute(
            select(
                Ticket.ticket_id,
                Ticket.display_no,
                Ticket.business_date,
                Ticket.business_type,
                type_coerce(Ticket.issued_at, String),
                Ticket.rating,
                Ticket.rating_reason,
            )
            .where(in_period)
            .order_by(Ticket.issued_at, Ticket.ticket_id)
        )
        .all()
    )
    return tuple(
        TicketFact(
            ticket_id, display_no, day, kind, _utc(issued), tuple(events.get(ticket_id, ())), rating, reason
        )
        for ticket_id, display_no, day, kind, issued, rating, reason in tickets
    )


def _queue_log(s: Session, hall_id: str, first: date, last: date) -> tuple[QueueLogFact, ...]:
    rows = s.execute(
        select(
            QueueLog.event_id,
            QueueLog.business_date,
            QueueLog.kind,
            QueueLog.at,
            QueueLog.window_no,
            QueueLog.staff_no,
        )
        .where(QueueLog.hall_id == hall_id, QueueLog.business_date.between(first, last))
        .order_by(QueueLog.at, QueueLog.event_id)
    )
    return tuple(QueueLogFact(*row) for row in rows)


def _payments(s: Session, staff: dict[str, str], first: date, last: date) -> tuple[PaymentFact, ...]:
    original, reversal = aliased(Payment), aliased(Payment)
    rows = s.connection().execute(
        select(
            Payment.payment_id,
            Payment.receipt_no,
            Payment.business_date,
            type_coerce(Payment.paid_at, String),
            Payment.method,
            Payment.amount_fen,
            Payment.operator_id,
            Payment.reverses_payment_id,
            original.business_date,
            reversal.payment_id,
        )
        .outerjoin(original, original.payment_id == Payment.reverses_payment_id)
        .outerjoin(reversal, reversal.reverses_payment_id == Payment.payment_id)
        .where(Payment.business_date.between(first, last))
        .order_by(Payment.paid_at, Payment.receipt_no)
    )
    return tuple(
        PaymentFact(pid, no, day, _utc(at), method, amount, staff.get(op, op), rev, rev_day, rev_by)
        for pid, no, day, at, method, amount, op, rev, rev_day, rev_by in rows
    )


def _reprints(s: Session, staff: dict[str, str], first: date, last: date) -> tuple[ReprintFact, ...]:
    start, end = day_start(first), day_start(last + timedelta(days=1))
    rows = s.execute(
        select(
            ReceiptPrint.print_id, ReceiptPrint.payment_id, ReceiptPrint.printed_at, ReceiptPrint.operator_id
        )
        .where(
            ReceiptPrint.is_reprint.is_(True), ReceiptPrint.printed_at >= start, ReceiptPrint.printed_at < end
        )
        .order_by(ReceiptPrint.printed_at)
    )
    return tuple(ReprintFact(pid, pay, at, staff.get(op, op)) for pid, pay, at, op in rows)


def _shifts(s: Session, staff: dict[str, str], first: date, last: date) -> tuple[ShiftFact, ...]:
    rows = s.execute(
        select(
            Shift.shift_id,
            Shift.operator_id,
            Shift.business_date,
            Shift.closed_at,
            Shift.expected_cash_fen,
            Shift.counted_cash_fen,
            Shift.difference_reason,
        )
        .where(Shift.business_date.between(first, last))
        .order_by(Shift.opened_at)
    )
    return tuple(
        ShiftFact(sid, staff.get(op, op), day, closed, expected, counted, reason)
        for sid, op, day, closed, expected, counted, reason in rows
    )


def _applications(s: Session, staff: dict[str, str], first: date, last: date) -> tuple[ApplicationFact, ...]:
    """Accepted, closed or due in the period, or still open past their date at its end."""
    created_from, created_to = day_start(first), day_start(last + timedelta(days=1))
    relevant = or_(
        Application.accepted_on.between(first, last),
        and_(Application.created_at >= created_from, Application.created_at < created_to),
        Application.closed_on.between(first, last),
        Application.due_on.between(first, last),
        and_(
            Application.due_on < last,
            Application.accepted_on <= last,
            or_(Application.closed_on.is_(None), Application.closed_on > last),
        ),
    )
    rows = s.execute(
        select(
            Application.application_id,
            Application.application_no,
            Application.kind,
            Application.status,
            Application.accepted_on,
            Application.created_at,
            Application.operator_id,
            Application.due_on,
            Application.closed_on,
        )
        .where(relevant)
        .order_by(Application.application_no)
    ).all()
    archived_by = dict(
        s.execute(
            select(ApplicationEvent.application_id, ApplicationEvent.operator_id)
            .join(Application, Application.application_id == ApplicationEvent.application_id)
            .where(relevant, ApplicationEvent.to_status == "archived")
            .order_by(ApplicationEvent.at)
        ).all()
    )
    return tuple(
        ApplicationFact(
            application_id=app_id,
            application_no=no,
            kind=kind,
            status=status,
            accepted_on=to_hall_time(created).date() if created is not None else accepted,
            accepted_by=staff.get(op, op),
            due_on=due,
            closed_on=closed,
            completed_by=staff.get(archived_by[app_id], archived_by[app_id])
            if app_id in archived_by
            else None,
        )
        for app_id, no, kind, status, accepted, created, op, due, closed in rows
    )


def _complaints(s: Session, staff: dict[str, str], first: date, last: date) -> tuple[ComplaintFact, ...]:
    rows = s.execute(
        select(
            Complaint.complaint_id,
            Complaint.complaint_no,
            Complaint.business_date,
            Complaint.operator_id,
            Complaint.cause,
        )
        .where(Complaint.business_date.between(first, last))
        .order_by(Complaint.received_at)
    )
    return tuple(ComplaintFact(cid, no, day, staff.get(op, op), cause) for cid, no, day, op, cause in rows)


def _consultations(
    s: Session, staff: dict[str, str], first: date, last: date
) -> tuple[ConsultationFact, ...]:
    rows = s.execute(
        select(
            Consultation.consultation_id,
            Consultation.consultation_no,
            Consultation.business_date,
            Consultation.operator_id,
            Consultation.answered,
        )
        .where(Consultation.business_date.between(first, last))
        .order_by(Consultation.created_at)
    )
    return tuple(
        ConsultationFact(cid, no, day, staff.get(op, op), bool(answered))
        for cid, no, day, op, answered in rows
    )


def _utc(stored: str | datetime) -> datetime:
    """A UTC column read as its stored text (parsing it here is several times faster than the
    column type's own conversion, and a busy day has tens of thousands of ticket events)."""
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC)
