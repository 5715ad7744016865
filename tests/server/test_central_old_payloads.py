"""Old clients (SYNC_DESIGN §4.10, §4.14 C9): every op the PC has ever emitted is accepted by the
current server, whatever its payload version.

tests/data/ops/ holds one golden op per op type and payload version, made once by running the real
PC services (tools/make_golden_ops.py) and kept forever: a PC offline across a release still holds
such ops. Replayed here as one device's chain, in one batch: each is applied (by its handler or
stored only) or put in suspense, never refused; sent again, each is a duplicate with its first
result; and a payload version the server does not know yet is stored, not refused.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hallapp.central.schema import AppliedOp, Customer, Payment
from hallapp.central.schema_hall_facts import (
    ApplicationFactRow,
    ComplaintRow,
    ConsultationRow,
    QueueLogRow,
    ShiftRow,
    TicketEventRow,
    WindowRow,
)
from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash, sha256_hex
from hallapp.domain.ids import new_id
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    add_accounts,
    batch,
    central_url,
    client,
    enrol,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "ops"
PUSH = "/v1/sync/push"
GOLDEN_ACCOUNT = "9900000001"  # the account tools/make_golden_ops.py pays
# What the PC emitted when the golden files were made: a file may be added, never removed.
OP_TYPES = {
    "application.attach",
    "application.expedite",
    "application.rate",
    "application.stage",
    "application.submit",
    "approval.decide",
    "approval.request",
    "audit.event",
    "business_type.save",
    "complaint.close",
    "complaint.contact",
    "complaint.followup",
    "complaint.receive",
    "complaint.reply",
    "consultation.callback",
    "consultation.record",
    "customer.patch",
    "holiday.remove",
    "holiday.set",
    "knowledge.add",
    "knowledge.deactivate",
    "knowledge.edit",
    "notice.issue",
    "notice.outcome",
    "payment.record",
    "payment.reverse",
    "queue.log",
    "reconnection.request",
    "setting.set",
    "shift.close",
    "shift.open",
    "ticket.event",
    "window.save",
}
ACCEPTED = {"applied", "suspense"}
FACT_TYPES = {
    "ticket.event",
    "queue.log",
    "shift.open",
    "window.save",
    "complaint.receive",
    "complaint.contact",
    "complaint.reply",
    "complaint.followup",
    "complaint.close",
    "consultation.record",
    "consultation.callback",
}


def golden_ops() -> list[dict[str, Any]]:
    """The golden ops in the order the PC wrote them."""
    ops = [json.loads(path.read_text(encoding="utf-8"))["op"] for path in sorted(GOLDEN.glob("*.json"))]
    return sorted(ops, key=lambda op: op["device_seq"])


def as_one_chain(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ops numbered from 1 and hash-chained as one device's outbox; payloads untouched."""
    chained, head = [], GENESIS_HASH
    for seq, op in enumerate(ops, start=1):
        chained.append({**op, "device_seq": seq, "prev_hash": head})
        head = chain_hash(head, op["op_id"], op["payload_hash"])
    return chained


def with_version(op: dict[str, Any], version: int) -> dict[str, Any]:
    """The same op as a client of another payload version would write it (a new op)."""
    payload = canonical_json({**json.loads(op["payload"]), "v": version})
    return {**op, "op_id": new_id(), "payload": payload, "payload_hash": sha256_hex(payload)}


def add_patched_customers(sessions, ops: list[dict[str, Any]]) -> None:  # type: ignore[no-untyped-def]
    """The customers the golden contact edits are about, as the billing import made them."""
    with sessions.begin() as s:
        for op in ops:
            if op["op_type"] == "customer.patch":
                s.add(Customer(customer_id=op["entity_id"], kind="person", name="测试客户"))


def push(client, device, ops):  # type: ignore[no-untyped-def]
    return client.post(PUSH, json=batch(device, ops), headers=device.headers)


