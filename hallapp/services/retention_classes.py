"""The classes of record that retention may delete: which tables, which date, which outbox entity
says the central server has them, which rows go with them and which must stay whatever their age.
The audit trail is its own class (retention_service: only its oldest stretch, with a checkpoint)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select, true
from sqlalchemy.orm import aliased

from hallapp.db.models import (
    ArrearsNotice,
    Complaint,
    Consultation,
    Outbox,
    Payment,
    PaymentAllocation,
    QueueLog,
    ReceiptPrint,
    ReconnectionRequest,
    Ticket,
    TicketEvent,
)
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.i18n import QT_TRANSLATE_NOOP

CONFIRMED = ("applied", "duplicate")  # the server stored it; rejected/conflict/suspense wait for a person
AUDIT = "audit"


@dataclass(frozen=True)
class Part:
    """One table of a class. ``children`` are the foreign keys of rows deleted along with it."""

    id_col: Any
    dated: Any  # a Date column (business day) or a UtcDateTime column
    entity: str
    children: tuple[Any, ...] = ()
    must_stay: Callable[[], ColumnElement[bool]] | None = None

    def due(self, cut_off: date) -> ColumnElement[bool]:
        """Past retention: dated before the cut-off day (hall time)."""
        if self.dated.type.python_type is datetime:
            return self.dated < datetime.combine(cut_off, time(0), HALL_TZ)
        return self.dated < cut_off

    def confirmed(self) -> ColumnElement[bool]:
        """No outbox op about the row is still unsent or unanswered. A row made elsewhere (pulled,
        imported) has no op here: the server has it already."""
        return self.id_col.not_in(unconfirmed(self.entity))

    def purgeable(self, cut_off: date) -> ColumnElement[bool]:
        keep = self.must_stay() if self.must_stay else None
        return and_(self.due(cut_off), self.confirmed(), true() if keep is None else ~keep)


@dataclass(frozen=True)
class RecordClass:
    key: str
    setting: str
    label: str  # English source text, translated by the UI (context "Retention")
    parts: tuple[Part, ...]


def unconfirmed(entity: str):  # type: ignore[no-untyped-def]
    return select(Outbox.entity_id).where(Outbox.entity == entity, Outbox.status.not_in(CONFIRMED))


def _consultation_open() -> ColumnElement[bool]:
    return and_(Consultation.callback_due_at.is_not(None), Consultation.callback_done_at.is_(None))


def _complaint_open() -> ColumnElement[bool]:
    return Complaint.closed_at.is_(None)


def _payment_referenced() -> ColumnElement[bool]:
    """Kept while a notice, a reconnection request or a reversal not yet confirmed points at it."""
    reversal = aliased(Payment)
    return or_(
        exists().where(ArrearsNotice.settled_by_payment_id == Payment.payment_id),
        exists().where(ReconnectionRequest.payment_id == Payment.payment_id),
        exists().where(
            reversal.reverses_payment_id == Payment.payment_id,
            reversal.payment_id.in_(unconfirmed("payment")),
        ),
    )


CLASSES: tuple[RecordClass, ...] = (
    RecordClass(
        "consultation",
        "retention.consultation_days",
        QT_TRANSLATE_NOOP("Retention", "Consultation forms (业务咨询单)"),
        (
            Part(
                Consultation.consultation_id,
                Consultation.business_date,
                "consultation",
                (),
                _consultation_open,
            ),
        ),
    ),
    RecordClass(
        "complaint",
        "retention.complaint_days",
        QT_TRANSLATE_NOOP("Retention", "Closed complaints"),
        (Part(Complaint.complaint_id, Complaint.business_date, "complaint", (), _complaint_open),),
    ),
    RecordClass(
        "queue",
        "retention.queue_days",
        QT_TRANSLATE_NOOP("Retention", "Queue tickets, their history and queue log"),
        (
            Part(Ticket.ticket_id, Ticket.business_date, "ticket", (TicketEvent.ticket_id,)),
            Part(QueueLog.event_id, QueueLog.business_date, "queue_log"),
        ),
    ),
    RecordClass(
        "payment",
        "retention.payment_days",
        QT_TRANSLATE_NOOP("Retention", "Payments, allocations and receipt prints"),
        (
            Part(
                Payment.payment_id,
                Payment.business_date,
                "payment",
                (PaymentAllocation.payment_id, ReceiptPrint.payment_id),
                _payment_referenced,
            ),
        ),
    ),
)
AUDIT_SETTING = "retention.audit_days"
AUDIT_LABEL = QT_TRANSLATE_NOOP("Retention", "Audit trail events")
KEYS = (*(c.key for c in CLASSES), AUDIT)
BY_KEY = {c.key: c for c in CLASSES}
