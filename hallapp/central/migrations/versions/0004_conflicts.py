"""conflicts: contact-field merge bookkeeping, field history, conflict notices, applications

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
EMPTY = sa.text("'{}'::jsonb")


def upgrade() -> None:
    op.add_column(
        "customer", sa.Column("field_meta", postgresql.JSONB(), server_default=EMPTY, nullable=False)
    )
    op.add_column("customer", sa.Column("imported", postgresql.JSONB(), server_default=EMPTY, nullable=False))
    op.add_column("account", sa.Column("imported", postgresql.JSONB(), server_default=EMPTY, nullable=False))
    op.create_table(
        "customer_field_history",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("customer_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("old_source", postgresql.JSONB(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("base_version", sa.BigInteger(), nullable=False),
        sa.Column("new_version", sa.BigInteger(), nullable=False),
        sa.Column("overwrote_concurrent", sa.Boolean(), nullable=False),
        sa.Column("changed_at", TS, server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_customer_field_history"),
    )
    op.create_index("ix_customer_field_history_customer_id", "customer_field_history", ["customer_id", "id"])
    op.create_table(
        "conflict_notice",
        sa.Column("notice_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("customer_id", sa.String(36), nullable=True),
        sa.Column("account_no", sa.String(40), nullable=True),
        sa.Column("field", sa.String(32), nullable=True),
        sa.Column("reason", sa.String(40), nullable=True),
        sa.Column("lost_value", sa.Text(), nullable=True),
        sa.Column("won_value", sa.Text(), nullable=True),
        sa.Column("lost_op_id", sa.String(64), nullable=True),
        sa.Column("won_op_id", sa.String(64), nullable=True),
        sa.Column("won_hall_id", sa.String(16), nullable=True),
        sa.Column("application_no", sa.String(24), nullable=True),
        sa.Column("blocking_application_no", sa.String(24), nullable=True),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('contact_overwritten', 'application_review')", name="ck_conflict_notice_kind"
        ),
        sa.PrimaryKeyConstraint("notice_id", name="pk_conflict_notice"),
    )
    op.create_index("ix_conflict_notice_hall_id", "conflict_notice", ["hall_id", "created_at"])
    op.create_table(
        "application",
        sa.Column("application_id", sa.String(36), nullable=False),
        sa.Column("application_no", sa.String(24), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("account_no", sa.String(40), nullable=True),
        sa.Column("applicant_name", sa.String(80), nullable=False),
        sa.Column("applicant_id_no", sa.String(32), nullable=True),
        sa.Column("review", sa.String(16), server_default="none", nullable=False),
        sa.Column("review_reason", sa.String(40), nullable=True),
        sa.Column("blocking_application_no", sa.String(24), nullable=True),
        sa.Column("form", postgresql.JSONB(), nullable=False),
        sa.Column("master_applied", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("submitted_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("review IN ('none', 'needs_review', 'resolved')", name="ck_application_review"),
        sa.PrimaryKeyConstraint("application_id", name="pk_application"),
        sa.UniqueConstraint("application_no", name="uq_application_application_no"),
    )
    op.create_index(
        "ix_application_open_account",
        "application",
        ["account_no"],
        postgresql_where=sa.text("review = 'none' AND stage NOT IN ('archived', 'cancelled')"),
    )


def downgrade() -> None:
    op.drop_table("application")
    op.drop_table("conflict_notice")
    op.drop_table("customer_field_history")
    op.drop_column("account", "imported")
    op.drop_column("customer", "imported")
    op.drop_column("customer", "field_meta")
