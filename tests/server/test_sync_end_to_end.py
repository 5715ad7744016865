"""A PC and the central server for real: a fresh PC enrols with a code, takes payments, and its
outbox reaches PostgreSQL exactly once, through lost answers and a restore from an old backup."""

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hallapp.central.schema import AppliedOp, Payment
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD, seed_reference  # noqa: F401 - demo operators exist
from hallapp.domain.errors import SyncStopped
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.enrol import enrol
from hallapp.sync.push import Pusher
from tests.core.accounts_for_tests import make_account, pay
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    central_url,
    client,
    new_code,
    pg_url,
    sessions,
)

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def pc(tmp_path: Path, client, sessions):  # type: ignore[no-untyped-def]
    """A freshly set-up PC, enrolled with the central server: (core, clerk, token, path)."""
    path = tmp_path / "pc.sqlite"
    clock = FakeClock(START)
    build_demo_database(path, 0, clock=clock)
    core = HallCore.open(path, clock=clock)
    tokens: dict[str, str] = {}
    enrol(
        core.db,
        client,
        new_code(sessions),
        hostname="pc-1",
        client_version="0.4.0",
        keep_token=tokens.__setitem__,
    )
    core.close()
    core = HallCore.open(path, clock=clock)  # the new identity is read at open
    yield core, core.auth.login("C001", DEMO_PASSWORD), tokens[core.device.device_id], path
    core.close()


def take_payments(core, clerk, n: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        pay(core, clerk, make_account(core, [("202610", 5000, date(2026, 11, 12))]), 5000)


def central_payments(sessions) -> list[str]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return sorted(s.scalars(select(Payment.receipt_no)))


def local_receipts(core) -> list[str]:  # type: ignore[no-untyped-def]
    from hallapp.db.models import Payment as LocalPayment

    with core.db.read() as s:
        return sorted(s.scalars(select(LocalPayment.receipt_no)))


def test_every_payment_reaches_the_server_once(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 5)
    outcome = Pusher(core.db, client, core.device.device_id, token).push_all()
    assert outcome.pending == 0
    assert central_payments(sessions) == local_receipts(core)
    assert all(r.startswith(core.device.device_code + "-") for r in local_receipts(core))
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(AppliedOp)) == outcome.acked_up_to


def test_lost_answers_never_double_a_payment(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 3)
    pusher = Pusher(core.db, client, core.device.device_id, token)
    pusher.push_all()
    from sqlalchemy import update

    from hallapp.db.models import Outbox

    with core.db.write() as s:  # as if every answer had been lost: all rows still pending here
        s.execute(update(Outbox).values(status="pending", acked_at=None))
    take_payments(core, clerk, 2)
    outcome = pusher.push_all()
    assert outcome.pending == 0 and outcome.statuses.get("applied", 0) >= 2
    assert central_payments(sessions) == local_receipts(core)


def test_a_pc_restored_from_an_old_backup_stops_before_sending(pc, client, sessions, tmp_path) -> None:
    core, clerk, token, path = pc
    take_payments(core, clerk, 1)
    Pusher(core.db, client, core.device.device_id, token).push_all()
    backup = tmp_path / "backup.sqlite"
    source, target = sqlite3.connect(path), sqlite3.connect(backup)
    with target:
        source.backup(target)  # the online backup the operations guide prescribes
    source.close()
    target.close()
    take_payments(core, clerk, 2)
    Pusher(core.db, client, core.device.device_id, token).push_all()
    core.close()
    shutil.copy(backup, path)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    old = HallCore.open(path, clock=FakeClock(START))
    try:
        with pytest.raises(SyncStopped) as caught:
            Pusher(old.db, client, old.device.device_id, token).push_once()
        assert caught.value.params["reason"] == "restored_backup"
    finally:
        old.close()
    assert len(central_payments(sessions)) == 3


