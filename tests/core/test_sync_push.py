"""The client's push loop against a scripted server (httpx.MockTransport): acks, lost answers,
gaps, refusals and the server being away. The real central server is in tests/server."""

import json
import random
import threading

import httpx
import pytest
from sqlalchemy import select

from hallapp.db.models import Outbox, SyncState
from hallapp.domain.canonical import GENESIS_HASH, chain_hash
from hallapp.sync.push import Pusher, SyncStopped, SyncUnavailable
from hallapp.sync.worker import SyncState as State
from hallapp.sync.worker import SyncWorker, backoff_seconds
from tests.core.accounts_for_tests import make_account, pay


class FakeCentral:
    """Just enough of docs/sync_protocol.md: sequence, chain, replay, and scripted failures."""

    def __init__(self) -> None:
        self.applied: dict[int, dict] = {}
        self.head = GENESIS_HASH
        self.fail_next: list[object] = []  # an int status, "drop" (applied, answer lost) or "timeout"
        self.fail_meta_next: list[object] = []  # the same for GET /v1/sync/meta
        self.requests = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        assert request.headers["Authorization"] == "Bearer secret"
        meta = request.url.path == "/v1/sync/meta"
        script = self.fail_meta_next if meta else self.fail_next
        mode = script.pop(0) if script else None
        if mode == "timeout":
            raise httpx.ConnectTimeout("no answer")
        if isinstance(mode, int):
            return httpx.Response(mode, json={"error": "scripted"})
        if meta:
            return httpx.Response(
                200, json={"last_acked_seq": len(self.applied), "last_chain_hash": self.head}
            )
        body = json.loads(request.content)
        results = []
        for op in body["ops"]:
            seq = op["device_seq"]
            if seq in self.applied:
                if self.applied[seq]["op_id"] != op["op_id"]:
                    return httpx.Response(409, json={"error": "history_diverged", "at_seq": seq})
                results.append(
                    {
                        "device_seq": seq,
                        "op_id": op["op_id"],
                        "status": "duplicate",
                        "original": self.applied[seq],
                    }
                )
                continue
            if seq != len(self.applied) + 1:
                return httpx.Response(409, json={"error": "seq_gap", "expected_seq": len(self.applied) + 1})
            assert op["prev_hash"] == self.head
            self.head = chain_hash(op["prev_hash"], op["op_id"], op["payload_hash"])
            self.applied[seq] = {"device_seq": seq, "op_id": op["op_id"], "status": "applied"}
            results.append(self.applied[seq])
        if mode == "drop":
            raise httpx.ReadTimeout("answer lost")
        return httpx.Response(200, json={"ack_up_to": len(self.applied), "results": results})


@pytest.fixture
def central():  # type: ignore[no-untyped-def]
    return FakeCentral()


def pusher(core, central) -> Pusher:  # type: ignore[no-untyped-def]
    client = httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(central))
    return Pusher(core.db, client, core.device.device_id, "secret")


def statuses(core) -> dict[int, str]:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return dict(s.execute(select(Outbox.device_seq, Outbox.status)).all())


def some_payments(core, clerk, n: int = 3) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    for _ in range(n):
        pay(core, clerk, make_account(core, [("202610", 5000, date(2026, 11, 12))]), 5000)


def test_everything_pending_is_pushed_in_order_and_acked(core, clerk, central) -> None:
    some_payments(core, clerk)
    outcome = pusher(core, central).push_all()
    assert outcome.pending == 0 and outcome.acked_up_to == len(central.applied) > 0
    assert set(statuses(core).values()) == {"applied"}
    with core.db.read() as s:
        assert s.get(SyncState, "last_acked_seq").value == str(len(central.applied))


def test_a_lost_answer_is_pushed_again_and_nothing_is_applied_twice(core, clerk, central) -> None:
    some_payments(core, clerk)
    central.fail_next = ["drop"]
    p = pusher(core, central)
    with pytest.raises(SyncUnavailable):
        p.push_once()
    assert set(statuses(core).values()) == {"pending"}  # no answer, no ack
    applied = dict(central.applied)
    outcome = p.push_all()
    assert central.applied == applied  # the server replayed, it did not apply again
    assert outcome.statuses == {"applied": len(applied)} and set(statuses(core).values()) == {"applied"}


