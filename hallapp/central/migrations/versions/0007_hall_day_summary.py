"""hall-day summaries: each closed hall-day's figures kept (``domain.kpi_summary``), and the days
whose records changed, marked by triggers on every fact table

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Appended, never updated, so no push waits on another's mark; a summary deletes the marks it saw
# (``day_summaries.keep``), and a mark it could not see stays.
MARK = """
INSERT INTO hall_day_dirty (hall_id, business_date)
SELECT DISTINCT hall_id, business_date FROM ({days}) AS changed
"""
DAYS = {
    "hall_day_days": "SELECT hall_id, business_date FROM {rows}",
    "payment_days": "SELECT d.hall_id, r.business_date FROM {rows} r JOIN device d USING (device_id)",
    "reprint_days": (
        "SELECT d.hall_id, (r.device_time AT TIME ZONE 'Asia/Shanghai')::date AS business_date "
        "FROM {rows} r JOIN device d USING (device_id) "
        "WHERE r.op_type = 'audit.event' AND r.payload LIKE '%\"action\":\"receipt.reprint\"%'"
    ),
}
# An application counts on the days it was accepted, fell due and was closed, and is overdue on
# every day after its due date until it closes: a change marks those days of the old and the new
# row where anything the figures read differs (``overdue_on`` below).
OVERDUE_ON = """
CREATE FUNCTION hall_application_overdue_on(due date, accepted date, closed date, day date)
RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT due IS NOT NULL AND due < day AND accepted <= day AND (closed IS NULL OR closed > day) $$
"""
APPLICATION_DAYS = """
SELECT n.hall_id, d AS business_date
FROM new_rows n LEFT JOIN {old} o USING (application_id),
     LATERAL (VALUES (n.accepted_on), (n.due_on), (n.closed_on),
                     (o.accepted_on), (o.due_on), (o.closed_on)) AS v(d)
WHERE d IS NOT NULL AND (o.application_id IS NULL
    OR (o.status = 'archived') IS DISTINCT FROM (n.status = 'archived')
    OR o.accepted_on IS DISTINCT FROM n.accepted_on OR o.due_on IS DISTINCT FROM n.due_on
    OR o.closed_on IS DISTINCT FROM n.closed_on)
UNION
SELECT n.hall_id, day::date
FROM new_rows n LEFT JOIN {old} o USING (application_id),
     generate_series(LEAST(n.accepted_on, n.due_on, o.accepted_on, o.due_on),
                     GREATEST((now() AT TIME ZONE 'Asia/Shanghai')::date, n.closed_on, o.closed_on),
                     interval '1 day') AS day
WHERE hall_application_overdue_on(n.due_on, n.accepted_on, n.closed_on, day::date)
    IS DISTINCT FROM (o.application_id IS NOT NULL
                      AND hall_application_overdue_on(o.due_on, o.accepted_on, o.closed_on, day::date))
"""
NO_OLD = "(SELECT * FROM new_rows WHERE false)"

# (table, function, events with their transition tables)
TRIGGERS = (
    *(
        (table, "hall_day_days", ("INSERT", "UPDATE"))
        for table in (
            "hall_ticket_event",
            "hall_queue_log",
            "hall_shift",
            "hall_complaint",
            "hall_consultation",
        )
    ),
    ("payment", "payment_days", ("INSERT",)),
    ("applied_op", "reprint_days", ("INSERT",)),
)


def _function(name: str, body: str) -> None:
    op.execute(
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body}; RETURN NULL; END $$"
    )


def upgrade() -> None:
    op.create_table(
        "hall_day_summary",
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("rules", postgresql.JSONB(), nullable=False),
        sa.Column("summary", postgresql.JSONB(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", "business_date", name=op.f("pk_hall_day_summary")),
    )
    op.create_table(
        "hall_day_dirty",
        sa.Column("mark_id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("hall_id", sa.String(16), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("mark_id", name=op.f("pk_hall_day_dirty")),
    )
    op.create_index(op.f("ix_hall_day_dirty_hall_day"), "hall_day_dirty", ["hall_id", "business_date"])
    for name, days in DAYS.items():
        _function(f"mark_{name}", MARK.format(days=days.format(rows="new_rows")))
    op.execute(OVERDUE_ON)
    _function("mark_application_inserted_days", MARK.format(days=APPLICATION_DAYS.format(old=NO_OLD)))
    _function("mark_application_updated_days", MARK.format(days=APPLICATION_DAYS.format(old="old_rows")))
    for table, function, events in TRIGGERS:
        for event in events:
            old = " OLD TABLE AS old_rows" if event == "UPDATE" else ""
            op.execute(
                f"CREATE TRIGGER {table}_{event.lower()}_marks_day AFTER {event} ON {table} "
                f"REFERENCING NEW TABLE AS new_rows{old} FOR EACH STATEMENT EXECUTE FUNCTION mark_{function}()"
            )
    op.execute(
        "CREATE TRIGGER hall_application_insert_marks_day AFTER INSERT ON hall_application "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_application_inserted_days()"
    )
    op.execute(
        "CREATE TRIGGER hall_application_update_marks_day AFTER UPDATE ON hall_application "
        "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION mark_application_updated_days()"
    )


def downgrade() -> None:
    for table, _, events in TRIGGERS:
        for event in events:
            op.execute(f"DROP TRIGGER {table}_{event.lower()}_marks_day ON {table}")
    for event in ("insert", "update"):
        op.execute(f"DROP TRIGGER hall_application_{event}_marks_day ON hall_application")
    for name in (*DAYS, "application_inserted_days", "application_updated_days"):
        op.execute(f"DROP FUNCTION mark_{name}()")
    op.execute("DROP FUNCTION hall_application_overdue_on(date, date, date, date)")
    op.drop_index(op.f("ix_hall_day_dirty_hall_day"), table_name="hall_day_dirty")
    op.drop_table("hall_day_dirty")
    op.drop_table("hall_day_summary")
