"""central initial schema: halls, enrolment codes, devices, applied ops, accounts, payments

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.execute(sa.schema.CreateSequence(sa.Sequence("device_code_seq", start=1, maxvalue=999_999)))
    op.create_table(
        "hall",
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", name=op.f("pk_hall")),
    )
    op.create_table(
        "enrolment_code",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("used_by_device", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_enrolment_code_hall_id_hall")),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrolment_code")),
    )
    _device()
    _applied_op()
    op.create_table(
        "account",
        sa.Column("account_no", sa.String(40), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=True),
        sa.Column("status", sa.String(12), server_default="active", nullable=False),
        sa.CheckConstraint("status IN ('active', 'closed')", name=op.f("ck_account_status")),
        sa.PrimaryKeyConstraint("account_no", name=op.f("pk_account")),
    )
    _payment()
    op.create_table(
        "server_meta",
        sa.Column("singleton", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("epoch", postgresql.UUID(as_uuid=False), nullable=False),
        sa.CheckConstraint("singleton = 1", name=op.f("ck_server_meta_singleton")),
        sa.PrimaryKeyConstraint("singleton", name=op.f("pk_server_meta")),
    )
    op.execute("INSERT INTO server_meta (singleton, epoch) VALUES (1, gen_random_uuid())")


def _device() -> None:
    op.create_table(
        "device",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("device_code", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(12), server_default="active", nullable=False),
        sa.Column("status_note", sa.Text(), nullable=True),
        sa.Column("last_acked_seq", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("last_chain_hash", sa.String(64), server_default=GENESIS_HASH, nullable=False),
        sa.Column("client_version", sa.String(40), nullable=True),
        sa.Column("hostname", sa.String(255), nullable=True),
        sa.Column("enrolled_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("last_seen_at", TS, nullable=True),
        sa.CheckConstraint(
            "status IN ('active', 'suspended', 'revoked', 'quarantined')", name=op.f("ck_device_status")
        ),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_device_hall_id_hall")),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device")),
        sa.UniqueConstraint("device_code", name=op.f("uq_device_device_code")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_device_token_hash")),
    )


def _applied_op() -> None:
    op.create_table(
        "applied_op",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("local_tx_id", sa.String(64), nullable=False),
        sa.Column("op_type", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("base_version", sa.BigInteger(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("operator_id", sa.String(64), nullable=True),
        sa.Column("shift_id", sa.String(64), nullable=True),
        sa.Column("device_time", TS, nullable=False),
        sa.Column("result", postgresql.JSONB(), nullable=False),
        sa.Column("batch_id", sa.String(64), nullable=False),
        sa.Column("received_at", TS, server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.device_id"], name=op.f("fk_applied_op_device_id_device")
        ),
        sa.PrimaryKeyConstraint("device_id", "device_seq", name=op.f("pk_applied_op")),
        sa.UniqueConstraint("op_id", name=op.f("uq_applied_op_op_id")),
    )


def _payment() -> None:
    op.create_table(
        "payment",
        sa.Column("payment_id", sa.String(36), nullable=False),
        sa.Column("receipt_no", sa.String(40), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("account_no", sa.String(40), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("operator_id", sa.String(64), nullable=False),
        sa.Column("shift_id", sa.String(64), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("device_time", TS, nullable=False),
        sa.Column("received_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("posting_status", sa.String(12), nullable=False),
        sa.Column("reverses_payment_id", sa.String(36), nullable=True),
        sa.CheckConstraint("amount_fen <> 0", name=op.f("ck_payment_amount_not_zero")),
        sa.CheckConstraint(
            "posting_status IN ('posted', 'suspense')", name=op.f("ck_payment_posting_status")
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.device_id"], name=op.f("fk_payment_device_id_device")
        ),
        sa.PrimaryKeyConstraint("payment_id", name=op.f("pk_payment")),
        sa.UniqueConstraint("device_id", "device_seq", name=op.f("uq_payment_device_id_device_seq")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_payment_receipt_no")),
        sa.UniqueConstraint("reverses_payment_id", name=op.f("uq_payment_reverses_payment_id")),
    )
    op.create_index("ix_payment_account_no", "payment", ["account_no"])
    op.create_index("ix_payment_business_date", "payment", ["business_date"])


def downgrade() -> None:
    for table in ("server_meta", "payment", "account", "applied_op", "device", "enrolment_code", "hall"):
        op.drop_table(table)
    op.execute(sa.schema.DropSequence(sa.Sequence("device_code_seq")))
