"""The transactional outbox (SYNC_DESIGN §4.3) and the hash-chained audit trail."""

import hashlib
import itertools
import json
import shutil
import sqlite3
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.calendar import DayKind
from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash
from hallapp.domain.errors import LoginFailed
from hallapp.domain.records import BusinessType
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.outbox import link_hash
from tests.conftest import START
from tests.core.helpers import audit_rows, outbox_rows, payload


def _busy_day(core, clock) -> None:  # type: ignore[no-untyped-def]
    """One of every audited write the core has today."""
    admin = core.auth.login("A001", DEMO_PASSWORD)
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    with pytest.raises(LoginFailed):
        core.auth.login("C001", "wrong-password")
    with pytest.raises(LoginFailed):
        core.auth.login("NOBODY", DEMO_PASSWORD)
    clock.advance(minutes=1)
    core.settings.update(admin, {"queue.wait_target_minutes": 20, "hall.name": "城东营业厅"})
    core.settings.reset(admin, "queue.wait_target_minutes")
    core.reference.save_business_type(admin, BusinessType("repair", "R", "故障报修", 50, True))
    core.reference.set_holiday(admin, date(2026, 12, 31), DayKind.HOLIDAY, "跨年")
    core.reference.remove_holiday(admin, date(2026, 12, 31))
    core.auth.lock(clerk)
    core.auth.unlock(clerk, DEMO_PASSWORD)
    core.auth.logout(clerk)
    core.auth.logout(admin)


@pytest.fixture(scope="module")
def busy_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database after one busy day, made once per module (logins cost an argon2 hash each)."""
    path = tmp_path_factory.mktemp("busy") / "busy.sqlite"
    shutil.copy(demo_template, path)
    hall = HallCore.open(path, clock=FakeClock(START))
    try:
        _busy_day(hall, hall.clock)
    finally:
        hall.close()
    return path


@pytest.fixture
def busy_path(busy_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "busy.sqlite"
    shutil.copy(busy_template, path)
    return path


@pytest.fixture
def busy(busy_path: Path):  # type: ignore[no-untyped-def]
    hall = HallCore.open(busy_path, clock=FakeClock(START))
    yield hall
    hall.close()


def test_a_fresh_database_has_an_empty_whole_chain(core) -> None:  # type: ignore[no-untyped-def]
    assert core.verify_audit_chain() is None
    assert audit_rows(core) == []
    assert outbox_rows(core) == []
    assert core.pending_outbox() == 0


def test_outbox_rows_form_a_hash_chain(busy) -> None:  # type: ignore[no-untyped-def]
    rows = outbox_rows(busy)
    assert len(rows) == 20  # 14 audit events + 3 setting.set + business type + holiday set/remove
    assert [r.device_seq for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(rows):
        assert after.prev_hash == link_hash(before)
        assert link_hash(before) == chain_hash(before.prev_hash, before.op_id, before.payload_hash)
    assert len({r.op_id for r in rows}) == len(rows)
    assert len({link_hash(r) for r in rows}) == len(rows)
    assert busy.pending_outbox() == len(rows)


def test_outbox_payloads_are_versioned_canonical_and_hashed(busy) -> None:  # type: ignore[no-untyped-def]
    for row in outbox_rows(busy):
        body = json.loads(row.payload)
        assert body["v"] == 1
        assert row.payload == canonical_json(body)  # same value, same bytes
        assert row.payload_hash == hashlib.sha256(row.payload.encode("utf-8")).hexdigest()
        assert uuid.UUID(row.op_id).version == 7
        assert uuid.UUID(row.local_tx_id).version == 7
        assert row.status == "pending"
        assert row.attempts == 0
    assert {r.op_type for r in outbox_rows(busy)} == {
        "audit.event",
        "setting.set",
        "business_type.save",
        "holiday.set",
        "holiday.remove",
    }


def test_every_audit_event_is_queued_with_its_hash(busy) -> None:  # type: ignore[no-untyped-def]
    events = audit_rows(busy)
    queued = {payload(r)["event_id"]: payload(r) for r in outbox_rows(busy, "audit.event")}
    assert len(queued) == len(events) == 14
    for event in events:
        body = queued[event.event_id]
        assert body["hash"] == event.hash
        assert body["action"] == event.action
        assert body["staff_no"] == event.staff_no
        assert body["details"] == json.loads(event.details)
    assert [e.action for e in events] == [
        "login",
        "login",
        "login.failed",
        "login.failed",
        "settings.change",
        "settings.change",
        "settings.change",
        "business_type.save",
        "holiday.set",
        "holiday.remove",
        "session.lock",
        "session.unlock",
        "logout",
        "logout",
    ]


def test_audit_rows_form_a_hash_chain(busy) -> None:  # type: ignore[no-untyped-def]
    rows = audit_rows(busy)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(rows):
        assert after.prev_hash == before.hash
    assert busy.verify_audit_chain() is None


def _tamper(path, sql: str, *args) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path, timeout=5)
    try:
        with conn:
            assert conn.execute(sql, args).rowcount == 1
    finally:
        conn.close()


@pytest.mark.parametrize("seq", [1, 7, 14])
def test_tampered_details_are_found_at_exactly_that_row(busy, busy_path, seq: int) -> None:  # type: ignore[no-untyped-def]
    assert len(audit_rows(busy)) == 14
    _tamper(busy_path, "UPDATE audit_event SET details = ? WHERE seq = ?", '{"reason":"nothing to see"}', seq)
    assert busy.verify_audit_chain() == seq


def test_rehashing_a_tampered_row_is_caught_at_the_next_link(busy, busy_path) -> None:  # type: ignore[no-untyped-def]
    row = audit_rows(busy)[4]
    forged = "{}"
    new_hash = chain_hash(
        row.prev_hash,
        row.event_id,
        row.at.isoformat(),
        row.device_id,
        row.operator_id or "",
        row.staff_no or "",
        row.action,
        row.target or "",
        forged,
    )
    _tamper(
        busy_path, "UPDATE audit_event SET details = ?, hash = ? WHERE seq = ?", forged, new_hash, row.seq
    )
    assert busy.verify_audit_chain() == row.seq + 1


def test_a_deleted_row_is_named_by_its_own_seq(busy, busy_path) -> None:  # type: ignore[no-untyped-def]
    _tamper(busy_path, "DELETE FROM audit_event WHERE seq = ?", 6)
    assert busy.verify_audit_chain() == 6


@pytest.mark.parametrize("column", ["action", "staff_no", "target", "at"])
def test_other_tampered_columns_are_found(busy, busy_path, column: str) -> None:  # type: ignore[no-untyped-def]
    value = "2026-11-20 01:00:00.000000" if column == "at" else "forged"
    _tamper(busy_path, f"UPDATE audit_event SET {column} = ? WHERE seq = ?", value, 9)
    assert busy.verify_audit_chain() == 9


def test_verification_spans_batches(busy) -> None:  # type: ignore[no-untyped-def]
    from hallapp.services import audit

    with busy.db.read() as s:
        assert audit.verify_chain(s, batch=2) is None


def test_chain_verifies_when_the_clock_is_not_in_utc(demo_path) -> None:  # type: ignore[no-untyped-def]
    beijing = timezone(timedelta(hours=8))
    hall = HallCore.open(demo_path, clock=FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=beijing)))
    try:
        hall.auth.login("C001", DEMO_PASSWORD)
        assert hall.verify_audit_chain() is None
    finally:
        hall.close()
