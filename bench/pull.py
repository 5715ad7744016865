"""A new counter PC's first pull of its hall's master data: 1,000,000 accounts (100,000 quick).

Set-up (untimed): a fresh central PostgreSQL database migrated as ``hallapp central init-db`` does
(``bench.sync.Central``), holding one hall's accounts, their customers (one in ten holds two
accounts, one in twenty-five is an organisation) and one bill each, loaded by
``bench.central_setup.load_master``: COPY into the tables and the ``change_log`` rows made with the
importer's own image expressions, in the importer's order, at version 1 in scope ``hall:H0001``
(a test checks them row for row against ``master_import``). About 2.9 million feed rows for the full
run. A real central server process (``hallapp serve --role central --workers 2``) and a freshly
enrolled PC database (the demo schema with its halls, operators and settings, no accounts).

1. ``initial_pull_1m_accounts_s`` (``initial_pull_100k_accounts_s`` quick): ``Puller.pull_all()``
   in a child Python on the enrolled PC database, timed inside the child from the call to its return
   (pages of ``hallapp.sync.pull.PAGE`` over HTTP, each page applied and its cursor stored in one
   SQLite transaction with WAL and synchronous=FULL). The child then checks the counts it pulled.
2. ``pull_peak_rss_mb``: the child's VmHWM (peak resident set) read from /proc/self/status at the
   end, with its VmRSS before the pull (imports done, database open) as the baseline it grew from.
3. Baselines in the same run: ``pull_fetch_only_s``, the same pages fetched one after the other by
   the same client code and JSON-decoded, nothing applied (the server, HTTP and JSON share); and
   ``sqlite_executemany_baseline_s``, plain ``executemany`` INSERTs of the same customers, accounts
   and bills (the values the feed carries) into a copy of the freshly enrolled PC database, in
   transactions of one page each with the same pragmas, the address full-text trigger dropped and
   the index rebuilt once at the end (included): the floor of writing these rows to SQLite. (With
   the trigger, row-by-row statements cost about 5x more: the trigger writes an index segment per
   statement.)
   The fetch-only run goes first and also warms PostgreSQL's cache for the pull.

Comments give the CPU seconds of the pulling child, the server's workers and the PostgreSQL
backends, the page query's plan (``EXPLAIN ANALYZE`` of one page in the middle of the feed) and the
size of the pulled SQLite file.
"""

import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Report, Target, progress, ratio

FULL_ACCOUNTS, QUICK_ACCOUNTS = 1_000_000, 100_000
INITIAL_PULL = Target(90.0, "≤90 s (1M accounts)")
CHILD_TIMEOUT_S = 1800.0
HTTP_TIMEOUT_S = 120.0


