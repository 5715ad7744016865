"""Verifying the audit trail's hash chain: 1,000,000 events (100,000 quick) written with the real
row hash, then ``audit.inspect_chain`` over all of them. Baseline in the same run: reading the same
columns with sqlite3 and hashing the same bytes with hashlib alone (no SQLAlchemy, no datetimes)."""

import hashlib
import json
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from bench.common import Report, progress, ratio

FULL, QUICK = 1_000_000, 100_000
BATCH = 20_000
ACTIONS = ("login", "payment.take", "receipt.reprint", "session.lock", "queue.queue_open")
INSERT = (
    "INSERT INTO audit_event (seq, event_id, at, device_id, operator_id, staff_no, action, target,"
    " details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)


def run_audit(report: Report, *, quick: bool) -> None:
    count = QUICK if quick else FULL
    with tempfile.TemporaryDirectory(prefix="hallapp-audit-bench-") as tmp:
        path = Path(tmp) / "audit.sqlite"
        started = time.perf_counter()
        _build(path, count)
        report.comment(f"audit trail of {count:,} events built in {time.perf_counter() - started:.1f} s")
        verify_s = _verify(path, count)
        baseline_s = _baseline(path, count)
    report.figure("audit_verify_1m_events_s", verify_s * FULL / count, "s")
    report.figure("audit_verify_baseline_sqlite3_hashlib_1m_s", baseline_s * FULL / count, "s")
    report.figure("audit_verify_vs_baseline", ratio(verify_s, baseline_s), "ratio")
    if quick:
        report.comment(f"quick: measured on {count:,} events, scaled to 1M")


def _build(path: Path, count: int) -> None:
    from hallapp.db.engine import make_engine
    from hallapp.db.migrate import upgrade
    from hallapp.domain.canonical import GENESIS_HASH, canonical_json
    from hallapp.services.audit import _row_hash

    engine = make_engine(path)
    upgrade(engine)
    engine.dispose()
    start = datetime(2026, 1, 5, 0, 30, tzinfo=UTC)
    prev, rows = GENESIS_HASH, []
    conn = sqlite3.connect(path)
    for seq in range(1, count + 1):
        row = SimpleNamespace(
            event_id=f"01900000-0000-7000-8000-{seq:012d}",
            at=start + timedelta(seconds=seq * 3),
            device_id="01900000-0000-7000-8000-00000000d001",
            operator_id="01900000-0000-7000-8000-0000000000c1",
            staff_no=f"C{seq % 40:03d}",
            action=ACTIONS[seq % len(ACTIONS)],
            target=f"H000101-26{seq:07d}",
            details=canonical_json({"amount_fen": seq % 50_000, "method": "cash"}),
        )
        link, prev = prev, _row_hash(prev, row)
        stored_at = row.at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        content = (row.device_id, row.operator_id, row.staff_no, row.action, row.target, row.details)
        rows.append((seq, row.event_id, stored_at, *content, link, prev))
        if len(rows) >= BATCH:
            _flush(conn, rows, count)
    _flush(conn, rows, count)
    conn.close()


def _flush(conn: sqlite3.Connection, rows: list, count: int) -> None:  # type: ignore[type-arg]
    with conn:
        conn.executemany(INSERT, rows)
    if rows:
        progress(f"audit bench: {rows[-1][0]:,} / {count:,} events written")
    rows.clear()


def _verify(path: Path, count: int) -> float:
    from hallapp.db.engine import Database, make_engine
    from hallapp.services import audit

    db = Database(make_engine(path), path)
    try:
        started = time.perf_counter()
        with db.read() as s:
            check = audit.inspect_chain(s)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if check.broken is not None or check.checked != count:
        raise RuntimeError(f"the bench chain did not verify: {check}")
    return elapsed


def _baseline(path: Path, count: int) -> float:
    """The floor: the same rows read by sqlite3, the same text hashed by hashlib, link by link."""
    conn = sqlite3.connect(path)
    started = time.perf_counter()
    prev, n = "0" * 64, 0
    query = (
        "SELECT event_id, at, device_id, operator_id, staff_no, action, target, details, prev_hash, hash"
        " FROM audit_event ORDER BY seq"
    )
    for event_id, at, device, operator, staff, action, target, details, prev_hash, stored in conn.execute(
        query
    ):
        iso = at.replace(" ", "T")[:19] + "+00:00"  # the rows have whole seconds
        text = "|".join(
            (prev, event_id, iso, device, operator or "", staff or "", action, target or "", details)
        )
        digest = hashlib.sha256(text.encode()).hexdigest()
        if prev_hash != prev or digest != stored:
            raise RuntimeError(f"baseline disagrees with the chain at {n + 1}")
        prev, n = digest, n + 1
    elapsed = time.perf_counter() - started
    conn.close()
    if n != count:
        raise RuntimeError(json.dumps({"read": n, "expected": count}))
    return elapsed
