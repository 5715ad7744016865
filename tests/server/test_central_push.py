"""The push of a device's outbox ops to the central server (docs/sync_protocol.md), real PostgreSQL:
applied once, replayed as duplicates, refused as a whole on a gap, a broken chain or a bad hash,
quarantined on a diverged history, and serialised when one device pushes twice at once."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from hallapp.central.app import create_app
from hallapp.central.schema import AppliedOp, Payment
from hallapp.domain.canonical import sha256_hex
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    Chain,
    TestClient,
    add_accounts,
    batch,
    central_url,
    client,
    counts,
    device_row,
    enrol,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
PUSH = "/v1/sync/push"
ACCOUNT = "3201000001"


@pytest.fixture
def device(client, sessions):  # type: ignore[no-untyped-def]
    add_accounts(sessions, ACCOUNT, "3201000002")
    add_accounts(sessions, "3201999999", status="closed")
    return enrol(client, sessions)


def push(client, device, ops, batch_id=None):  # type: ignore[no-untyped-def]
    return client.post(PUSH, json=batch(device, ops, batch_id), headers=device.headers)


def payments(sessions) -> dict[str, Payment]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return {p.payment_id: p for p in s.scalars(select(Payment))}


def realistic_chain() -> Chain:
    chain = Chain()
    chain.op("audit.event", "audit_event", "e1", {"event_id": "e1", "action": "login"})
    chain.payment(ACCOUNT, 12_345)
    chain.payment("3201000002", 5_000)
    chain.op("knowledge.add", "knowledge", "k1", {"knowledge_id": "k1", "title": "电价"})
    return chain


def test_a_chain_of_ops_is_applied_in_order(client, sessions, device) -> None:
    chain = realistic_chain()
    response = push(client, device, chain.ops)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ack_up_to"] == 4
    assert [(r["device_seq"], r["op_id"], r["status"]) for r in body["results"]] == [
        (op["device_seq"], op["op_id"], "applied") for op in chain.ops
    ]
    assert body["results"][0]["stored_only"] is True
    stored = payments(sessions)
    paid = json.loads(chain.ops[1]["payload"])
    first = stored[paid["payment_id"]]
    assert (first.receipt_no, first.account_no, first.amount_fen) == (paid["receipt_no"], ACCOUNT, 12_345)
    assert (first.device_id, first.device_seq, first.posting_status) == (device.device_id, 2, "posted")
    assert (first.operator_id, first.shift_id) == (chain.operator_id, chain.shift_id)
    row = device_row(sessions, device.device_id)
    assert (row.last_acked_seq, row.last_chain_hash) == (4, chain.head)
    assert row.last_seen_at is not None
    with sessions() as s:
        kept = s.get(AppliedOp, (device.device_id, 4))
        assert kept is not None and kept.payload == chain.ops[3]["payload"]  # stored-only ops are kept whole


def test_the_same_batch_again_is_duplicates_with_the_original_results(client, sessions, device) -> None:
    chain = realistic_chain()
    first = push(client, device, chain.ops, "b1").json()
    again = push(client, device, chain.ops, "b1").json()
    assert again["ack_up_to"] == 4
    for before, after in zip(first["results"], again["results"], strict=True):
        assert after["status"] == "duplicate"
        assert (after["device_seq"], after["op_id"]) == (before["device_seq"], before["op_id"])
        original = {k: v for k, v in before.items() if k not in ("device_seq", "op_id")}
        assert after["original"] == original
    assert counts(sessions) == (2, 4)


def test_a_lost_response_is_resent_with_more_ops(client, sessions, device) -> None:
    chain = realistic_chain()
    push(client, device, chain.ops[:3])  # the answer never reached the PC
    chain.payment(ACCOUNT, 700)
    statuses = [r["status"] for r in push(client, device, chain.ops).json()["results"]]
    assert statuses == ["duplicate"] * 3 + ["applied", "applied"]
    assert counts(sessions) == (3, 5)


def test_a_replay_with_another_payload_quarantines_the_device(client, sessions, device) -> None:
    chain = realistic_chain()
    push(client, device, chain.ops)
    forged = Chain()
    forged.op("shift.open", "shift", "s", {"shift_id": "s"})
    forged.payment(ACCOUNT, 99_999)
    forged.ops[0] = chain.ops[0]  # seq 1 as stored, seq 2 different
    forged.ops[1]["prev_hash"] = chain.ops[1]["prev_hash"]
    refused = push(client, device, forged.ops)
    assert (refused.status_code, refused.json()) == (409, {"error": "history_diverged", "at_seq": 2})
    assert device_row(sessions, device.device_id).status == "quarantined"
    assert counts(sessions) == (2, 4)
    chain.payment(ACCOUNT, 1)
    later = push(client, device, chain.ops[4:])
    assert (later.status_code, later.json()["error"]) == (403, "device_revoked")
    meta = client.get("/v1/sync/meta", headers=device.headers).json()  # it may still read where it stands
    assert (meta["device_status"], meta["last_acked_seq"]) == ("quarantined", 4)


def test_an_op_sent_again_under_a_new_seq_is_history_diverged(client, sessions, device) -> None:
    chain = realistic_chain()
    push(client, device, chain.ops[:2])
    copy = {**chain.ops[0], "device_seq": 3, "prev_hash": chain.ops[2]["prev_hash"]}
    refused = push(client, device, [copy])
    assert (refused.status_code, refused.json()) == (409, {"error": "history_diverged", "at_seq": 3})
    assert device_row(sessions, device.device_id).status == "quarantined"


def test_a_gap_is_refused_with_the_expected_seq(client, sessions, device) -> None:
    chain = realistic_chain()
    push(client, device, chain.ops[:2])
    refused = push(client, device, chain.ops[3:])
    assert (refused.status_code, refused.json()) == (409, {"error": "seq_gap", "expected_seq": 3})
    mixed = push(client, device, [chain.ops[0], chain.ops[3]])  # a duplicate then a gap: nothing at all
    assert (mixed.status_code, mixed.json()["expected_seq"]) == (409, 3)
    assert counts(sessions) == (1, 2)
    assert push(client, device, chain.ops[2:]).status_code == 200


def test_a_broken_chain_is_refused(client, sessions, device) -> None:
    chain = realistic_chain()
    push(client, device, chain.ops[:2])
    chain.ops[2]["prev_hash"] = "f" * 64
    refused = push(client, device, chain.ops[2:])
    assert (refused.status_code, refused.json()) == (409, {"error": "chain_broken", "at_seq": 3})
    assert counts(sessions) == (1, 2)
    assert device_row(sessions, device.device_id).status == "active"


def test_a_payload_that_does_not_match_its_hash_is_400(client, sessions, device) -> None:
    chain = realistic_chain()
    chain.ops[2]["payload"] = chain.ops[2]["payload"].replace("5000", "50000")
    refused = push(client, device, chain.ops)
    assert refused.status_code == 400
    assert refused.json()["error"] == "malformed" and refused.json()["at_seq"] == 3
    assert counts(sessions) == (0, 0)  # the ops before it are not applied either


def test_more_than_500_ops_is_413(client, sessions, device) -> None:
    chain = Chain()
    for n in range(501):
        chain.op("ticket.event", "ticket", f"t{n}", {"n": n})
    refused = push(client, device, chain.ops)
    assert (refused.status_code, refused.json()["error"], refused.json()["limit"]) == (
        413,
        "batch_too_large",
        500,
    )
    assert push(client, device, chain.ops[:500]).json()["ack_up_to"] == 500
    huge = client.post(PUSH, content=b"x" * (5 * 1024 * 1024 + 1), headers=device.headers)
    assert (huge.status_code, huge.json()["error"]) == (413, "batch_too_large")


def test_malformed_bodies_are_400_and_store_nothing(client, sessions, device) -> None:
    op = realistic_chain().ops[1]
    good = batch(device, [op])
    bad = [
        {**good, "extra": True},
        {**good, "ops": [{**op, "device_seq": "1"}]},
        {**good, "ops": [{**op, "device_seq": 0}]},
        {**good, "ops": [{**op, "amount": 1}]},
        {**good, "ops": [{k: v for k, v in op.items() if k != "prev_hash"}]},
        {**good, "ops": [{**op, "payload_hash": "ABC"}]},
        {**good, "ops": [{**op, "device_time": "2026-11-23T02:00:00"}]},  # no time zone
        {**good, "ops": [{**op, "op_type": "x" * 41}]},
        {**good, "ops": [op, op]},
        {**good, "ops": {"0": op}},
        {k: v for k, v in good.items() if k != "batch_id"},
    ]
    for body in bad:
        refused = client.post(PUSH, json=body, headers=device.headers)
        assert (refused.status_code, refused.json()) == (400, {"error": "malformed"}), body
    for raw in (b"{not json", b"", b"[]", '{"device_id": "\u00e9"'.encode("latin-1")):
        assert client.post(PUSH, content=raw, headers=device.headers).status_code == 400
    not_json = realistic_chain()
    not_json.ops.clear()
    not_json.op("x.y", "x", "1", {})
    not_json.ops[0]["payload"] = "[1]"
    not_json.ops[0]["payload_hash"] = sha256_hex("[1]")
    assert push(client, device, not_json.ops).json() == {
        "error": "malformed",
        "at_seq": 1,
        "reason": "payload_json",
    }
    other = {**good, "device_id": "00000000-0000-0000-0000-000000000000"}
    assert client.post(PUSH, json=other, headers=device.headers).json() == {"error": "device_mismatch"}
    assert counts(sessions) == (0, 0)
    assert device_row(sessions, device.device_id).last_acked_seq == 0


def test_unknown_or_closed_accounts_go_to_suspense(client, sessions, device) -> None:
    chain = Chain()
    chain.payment("9999999999", 100)
    chain.payment("3201999999", 200)
    results = push(client, device, chain.ops).json()["results"]
    assert [(r["status"], r["reason"]) for r in results] == [
        ("suspense", "account_unknown"),
        ("suspense", "account_closed"),
    ]
    assert {p.posting_status for p in payments(sessions).values()} == {"suspense"}


def test_a_payment_is_reversed_once(client, sessions, device) -> None:
    chain = Chain()
    original = chain.payment(ACCOUNT, 12_345)
    chain.reversal(original)
    chain.reversal(original)
    results = push(client, device, chain.ops).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["reason"] == "already_reversed"
    stored = payments(sessions)
    reversal = stored[results[1]["payment_id"]]
    assert (reversal.amount_fen, reversal.account_no) == (-12_345, ACCOUNT)  # the account of the original
    assert reversal.reverses_payment_id == json.loads(original["payload"])["payment_id"]
    assert len(stored) == 2 and device_row(sessions, device.device_id).last_acked_seq == 3


def test_a_reversal_before_its_payment_waits_in_suspense(client, sessions, device) -> None:
    elsewhere = Chain()
    chain = Chain()
    chain.reversal(elsewhere.payment(ACCOUNT, 500))
    result = push(client, device, chain.ops).json()["results"][0]
    assert (result["status"], result["reason"]) == ("suspense", "original_unknown")


def test_unknown_op_types_and_bad_payment_payloads_are_kept(client, sessions, device) -> None:
    chain = Chain()
    chain.op("later.kind", "later", "l1", {"note": "a type no server version handles yet"})
    chain.payment(ACCOUNT, 0)
    chain.op("payment.record", "payment", "p", {"payment_id": "p"})
    results = push(client, device, chain.ops).json()["results"]
    assert results[0] == {
        "device_seq": 1,
        "op_id": chain.ops[0]["op_id"],
        "status": "applied",
        "stored_only": True,
    }
    assert [(r["status"], r.get("reason")) for r in results[1:]] == [("rejected", "invalid_payload")] * 2
    assert counts(sessions) == (0, 3)


def test_two_pushes_of_one_device_at_once_apply_each_op_once(client, sessions, device) -> None:
    chain = Chain()
    for n in range(60):
        chain.payment(ACCOUNT if n % 3 else "9999999999", 100 + n)
    start = threading.Barrier(2)
    seen: list[list[str]] = []

    def pusher(step: int) -> None:
        start.wait()
        for end in range(step, len(chain.ops) + step, step):
            response = push(client, device, chain.ops[:end])  # growing prefixes overlap the other's
            assert response.status_code == 200, response.text
            seen.append([r["status"] for r in response.json()["results"]])

    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(pusher, 7), pool.submit(pusher, 11)]:
            future.result()
    assert counts(sessions) == (60, 60)
    assert sum(statuses.count("applied") + statuses.count("suspense") for statuses in seen) == 60
    row = device_row(sessions, device.device_id)
    assert (row.last_acked_seq, row.last_chain_hash) == (60, chain.head)


def test_a_database_that_does_not_answer_is_503() -> None:
    app = create_app("postgresql://postgres@127.0.0.1:1/nowhere")  # nothing listens on port 1
    with TestClient(app, raise_server_exceptions=False) as down:
        health = down.get("/health")
        assert (health.status_code, health.json()) == (503, {"status": "error", "db": "unavailable"})
        meta = down.get("/v1/sync/meta", headers={"Authorization": "Bearer x"})
        assert (meta.status_code, meta.json(), meta.headers["retry-after"]) == (
            503,
            {"error": "db_unavailable"},
            "5",
        )
        assert down.get("/nothing").json() == {"error": "not_found"}
