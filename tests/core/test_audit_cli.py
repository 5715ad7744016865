"""`hallapp audit verify`: one line in Chinese and English; 0 whole, 1 broken (seq and time), 2 cannot
open; the check itself is audited."""

import sqlite3
from pathlib import Path

from hallapp.cli import main
from tests.core.helpers import audit_rows, details


def test_a_whole_chain_exits_0_and_is_audited(demo_path: Path, core, capsys) -> None:  # type: ignore[no-untyped-def]
    count = len(audit_rows(core))
    assert main(["audit", "verify", "--db", str(demo_path)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("审计链完整") and f"{count:,} events checked" in line
    last = audit_rows(core)[-1]
    assert last.action == "audit.verify" and details(last)["via"] == "command"


def test_a_changed_event_exits_1_naming_its_seq_and_time(demo_path: Path, core, supervisor, capsys) -> None:  # type: ignore[no-untyped-def]
    victim = audit_rows(core)[-1]
    with sqlite3.connect(demo_path) as conn:
        conn.execute("UPDATE audit_event SET staff_no = 'X' WHERE seq = ?", (victim.seq,))
    conn.close()
    assert main(["audit", "verify", "--db", str(demo_path)]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert f"审计链第 {victim.seq} 条记录（2026-11-20 09:30:00）内容被改动" in line
    assert f"broken at event {victim.seq}" in line


def test_a_deleted_event_exits_1(demo_path: Path, core, supervisor, clerk, capsys) -> None:  # type: ignore[no-untyped-def]
    victim = audit_rows(core)[-2]
    with sqlite3.connect(demo_path) as conn:
        conn.execute("DELETE FROM audit_event WHERE seq = ?", (victim.seq,))
    conn.close()
    assert main(["audit", "verify", "--db", str(demo_path)]) == 1
    assert "记录已被删除" in capsys.readouterr().out


def test_a_file_that_cannot_be_opened_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["audit", "verify", "--db", str(tmp_path / "missing.sqlite")]) == 2
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"garbage" * 1000)
    assert main(["audit", "verify", "--db", str(damaged)]) == 2
    assert "无法打开数据库" in capsys.readouterr().err
    assert damaged.read_bytes() == b"garbage" * 1000
