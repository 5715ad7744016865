"""``python -m bench``: run the benchmarks and print their figures.

Exit status: 0 when every benchmark ran (targets met or not: a missed target is a ``# target
missed:`` comment, never a failure); 1 when a benchmark itself broke; 2 for bad arguments.
"""

import argparse
import os
import platform
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import Report, progress
from bench.data import FULL_ACCOUNTS, QUICK_ACCOUNTS, ensure_database, report_build

BENCHES = (
    "demo_data",
    "search",
    "startup",
    "memory",
    "payments",
    "ticket_print",
    "queue_hub",
    "applications",
    "sync",
    "pull",
    "daily_log",
    "audit",
    "central_report",
)
ALIASES = {
    "rss": "memory",
    "demo": "demo_data",
    "startup_to_login": "startup",
    "account_search": "search",
    "payment": "payments",
    "payment_commit": "payments",
    "receipt": "payments",
    "ticket": "ticket_print",
    "hub": "queue_hub",
    "queue": "queue_hub",
    "intake": "applications",
    "push": "sync",
    "initial_pull": "pull",
    "daily": "daily_log",
    "audit_verify": "audit",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description="HallApp speed and memory figures")
    p.add_argument("--quick", action="store_true", help=f"{QUICK_ACCOUNTS:,} accounts instead of 1M")
    p.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help=f"run only these: {', '.join(BENCHES)} (aliases: {', '.join(ALIASES)})",
    )
    p.add_argument(
        "--keep-data",
        type=Path,
        metavar="DIR",
        help="cache the demo database here and reuse it next time (default: a temp dir, deleted)",
    )
    p.add_argument("--rebuild", action="store_true", help="rebuild the cached demo database anyway")
    p.add_argument("--accounts", type=int, help="override the account count (default 1M, 20k quick)")
    p.add_argument("--queries", type=int, default=300, help="queries per search kind (default 300)")
    p.add_argument("--runs", type=int, default=5, help="start-up runs for the median (default 5)")
    return p


def _selected(only: Sequence[str] | None, parser: argparse.ArgumentParser) -> list[str]:
    if not only:
        return list(BENCHES)
    chosen = []
    for given in only:
        name = ALIASES.get(given, given)
        if name not in BENCHES:
            parser.error(f"unknown benchmark {given!r}; choose from {', '.join(BENCHES)}")
        if name not in chosen:
            chosen.append(name)
    return [b for b in BENCHES if b in chosen]


def _header(report: Report, *, quick: bool, accounts: int, benches: list[str]) -> None:
    try:
        from importlib.metadata import version

        qt = version("PySide6-Essentials")
    except Exception:  # pragma: no cover - no Qt installed
        qt = "not installed"
    from hallapp import __version__

    report.comment(
        f"HallApp {__version__} benchmarks, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, "
        f"{'quick' if quick else 'full'} mode, {accounts:,} accounts, benches: {' '.join(benches)}"
    )
    report.comment(
        f"machine: {os.cpu_count()} CPUs, {_mem_gb():.0f} GB RAM, {platform.platform()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, PySide6 {qt}"
    )


def _mem_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError):  # pragma: no cover
        return 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    benches = _selected(args.only, parser)
    accounts = args.accounts or (QUICK_ACCOUNTS if args.quick else FULL_ACCOUNTS)
    if accounts <= 0:
        parser.error("--accounts must be positive")
    quick = args.quick or accounts != FULL_ACCOUNTS
    report = Report()
    _header(report, quick=quick, accounts=accounts, benches=benches)
    started = time.perf_counter()
    temp_dir = None
    if args.keep_data is not None:
        data_dir = args.keep_data.resolve()
    else:
        temp_dir = Path(tempfile.mkdtemp(prefix="hallapp-bench-"))
        data_dir = temp_dir
    try:
        _run(report, benches, data_dir, accounts, quick=quick, args=args)
    except KeyboardInterrupt:
        report.comment("interrupted")
        return 130
    finally:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
    report.comment(
        f"done in {time.perf_counter() - started:.0f} s: {len(report.figures)} figures, "
        f"{len(report.missed)} targets missed, {len(report.errors)} benchmark errors"
    )
    for message in report.missed:
        report.comment(f"  missed: {message}")
    return 1 if report.errors else 0


def _run(report: Report, benches: list[str], data_dir: Path, accounts: int, *, quick: bool, args) -> None:  # type: ignore[no-untyped-def]
    try:
        data = ensure_database(data_dir, accounts, rebuild=args.rebuild)
    except Exception as exc:
        report.error("demo_data", exc)
        return
    if "demo_data" in benches:
        report_build(report, data, quick=quick)
    elif data.built_now:
        report.comment(
            f"demo database built for this run ({data.accounts:,} accounts, {data.build_seconds:.0f} s)"
        )
    # The build writes GBs with synchronous=OFF: let the kernel's writeback finish now, not in the
    # middle of the timed searches (it showed as ~5 ms stalls on a 2-core machine).
    os.sync()
    db = data.path
    for bench in benches:
        if bench == "demo_data":
            continue
        progress(f"{bench}: start")
        try:
            _run_one(bench, report, db, quick=quick, args=args)
        except Exception as exc:
            report.error(bench, exc)


def _run_one(bench: str, report: Report, db: Path, *, quick: bool, args) -> None:  # type: ignore[no-untyped-def]
    """Import the benchmark's module only when it runs (some pull in Qt or start processes)."""
    import importlib

    module, function, needs = {
        "search": ("bench.search", "run_search", {"db": True, "queries": True}),
        "startup": ("bench.startup", "run_startup", {"db": True, "runs": True}),
        "memory": ("bench.memory", "run_memory", {"db": True}),
        "payments": ("bench.payments", "run_payments", {"db": True, "quick": True}),
        "ticket_print": ("bench.ticket_print", "run_ticket_print", {"quick": True}),
        "queue_hub": ("bench.queue_hub", "run_queue_hub", {"quick": True}),
        "applications": ("bench.applications", "run_applications", {"db": True, "quick": True}),
        "sync": ("bench.sync", "run_sync", {"quick": True}),
        "pull": ("bench.pull", "run_pull", {"quick": True}),
        "daily_log": ("bench.daily_log", "run_daily_log", {"db": True, "quick": True}),
        "audit": ("bench.audit", "run_audit", {"quick": True}),
        "central_report": ("bench.central_report", "run_central_report", {"quick": True}),
    }[bench]
    run = getattr(importlib.import_module(module), function)
    positional = [db] if needs.get("db") else []
    keywords = {
        name: value
        for name, value in (("queries", args.queries), ("runs", args.runs), ("quick", quick))
        if needs.get(name)
    }
    run(report, *positional, **keywords)
