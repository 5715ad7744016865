"""sync notices: the central server's conflict notices to this hall

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_notice",
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("account_no", sa.String(length=40), nullable=True),
        sa.Column("field", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("lost_value", sa.Text(), nullable=True),
        sa.Column("won_value", sa.Text(), nullable=True),
        sa.Column("won_hall_id", sa.String(length=16), nullable=True),
        sa.Column("application_no", sa.String(length=24), nullable=True),
        sa.Column("blocking_application_no", sa.String(length=24), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("read_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("notice_id", name=op.f("pk_sync_notice")),
    )
    op.create_index("ix_sync_notice_read_at", "sync_notice", ["read_at", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_sync_notice_read_at", table_name="sync_notice")
    op.drop_table("sync_notice")
