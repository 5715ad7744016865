"""`hallapp db check`: the deep check must notice an address index out of step with the accounts."""

import sqlite3
from pathlib import Path

from hallapp.db.maintenance import check_file_deep, vacuum_file


def _make_index_stale(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TRIGGER account_fts_au")
        conn.execute("UPDATE account SET address = '示例市完全不同的地址' WHERE account_no = '3200000001'")
    conn.close()


def test_deep_check_of_a_good_database(demo_path: Path) -> None:
    report = check_file_deep(demo_path)
    assert report.ok
    assert len(report.lines) == 3


def test_deep_check_notices_a_tampered_audit_chain(core, clerk, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    core.close()
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("UPDATE audit_event SET details = '{\"x\":1}' WHERE seq = 1")
    conn.close()
    assert not check_file_deep(demo_path).ok


def test_deep_check_notices_a_stale_address_index(demo_path: Path) -> None:
    _make_index_stale(demo_path)
    assert not check_file_deep(demo_path).ok


def test_vacuum_rebuilds_a_stale_address_index(demo_path: Path) -> None:
    _make_index_stale(demo_path)
    vacuum_file(demo_path)
    conn = sqlite3.connect(demo_path)
    try:
        conn.execute("INSERT INTO account_fts(account_fts, rank) VALUES ('integrity-check', 1)")
        hits = conn.execute("SELECT count(*) FROM account_fts WHERE account_fts MATCH '\"完全不同的地址\"'")
        assert hits.fetchone()[0] == 1
    finally:
        conn.close()
