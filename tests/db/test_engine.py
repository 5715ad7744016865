"""Opening the local database: PRAGMAs, and every way a file can be unusable (never replaced)."""

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

import hallapp.db.engine as engine_module
from hallapp.db.engine import check_file, make_engine
from hallapp.domain.errors import DatabaseUnavailable
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from tests.conftest import START


def _open(path: Path) -> HallCore:
    return HallCore.open(path, clock=FakeClock(START))


def _refused(path: Path) -> DatabaseUnavailable:
    with pytest.raises(DatabaseUnavailable) as info:
        _open(path)
    return info.value


def test_pragmas_on_an_opened_database(core) -> None:  # type: ignore[no-untyped-def]
    with core.db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == engine_module.BUSY_TIMEOUT_MS


def test_pragmas_apply_to_every_pooled_connection(core) -> None:  # type: ignore[no-untyped-def]
    with core.db.engine.connect() as first, core.db.engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_foreign_keys_are_enforced(core) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), core.db.write() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO bill (bill_id, account_id, period, kwh, amount_fen, paid_fen, issued_on, due_date, "
            "server_version) VALUES ('b', 'no-such-account', '202610', 1, 1, 0, '2026-11-05', '2026-11-12', 0)"
        )


def test_writes_begin_immediate_and_reads_deferred(core) -> None:  # type: ignore[no-untyped-def]
    statements: list[str] = []
    from sqlalchemy import event

    @event.listens_for(core.db.engine, "before_cursor_execute")
    def _spy(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    with core.db.write() as s:
        s.connection()
    with core.db.read() as s:
        s.connection()
    assert [x for x in statements if x.startswith("BEGIN")] == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_ino


def test_random_bytes_are_damaged_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite"
    path.write_bytes(os.urandom(4096))
    before = _snapshot(path)
    error = _refused(path)
    assert error.params["reason"] == "damaged"
    assert error.params["path"] == str(path)
    assert _snapshot(path) == before


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_a_truncated_database_is_damaged_and_left_alone(demo_path: Path, fraction: float) -> None:
    data = demo_path.read_bytes()
    page = 4096
    cut = int(len(data) * fraction) // page * page + page // 2  # in the middle of a page
    demo_path.write_bytes(data[:cut])
    before = _snapshot(demo_path)
    assert _refused(demo_path).params["reason"] == "damaged"
    assert _snapshot(demo_path) == before
    assert not demo_path.with_name(demo_path.name + ".building").exists()


def test_a_truncated_database_on_a_page_boundary_is_damaged(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    before = _snapshot(demo_path)
    assert _refused(demo_path).params["reason"] == "damaged"
    assert _snapshot(demo_path) == before


def test_a_locked_database_is_reported_within_seconds(demo_path: Path) -> None:
    holder = sqlite3.connect(demo_path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE setting SET key = key")
        started = time.monotonic()
        assert _refused(demo_path).params["reason"] == "locked"
        assert time.monotonic() - started < 8
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _open(demo_path).close()  # fine again once the other program lets go


def test_a_write_while_another_program_holds_the_lock_is_database_unavailable(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)  # keep the wait short
    hall = _open(demo_path)
    holder = sqlite3.connect(demo_path, isolation_level=None, timeout=0.1)
    try:
        holder.execute("BEGIN IMMEDIATE")
        try:
            with hall.db.write() as s:
                s.connection()
        except DatabaseUnavailable as exc:
            assert exc.params["reason"] == "locked"
        else:
            pytest.fail("the write went through although another connection held the lock")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        hall.close()


def test_a_newer_database_is_refused(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()
    error = _refused(demo_path)
    assert error.params == {"reason": "newer_version", "revision": "ffff"}


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "hall.sqlite"
    folder.mkdir()
    assert _refused(folder).params["reason"] == "not_a_file"
    assert folder.is_dir()


def test_a_database_without_device_identity_is_not_set_up(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("DELETE FROM device_identity")
    conn.close()
    assert _refused(demo_path).params["reason"] == "not_set_up"


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    error = _refused(path)
    assert error.params == {"reason": "missing", "path": str(path)}
    assert list(tmp_path.iterdir()) == []  # no empty database left behind


def test_an_empty_file_is_migrated_but_not_set_up(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")  # SQLite treats a zero-length file as an empty database
    assert _refused(path).params["reason"] == "not_set_up"


def test_engines_are_disposed_after_a_refusal(demo_path: Path) -> None:
    """A refused open leaves no connection holding the file (it can be moved aside at once)."""
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("DELETE FROM device_identity")
    conn.close()
    _refused(demo_path)
    holder = sqlite3.connect(demo_path, isolation_level=None, timeout=0.1)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")  # would fail with 'locked' if a connection were left open
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    shutil.move(demo_path, demo_path.with_suffix(".aside"))


def test_check_file_accepts_a_good_database(demo_path: Path) -> None:
    before = _snapshot(demo_path)
    check_file(demo_path)
    assert _snapshot(demo_path) == before


def test_in_memory_engine() -> None:
    engine = make_engine(":memory:")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
