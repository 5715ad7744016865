"""The push's bulk path for payments (``hallapp.central.push``, ``payments.record_payments``), real
PostgreSQL: the same batches pushed through the bulk path and one op at a time into two fresh
databases give the same results, payment rows, ledger rows and device head; a batch of payments
costs a handful of statements, and the device row is written once per batch."""

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, event, select

from hallapp.central import payments
from hallapp.central.bodies import PushBody
from hallapp.central.db import Sessions, make_engine, make_sessions, upgrade
from hallapp.central.enrolment import create_hall
from hallapp.central.push import push
from hallapp.central.schema import AppliedOp, Device, Payment
from tests.pg import PG_ADMIN_URL
from tests.server.test_central_support import HALL, Chain, add_accounts, pg_url  # noqa: F401 - fixture

pytestmark = pytest.mark.pg
DEVICE_ID = "5b0c6a4e-2f3d-4c1a-9e8b-7d6f5a4b3c2d"
ACCOUNT, OTHER, CLOSED, UNKNOWN = "3201000001", "3201000002", "3201999999", "9999999999"


@dataclass
class Central:
    """A migrated database with a hall, accounts and one device (the same ids in every copy)."""

    engine: Engine
    sessions: Sessions
    statements: list[str] = field(default_factory=list)

    def push(self, ops: list[dict[str, Any]], *, bulk: bool, batch_id: str) -> dict[str, Any]:
        body = {"device_id": DEVICE_ID, "batch_id": batch_id, "protocol_version": 1, "ops": ops}
        return push(self.sessions, PushBody.model_validate_json(json.dumps(body)), bulk=bulk)

    def payments(self) -> list[dict[str, Any]]:
        return self._rows(Payment, Payment.payment_id)

    def ledger(self) -> list[dict[str, Any]]:
        return self._rows(AppliedOp, AppliedOp.device_seq)

    def head(self) -> tuple[int, str]:
        with self.sessions() as s:
            device = s.get(Device, DEVICE_ID)
            assert device is not None and device.last_seen_at is not None
            return device.last_acked_seq, device.last_chain_hash

    def _rows(self, model: Any, order: Any) -> list[dict[str, Any]]:
        columns = [c for c in model.__table__.columns if c.name != "received_at"]  # the clock differs
        with self.sessions() as s:
            return [row._asdict() for row in s.execute(select(*columns).order_by(order))]


@contextmanager
def central(url: str) -> Iterator[Central]:
    upgrade(url)
    engine = make_engine(url)
    try:
        made = Central(engine, make_sessions(engine))
        create_hall(made.sessions, HALL, "城东供电营业厅")
        add_accounts(made.sessions, ACCOUNT, OTHER)
        add_accounts(made.sessions, CLOSED, status="closed")
        with made.sessions.begin() as s:
            s.add(Device(device_id=DEVICE_ID, hall_id=HALL, device_code="H000001", token_hash="0" * 64))
        event.listen(engine, "before_cursor_execute", lambda *args: made.statements.append(args[2]))
        yield made
    finally:
        engine.dispose()


@contextmanager
def another_database() -> Iterator[str]:
    name = f"hallapp_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pair(pg_url: str) -> Iterator[tuple[Central, Central]]:
    """(bulk, one op at a time): two fresh databases set up alike."""
    with another_database() as other_url, central(pg_url) as bulk, central(other_url) as one_by_one:
        yield bulk, one_by_one


def payload_of(op: dict[str, Any]) -> dict[str, Any]:
    return json.loads(op["payload"])