# --- the child: one pull, timed, with its peak RSS -------------------------------------------------


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def child_main(argv: list[str]) -> int:
    """``python -m bench.pull pull|fetch DB URL TOKEN``: prints one JSON line starting ``result``."""
    mode, db_path, base_url, token = argv
    import httpx

    from hallapp.db.engine import Database, make_engine
    from hallapp.sync.pull import PAGE, Puller

    db = Database(make_engine(Path(db_path)), Path(db_path))
    client = httpx.Client(base_url=base_url, timeout=HTTP_TIMEOUT_S)
    puller = Puller(db, client, token)
    rss_before = _status_kb("VmRSS")
    cpu_before = time.process_time()
    started = time.perf_counter()
    if mode == "pull":
        outcome = puller.pull_all()
        pages, changes = outcome.pages, outcome.changes
    else:
        pages = changes = 0
        cursor = ""
        while True:
            page = puller.fetch_json(cursor)
            assert page is not None
            pages, changes = pages + 1, changes + len(page["changes"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_before
    result: dict[str, Any] = {
        "seconds": seconds,
        "cpu_s": cpu,
        "pages": pages,
        "changes": changes,
        "page_size": PAGE,
        "rss_before_kb": rss_before,
        "hwm_kb": _status_kb("VmHWM"),
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    if mode == "pull":
        result["applied"] = outcome.applied
        with sqlite3.connect(db_path) as conn:
            for table in ("customer", "account", "bill"):
                result[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    client.close()
    db.close()
    print("result " + json.dumps(result), flush=True)
    return 0


def _run_child(mode: str, db_path: Path, base_url: str, token: str) -> dict[str, Any]:
    from bench.procs import spawn

    child = spawn(
        ["-m", "bench.pull", mode, str(db_path), base_url, token], marker="result", timeout_s=CHILD_TIMEOUT_S
    )
    return json.loads(child.marker or "{}")


# --- the SQLite floor ------------------------------------------------------------------------------


def sqlite_baseline(db_path: Path, n: int, hall_code: str, page: int) -> float:
    """Seconds of plain executemany INSERTs of the pulled rows into ``db_path`` (a copy of the fresh
    PC database), one transaction per ``page`` rows, with the app's pragmas; building the rows is
    not timed."""
    from bench.central_setup import master_rows

    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Row-by-row statements pay the full-text trigger a segment each (five times the insert): the
    # floor drops the trigger on this copy and builds the address index once at the end.
    conn.execute("DROP TRIGGER account_fts_ai")
    hall_id = conn.execute("SELECT hall_id FROM hall WHERE code = ?", (hall_code,)).fetchone()[0]
    insert_customer = (
        "INSERT INTO customer (customer_id, kind, name, id_type, id_number, phone, email, mail_address,"
        " contact_verified_on, server_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
    )
    insert_account = (
        "INSERT INTO account (account_id, account_no, customer_id, hall_id, address, tariff, voltage,"
        " supply_relation, load_class, key_customer, vulnerable, credit_rating, status, prepaid_fen,"
        " opened_on, server_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
    )
    insert_bill = (
        "INSERT INTO bill (bill_id, account_id, period, kwh, amount_fen, paid_fen, issued_on, due_date,"
        " server_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
    )
    customers: list[tuple[Any, ...]] = []
    accounts: list[tuple[Any, ...]] = []
    bills: list[tuple[Any, ...]] = []
    took = 0.0

    def write(sql: str, rows: list[tuple[Any, ...]]) -> float:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
        rows.clear()
        return time.perf_counter() - started

    for row in master_rows(n, hall_code):
        if (c := row.customer) is not None:
            customers.append(
                (
                    c["customer_id"],
                    c["kind"],
                    c["name"],
                    c["id_type"],
                    c["id_number"] or c["credit_code"],
                    c["phone"],
                    c["email"],
                    c["mail_address"],
                    _iso(c["contact_verified_on"]),
                )
            )
        a = row.account
        accounts.append(
            (
                a["account_id"],
                a["account_no"],
                a["customer_id"],
                hall_id,
                a["address"],
                a["tariff"],
                a["voltage"],
                a["supply_relation"],
                a["load_class"],
                a["key_customer"],
                a["vulnerable"],
                a["credit_rating"],
                a["status"],
                a["prepaid_fen"],
                _iso(a["opened_on"]),
            )
        )
        b = row.bill
        bills.append(
            (
                b["bill_id"],
                a["account_id"],
                b["period"],
                b["kwh"],
                b["amount_fen"],
                b["paid_fen"],
                _iso(b["issued_on"]),
                _iso(b["due_date"]),
            )
        )
        # The feed's pages: customers and accounts of an import batch together, bills after all.
        if len(accounts) >= page // 2:
            took += write(insert_customer, customers) + write(insert_account, accounts)
    took += write(insert_customer, customers) + write(insert_account, accounts)
    for first in range(0, len(bills), page):
        took += write(insert_bill, bills[first : first + page])
    started = time.perf_counter()
    conn.execute("INSERT INTO account_fts(account_fts) VALUES ('rebuild')")
    took += time.perf_counter() - started
    conn.close()
    return took


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# --- the page query's plan -------------------------------------------------------------------------


def page_plan(central: Any, hall: str, page: int) -> str:
    """``EXPLAIN ANALYZE`` of one page in the middle of the feed: the top line and the timing."""
    from hallapp.central.pull import hall_scopes, page_sql

    sql = str(page_sql(hall_scopes(hall)).compile(compile_kwargs={"literal_binds": False}))
    with central.connect() as conn:
        middle = conn.execute(
            "SELECT xid::text, id FROM change_log ORDER BY xid, id OFFSET (SELECT count(*) / 2 FROM change_log) LIMIT 1"
        ).fetchone()
        psql = sql.replace(":xid", "%(xid)s").replace(":id", "%(id)s").replace(":limit", "%(limit)s")
        rows = conn.execute(
            "EXPLAIN (ANALYZE, BUFFERS) " + psql, {"xid": middle[0], "id": middle[1], "limit": page + 1}
        ).fetchall()
    lines = [r[0] for r in rows]
    wanted = ("Index", "Execution Time", "Buffers")
    details = [line.strip() for line in lines if any(word in line for word in wanted)]
    keep = [lines[0], *details[:6]]
    return "; ".join(keep)


# --- the benchmark ---------------------------------------------------------------------------------


def run_pull(report: Report, *, quick: bool) -> None:
    from bench.central_setup import load_master
    from bench.sync import HALL, Cpu, central_server, enrolled_pc
    from hallapp.sync.pull import PAGE

    n = QUICK_ACCOUNTS if quick else FULL_ACCOUNTS
    label = (
        f"initial_pull_{n // 1000}k_accounts" if n < 1_000_000 else f"initial_pull_{n // 1_000_000}m_accounts"
    )
    work = Path(tempfile.mkdtemp(prefix="hallapp-pull-"))
    try:
        with central_server(work) as central:
            progress(f"pull: loading {n:,} accounts with customers and bills into the central database")
            started = time.perf_counter()
            with central.connect() as conn:
                loaded = load_master(conn, HALL, n)
            report.comment(
                f"pull: central database {central.name}: {loaded.accounts:,} accounts, {loaded.customers:,} "
                f"customers, {loaded.bills:,} bills, {loaded.changes:,} change_log rows of hall {HALL}, loaded "
                f"in {time.perf_counter() - started:.0f} s (untimed; COPY + the importer's image SQL)"
            )
            progress("pull: enrolling a fresh PC")
            pc = enrolled_pc(work, central)
            pc.db.close()
            fresh = work / "fresh.sqlite"
            shutil.copy(pc.db.path, fresh)
            report.comment(
                f"pull: page query plan at {loaded.changes:,} feed rows: {page_plan(central, HALL, PAGE)}"
            )

            progress("pull: fetching every page without applying (baseline, warms the server)")
            fetched = _run_child("fetch", pc.db.path, central.base_url, pc.token)
            progress(f"pull: Puller.pull_all() of {loaded.changes:,} changes")
            cpu = Cpu(
                central.proc.pid if central.proc else None, central.name if central.postmaster_pid else None
            )
            cpu.begin()
            pulled = _run_child("pull", pc.db.path, central.base_url, pc.token)
            cpu_text = cpu.summary()
            expected = (loaded.customers, loaded.accounts, loaded.bills, loaded.changes)
            got = (pulled["customer"], pulled["account"], pulled["bill"], pulled["changes"])
            if got != expected:
                raise RuntimeError(f"pulled (customers, accounts, bills, changes) {got}, expected {expected}")
            progress("pull: the SQLite executemany baseline")
            baseline = sqlite_baseline(fresh, n, HALL, PAGE)
            size_mb = pc.db.path.stat().st_size / 1e6
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = pulled["seconds"]
    report.comment(
        f"{label}: {pulled['changes']:,} changes in {pulled['pages']:,} pages of ≤{pulled['page_size']}, "
        f"{pulled['applied']:,} rows written, {pulled['changes'] / seconds:,.0f} changes/s; the pulling "
        f"child used {pulled['cpu_s']:.1f} CPU s; {cpu_text}; SQLite file {size_mb:.0f} MB"
    )
    report.comment(
        f"{label} baselines: fetching the same {fetched['pages']:,} pages without applying "
        f"{fetched['seconds']:.1f} s ({fetched['cpu_s']:.1f} CPU s in the client); plain executemany "
        f"INSERTs of the same rows, a transaction per page: {baseline:.1f} s"
    )
    report.comment(
        f"pull_peak_rss: VmRSS {pulled['rss_before_kb'] / 1024:.0f} MB before the pull (imports, database "
        f"open), VmHWM {pulled['hwm_kb'] / 1024:.0f} MB at the end; the fetch-only child peaked at "
        f"{fetched['hwm_kb'] / 1024:.0f} MB"
    )
    report.figure(f"{label}_s", seconds, "s", INITIAL_PULL if n == FULL_ACCOUNTS else None)
    report.figure("pull_peak_rss_mb", pulled["hwm_kb"] / 1024, "MB")
    report.figure("pull_fetch_only_s", fetched["seconds"], "s")
    report.figure("sqlite_executemany_baseline_s", baseline, "s")
    report.figure(f"{label}_fetch_ratio", ratio(seconds, fetched["seconds"]), "ratio")
    report.figure(f"{label}_sqlite_ratio", ratio(seconds, baseline), "ratio")
    if n != FULL_ACCOUNTS:
        report.figure("initial_pull_1m_accounts_extrapolated_s", seconds * FULL_ACCOUNTS / n, "s")
        report.comment("initial_pull_1m_accounts: the ≤90 s target is checked in the full run")


if __name__ == "__main__":
    code = child_main(sys.argv[1:])
    sys.stdout.flush()
    os._exit(code)
