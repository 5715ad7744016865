"""Figure 1: building the demo database; and the cache that lets later figures reuse it.

The database is cached in the data directory as ``demo-<accounts>-<hash>.sqlite`` where the hash
covers hallapp/demo/*.py and migrations/versions/*.py: change the generator or the schema and the
next run rebuilds; change nothing and a rerun reuses the file (and reprints the build time it
measured then, flagged as cached).
"""

import hashlib
import json
import platform
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import REPO, Report, progress

FULL_ACCOUNTS = 1_000_000
QUICK_ACCOUNTS = 20_000
SOURCE_GLOBS = ("hallapp/demo/*.py", "migrations/versions/*.py")


@dataclass(frozen=True)
class DemoData:
    path: Path
    accounts: int
    build_seconds: float
    built_now: bool
    built_at: str  # local time the measurement was taken
    size_mb: float


def source_hash() -> str:
    digest = hashlib.sha256()
    for pattern in SOURCE_GLOBS:
        for path in sorted(REPO.glob(pattern)):
            digest.update(path.relative_to(REPO).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def ensure_database(data_dir: Path, accounts: int, *, rebuild: bool = False) -> DemoData:
    """The cached demo database for ``accounts``, building (and timing) it if needed."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key = f"demo-{accounts}-{source_hash()}"
    path = data_dir / f"{key}.sqlite"
    meta_path = data_dir / f"{key}.json"
    if not rebuild and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        progress(f"reusing cached demo database {path} ({accounts:,} accounts)")
        return DemoData(path, accounts, meta["build_seconds"], False, meta["built_at"], _size_mb(path))
    _drop_stale(data_dir, accounts, keep=key)
    seconds = _build(path, accounts)
    built_at = time.strftime("%Y-%m-%d %H:%M:%S")
    meta = {
        "accounts": accounts,
        "build_seconds": seconds,
        "built_at": built_at,
        "source_hash": source_hash(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return DemoData(path, accounts, seconds, True, built_at, _size_mb(path))


def _build(path: Path, accounts: int) -> float:
    from hallapp.demo.build import build_demo_database

    progress(f"building demo database: {accounts:,} accounts -> {path}")
    last = [time.perf_counter()]
    started = time.perf_counter()

    def report(done: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 10 or done == accounts:
            last[0] = now
            progress(f"  {done:,} / {accounts:,} accounts ({now - started:.0f} s)")

    build_demo_database(path, accounts, progress=report)
    return time.perf_counter() - started


def _drop_stale(data_dir: Path, accounts: int, *, keep: str) -> None:
    """Old builds for the same size but other sources: useless now, and 2.6 GB each at 1M."""
    for old in data_dir.glob(f"demo-{accounts}-*"):
        if not old.name.startswith(keep):
            progress(f"removing stale cached database {old}")
            old.unlink()


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists()) / (1 << 20)


def report_build(report: Report, data: DemoData, *, quick: bool) -> None:
    """Print figure 1 for a database ``ensure_database`` returned."""
    name = "demo_data_quick_s" if quick else "demo_data_1m_s"
    if quick:
        report.comment(f"demo_data_quick_s: {data.accounts:,} accounts (build_demo_database)")
    else:
        report.comment(f"demo_data_1m_s: {data.accounts:,} accounts (build_demo_database)")
    if not data.built_now:
        report.comment(
            f"{name}: cached build from {data.built_at}, not re-measured in this run "
            "(delete the cache or pass --rebuild to re-measure)"
        )
    report.figure(name, data.build_seconds, "s")
    if quick:
        per_million = data.build_seconds * FULL_ACCOUNTS / data.accounts
        report.comment("demo_data_per_1m_extrapolated_s: linear extrapolation of the quick build to 1M")
        report.figure("demo_data_per_1m_extrapolated_s", per_million, "s")
    report.figure("demo_data_db_size_mb", data.size_mb, "MB")
    report.comment(f"demo_data: {data.accounts / data.build_seconds:,.0f} accounts/s; file {data.path.name}")
