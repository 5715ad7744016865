"""master data and the pull feed: customers, the account's billing columns, bills, change_log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hallapp.central.schema import XID8

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
# = hallapp.central.schema.MASTER_NAMESPACE: account ids derived from the number
MASTER_NAMESPACE = uuid.UUID("6f1b2c1e-5a3d-4c1f-9a57-2f0c3e8d7b41")


def upgrade() -> None:
    _customer()
    _account()
    _bill()
    _change_log()


def _customer() -> None:
    op.create_table(
        "customer",
        sa.Column("customer_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("id_type", sa.String(24), nullable=True),
        sa.Column("id_number", sa.String(32), nullable=True),
        sa.Column("credit_code", sa.String(18), nullable=True),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("email", sa.String(80), nullable=True),
        sa.Column("mail_address", sa.String(160), nullable=True),
        sa.Column("contact_verified_on", sa.Date(), nullable=True),
        sa.Column("version", sa.BigInteger(), server_default="1", nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("kind IN ('person', 'organisation')", name=op.f("ck_customer_kind")),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer")),
    )
    op.create_index("ix_customer_id_number", "customer", ["id_number"])


def _account() -> None:
    columns = [
        sa.Column("account_id", sa.String(36), nullable=True),
        sa.Column("customer_id", sa.String(36), nullable=True),
        sa.Column("region_id", sa.String(16), nullable=True),
        sa.Column("address", sa.String(160), nullable=True),
        sa.Column("tariff", sa.String(24), nullable=True),
        sa.Column("voltage", sa.String(8), nullable=True),
        sa.Column("supply_relation", sa.String(16), nullable=True),
        sa.Column("load_class", sa.String(1), nullable=True),
        sa.Column("key_customer", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("vulnerable", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("credit_rating", sa.String(1), server_default="A", nullable=False),
        sa.Column("prepaid_fen", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("version", sa.BigInteger(), server_default="1", nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
    ]
    for column in columns:
        op.add_column("account", column)
    conn = op.get_bind()
    numbers = conn.execute(sa.text("SELECT account_no FROM account")).scalars().all()
    if numbers:
        conn.execute(
            sa.text("UPDATE account SET account_id = :account_id WHERE account_no = :account_no"),
            [
                {"account_no": n, "account_id": str(uuid.uuid5(MASTER_NAMESPACE, f"account:{n}"))}
                for n in numbers
            ],
        )
    op.alter_column("account", "account_id", nullable=False)
    op.create_unique_constraint(op.f("uq_account_account_id"), "account", ["account_id"])
    op.create_foreign_key(
        op.f("fk_account_customer_id_customer"), "account", "customer", ["customer_id"], ["customer_id"]
    )
    op.drop_constraint(op.f("ck_account_status"), "account", type_="check")
    op.create_check_constraint(
        op.f("ck_account_status"), "account", "status IN ('active', 'suspended', 'closed')"
    )
    op.create_check_constraint(op.f("ck_account_prepaid_not_negative"), "account", "prepaid_fen >= 0")
    op.create_index("ix_account_customer_id", "account", ["customer_id"])
    op.create_index("ix_account_hall_id", "account", ["hall_id"])


def _bill() -> None:
    op.create_table(
        "bill",
        sa.Column("bill_id", sa.String(36), nullable=False),
        sa.Column("account_no", sa.String(40), nullable=False),
        sa.Column("period", sa.String(6), nullable=False),
        sa.Column("kwh", sa.BigInteger(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("version", sa.BigInteger(), server_default="1", nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("period ~ '^[0-9]{4}(0[1-9]|1[0-2])$'", name=op.f("ck_bill_period")),
        sa.CheckConstraint("kwh >= 0", name=op.f("ck_bill_kwh_not_negative")),
        sa.CheckConstraint("amount_fen >= 0", name=op.f("ck_bill_amount_not_negative")),
        sa.CheckConstraint(
            "paid_fen >= 0 AND paid_fen <= amount_fen", name=op.f("ck_bill_paid_within_amount")
        ),
        sa.ForeignKeyConstraint(
            ["account_no"], ["account.account_no"], name=op.f("fk_bill_account_no_account")
        ),
        sa.PrimaryKeyConstraint("bill_id", name=op.f("pk_bill")),
        sa.UniqueConstraint("account_no", "period", name=op.f("uq_bill_account_no_period")),
    )


def _change_log() -> None:
    """SYNC_DESIGN §4.4, as written there."""
    op.create_table(
        "change_log",
        sa.Column("xid", XID8(), server_default=sa.text("pg_current_xact_id()"), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("entity", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column("entity_version", sa.BigInteger(), nullable=False),
        sa.Column("op", sa.Text(), nullable=False),
        sa.Column("data", postgresql.JSONB(), nullable=True),
        sa.CheckConstraint("op IN ('upsert', 'delete')", name=op.f("ck_change_log_op")),
        sa.PrimaryKeyConstraint("xid", "id", name=op.f("pk_change_log")),
    )
    op.create_index("change_log_scope_cursor", "change_log", ["scope", "xid", "id"])


def downgrade() -> None:
    op.drop_table("change_log")
    op.drop_table("bill")
    op.drop_index("ix_account_hall_id", table_name="account")
    op.drop_index("ix_account_customer_id", table_name="account")
    op.drop_constraint(op.f("ck_account_prepaid_not_negative"), "account", type_="check")
    op.drop_constraint(op.f("ck_account_status"), "account", type_="check")
    op.execute("UPDATE account SET status = 'active' WHERE status = 'suspended'")
    op.create_check_constraint(op.f("ck_account_status"), "account", "status IN ('active', 'closed')")
    op.drop_constraint(op.f("fk_account_customer_id_customer"), "account", type_="foreignkey")
    op.drop_constraint(op.f("uq_account_account_id"), "account", type_="unique")
    for column in (
        "updated_at",
        "version",
        "opened_on",
        "prepaid_fen",
        "credit_rating",
        "vulnerable",
        "key_customer",
        "load_class",
        "supply_relation",
        "voltage",
        "tariff",
        "address",
        "region_id",
        "customer_id",
        "account_id",
    ):
        op.drop_column("account", column)
    op.drop_index("ix_customer_id_number", table_name="customer")
    op.drop_table("customer")
