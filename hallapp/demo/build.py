"""Build a complete demo database file: built aside, then moved into place in one step."""

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from hallapp.db.engine import Database, make_engine
from hallapp.db.migrate import upgrade
from hallapp.demo.accounts import AccountGenerator
from hallapp.demo.reference import seed_reference
from hallapp.demo.today import fill_morning
from hallapp.services.clock import Clock
from hallapp.services.setup_service import HallSeed, initialise_device

DEMO_HALL = HallSeed(code="H0001", name="城东供电营业厅", device_no=1)
DEFAULT_DEMO_ACCOUNTS = 3000


def build_demo_database(
    path: Path,
    accounts: int = DEFAULT_DEMO_ACCOUNTS,
    *,
    clock: Clock | None = None,
    seed: int = 20261122,
    progress: Callable[[int], None] | None = None,
    morning: bool = False,
) -> None:
    """Write a fresh demo database to ``path`` (replacing it). Nothing is left half-built.

    ``morning``: also make today's activity so far (``today.fill_morning``: tickets, payments, a
    complaint, consultations, from opening time up to the clock's now), so the demo's daily log does
    not open on an empty day. Off by default: tests, tools and benchmarks make their own day, and a
    queue already open today, or this PC's own receipts, would get in their way."""
    if accounts < 0:
        raise ValueError("accounts must be >= 0")
    clock = clock or Clock()
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    _remove(building)
    engine = make_engine(building)
    try:
        upgrade(engine)
        db = Database(engine, building)
        hall_id = initialise_device(db, DEMO_HALL, clock)
        operators = seed_reference(db, hall_id)
    finally:
        engine.dispose()
    clerks = [op_id for staff_no, op_id in operators.items() if staff_no.startswith("C")]
    conn = sqlite3.connect(building)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a half-built file is thrown away, never used
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        generator = AccountGenerator(
            hall_id=hall_id, clerk_ids=clerks, today=clock.business_date(), seed=seed
        )
        generator.run(conn, accounts, progress=progress)
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    if morning:
        fill_morning(building, clock.now(), seed=seed)
    _remove(path)
    os.replace(building, path)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
