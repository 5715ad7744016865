"""SYNC_DESIGN §4.14 C, with the failpoints of §4.14 A: a crash in the middle of a batch, a lost
answer, a client dying before it records the ack, and the server killed during a backlog.
After each, the PC pushes again and the server holds every payment exactly once."""

import os
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import func, select

from hallapp import failpoints
from hallapp.central.schema import AppliedOp
from hallapp.domain.errors import SyncUnavailable
from hallapp.failpoints import FailpointHit
from hallapp.sync.push import Pusher
from tests.server.test_central_process import CentralProcess
from tests.server.test_sync_end_to_end import (  # noqa: F401 - fixtures
    central_payments,
    central_url,
    client,
    local_receipts,
    new_code,
    pc,
    pg_url,
    sessions,
    take_payments,
)


@pytest.fixture(autouse=True)
def no_failpoints() -> Iterator[None]:
    failpoints.activate("")
    yield
    failpoints.activate("")


def applied_ops(sessions) -> int:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(AppliedOp)) or 0


def test_a_crash_in_the_middle_of_a_batch_commits_nothing(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 4)
    pusher = Pusher(core.db, client, core.device.device_id, token)
    failpoints.activate("server.mid_batch=raise@3")
    with pytest.raises(SyncUnavailable):  # the server answers 500: transient for the client
        pusher.push_once()
    assert central_payments(sessions) == [] and applied_ops(sessions) == 0
    failpoints.activate("")
    assert pusher.push_all().pending == 0
    assert central_payments(sessions) == local_receipts(core)


def test_a_lost_answer_after_the_commit_is_replayed(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 3)
    pusher = Pusher(core.db, client, core.device.device_id, token)
    failpoints.activate("server.after_commit_before_response=raise")
    with pytest.raises(SyncUnavailable):
        pusher.push_once()
    committed = applied_ops(sessions)
    assert committed > 0 and central_payments(sessions) == local_receipts(core)
    failpoints.activate("")
    outcome = pusher.push_all()
    assert outcome.pending == 0 and applied_ops(sessions) == committed  # duplicates only
    assert central_payments(sessions) == local_receipts(core)


def test_a_client_dying_before_it_records_the_ack(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 3)
    pusher = Pusher(core.db, client, core.device.device_id, token)
    failpoints.activate("client.after_response_before_ack_commit=raise")
    with pytest.raises(FailpointHit):
        pusher.push_once()
    assert pusher.pending() > 0  # nothing marked acked here
    failpoints.activate("")
    assert Pusher(core.db, client, core.device.device_id, token).push_all().pending == 0
    assert central_payments(sessions) == local_receipts(core)


@pytest.mark.slow
def test_the_server_killed_during_a_backlog_loses_and_doubles_nothing(
    pc, sessions, central_url, tmp_path
) -> None:
    """A real server process, killed (SIGKILL) inside its third batch's transaction, then restarted."""
    from hallapp.sync import push

    core, clerk, token, _ = pc
    take_payments(core, clerk, 30)  # with 2 ops per payment and batches of 10: several batches
    log = tmp_path / "central.log"
    dying = _server(central_url, log, "server.mid_batch=kill@25")
    try:
        pusher = Pusher(core.db, httpx.Client(base_url=dying.url, timeout=10), core.device.device_id, token)
        original = push.BATCH_SIZE
        push.BATCH_SIZE = 10
        try:
            with pytest.raises(SyncUnavailable):
                pusher.push_all()
            assert dying.proc.wait(20) != 0  # it died, as planned
            acked_before = applied_ops(sessions)
            assert 0 < acked_before < 25
            again = _server(central_url, log, "")
            try:
                pusher.client = httpx.Client(base_url=again.url, timeout=10)
                assert pusher.push_all().pending == 0
            finally:
                again.stop()
        finally:
            push.BATCH_SIZE = original
    finally:
        dying.stop()
    assert central_payments(sessions) == local_receipts(core)


def _server(url: str, log, failpoint_spec: str) -> CentralProcess:  # type: ignore[no-untyped-def]
    os.environ["HALLAPP_FAILPOINTS"] = failpoint_spec
    try:
        server = CentralProcess(url, log, workers=1)
        server.wait_ready()
    finally:
        os.environ.pop("HALLAPP_FAILPOINTS", None)
    return server
