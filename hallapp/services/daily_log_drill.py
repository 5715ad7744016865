"""The rows behind a daily-log figure: tickets, payments, applications, complaints and consultations
by id (times in hall time)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from hallapp.db.models import Account, Application, Complaint, Consultation, Operator, Payment, Ticket
from hallapp.domain.hall_time import to_hall_time
from hallapp.services.complaint_service import step_of

CHUNK = 500  # ids per IN (…): well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class TicketLine:
    ticket_id: str
    display_no: str
    business_type: str
    business_date: date
    issued_at: datetime
    state: str
    priority_reason: str | None
    first_contact_staff_no: str | None
    rating: int | None
    rating_reason: str | None


@dataclass(frozen=True)
class PaymentLine:
    payment_id: str
    receipt_no: str
    business_date: date
    paid_at: datetime
    account_no: str
    method: str
    amount_fen: int
    staff_no: str
    clerk_name: str
    reverses_receipt_no: str | None


@dataclass(frozen=True)
class ApplicationLine:
    application_id: str
    application_no: str
    kind: str
    status: str
    applicant_name: str
    accepted_on: date
    due_on: date | None
    closed_on: date | None
    staff_no: str


@dataclass(frozen=True)
class ComplaintLine:
    complaint_id: str
    complaint_no: str
    business_date: date
    received_at: datetime
    channel: str
    cause: str
    customer_name: str
    step: str  # ComplaintStep: where it stands now
    followup_satisfied: bool | None
    staff_no: str
    clerk_name: str


@dataclass(frozen=True)
class ConsultationLine:
    consultation_id: str
    consultation_no: str
    business_date: date
    created_at: datetime
    channel: str
    customer_name: str  # "" when the customer gave no name
    question: str
    answered: bool  # on the spot; if not, a callback was promised
    callback_due_at: datetime | None
    callback_done_at: datetime | None
    staff_no: str
    clerk_name: str


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


def ticket_lines(s: Session, ids: Sequence[str]) -> tuple[TicketLine, ...]:
    rows = [t for part in _chunks(ids) for t in s.scalars(select(Ticket).where(Ticket.ticket_id.in_(part)))]
    rows.sort(key=lambda t: (t.issued_at, t.ticket_id))
    return tuple(
        TicketLine(
            t.ticket_id,
            t.display_no,
            t.business_type,
            t.business_date,
            to_hall_time(t.issued_at),
            t.state,
            t.priority_reason,
            t.first_contact_staff_no,
            t.rating,
            t.rating_reason,
        )
        for t in rows
    )


def payment_lines(s: Session, ids: Sequence[str]) -> tuple[PaymentLine, ...]:
    original = aliased(Payment)
    rows = [
        row
        for part in _chunks(ids)
        for row in s.execute(
            select(Payment, Account.account_no, Operator.staff_no, Operator.name, original.receipt_no)
            .join(Account, Account.account_id == Payment.account_id)
            .join(Operator, Operator.operator_id == Payment.operator_id)
            .outerjoin(original, original.payment_id == Payment.reverses_payment_id)
            .where(Payment.payment_id.in_(part))
        )
    ]
    rows.sort(key=lambda r: (r[0].paid_at, r[0].receipt_no))
    return tuple(
        PaymentLine(
            p.payment_id,
            p.receipt_no,
            p.business_date,
            to_hall_time(p.paid_at),
            account_no,
            p.method,
            p.amount_fen,
            staff_no,
            name,
            reverses,
        )
        for p, account_no, staff_no, name, reverses in rows
    )


def application_lines(s: Session, ids: Sequence[str]) -> tuple[ApplicationLine, ...]:
    rows = [
        row
        for part in _chunks(ids)
        for row in s.execute(
            select(Application, Operator.staff_no)
            .join(Operator, Operator.operator_id == Application.operator_id)
            .where(Application.application_id.in_(part))
        )
    ]
    rows.sort(key=lambda r: r[0].application_no)
    return tuple(
        ApplicationLine(
            a.application_id,
            a.application_no,
            a.kind,
            a.status,
            a.applicant_name,
            a.accepted_on,
            a.due_on,
            a.closed_on,
            staff_no,
        )
        for a, staff_no in rows
    )


def _with_clerk(s: Session, model: Any, id_column: Any, ids: Sequence[str]) -> list[Any]:
    """Rows of ``model`` by id, each with the staff number and name of its ``operator_id``."""
    return [
        row
        for part in _chunks(ids)
        for row in s.execute(
            select(model, Operator.staff_no, Operator.name)
            .join(Operator, Operator.operator_id == model.operator_id)
            .where(id_column.in_(part))
        )
    ]


def complaint_lines(s: Session, ids: Sequence[str]) -> tuple[ComplaintLine, ...]:
    rows = _with_clerk(s, Complaint, Complaint.complaint_id, ids)
    rows.sort(key=lambda r: (r[0].received_at, r[0].complaint_no))
    return tuple(
        ComplaintLine(
            c.complaint_id,
            c.complaint_no,
            c.business_date,
            to_hall_time(c.received_at),
            c.channel,
            c.cause,
            c.customer_name,
            step_of(c).value,
            c.followup_satisfied,
            staff_no,
            name,
        )
        for c, staff_no, name in rows
    )


def consultation_lines(s: Session, ids: Sequence[str]) -> tuple[ConsultationLine, ...]:
    rows = _with_clerk(s, Consultation, Consultation.consultation_id, ids)
    rows.sort(key=lambda r: (r[0].created_at, r[0].consultation_no))
    return tuple(
        ConsultationLine(
            c.consultation_id,
            c.consultation_no,
            c.business_date,
            to_hall_time(c.created_at),
            c.channel,
            c.customer_name,
            c.question,
            bool(c.answered),
            to_hall_time(c.callback_due_at) if c.callback_due_at else None,
            to_hall_time(c.callback_done_at) if c.callback_done_at else None,
            staff_no,
            name,
        )
        for c, staff_no, name in rows
    )
