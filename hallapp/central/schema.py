"""The central server's PostgreSQL schema (SYNC_DESIGN §4.4), on its own metadata.

Ids made by clients (op, payment, shift, operator) are UUID text, as on the PCs. Money is integer fen.
Master data (customer, account, bill) comes from the billing system's CSV export
(``master_import``); every change to it writes a ``change_log`` row in the same transaction, which
is what a PC pulls (``pull``).
"""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    Sequence,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.dialects.postgresql.base import ischema_names
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import UserDefinedType

from hallapp.domain.canonical import GENESIS_HASH

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
DEVICE_STATUSES = ("active", "suspended", "revoked", "quarantined")
ACCOUNT_STATUSES = ("active", "suspended", "closed")  # = hallapp.domain.enums.AccountStatus
CUSTOMER_KINDS = ("person", "organisation")  # = hallapp.domain.enums.CustomerKind
CHANGE_OPS = ("upsert", "delete")
POSTING_STATUSES = ("posted", "suspense")
Id = String(36)
Hash = String(64)
Timestamp = DateTime(timezone=True)


# Ids the server derives from a natural key (account number, account + period): the same export
# imported into a rebuilt server gives the PCs the same ids.
MASTER_NAMESPACE = uuid.UUID("6f1b2c1e-5a3d-4c1f-9a57-2f0c3e8d7b41")


def account_uuid(account_no: str) -> str:
    return str(uuid.uuid5(MASTER_NAMESPACE, f"account:{account_no}"))


def bill_uuid(account_no: str, period: str) -> str:
    return str(uuid.uuid5(MASTER_NAMESPACE, f"bill:{account_no}:{period}"))


class XID8(UserDefinedType[int]):
    """PostgreSQL's 64-bit transaction id (``pg_current_xact_id()``); read as text, never compared in Python."""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "XID8"


ischema_names["xid8"] = XID8  # reflection (alembic's comparison) knows the type


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


class Customer(CentralBase):
    """A customer of the billing system (the PC's ``customer`` row, plus the credit code)."""

    __tablename__ = "customer"
    __table_args__ = (
        CheckConstraint(f"kind IN {CUSTOMER_KINDS!r}", name="kind"),
        Index("ix_customer_id_number", "id_number"),
    )

    customer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80))
    id_type: Mapped[str | None] = mapped_column(String(24))
    id_number: Mapped[str | None] = mapped_column(String(32))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(80))
    mail_address: Mapped[str | None] = mapped_column(String(160))
    contact_verified_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(BigInteger, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    # Who last set each contact field, at which version: {"phone": {"v": 7, "hall": "H0001",
    # "op": "<op id>"}} (hall and op are null for the billing import). ``customer.patch`` merges on it.
    field_meta: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    # The values of the last billing import: the next import changes a column only where the
    # billing system's value changed since then, so an edit made at a counter is not undone.
    imported: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))


def _default_account_id(context: DefaultExecutionContext) -> str:
    return account_uuid(context.get_current_parameters()["account_no"])


class Account(CentralBase):
    """The account master a payment is posted against and a PC pulls (its ``account`` row).

    ``account_id`` is derived from the number (the PC's primary key and the feed's entity id). The
    columns of the billing data are nullable only for rows made before the import existed.
    """

    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint(f"status IN {ACCOUNT_STATUSES!r}", name="status"),
        CheckConstraint("prepaid_fen >= 0", name="prepaid_not_negative"),
        Index("ix_account_customer_id", "customer_id"),
        Index("ix_account_hall_id", "hall_id"),
    )

    account_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    hall_id: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), server_default="active")
    account_id: Mapped[str] = mapped_column(String(36), unique=True, default=_default_account_id)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customer.customer_id"))
    region_id: Mapped[str | None] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(160))
    tariff: Mapped[str | None] = mapped_column(String(24))
    voltage: Mapped[str | None] = mapped_column(String(8))
    supply_relation: Mapped[str | None] = mapped_column(String(16))
    load_class: Mapped[str | None] = mapped_column(String(1))
    key_customer: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    vulnerable: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    credit_rating: Mapped[str] = mapped_column(String(1), server_default="A")
    prepaid_fen: Mapped[int] = mapped_column(BigInteger, server_default="0")
    opened_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(BigInteger, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    imported: Mapped[dict[str, Any]] = mapped_column(
        JSONB, server_default=text("'{}'::jsonb")
    )  # as Customer's


class Bill(CentralBase):
    """One account's bill for a month; ``bill_id`` is derived from (account number, period)."""

    __tablename__ = "bill"
    __table_args__ = (
        CheckConstraint("period ~ '^[0-9]{4}(0[1-9]|1[0-2])$'", name="period"),
        CheckConstraint("kwh >= 0", name="kwh_not_negative"),
        CheckConstraint("amount_fen >= 0", name="amount_not_negative"),
        CheckConstraint("paid_fen >= 0 AND paid_fen <= amount_fen", name="paid_within_amount"),
        UniqueConstraint("account_no", "period"),
    )

    bill_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_no: Mapped[str] = mapped_column(ForeignKey("account.account_no"))
    period: Mapped[str] = mapped_column(String(6))  # YYYYMM
    kwh: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger, server_default="0")
    issued_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(BigInteger, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class ChangeLog(CentralBase):
    """The pull feed (SYNC_DESIGN §4.4), written in the same transaction as each change it records.

    Read in ``(xid, id)`` order and only below the oldest running transaction
    (``pg_snapshot_xmin``), so a transaction that commits late is never skipped (§4.7).
    """

    __tablename__ = "change_log"
    __table_args__ = (
        CheckConstraint(f"op IN {CHANGE_OPS!r}", name="op"),
        Index("change_log_scope_cursor", "scope", "xid", "id"),
    )

    xid: Mapped[int] = mapped_column(XID8, primary_key=True, server_default=text("pg_current_xact_id()"))
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    scope: Mapped[str] = mapped_column(Text)  # 'hall:H0001' | 'global' (later 'region:…')
    entity: Mapped[str] = mapped_column(Text)
    entity_id: Mapped[str] = mapped_column(Text)
    entity_version: Mapped[int] = mapped_column(BigInteger)
    op: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)  # the full row for an upsert


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