def test_the_golden_files_cover_every_op_type_and_say_what_they_hold() -> None:
    names = {}
    for path in GOLDEN.glob("*.json"):
        golden = json.loads(path.read_text(encoding="utf-8"))
        op = golden["op"]
        payload = json.loads(op["payload"])
        assert path.name == f"{op['op_type']}.v{payload['v']}.json"
        assert op["payload_hash"] == sha256_hex(op["payload"])  # exactly the bytes the PC sent
        assert golden["made_by"] == "tools/make_golden_ops.py"
        names[path.name] = op["op_type"]
    assert set(names.values()) >= OP_TYPES
    assert {f"{op_type}.v1.json" for op_type in OP_TYPES} <= set(names)


def test_every_golden_op_is_accepted_in_one_batch_and_replays_as_a_duplicate(client, sessions) -> None:  # type: ignore[no-untyped-def]
    add_accounts(sessions, GOLDEN_ACCOUNT)
    golden = golden_ops()
    add_patched_customers(sessions, golden)
    device = enrol(client, sessions)
    ops = as_one_chain(golden)
    first = push(client, device, ops)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["ack_up_to"] == len(ops)
    results = {r["op_id"]: r for r in body["results"]}
    by_type = {op["op_type"]: results[op["op_id"]] for op in ops}
    assert {t: r for t, r in by_type.items() if r["status"] not in ACCEPTED} == {}
    # The handled types really went through their handlers (not stored only).
    assert by_type["payment.record"]["status"] == "applied" and "stored_only" not in by_type["payment.record"]
    assert by_type["payment.reverse"]["status"] == "applied"
    # The report's facts (hallapp/central/hall_facts.py): applied by their handlers since migration 0006.
    for op_type in FACT_TYPES:
        assert (by_type[op_type]["status"], by_type[op_type].get("stored_only")) == ("applied", None), op_type
    assert (
        by_type["shift.close"]["reconciliation"]["shift_id"]
        == json.loads(next(op for op in ops if op["op_type"] == "shift.close")["payload"])["shift_id"]
    )
    with sessions() as s:
        stored = {row.op_id: row for row in s.scalars(select(AppliedOp))}
        assert {op["op_id"]: op["payload"] for op in ops} == {k: row.payload for k, row in stored.items()}
        assert s.scalar(select(Payment).where(Payment.account_no == GOLDEN_ACCOUNT).limit(1)) is not None
        for table in (TicketEventRow, QueueLogRow, ShiftRow, WindowRow, ComplaintRow, ConsultationRow):
            assert s.scalar(select(func.count()).select_from(table)) == 1, table.__tablename__
        shift = s.scalars(select(ShiftRow)).one()
        assert (shift.expected_cash_fen, shift.counted_cash_fen, shift.difference_reason) == (
            0,
            30000,
            "备用金未扣除",
        )
        assert shift.opened_at is not None and shift.hall_id == "H0001"
        application = s.scalars(select(ApplicationFactRow)).one()
        assert (application.status, application.due_on.isoformat()) == ("survey", "2026-11-27")

    again = push(client, device, ops)
    assert again.status_code == 200, again.text
    assert again.json()["ack_up_to"] == len(ops)
    for result in again.json()["results"]:
        original = {k: v for k, v in results[result["op_id"]].items() if k not in ("device_seq", "op_id")}
        assert (result["status"], result["original"]) == ("duplicate", original)


def test_an_unknown_payload_version_of_each_known_op_type_is_stored_not_refused(client, sessions) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    ops = as_one_chain([with_version(op, 99) for op in golden_ops()])
    response = push(client, device, ops)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [(r["op_id"], r["status"], r.get("stored_only")) for r in results] == [
        (op["op_id"], "applied", True) for op in ops
    ]
    with sessions() as s:
        assert s.scalar(select(Payment).limit(1)) is None  # a v99 payment waits for a handler that knows it
        kept = {row.op_id: row.payload for row in s.scalars(select(AppliedOp))}
    assert kept == {op["op_id"]: op["payload"] for op in ops}
    assert all(json.loads(payload)["v"] == 99 for payload in kept.values())
