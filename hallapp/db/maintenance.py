"""`hallapp db …`: upgrade, deep check (integrity + audit chain), vacuum with FTS rebuild."""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from hallapp.db.engine import check_file, make_engine
from hallapp.db.migrate import upgrade
from hallapp.domain.errors import DatabaseUnavailable


@dataclass
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)


def upgrade_file(path: Path) -> None:
    check_file(path)
    engine = make_engine(path)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def check_file_deep(path: Path) -> CheckReport:
    """Full integrity check, FTS check and audit hash chain: slow on big files, so not at start-up."""
    from hallapp.services.hall_core import HallCore

    report = CheckReport()
    if not path.exists():
        raise DatabaseUnavailable(reason="missing", path=str(path))
    check_file(path)
    conn = sqlite3.connect(path)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            report.ok = False
            report.lines.append("完整性检查失败：" + "; ".join(r[0] for r in result[:5]))
        else:
            report.lines.append("完整性检查：正常")
        try:
            # rank = 1 compares the index with the account table itself, not only with its own structure
            conn.execute("INSERT INTO account_fts(account_fts, rank) VALUES ('integrity-check', 1)")
            report.lines.append("地址索引：正常")
        except sqlite3.DatabaseError:
            report.ok = False
            report.lines.append("地址索引与账户不一致：请运行 hallapp db vacuum 重建")
    finally:
        conn.close()
    core = HallCore.open(path)
    try:
        broken = core.verify_audit_chain()
    finally:
        core.close()
    if broken is None:
        report.lines.append("审计链：完整")
    else:
        report.ok = False
        report.lines.append(f"审计链从第 {broken} 条起被改动或缺失")
    return report


def vacuum_file(path: Path) -> None:
    """VACUUM may renumber rowids; the external-content FTS index is rebuilt right after."""
    check_file(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
        conn.execute("INSERT INTO account_fts(account_fts) VALUES ('rebuild')")
    finally:
        conn.close()
