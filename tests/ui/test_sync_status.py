"""The status bar shows the central sync: online with the last upload, offline and retrying, and a
payment goes up on its own soon after it is taken."""

from datetime import date

import httpx

from hallapp.sync.push import Pusher
from hallapp.sync.worker import SyncWorker
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_sync_push import FakeCentral
from tests.ui.test_workspaces import open_workspace
from ui.ops import CoreOps


def test_the_status_bar_follows_the_sync_worker(qtbot, core, clerk, hall_qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    central = FakeCentral()
    central.fail_next = ["timeout"]

    def worker(on_status):  # type: ignore[no-untyped-def]
        client = httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(central))
        return SyncWorker(Pusher(core.db, client, core.device.device_id, "secret"), on_status)

    monkeypatch.setattr(core, "sync_worker", worker)
    ops = CoreOps(core)
    try:
        window = open_workspace(qtbot, ops, clerk)
        label = window.status_line.sync
        qtbot.waitUntil(lambda: "离线" in label.text(), timeout=5000)
        ops.sync.worker.wake()
        qtbot.waitUntil(lambda: "在线" in label.text(), timeout=10000)
        pay(core, clerk, make_account(core, [("202610", 5000, date(2026, 11, 12))]), 5000)
        before = len(central.applied)
        ops.sync.worker.wake()
        qtbot.waitUntil(lambda: len(central.applied) > before, timeout=5000)
        assert label.property("tone") == "ok"
        window.close()
    finally:
        ops.sync.stop()
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)


def test_a_wrong_clock_shows_in_the_status_bar(qtbot, core, clerk, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from hallapp.sync.worker import SyncState, SyncStatus

    ops = CoreOps(core)
    try:
        window = open_workspace(qtbot, ops, clerk)
        line = window.status_line
        now = datetime.now(UTC)
        line._show_sync(SyncStatus(SyncState.ONLINE, 0, now, clock_offset_s=-3600.0, clock_skewed=True))
        assert "60" in line.sync.text() and line.sync.property("tone") == "warn"
        line._show_sync(SyncStatus(SyncState.ONLINE, 0, now, clock_offset_s=-20.0, clock_skewed=False))
        assert "60" not in line.sync.text() and line.sync.property("tone") == "ok"
    finally:
        ops.sync.stop()
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)
