"""queue: ticket window, transfer, rating reason, manual tickets; queue log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IDENTITY = ["hall_id", "business_date", "business_type", "number", "issuing_device_id"]
OLD_UNIQUE = "uq_ticket_hall_id_business_date_business_type_number_issuing_device_id"
NEW_UNIQUE = "uq_ticket_hall_id_business_date_business_type_number_issuing_device_id_manual"


def upgrade() -> None:
    op.create_table(
        "queue_log",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("window_no", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_no", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_queue_log_hall_id_hall")),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_queue_log")),
    )
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.add_column(sa.Column("queue_type", sa.String(length=24), nullable=True))
    op.execute("UPDATE ticket SET queue_type = business_type")
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.alter_column("queue_type", existing_type=sa.String(length=24), nullable=False)
        batch_op.drop_constraint(op.f(OLD_UNIQUE), type_="unique")
        batch_op.add_column(sa.Column("rating_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("window_no", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("called_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("target_window", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("manual", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("merged_at", sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(op.f(NEW_UNIQUE), [*IDENTITY, "manual"])
        batch_op.create_index(
            "ix_ticket_day_state",
            ["hall_id", "business_date", "state", "queue_type", "issued_at"],
            unique=False,
        )

    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.create_index("ix_ticket_event_window", ["window_no", "kind", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(NEW_UNIQUE), type_="unique")
        batch_op.create_unique_constraint(op.f(OLD_UNIQUE), IDENTITY)
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_event_window")
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_day_state")
        batch_op.drop_column("merged_at")
        batch_op.drop_column("manual")
        batch_op.drop_column("target_window")
        batch_op.drop_column("called_at")
        batch_op.drop_column("window_no")
        batch_op.drop_column("rating_reason")
        batch_op.drop_column("queue_type")

    op.drop_table("queue_log")
