"""hall facts: what the halls did, for the supervisor's report (tickets, queue log, shifts,
complaints, consultations, windows, applications) and an index on the stored reprint audit ops

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

TS = sa.DateTime(timezone=True)
REPRINT_OPS = "op_type = 'audit.event' AND payload LIKE '%\"action\":\"receipt.reprint\"%'"


def _hall_day_index(table: str) -> None:
    op.create_index(op.f(f"ix_{table}_hall_day"), table, ["hall_id", "business_date"])


def upgrade() -> None:
    op.create_table(
        "hall_ticket_event",
        sa.Column("ticket_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("business_type", sa.String(24), nullable=False),
        sa.Column("display_no", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("window_no", sa.Integer(), nullable=True),
        sa.Column("staff_no", sa.String(20), nullable=True),
        sa.Column("rating", sa.SmallInteger(), nullable=True),
        sa.Column("rating_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("ticket_id", "seq", name=op.f("pk_hall_ticket_event")),
    )
    _hall_day_index("hall_ticket_event")
    op.create_table(
        "hall_queue_log",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("window_no", sa.Integer(), nullable=True),
        sa.Column("operator_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_hall_queue_log")),
    )
    _hall_day_index("hall_queue_log")
    op.create_table(
        "hall_shift",
        sa.Column("shift_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("operator_id", sa.String(64), nullable=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("opened_at", TS, nullable=True),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("expected_cash_fen", sa.BigInteger(), nullable=True),
        sa.Column("counted_cash_fen", sa.BigInteger(), nullable=True),
        sa.Column("difference_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("shift_id", name=op.f("pk_hall_shift")),
    )
    _hall_day_index("hall_shift")
    op.create_table(
        "hall_complaint",
        sa.Column("complaint_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("complaint_no", sa.String(24), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("operator_id", sa.String(64), nullable=False),
        sa.Column("cause", sa.String(24), nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("complaint_id", name=op.f("pk_hall_complaint")),
    )
    _hall_day_index("hall_complaint")
    op.create_table(
        "hall_consultation",
        sa.Column("consultation_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("consultation_no", sa.String(24), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("operator_id", sa.String(64), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("consultation_id", name=op.f("pk_hall_consultation")),
    )
    _hall_day_index("hall_consultation")
    op.create_table(
        "hall_window",
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", "number", name=op.f("pk_hall_window")),
    )
    op.create_table(
        "hall_application",
        sa.Column("application_id", sa.String(36), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("application_no", sa.String(24), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=False),
        sa.Column("accepted_by", sa.String(64), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("completed_by", sa.String(64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_hall_application")),
    )
    op.create_index(op.f("ix_hall_application_hall_id"), "hall_application", ["hall_id"])
    op.create_index(
        op.f("ix_applied_op_reprint"),
        "applied_op",
        ["device_id", "device_time"],
        postgresql_where=sa.text(REPRINT_OPS),
    )
    op.create_index(op.f("ix_payment_device_id_business_date"), "payment", ["device_id", "business_date"])


def downgrade() -> None:
    op.drop_index(op.f("ix_payment_device_id_business_date"), table_name="payment")
    op.drop_index(op.f("ix_applied_op_reprint"), table_name="applied_op")
    for table in (
        "hall_application",
        "hall_window",
        "hall_consultation",
        "hall_complaint",
        "hall_shift",
        "hall_queue_log",
        "hall_ticket_event",
    ):
        op.drop_table(table)
