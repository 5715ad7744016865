"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=True),
        sa.Column("staff_no", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=120), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("event_id", name=op.f("uq_audit_event_event_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_at", ["at"], unique=False)

    op.create_table(
        "business_type",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("letter", sa.String(length=1), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_business_type")),
        sa.UniqueConstraint("letter", name=op.f("uq_business_type_letter")),
    )
    op.create_table(
        "customer",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("id_type", sa.String(length=16), nullable=True),
        sa.Column("id_number", sa.String(length=32), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=80), nullable=True),
        sa.Column("mail_address", sa.String(length=160), nullable=True),
        sa.Column("contact_verified_on", sa.Date(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer")),
    )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index("ix_customer_name", ["name"], unique=False)
        batch_op.create_index("ix_customer_phone", ["phone"], unique=False)

    op.create_table(
        "device_identity",
        sa.Column("singleton", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("device_code", sa.String(length=16), nullable=False),
        sa.Column("key_ref", sa.String(length=120), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("server_epoch", sa.String(length=64), nullable=True),
        sa.CheckConstraint("singleton = 1", name=op.f("ck_device_identity_singleton")),
        sa.PrimaryKeyConstraint("singleton", name=op.f("pk_device_identity")),
    )
    op.create_table(
        "hall",
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", name=op.f("pk_hall")),
        sa.UniqueConstraint("code", name=op.f("uq_hall_code")),
    )
    op.create_table(
        "holiday",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.CheckConstraint("kind IN ('holiday','workday')", name=op.f("ck_holiday_kind")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday")),
    )
    op.create_table(
        "number_series",
        sa.Column("series", sa.String(length=40), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("next_value", sa.BigInteger(), nullable=False),
        sa.Column("server_high_water", sa.BigInteger(), nullable=False),
        sa.Column("block_end", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_number_series")),
    )
    op.create_table(
        "outbox",
        sa.Column("device_seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("local_tx_id", sa.String(length=36), nullable=False),
        sa.Column("op_type", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("operator_id", sa.String(length=36), nullable=True),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.Column("device_time", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("server_result", sa.Text(), nullable=True),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'applied', 'duplicate', 'rejected', 'conflict', 'suspense')",
            name=op.f("ck_outbox_status"),
        ),
        sa.PrimaryKeyConstraint("device_seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_op_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_status_seq", ["status", "device_seq"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "account",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("account_no", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("address", sa.String(length=160), nullable=False),
        sa.Column("tariff", sa.String(length=24), nullable=False),
        sa.Column("voltage", sa.String(length=8), nullable=False),
        sa.Column("supply_relation", sa.String(length=16), nullable=False),
        sa.Column("load_class", sa.String(length=1), nullable=False),
        sa.Column("key_customer", sa.Boolean(), nullable=False),
        sa.Column("vulnerable", sa.Boolean(), nullable=False),
        sa.Column("credit_rating", sa.String(length=1), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("prepaid_fen", sa.BigInteger(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('active','suspended','closed')", name=op.f("ck_account_status")),
        sa.CheckConstraint("prepaid_fen >= 0", name=op.f("ck_account_prepaid_not_negative")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.customer_id"], name=op.f("fk_account_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_account_hall_id_hall")),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_account")),
        sa.UniqueConstraint("account_no", name=op.f("uq_account_account_no")),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index("ix_account_customer_id", ["customer_id"], unique=False)

    op.create_table(
        "operator",
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("staff_no", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('guide','clerk','supervisor','admin')", name=op.f("ck_operator_role")),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_operator_hall_id_hall")),
        sa.PrimaryKeyConstraint("operator_id", name=op.f("pk_operator")),
        sa.UniqueConstraint("staff_no", name=op.f("uq_operator_staff_no")),
    )
    op.create_table(
        "service_window",
        sa.Column("window_id", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("business_types", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_service_window_hall_id_hall")),
        sa.PrimaryKeyConstraint("window_id", name=op.f("pk_service_window")),
        sa.UniqueConstraint("hall_id", "number", name=op.f("uq_service_window_hall_id_number")),
    )
    op.create_table(
        "ticket",
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("business_type", sa.String(length=24), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("display_no", sa.String(length=12), nullable=False),
        sa.Column("issuing_device_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("priority_reason", sa.String(length=16), nullable=True),
        sa.Column("account_no", sa.String(length=20), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("first_contact_staff_no", sa.String(length=20), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["business_type"], ["business_type.code"], name=op.f("fk_ticket_business_type_business_type")
        ),
        sa.ForeignKeyConstraint(["hall_id"], ["hall.hall_id"], name=op.f("fk_ticket_hall_id_hall")),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_ticket")),
        sa.UniqueConstraint(
            "hall_id",
            "business_date",
            "business_type",
            "number",
            "issuing_device_id",
            name=op.f("uq_ticket_hall_id_business_date_business_type_number_issuing_device_id"),
        ),
    )
    op.create_table(
        "application",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("application_no", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("applicant_name", sa.String(length=80), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.account_id"], name=op.f("fk_application_account_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.operator_id"], name=op.f("fk_application_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_application")),
        sa.UniqueConstraint("application_no", name=op.f("uq_application_application_no")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index("ix_application_account_id", ["account_id"], unique=False)

    op.create_table(
        "bill",
        sa.Column("bill_id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.String(length=6), nullable=False),
        sa.Column("kwh", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_fen >= 0", name=op.f("ck_bill_amount_not_negative")),
        sa.CheckConstraint(
            "paid_fen >= 0 AND paid_fen <= amount_fen", name=op.f("ck_bill_paid_within_amount")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.account_id"], name=op.f("fk_bill_account_id_account")
        ),
        sa.PrimaryKeyConstraint("bill_id", name=op.f("pk_bill")),
    )
    with op.batch_alter_table("bill", schema=None) as batch_op:
        batch_op.create_index("ix_bill_account_period", ["account_id", "period"], unique=True)

    op.create_table(
        "shift",
        sa.Column("shift_id", sa.String(length=36), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.operator_id"], name=op.f("fk_shift_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("shift_id", name=op.f("pk_shift")),
    )
    op.create_table(
        "ticket_event",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("window_no", sa.Integer(), nullable=True),
        sa.Column("staff_no", sa.String(length=20), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.ticket_id"], name=op.f("fk_ticket_event_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_ticket_event")),
        sa.UniqueConstraint("ticket_id", "seq", name=op.f("uq_ticket_event_ticket_id_seq")),
    )
    op.create_table(
        "application_event",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.application_id"],
            name=op.f("fk_application_event_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.operator_id"], name=op.f("fk_application_event_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_application_event")),
    )
    op.create_table(
        "payment",
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("penalty_fen", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(length=12), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=False),
        sa.Column("reverses_payment_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "method IN ('cash','card','wechat','alipay','prepaid')", name=op.f("ck_payment_method")
        ),
        sa.CheckConstraint("amount_fen <> 0", name=op.f("ck_payment_amount_not_zero")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.account_id"], name=op.f("fk_payment_account_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.operator_id"], name=op.f("fk_payment_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_payment_id"],
            ["payment.payment_id"],
            name=op.f("fk_payment_reverses_payment_id_payment"),
        ),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.shift_id"], name=op.f("fk_payment_shift_id_shift")),
        sa.PrimaryKeyConstraint("payment_id", name=op.f("pk_payment")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_payment_receipt_no")),
        sa.UniqueConstraint("reverses_payment_id", name=op.f("uq_payment_reverses_payment_id")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index("ix_payment_account_paid_at", ["account_id", "paid_at"], unique=False)
        batch_op.create_index("ix_payment_business_date", ["business_date"], unique=False)

    op.create_table(
        "payment_allocation",
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("bill_id", sa.String(length=36), nullable=False),
        sa.Column("principal_fen", sa.BigInteger(), nullable=False),
        sa.Column("penalty_fen", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bill_id"], ["bill.bill_id"], name=op.f("fk_payment_allocation_bill_id_bill")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.payment_id"], name=op.f("fk_payment_allocation_payment_id_payment")
        ),
        sa.PrimaryKeyConstraint("payment_id", "bill_id", name=op.f("pk_payment_allocation")),
    )
    op.create_table(
        "receipt_print",
        sa.Column("print_id", sa.String(length=36), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("is_reprint", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.operator_id"], name=op.f("fk_receipt_print_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.payment_id"], name=op.f("fk_receipt_print_payment_id_payment")
        ),
        sa.PrimaryKeyConstraint("print_id", name=op.f("pk_receipt_print")),
    )

    # Address search: an FTS5 trigram index over account.address (substring match, CJK-friendly).
    # External content keyed on account's rowid: never VACUUM without 'rebuild' (hallapp db vacuum),
    # and update accounts with UPSERT, never INSERT OR REPLACE (REPLACE skips the delete trigger).
    op.execute(
        "CREATE VIRTUAL TABLE account_fts USING fts5("
        "address, content='account', content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER account_fts_ai AFTER INSERT ON account BEGIN "
        "INSERT INTO account_fts(rowid, address) VALUES (new.rowid, new.address); END"
    )
    op.execute(
        "CREATE TRIGGER account_fts_ad AFTER DELETE ON account BEGIN "
        "INSERT INTO account_fts(account_fts, rowid, address) VALUES ('delete', old.rowid, old.address); END"
    )
    op.execute(
        "CREATE TRIGGER account_fts_au AFTER UPDATE OF address ON account BEGIN "
        "INSERT INTO account_fts(account_fts, rowid, address) VALUES ('delete', old.rowid, old.address); "
        "INSERT INTO account_fts(rowid, address) VALUES (new.rowid, new.address); END"
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS account_fts")
    op.drop_table("receipt_print")
    op.drop_table("payment_allocation")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_business_date")
        batch_op.drop_index("ix_payment_account_paid_at")

    op.drop_table("payment")
    op.drop_table("application_event")
    op.drop_table("ticket_event")
    op.drop_table("shift")
    with op.batch_alter_table("bill", schema=None) as batch_op:
        batch_op.drop_index("ix_bill_account_period")

    op.drop_table("bill")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index("ix_application_account_id")

    op.drop_table("application")
    op.drop_table("ticket")
    op.drop_table("service_window")
    op.drop_table("operator")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index("ix_account_customer_id")

    op.drop_table("account")
    op.drop_table("sync_state")
    op.drop_table("setting")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_status_seq")

    op.drop_table("outbox")
    op.drop_table("number_series")
    op.drop_table("holiday")
    op.drop_table("hall")
    op.drop_table("device_identity")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_phone")
        batch_op.drop_index("ix_customer_name")

    op.drop_table("customer")
    op.drop_table("business_type")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_at")

    op.drop_table("audit_event")