def test_a_batch_never_splits_a_local_transaction(core, clerk, central, monkeypatch) -> None:
    from hallapp.sync import push

    some_payments(core, clerk, 2)
    with core.db.read() as s:
        rows = s.scalars(select(Outbox).order_by(Outbox.device_seq)).all()
        tx_of = {r.device_seq: r.local_tx_id for r in rows}
    monkeypatch.setattr(push, "BATCH_SIZE", 1)
    p = pusher(core, central)
    sent = []
    while p.pending():
        before = set(central.applied)
        p.push_once()
        sent.append(sorted(set(central.applied) - before))
    for batch in sent:  # every transaction's ops travel together
        txs = {tx_of[seq] for seq in batch}
        assert (
            all(tx_of[seq] in txs for seq in tx_of if tx_of[seq] in txs and seq not in batch) is False or True
        )
        assert all(seq in batch for seq in tx_of if tx_of[seq] in txs)


def test_the_server_being_away_keeps_everything_pending(core, clerk, central) -> None:
    some_payments(core, clerk, 1)
    for failure in ("timeout", 503, 502):
        central.fail_next = [failure]
        with pytest.raises(SyncUnavailable):
            pusher(core, central).push_once()
        assert set(statuses(core).values()) == {"pending"}


def test_a_gap_reported_by_the_server_is_repaired_from_retained_rows(core, clerk, central) -> None:
    some_payments(core, clerk, 2)
    pusher(core, central).push_all()
    keep = {seq: v for seq, v in central.applied.items() if seq <= 2}  # the server lost the rest
    central.applied, central.head = keep, _head_after(core, 2)
    some_payments(core, clerk, 1)
    outcome = pusher(core, central).push_all()
    assert outcome.pending == 0 and len(central.applied) == len(statuses(core))


def _head_after(core, seq: int) -> str:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        row = s.scalars(select(Outbox).where(Outbox.device_seq == seq)).one()
        return chain_hash(row.prev_hash, row.op_id, row.payload_hash)


def test_a_database_older_than_the_server_stops_pushing(core, clerk, central) -> None:
    some_payments(core, clerk, 1)
    count = len(statuses(core))
    central.applied = {n: {"op_id": "other", "status": "applied"} for n in range(1, count + 6)}  # saw more
    with pytest.raises(SyncStopped) as caught:
        pusher(core, central).push_once()
    assert caught.value.params["reason"] == "restored_backup"
    requests = central.requests
    with pytest.raises(SyncStopped):
        pusher(core, central).push_once()  # stays stopped without asking the server again
    assert central.requests == requests


@pytest.mark.parametrize("status", [401, 403, 409])
def test_refusals_stop_pushing_until_a_person_looks(core, clerk, central, status) -> None:
    some_payments(core, clerk, 1)
    central.fail_next = [status]
    with pytest.raises(SyncStopped):
        pusher(core, central).push_once()
    assert set(statuses(core).values()) == {"pending"}


def test_the_worker_reports_online_offline_and_backs_off(core, clerk, central) -> None:
    some_payments(core, clerk, 1)
    seen = []
    worker = SyncWorker(pusher(core, central), seen.append, rng=random.Random(1))
    central.fail_next = ["timeout", "timeout"]
    waits = [worker.run_once(), worker.run_once()]
    assert [s.state for s in seen] == [State.OFFLINE, State.OFFLINE] and seen[0].since == seen[1].since
    assert seen[1].pending > 0
    assert worker.run_once() == 15.0 and seen[-1].state is State.ONLINE and seen[-1].pending == 0
    assert seen[-1].last_success_at is not None and all(w <= 300 for w in waits)


def test_backoff_grows_and_is_capped() -> None:
    rng = random.Random(7)
    ceilings = [max(backoff_seconds(n, rng) for _ in range(200)) for n in (0, 3, 6, 30)]
    assert ceilings[0] <= 1.0 and ceilings[1] <= 8.0 and ceilings[2] <= 64.0 and ceilings[3] <= 300.0
    assert ceilings[3] > 200


def test_the_worker_thread_pushes_when_woken_and_stops(core, clerk, central) -> None:
    seen: list = []
    done = threading.Event()
    worker = SyncWorker(pusher(core, central), lambda s: (seen.append(s), done.set()))
    worker.start()
    assert done.wait(5)
    done.clear()
    some_payments(core, clerk, 1)
    worker.wake()
    assert done.wait(5)
    worker.stop()
    assert seen[-1].state is State.ONLINE and seen[-1].pending == 0


def test_with_nothing_to_send_online_still_means_the_server_answers(core, central) -> None:
    seen = []
    worker = SyncWorker(pusher(core, central), seen.append, rng=random.Random(3))
    with core.db.write() as s:  # nothing pending
        s.execute(__import__("sqlalchemy").update(Outbox).values(status="applied"))
    assert worker.run_once() == 15.0 and seen[-1].state is State.ONLINE
    central.fail_meta_next = ["timeout"]
    requests = central.requests
    worker.run_once()
    assert central.requests == requests + 1
    assert seen[-1].state is State.OFFLINE
