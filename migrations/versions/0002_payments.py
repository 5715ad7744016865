"""payments: shifts, approvals, notices, reconnection

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "approval",
        sa.Column("approval_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=36), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=36), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("at_counter", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending','approved','refused','used')", name=op.f("ck_approval_status")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["operator.operator_id"], name=op.f("fk_approval_decided_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["operator.operator_id"], name=op.f("fk_approval_requested_by_operator")
        ),
        sa.PrimaryKeyConstraint("approval_id", name=op.f("pk_approval")),
    )
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.create_index("ix_approval_status", ["status", "requested_at"], unique=False)

    op.create_table(
        "arrears_notice",
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("notice_no", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("outstanding_fen", sa.BigInteger(), nullable=False),
        sa.Column("penalty_fen", sa.BigInteger(), nullable=False),
        sa.Column("pay_by", sa.Date(), nullable=False),
        sa.Column("cut_from", sa.Date(), nullable=True),
        sa.Column("cut_to", sa.Date(), nullable=True),
        sa.Column("delivery", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_at", sa.DateTime(), nullable=True),
        sa.Column("settled_by_payment_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint("kind IN ('reminder','cut_plan')", name=op.f("ck_arrears_notice_kind")),
        sa.CheckConstraint(
            "outcome IN ('pending','signed','refused')", name=op.f("ck_arrears_notice_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.account_id"], name=op.f("fk_arrears_notice_account_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.operator_id"], name=op.f("fk_arrears_notice_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["settled_by_payment_id"],
            ["payment.payment_id"],
            name=op.f("fk_arrears_notice_settled_by_payment_id_payment"),
        ),
        sa.PrimaryKeyConstraint("notice_id", name=op.f("pk_arrears_notice")),
        sa.UniqueConstraint("notice_no", name=op.f("uq_arrears_notice_notice_no")),
    )
    with op.batch_alter_table("arrears_notice", schema=None) as batch_op:
        batch_op.create_index("ix_arrears_notice_account", ["account_id", "issued_at"], unique=False)

    op.create_table(
        "reconnection_request",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("due_by", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.account_id"], name=op.f("fk_reconnection_request_account_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["arrears_notice.notice_id"],
            name=op.f("fk_reconnection_request_notice_id_arrears_notice"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.payment_id"], name=op.f("fk_reconnection_request_payment_id_payment")
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_reconnection_request")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_reconnection_request_payment_id")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("to_prepaid_fen", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("tendered_fen", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("owed_before_fen", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("owed_after_fen", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(
            sa.Column("prepaid_after_fen", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("approval_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_payment_request_id"), ["request_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_payment_approval_id_approval"), "approval", ["approval_id"], ["approval_id"]
        )
        batch_op.create_index(
            "ix_payment_shift_id",
            ["shift_id"],
            unique=False,
            sqlite_where=sa.text("shift_id IS NOT NULL"),
            postgresql_where=sa.text("shift_id IS NOT NULL"),
        )

    with op.batch_alter_table("payment_allocation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("outstanding_before_fen", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch_op.create_index("ix_payment_allocation_bill_id", ["bill_id"], unique=False)

    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expected_cash_fen", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("counted_cash_fen", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("difference_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("close_summary", sa.JSON(), nullable=True))
        batch_op.create_index(
            "ix_shift_one_open",
            ["operator_id", "device_id"],
            unique=True,
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_shift_one_open",
            sqlite_where=sa.text("closed_at IS NULL"),
            postgresql_where=sa.text("closed_at IS NULL"),
        )
        batch_op.drop_column("close_summary")
        batch_op.drop_column("difference_reason")
        batch_op.drop_column("counted_cash_fen")
        batch_op.drop_column("expected_cash_fen")

    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_shift_id")
        batch_op.drop_constraint(batch_op.f("fk_payment_approval_id_approval"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_payment_request_id"), type_="unique")
        batch_op.drop_column("note")
        batch_op.drop_column("approval_id")
        batch_op.drop_column("prepaid_after_fen")
        batch_op.drop_column("owed_after_fen")
        batch_op.drop_column("owed_before_fen")
        batch_op.drop_column("tendered_fen")
        batch_op.drop_column("to_prepaid_fen")
        batch_op.drop_column("request_id")

    with op.batch_alter_table("payment_allocation", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_allocation_bill_id")
        batch_op.drop_column("outstanding_before_fen")

    op.drop_table("reconnection_request")
    with op.batch_alter_table("arrears_notice", schema=None) as batch_op:
        batch_op.drop_index("ix_arrears_notice_account")

    op.drop_table("arrears_notice")
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_index("ix_approval_status")

    op.drop_table("approval")
