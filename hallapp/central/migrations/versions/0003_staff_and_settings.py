"""staff and settings owned by the server: operators with their offline-login verifier, settings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "operator",
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("staff_no", sa.String(20), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("verifier_expires_at", TS, nullable=False),
        sa.Column("password_changed_at", TS, nullable=False),
        sa.Column("deactivated_at", TS, nullable=True),
        sa.Column("version", sa.BigInteger(), server_default="1", nullable=False),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "role IN ('guide', 'clerk', 'supervisor', 'admin')", name=op.f("ck_operator_role")
        ),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_operator_hall_id_hall")),
        sa.PrimaryKeyConstraint("operator_id", name=op.f("pk_operator")),
        sa.UniqueConstraint("staff_no", name=op.f("uq_operator_staff_no")),
    )
    op.create_index("ix_operator_hall_id", "operator", ["hall_id"])
    op.create_table(
        "setting",
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", postgresql.JSONB(none_as_null=True), nullable=True),
        sa.Column("version", sa.BigInteger(), server_default="1", nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=True),
        sa.CheckConstraint("scope = 'global' OR scope LIKE 'hall:%'", name=op.f("ck_setting_scope")),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_setting")),
    )


def downgrade() -> None:
    op.drop_table("setting")
    op.drop_index("ix_operator_hall_id", table_name="operator")
    op.drop_table("operator")
