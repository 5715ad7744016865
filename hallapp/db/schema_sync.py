"""Outbox, number series, sync state and the hash-chained audit trail (SYNC_DESIGN §4.3)."""

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.db.base import Base, Id, UtcDateTime

OUTBOX_STATUSES = ("pending", "applied", "duplicate", "rejected", "conflict", "suspense")


class Outbox(Base):
    """Written in the same transaction as the change it describes; never edited but for its ack."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(f"status IN {OUTBOX_STATUSES!r}", name="status"),
        Index("ix_outbox_status_seq", "status", "device_seq"),
        {"sqlite_autoincrement": True},
    )

    device_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(Id, unique=True)
    local_tx_id: Mapped[str] = mapped_column(Id)
    op_type: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON with "v"
    payload_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str | None] = mapped_column(Text)  # Ed25519, added once the device is enrolled
    operator_id: Mapped[str | None] = mapped_column(Id)
    shift_id: Mapped[str | None] = mapped_column(Id)
    device_time: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    server_result: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SyncState(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class NumberSeries(Base):
    """Consumed in the same transaction as the fact that takes the number: gap-free per device."""

    __tablename__ = "number_series"

    series: Mapped[str] = mapped_column(String(40), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(16))
    next_value: Mapped[int] = mapped_column(BigInteger)
    server_high_water: Mapped[int] = mapped_column(BigInteger, default=0)
    block_end: Mapped[int | None] = mapped_column(BigInteger)


class AuditEvent(Base):
    """Tamper-evident trail: each row's hash covers its content and the previous row's hash."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(Id, unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    device_id: Mapped[str] = mapped_column(Id)
    operator_id: Mapped[str | None] = mapped_column(Id)
    staff_no: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(120))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpoint(Base):
    """Where the audit chain starts after old events were deleted (retention): the last deleted
    event's seq and hash. One row per purge; the verifier starts from the newest (docs/audit.md)."""

    __tablename__ = "audit_checkpoint"

    checkpoint_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    through_seq: Mapped[int] = mapped_column(Integer, unique=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[int] = mapped_column(Integer)
    cut_off: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncNotice(Base):
    """A notice from the central server to this hall (pulled): a contact edit made here was
    overwritten by a later one, or an application taken here waits for review. The supervisor reads
    them; ``read_at``/``read_by`` say who acknowledged one."""

    __tablename__ = "sync_notice"
    __table_args__ = (Index("ix_sync_notice_read_at", "read_at", "created_at"),)

    notice_id: Mapped[str] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    customer_id: Mapped[str | None] = mapped_column(Id)
    account_no: Mapped[str | None] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(40))
    lost_value: Mapped[str | None] = mapped_column(Text)
    won_value: Mapped[str | None] = mapped_column(Text)
    won_hall_id: Mapped[str | None] = mapped_column(String(16))
    application_no: Mapped[str | None] = mapped_column(String(24))
    blocking_application_no: Mapped[str | None] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    read_by: Mapped[str | None] = mapped_column(Id)