def test_the_enrol_command_and_the_worker_the_app_starts(tmp_path, client, sessions, monkeypatch) -> None:
    """`hallapp enrol` on a fresh PC, then HallCore.sync_worker pushes with the kept token."""
    import httpx

    from hallapp.cli import main

    path = tmp_path / "pc.sqlite"
    build_demo_database(path, 0, clock=FakeClock(START))
    kept: dict[str, str] = {}
    monkeypatch.setattr("hallapp.sync.device_token.store_token", kept.__setitem__)
    real_client = httpx.Client

    def to_test_app(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        return client  # the command's HTTP goes to the app under test

    monkeypatch.setattr(httpx, "Client", to_test_app)
    assert (
        main(["enrol", "--db", str(path), "--server", "http://central.test", "--code", new_code(sessions)])
        == 0
    )
    monkeypatch.setattr(httpx, "Client", real_client)
    core = HallCore.open(path, clock=FakeClock(START))
    try:
        assert core.central_url() == str(client.base_url).rstrip("/")  # where it enrolled
        monkeypatch.setenv("HALLAPP_DEVICE_TOKEN", kept[core.device.device_id])
        take_payments(core, core.auth.login("C001", DEMO_PASSWORD), 2)
        worker = core.sync_worker(lambda _status: None)
        assert worker is not None
        worker.pusher.client = worker.puller.client = client
        assert worker.run_once() == 15.0 and worker.status.pending == 0
        assert central_payments(sessions) == local_receipts(core)
    finally:
        core.close()


def test_a_closed_shift_is_reconciled_on_the_server(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 3)
    core.shifts.close(clerk, {}, "测试：现金已交")
    pusher = Pusher(core.db, client, core.device.device_id, token)
    pusher.push_all()
    report = pusher.reconcile(START.date())
    assert report["status"] == "ok" and report["payment_count"] == 3
    assert [s["status"] for s in report["shifts"]] == ["ok"]
    assert report["shifts"][0]["server"]["payment_count"] == 3


def test_a_payment_missing_on_the_server_shows_as_lost(pc, client, sessions) -> None:
    core, clerk, token, _ = pc
    take_payments(core, clerk, 3)
    pusher = Pusher(core.db, client, core.device.device_id, token)
    pusher.push_all()
    with sessions.begin() as s:  # as if the server had lost a committed payment
        s.delete(s.scalars(select(Payment)).first())
    core.shifts.close(clerk, {}, "测试：现金已交")
    pusher.push_all()
    report = pusher.reconcile(START.date())
    assert report["status"] == "mismatch"
    problems = {p["check"]: p for p in report["shifts"][0]["problems"]}
    assert problems["payment_count"]["kind"] == "lost"
    assert problems["payment_count"]["declared"] == 3 and problems["payment_count"]["server"] == 2


def test_an_enrolled_pc_pulls_its_halls_accounts_from_the_billing_export(pc, client, sessions) -> None:
    """CSV import on the server, pull on the PC: the accounts are found and paid like local ones."""
    from hallapp.central.master_import import import_accounts, import_bills
    from hallapp.sync.pull import Puller

    data = Path(__file__).resolve().parent.parent / "data" / "central"
    import_accounts(sessions, data / "accounts_sample.csv")
    import_bills(sessions, data / "bills_sample.csv")
    core, clerk, token, _ = pc
    outcome = Puller(core.db, client, token).pull_all()
    assert outcome.applied > 0 and outcome.pages >= 1
    hits = core.accounts.search(clerk, "3200000101")
    assert [h.account_no for h in hits] == ["3200000101"]
    due = core.payments.due(clerk, hits[0].account_id)
    again = Puller(core.db, client, token).pull_all()
    assert again.applied == 0  # nothing new: the cursor is where the last pull left it
    assert due.lines[0].period == "202610" and due.principal_fen == 5491 - 2745  # the export's half-paid bill
    pay(core, clerk, hits[0].account_id, due.total_fen)
    assert Pusher(core.db, client, core.device.device_id, token).push_all().pending == 0
    with sessions() as s:
        held = s.scalars(select(Payment).where(Payment.account_no == "3200000101")).all()
    assert [p.posting_status for p in held] == ["posted"]  # known to the server: not suspense
