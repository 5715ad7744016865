"""Central tables for conflicts (SYNC_DESIGN §4.2): the history of contact fields, the notices a hall
gets when its edit was overwritten or its application sent to review, and the applications as the
server knows them (to decide "first arrival wins" on an account).
"""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Identity,
    Index,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.central.schema import CentralBase

Timestamp = DateTime(timezone=True)
NOTICE_KINDS = ("contact_overwritten", "application_review")
REVIEW_STATES = ("none", "needs_review", "resolved")
CLOSED_STAGES = ("archived", "cancelled")  # = hallapp.domain.application_flow: the account is free again


class CustomerFieldHistory(CentralBase):
    """Every change of a customer's contact field: the value it replaced and where that came from."""

    __tablename__ = "customer_field_history"
    __table_args__ = (Index("ix_customer_field_history_customer_id", "customer_id", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    old_source: Mapped[dict[str, Any]] = mapped_column(JSONB)  # the overwritten value's field_meta entry
    op_id: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    hall_id: Mapped[str] = mapped_column(String(16))
    base_version: Mapped[int] = mapped_column(BigInteger)
    new_version: Mapped[int] = mapped_column(BigInteger)
    overwrote_concurrent: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class ConflictNotice(CentralBase):
    """Told to one hall (through its pull feed): your edit lost, or your application waits for review."""

    __tablename__ = "conflict_notice"
    __table_args__ = (
        CheckConstraint(f"kind IN {NOTICE_KINDS!r}", name="kind"),
        Index("ix_conflict_notice_hall_id", "hall_id", "created_at"),
    )

    notice_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall_id: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(24))
    customer_id: Mapped[str | None] = mapped_column(String(36))
    account_no: Mapped[str | None] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(40))
    lost_value: Mapped[str | None] = mapped_column(Text)
    won_value: Mapped[str | None] = mapped_column(Text)
    lost_op_id: Mapped[str | None] = mapped_column(String(64))
    won_op_id: Mapped[str | None] = mapped_column(String(64))
    won_hall_id: Mapped[str | None] = mapped_column(String(16))
    application_no: Mapped[str | None] = mapped_column(String(24))
    blocking_application_no: Mapped[str | None] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class CentralApplication(CentralBase):
    """An application as submitted by a PC; ``review`` is 'needs_review' when another application on
    the same account arrived first and was still open. Only open, unreviewed ones block an account."""

    __tablename__ = "application"
    __table_args__ = (
        CheckConstraint(f"review IN {REVIEW_STATES!r}", name="review"),
        Index(
            "ix_application_open_account",
            "account_no",
            postgresql_where=text(f"review = 'none' AND stage NOT IN {CLOSED_STAGES!r}"),
        ),
    )

    application_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    application_no: Mapped[str] = mapped_column(String(24), unique=True)
    device_id: Mapped[str] = mapped_column(String(36))
    hall_id: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(24))
    stage: Mapped[str] = mapped_column(String(16))
    account_no: Mapped[str | None] = mapped_column(String(40))
    applicant_name: Mapped[str] = mapped_column(String(80))
    applicant_id_no: Mapped[str | None] = mapped_column(String(32))
    review: Mapped[str] = mapped_column(String(16), server_default="none")
    review_reason: Mapped[str | None] = mapped_column(String(40))
    blocking_application_no: Mapped[str | None] = mapped_column(String(24))
    form: Mapped[dict[str, Any]] = mapped_column(JSONB)
    master_applied: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    submitted_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
