"""approval kinds: an application held for a supervisor, withdrawn approvals, approvals by target

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"  # the lead re-chains it when 0007 lands
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = "status IN ('pending','approved','refused','used')"
NEW_STATUSES = "status IN ('pending','approved','refused','used','withdrawn')"


def upgrade() -> None:
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_approval_status"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_approval_status"), sa.text(NEW_STATUSES))
        batch_op.create_index("ix_approval_target", ["target_id"], unique=False)
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hold", sa.String(length=24), nullable=True))
        batch_op.create_index(
            "ix_application_held",
            ["hold"],
            unique=False,
            sqlite_where=sa.text("hold IS NOT NULL"),
            postgresql_where=sa.text("hold IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index("ix_application_held")
        batch_op.drop_column("hold")
    op.execute("UPDATE approval SET status = 'refused' WHERE status = 'withdrawn'")
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_index("ix_approval_target")
        batch_op.drop_constraint(batch_op.f("ck_approval_status"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_approval_status"), sa.text(OLD_STATUSES))
