"""pulled operators and settings: the verifier's expiry, the server's layers of a setting

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verifier_expires_at", sa.DateTime(), nullable=True))
    op.create_table(
        "setting_synced",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("layer", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("layer IN ('global','hall')", name=op.f("ck_setting_synced_layer")),
        sa.PrimaryKeyConstraint("key", "layer", name=op.f("pk_setting_synced")),
    )


def downgrade() -> None:
    op.drop_table("setting_synced")
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_column("verifier_expires_at")
