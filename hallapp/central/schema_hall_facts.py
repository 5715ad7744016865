"""Central tables of what the halls did, for the supervisor's report (issue 7): the records
``domain.kpi_facts`` needs, written by the op handlers of ``hall_facts`` from the PCs' ops.

Every row carries the hall it came from (the pushing device's central hall, never the PC's local
hall id). Operators are kept as ids and named by staff number when the report reads them, as the
PC's loader does. Payments are the ``payment`` table; reprints are read from the stored
``audit.event`` ops (``ix_applied_op_reprint``).
"""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Identity,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.central.schema import AppliedOp, CentralBase, Id, Payment, Timestamp

HallId = String(16)
OpEntity = String(64)  # an op's entity id (the PC's row id)

REPRINT_OPS = "op_type = 'audit.event' AND payload LIKE '%\"action\":\"receipt.reprint\"%'"
# The payload is the PC's canonical JSON (compact, as hashed), so the action reads exactly so.
Index(
    "ix_applied_op_reprint",
    AppliedOp.__table__.c.device_id,
    AppliedOp.__table__.c.device_time,
    postgresql_where=text(REPRINT_OPS),
)
Index("ix_payment_device_id_business_date", Payment.__table__.c.device_id, Payment.__table__.c.business_date)


class TicketEventRow(CentralBase):
    """One ``ticket.event``, with the ticket's own columns repeated on every row (a ticket's events
    may come from several PCs, in any order)."""

    __tablename__ = "hall_ticket_event"
    __table_args__ = (Index("ix_hall_ticket_event_hall_day", "hall_id", "business_date"),)

    ticket_id: Mapped[str] = mapped_column(OpEntity, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_id: Mapped[str] = mapped_column(HallId)
    business_date: Mapped[date] = mapped_column(Date)
    business_type: Mapped[str] = mapped_column(String(24))
    display_no: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(Timestamp)
    window_no: Mapped[int | None] = mapped_column(Integer)
    staff_no: Mapped[str | None] = mapped_column(String(20))
    rating: Mapped[int | None] = mapped_column(SmallInteger)  # on the ``rated`` event only
    rating_reason: Mapped[str | None] = mapped_column(Text)


class QueueLogRow(CentralBase):
    __tablename__ = "hall_queue_log"
    __table_args__ = (Index("ix_hall_queue_log_hall_day", "hall_id", "business_date"),)

    event_id: Mapped[str] = mapped_column(OpEntity, primary_key=True)  # the PC's queue_log row
    hall_id: Mapped[str] = mapped_column(HallId)
    business_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(Timestamp)
    window_no: Mapped[int | None] = mapped_column(Integer)
    operator_id: Mapped[str | None] = mapped_column(OpEntity)


class ShiftRow(CentralBase):
    """A clerk's shift: opened by ``shift.open``, cashed up by ``shift.close`` (either may arrive first)."""

    __tablename__ = "hall_shift"
    __table_args__ = (Index("ix_hall_shift_hall_day", "hall_id", "business_date"),)

    shift_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(HallId)
    operator_id: Mapped[str | None] = mapped_column(OpEntity)
    business_date: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime | None] = mapped_column(Timestamp)
    closed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    expected_cash_fen: Mapped[int | None] = mapped_column(BigInteger)
    counted_cash_fen: Mapped[int | None] = mapped_column(BigInteger)
    difference_reason: Mapped[str | None] = mapped_column(Text)


class ComplaintRow(CentralBase):
    __tablename__ = "hall_complaint"
    __table_args__ = (Index("ix_hall_complaint_hall_day", "hall_id", "business_date"),)

    complaint_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(HallId)
    complaint_no: Mapped[str] = mapped_column(String(24))
    business_date: Mapped[date] = mapped_column(Date)
    operator_id: Mapped[str] = mapped_column(OpEntity)  # who recorded it
    cause: Mapped[str] = mapped_column(String(24))
    received_at: Mapped[datetime] = mapped_column(Timestamp)
    version: Mapped[int] = mapped_column(Integer)


class ConsultationRow(CentralBase):
    __tablename__ = "hall_consultation"
    __table_args__ = (Index("ix_hall_consultation_hall_day", "hall_id", "business_date"),)

    consultation_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(HallId)
    consultation_no: Mapped[str] = mapped_column(String(24))
    business_date: Mapped[date] = mapped_column(Date)
    operator_id: Mapped[str] = mapped_column(OpEntity)
    answered: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class WindowRow(CentralBase):
    __tablename__ = "hall_window"

    hall_id: Mapped[str] = mapped_column(HallId, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))


class ApplicationFactRow(CentralBase):
    """An application's dates and people as the KPIs count them; the latest version wins."""

    __tablename__ = "hall_application"
    __table_args__ = (Index("ix_hall_application_hall_id", "hall_id"),)

    application_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(HallId)
    application_no: Mapped[str] = mapped_column(String(24))
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16))
    accepted_on: Mapped[date] = mapped_column(Date)  # the hall day of the first acceptance
    accepted_by: Mapped[str | None] = mapped_column(OpEntity)
    due_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    completed_by: Mapped[str | None] = mapped_column(OpEntity)  # who archived it
    version: Mapped[int] = mapped_column(Integer)


class HallDaySummaryRow(CentralBase):
    """A closed hall-day's figures (``domain.kpi_summary.Summary`` as JSON) and the settings they
    were computed with (``KpiRules``); see ``day_summaries``."""

    __tablename__ = "hall_day_summary"

    hall_id: Mapped[str] = mapped_column(HallId, primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    rules: Mapped[dict] = mapped_column(JSONB)
    summary: Mapped[dict] = mapped_column(JSONB)
    computed_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class HallDayDirtyRow(CentralBase):
    """A hall-day whose records changed: appended by the triggers of central migration 0007 and
    deleted by the summary that saw it (``day_summaries.keep``)."""

    __tablename__ = "hall_day_dirty"
    __table_args__ = (Index("ix_hall_day_dirty_hall_day", "hall_id", "business_date"),)

    mark_id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    hall_id: Mapped[str] = mapped_column(HallId)
    business_date: Mapped[date] = mapped_column(Date)