def mixed_batches() -> list[list[dict[str, Any]]]:
    """Three batches: payments; then every case a payment can be (the comment says what the per-op
    path makes of it) with other ops in between; then a replay of the end of that with more."""
    chain = Chain()
    earlier = [chain.payment(ACCOUNT, 1_000), chain.payment(OTHER, 2_000), chain.payment(ACCOUNT, 3_000)]
    first = payload_of(earlier[0])
    at = len(chain.ops)
    chain.op("audit.event", "audit_event", "e1", {"event_id": "e1"})  # stored only
    paid = chain.payment(ACCOUNT, 12_345)  # applied
    chain.payment(UNKNOWN, 100)  # suspense: account_unknown
    chain.payment(CLOSED, 200)  # suspense: account_closed
    chain.payment(OTHER, 300, payment_id=payload_of(paid)["payment_id"])  # payment_exists (this batch)
    chain.payment(OTHER, 400, payment_id=first["payment_id"])  # payment_exists (an earlier batch)
    chain.payment(OTHER, 500, receipt_no=payload_of(paid)["receipt_no"])  # receipt_no_taken (this batch)
    chain.payment(OTHER, 600, receipt_no=payload_of(earlier[1])["receipt_no"])  # receipt_no_taken (earlier)
    reused = str(uuid.uuid4())  # rejected for its receipt, then its id is free for a later payment
    chain.payment(OTHER, 700, payment_id=reused, receipt_no=first["receipt_no"])  # receipt_no_taken
    chain.op("knowledge.add", "knowledge", "k1", {"knowledge_id": "k1"})  # stored only
    chain.payment(ACCOUNT, 800, payment_id=reused)  # applied
    reversal = chain.reversal(paid)  # applied, on the original's account
    chain.payment(OTHER, 900)  # applied
    chain.reversal(earlier[2])  # applied (an earlier batch's payment)
    chain.reversal(paid)  # already_reversed
    chain.reversal(chain.payment(UNKNOWN, 1))  # suspense, then original_in_suspense
    chain.reversal(Chain().payment(ACCOUNT, 50))  # suspense: original_unknown
    chain.reversal(reversal)  # reversal_of_reversal
    chain.payment(ACCOUNT, 0)  # invalid_payload: amount_fen
    chain.op("payment.record", "payment", "p", {"payment_id": "p"})  # invalid_payload: receipt_no
    chain.payment(ACCOUNT, 1_100)["operator_id"] = None  # invalid_payload: operator_id (not hashed)
    chain.payment(ACCOUNT, 1_200, v=2)  # stored only: no handler for version 2
    chain.payment(ACCOUNT, -50, reverses_payment_id=first["payment_id"])  # applied: a record may carry it
    chain.payment(ACCOUNT, -60, reverses_payment_id=first["payment_id"])  # already_reversed (unique key)
    chain.reversal(earlier[0])  # already_reversed (found by the handler)
    chain.op("complaint.file", "complaint", "c1", {"complaint_id": "c1"})  # stored only: unknown type
    chain.payment(OTHER, 1_300)  # applied
    chain.op(
        "shift.close",
        "shift",
        chain.shift_id,
        {
            "shift_id": chain.shift_id,
            "business_date": "2026-11-23",
            "payment_count": 10,
            "reversal_count": 5,
            "net_total_fen": 0,
            "by_method": {},
            "last_device_seq": len(chain.ops),
            "chain_head": chain.head,
        },
    )  # reads the payments and the device's head as they are at this op
    middle = chain.ops[at:]
    more = [chain.payment(ACCOUNT, 1_400), chain.payment(ACCOUNT, 1_500, receipt_no=first["receipt_no"])]
    return [earlier, middle, middle[-3:] + more]


def test_the_bulk_path_gives_what_one_op_at_a_time_gives(pair) -> None:
    bulk, one_by_one = pair
    answers: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for n, ops in enumerate(mixed_batches()):
        for made, is_bulk in ((bulk, True), (one_by_one, False)):
            answers[is_bulk].append(made.push(ops, bulk=is_bulk, batch_id=f"b{n}"))
    assert answers[True] == answers[False]
    middle = answers[True][1]["results"]
    statuses = [(r["status"], r.get("reason"), r.get("stored_only")) for r in middle]
    assert statuses == [
        ("applied", None, True),
        ("applied", None, None),
        ("suspense", "account_unknown", None),
        ("suspense", "account_closed", None),
        ("rejected", "payment_exists", None),
        ("rejected", "payment_exists", None),
        ("rejected", "receipt_no_taken", None),
        ("rejected", "receipt_no_taken", None),
        ("rejected", "receipt_no_taken", None),
        ("applied", None, True),
        ("applied", None, None),
        ("applied", None, None),
        ("applied", None, None),
        ("applied", None, None),
        ("rejected", "already_reversed", None),
        ("suspense", "account_unknown", None),
        ("suspense", "original_in_suspense", None),
        ("suspense", "original_unknown", None),
        ("rejected", "reversal_of_reversal", None),
        ("rejected", "invalid_payload", None),
        ("rejected", "invalid_payload", None),
        ("rejected", "invalid_payload", None),
        ("applied", None, True),
        ("applied", None, None),
        ("rejected", "already_reversed", None),
        ("rejected", "already_reversed", None),
        ("applied", None, True),
        ("applied", None, None),
        ("applied", None, None),
    ]
    reconciliation = middle[-1]["reconciliation"]
    assert not [p for p in reconciliation["problems"] if p["check"] == "chain_head"]  # the head it read
    assert reconciliation["server"]["payment_count"] == 10  # it sees the rows of the bulk insert
    last = [r["status"] for r in answers[True][2]["results"]]
    assert last == ["duplicate"] * 3 + ["applied", "rejected"]
    assert bulk.payments() == one_by_one.payments()
    assert len(bulk.payments()) == 16
    assert bulk.ledger() == one_by_one.ledger()
    assert [row["device_seq"] for row in bulk.ledger()] == list(range(1, 35))
    assert bulk.head() == one_by_one.head()
    assert bulk.head()[0] == 34
    inserts = [sql for sql in bulk.statements if sql.startswith("INSERT INTO payment")]
    assert len(inserts) < len([sql for sql in one_by_one.statements if sql.startswith("INSERT INTO payment")])


