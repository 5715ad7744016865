"""The models are portable to the central server's PostgreSQL (create_all, ORM round trip, constraints)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hallapp.db.models import Account, AuditEvent, Base, Bill, Customer, Hall, Operator, Outbox

pytestmark = pytest.mark.pg


@pytest.fixture
def pg_engine(pg_url: str):  # type: ignore[no-untyped-def]
    # tests/pg.py hands out a libpq URL; SQLAlchemy needs the psycopg (v3) dialect named.
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def _seed(s: Session) -> None:
    s.add(Hall(hall_id="h1", code="H0001", name="城东供电营业厅"))
    s.add(
        Customer(
            customer_id="c1", kind="person", name="王芳", phone="13800000000", id_number="11010519491231002X"
        )
    )
    s.flush()
    s.add(
        Account(
            account_id="a1",
            account_no="3200000001",
            customer_id="c1",
            hall_id="h1",
            address="示例市城东区建设路88号",
            tariff="resident",
            voltage="220V",
            supply_relation="direct",
            load_class="3",
            opened_on=date(2020, 1, 1),
        )
    )
    s.flush()
    s.add(
        Bill(
            bill_id="b1",
            account_id="a1",
            period="202610",
            kwh=100,
            amount_fen=10_000_000_000,  # beyond 32 bits: needs BIGINT
            issued_on=date(2026, 11, 5),
            due_date=date(2026, 11, 12),
        )
    )


def test_create_all_and_round_trip_one_account(pg_engine) -> None:  # type: ignore[no-untyped-def]
    assert set(inspect(pg_engine).get_table_names()) == set(Base.metadata.tables)
    with Session(pg_engine) as s, s.begin():
        _seed(s)
    with Session(pg_engine) as s:
        account, customer, bill = s.execute(
            select(Account, Customer, Bill)
            .join(Customer, Customer.customer_id == Account.customer_id)
            .join(Bill, Bill.account_id == Account.account_id)
        ).one()
        assert (account.account_no, account.address, account.status) == (
            "3200000001",
            "示例市城东区建设路88号",
            "active",
        )
        assert (account.prepaid_fen, account.key_customer, account.credit_rating) == (0, False, "A")
        assert (customer.name, customer.id_number) == ("王芳", "11010519491231002X")
        assert (bill.amount_fen, bill.paid_fen, bill.due_date) == (10_000_000_000, 0, date(2026, 11, 12))


def test_utc_datetimes_round_trip(pg_engine) -> None:  # type: ignore[no-untyped-def]
    locked_until = datetime(2026, 11, 20, 1, 40, 0, 123456, tzinfo=UTC)
    with Session(pg_engine) as s, s.begin():
        _seed(s)
        s.add(
            Operator(
                operator_id="o1",
                staff_no="C001",
                name="王芳",
                role="clerk",
                hall_id="h1",
                password_hash="x",
                locked_until=locked_until,
            )
        )
    with Session(pg_engine) as s:
        assert s.get(Operator, "o1").locked_until == locked_until


@pytest.mark.parametrize(
    "bad",
    [
        lambda: Bill(
            bill_id="b2",
            account_id="a1",
            period="202609",
            kwh=1,
            amount_fen=100,
            paid_fen=101,
            issued_on=date(2026, 10, 5),
            due_date=date(2026, 10, 12),
        ),
        lambda: Bill(
            bill_id="b2",
            account_id="nobody",
            period="202609",
            kwh=1,
            amount_fen=100,
            issued_on=date(2026, 10, 5),
            due_date=date(2026, 10, 12),
        ),
        lambda: Bill(
            bill_id="b2",
            account_id="a1",
            period="202610",
            kwh=1,
            amount_fen=100,
            issued_on=date(2026, 10, 5),
            due_date=date(2026, 10, 12),
        ),
    ],
    ids=["paid_over_amount", "unknown_account", "duplicate_period"],
)
def test_constraints_hold_on_postgres(pg_engine, bad) -> None:  # type: ignore[no-untyped-def]
    with Session(pg_engine) as s, s.begin():
        _seed(s)
    with pytest.raises(IntegrityError), Session(pg_engine) as s, s.begin():
        s.add(bad())


def test_sync_tables_and_their_checks(pg_engine) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)
    row = dict(
        local_tx_id="t",
        op_type="audit.event",
        entity="audit_event",
        entity_id="e",
        payload="{}",
        payload_hash="0" * 64,
        prev_hash="0" * 64,
        device_time=now,
    )
    with Session(pg_engine) as s, s.begin():
        s.add(Outbox(op_id="op1", **row))
        s.add(
            AuditEvent(
                event_id="e1",
                at=now,
                device_id="d",
                action="login",
                details="{}",
                prev_hash="0" * 64,
                hash="1" * 64,
            )
        )
    with Session(pg_engine) as s:
        assert s.scalars(select(Outbox.device_seq)).one() == 1
        assert s.scalars(select(Outbox.status)).one() == "pending"
        assert s.scalars(select(AuditEvent.seq)).one() == 1
    with pytest.raises(IntegrityError), Session(pg_engine) as s, s.begin():
        s.add(Outbox(op_id="op2", status="lost", **row))
