"""The central server's PostgreSQL schema (SYNC_DESIGN §4.4), on its own metadata.

Ids made by clients (op, payment, shift, operator) are UUID text, as on the PCs. Money is integer fen.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Sequence,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hallapp.domain.canonical import GENESIS_HASH

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
DEVICE_STATUSES = ("active", "suspended", "revoked", "quarantined")
ACCOUNT_STATUSES = ("active", "closed")
POSTING_STATUSES = ("posted", "suspense")
Id = String(36)
Hash = String(64)
Timestamp = DateTime(timezone=True)


class CentralBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Device codes (the receipt prefix) are `H` + 6 digits, never reused: a sequence never goes back.
DEVICE_CODE_SEQ = Sequence("device_code_seq", start=1, maxvalue=999_999, metadata=CentralBase.metadata)


class Hall(CentralBase):
    __tablename__ = "hall"

    hall_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class EnrolmentCode(CentralBase):
    """One-time, hall-bound, expiring. Only the code's SHA-256 is kept."""

    __tablename__ = "enrolment_code"

    code_hash: Mapped[str] = mapped_column(Hash, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(Timestamp)
    used_at: Mapped[datetime | None] = mapped_column(Timestamp)
    used_by_device: Mapped[str | None] = mapped_column(Id)


class Device(CentralBase):
    """An enrolled PC: its bearer token (as SHA-256 only), status and the head of its op chain."""

    __tablename__ = "device"
    __table_args__ = (CheckConstraint(f"status IN {DEVICE_STATUSES!r}", name="status"),)

    device_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    device_code: Mapped[str] = mapped_column(String(16), unique=True)
    token_hash: Mapped[str] = mapped_column(Hash, unique=True)
    status: Mapped[str] = mapped_column(String(12), server_default="active")
    status_note: Mapped[str | None] = mapped_column(Text)
    last_acked_seq: Mapped[int] = mapped_column(BigInteger, server_default="0")
    last_chain_hash: Mapped[str] = mapped_column(Hash, server_default=GENESIS_HASH)
    client_version: Mapped[str | None] = mapped_column(String(40))
    hostname: Mapped[str | None] = mapped_column(String(255))
    enrolled_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    last_seen_at: Mapped[datetime | None] = mapped_column(Timestamp)


class AppliedOp(CentralBase):
    """The idempotency ledger: one row per accepted op, with the result a replay gets back.

    The whole op (envelope and payload text) is kept, so the server can re-verify a device's hash
    chain and later handlers can process ops that were only stored (SYNC_DESIGN P8).
    """

    __tablename__ = "applied_op"

    device_id: Mapped[str] = mapped_column(ForeignKey("device.device_id"), primary_key=True)
    device_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(64), unique=True)
    local_tx_id: Mapped[str] = mapped_column(String(64))
    op_type: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int | None] = mapped_column(BigInteger)
    payload: Mapped[str] = mapped_column(Text)
    payload_hash: Mapped[str] = mapped_column(Hash)
    prev_hash: Mapped[str] = mapped_column(Hash)
    operator_id: Mapped[str | None] = mapped_column(String(64))
    shift_id: Mapped[str | None] = mapped_column(String(64))
    device_time: Mapped[datetime] = mapped_column(Timestamp)
    result: Mapped[dict[str, Any]] = mapped_column(JSONB)
    batch_id: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class Account(CentralBase):
    """The minimal account master a payment is posted against (the CSV import comes later)."""

    __tablename__ = "account"
    __table_args__ = (CheckConstraint(f"status IN {ACCOUNT_STATUSES!r}", name="status"),)

    account_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    hall_id: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), server_default="active")


class Payment(CentralBase):
    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint("amount_fen <> 0", name="amount_not_zero"),
        CheckConstraint(f"posting_status IN {POSTING_STATUSES!r}", name="posting_status"),
        UniqueConstraint("device_id", "device_seq"),
        Index("ix_payment_account_no", "account_no"),
        Index("ix_payment_business_date", "business_date"),
    )

    payment_id: Mapped[str] = mapped_column(Id, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.device_id"))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    account_no: Mapped[str] = mapped_column(String(40))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(20))
    operator_id: Mapped[str] = mapped_column(String(64))
    shift_id: Mapped[str] = mapped_column(String(64))
    business_date: Mapped[date] = mapped_column(Date)
    device_time: Mapped[datetime] = mapped_column(Timestamp)
    received_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    posting_status: Mapped[str] = mapped_column(String(12))
    # No foreign key: a reversal may arrive before the payment it reverses (another PC, not yet
    # synced); it is kept in suspense instead of being refused.
    reverses_payment_id: Mapped[str | None] = mapped_column(Id, unique=True)


class ServerMeta(CentralBase):
    """One row. The epoch changes after a restore, so clients know their pull state is stale."""

    __tablename__ = "server_meta"
    __table_args__ = (CheckConstraint("singleton = 1", name="singleton"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    epoch: Mapped[str] = mapped_column(UUID(as_uuid=False))