def test_a_key_taken_after_the_look_is_caught_by_on_conflict(pair, monkeypatch) -> None:
    """Another device's payment committed between the look at the taken keys and the insert: the
    insert skips the row and the op takes the per-op path after all (here the look sees nothing)."""
    bulk, one_by_one = pair
    chain = Chain()
    earlier = [chain.payment(ACCOUNT, 1_000), chain.payment(OTHER, 2_000)]
    first = payload_of(earlier[0])
    paid = chain.payment(ACCOUNT, 3_000)
    chain.payment(OTHER, 4_000, payment_id=first["payment_id"])
    chain.payment(OTHER, 5_000, receipt_no=payload_of(earlier[1])["receipt_no"])
    chain.payment(OTHER, 6_000, payment_id=payload_of(paid)["payment_id"])
    chain.payment(CLOSED, 7_000)
    batches = [earlier, chain.ops[2:]]
    for n, ops in enumerate(batches):
        one_by_one.push(ops, bulk=False, batch_id=f"b{n}")
    monkeypatch.setattr(payments._TakenKeys, "read", classmethod(lambda cls, s, p: cls()))
    answers = [bulk.push(ops, bulk=True, batch_id=f"b{n}") for n, ops in enumerate(batches)]
    assert [r.get("reason") for r in answers[1]["results"]] == [
        None,
        "payment_exists",
        "receipt_no_taken",
        "payment_exists",
        "account_closed",
    ]
    assert bulk.payments() == one_by_one.payments()
    assert bulk.ledger() == one_by_one.ledger()


def test_a_batch_of_payments_writes_the_device_row_once(pair) -> None:
    chain = Chain()
    for n in range(200):
        chain.payment((ACCOUNT, OTHER, CLOSED, UNKNOWN)[n % 4], 100 + n)
    for made, bulk in zip(pair, (True, False), strict=True):
        made.statements.clear()
        answer = made.push(chain.ops, bulk=bulk, batch_id="b")
        assert answer["ack_up_to"] == 200
        assert {r["status"] for r in answer["results"]} == {"applied", "suspense"}
        assert len([sql for sql in made.statements if sql.startswith("UPDATE device")]) == 1
        assert made.head() == (200, chain.head)
    bulk_sql, one_by_one_sql = (made.statements for made in pair)
    assert len(bulk_sql) <= 12, bulk_sql
    assert not [sql for sql in bulk_sql if sql.startswith("SAVEPOINT")]
    assert len([sql for sql in bulk_sql if sql.startswith("INSERT INTO payment")]) == 1
    assert len([sql for sql in bulk_sql if sql.startswith("INSERT INTO applied_op")]) == 1
    assert len([sql for sql in one_by_one_sql if sql.startswith("SAVEPOINT")]) == 200
    assert pair[0].payments() == pair[1].payments()
    assert pair[0].ledger() == pair[1].ledger()


def test_a_close_whose_head_is_earlier_in_the_same_batch_reconciles(pair) -> None:
    """The head after an op of the same batch is known before its ledger row is written."""
    chain = Chain()
    chain.payment(ACCOUNT, 100)
    declared_head, declared_seq = chain.head, len(chain.ops)
    chain.op("audit.event", "audit_event", "e1", {"event_id": "e1"})  # stored only, after the cut
    close = {
        "shift_id": chain.shift_id,
        "business_date": "2026-11-23",
        "payment_count": 1,
        "reversal_count": 0,
        "net_total_fen": 100,
        "by_method": {"cash": {"count": 1, "sum_fen": 100}},
        "last_device_seq": declared_seq,
        "chain_head": declared_head,
    }
    chain.op("shift.close", "shift", chain.shift_id, close)
    for made, bulk in zip(pair, (True, False), strict=True):
        result = made.push(chain.ops, bulk=bulk, batch_id="b")["results"][-1]
        assert result["reconciliation"]["status"] == "ok", result
