"""The supervisor's daily counter log (issue 7) of a busy hall day.

``daily_log_ms``: ``core.daily_log.day`` (load the day's tickets with their events, queue log,
payments, reprints, shifts, applications, complaints and consultations, then every KPI per hall,
window and clerk and the hourly series) on a copy of the demo database with a hall-day of 3,000
tickets (about 17,000 ticket events: no-shows, transfers, parked customers, ratings) and 2,000
payments (40 reversed) added for today. The baseline reads the same ticket, event and payment rows
with bare sqlite3 SELECTs and builds nothing. ``daily_log_ms`` is timed as the app runs the call
(automatic garbage collection off in its DB worker, ``ui/gc_guard.py``); ``daily_log_gc_on_ms`` is
the same call with the collector on, as a plain script would run it.
"""

import gc
import random
import shutil
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.common import Report, Target, median, p95, progress, ratio
from bench.payments import copy_database

DAILY_LOG = Target(300.0, "≤300 ms for 3,000 tickets and 2,000 payments (issue #7)")
TICKETS, PAYMENTS, REVERSALS = 3_000, 2_000, 40
RUNS_QUICK, RUNS_FULL = 10, 30
WARMUP = 2
DT = "%Y-%m-%d %H:%M:%S.%f"
BASELINE_SQL = (
    "SELECT * FROM ticket WHERE hall_id = :hall AND business_date = :day",
    "SELECT e.ticket_id, e.kind, e.at, e.window_no, e.staff_no FROM ticket_event e "
    "JOIN ticket t ON t.ticket_id = e.ticket_id WHERE t.hall_id = :hall AND t.business_date = :day "
    "ORDER BY e.ticket_id, e.seq",
    "SELECT * FROM payment WHERE business_date = :day",
)


def _ms(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - started) / 1e6


def _as_in_the_app(call) -> float:  # type: ignore[no-untyped-def]
    """``_ms`` with automatic garbage collection off, as in the app (``ui/gc_guard.py``: the GUI
    thread collects on a timer, never the DB worker in the middle of a call); collected untimed."""
    gc.collect()
    gc.disable()
    try:
        return _ms(call)
    finally:
        gc.enable()


def _cpu_ms(call) -> float:  # type: ignore[no-untyped-def]
    """This thread's CPU time: what the call costs when other processes share the cores."""
    started = time.thread_time_ns()
    call()
    return (time.thread_time_ns() - started) / 1e6


class _Day:
    """Rows of one busy hall day, written with plain sqlite3 (the services would take minutes)."""

    def __init__(self, conn: sqlite3.Connection, day: date, seed: int) -> None:
        self.conn, self.day, self.rng = conn, day, random.Random(seed)
        self.hall = conn.execute("SELECT hall_id FROM hall").fetchone()[0]
        self.device = conn.execute("SELECT device_id FROM device_identity").fetchone()[0]
        self.clerks = [r[0] for r in conn.execute("SELECT staff_no FROM operator WHERE role = 'clerk'")]
        self.operators = dict(conn.execute("SELECT staff_no, operator_id FROM operator"))
        self.opening = datetime(day.year, day.month, day.day, 0, 30, tzinfo=UTC)  # 08:30 hall time
        self.tickets: list[tuple] = []
        self.events: list[tuple] = []

    def at(self, minutes: float) -> str:
        return (self.opening + timedelta(minutes=minutes)).strftime(DT)

    def ticket(self, n: int) -> None:
        rng = self.rng
        kind, letter = rng.choice((("payment", "A"), ("payment", "A"), ("business", "B"), ("consult", "C")))
        ticket_id = f"bench-ticket-{n:05d}"
        issued = rng.uniform(0, 500)
        events = [("issued", issued, None, "G001")]
        now = issued + rng.uniform(0, 30)
        window, staff = rng.randint(1, 4), rng.choice(self.clerks)
        events.append(("called", now, window, staff))
        path = rng.random()
        if path < 0.05:
            events.append(("no_show", now + 2, window, staff))
        else:
            if path < 0.10:
                events += [("started", now + 1, window, staff), ("transferred", now + 4, window, staff)]
                now, window = now + rng.uniform(5, 20), rng.randint(1, 4)
                events.append(("called", now, window, staff))
            elif path < 0.13:
                events += [("parked", now + 2, window, staff), ("called", now + 10, window, staff)]
                now += 10
            events.append(("started", now + 0.5, window, staff))
            events.append(("finished", now + rng.uniform(2, 12), window, staff))
        rating = rng.choice((5, 5, 5, 4, 3, 2, 1, None)) if events[-1][0] == "finished" else None
        if rating is not None:
            events.append(("rated", events[-1][1] + 0.5, None, staff))
        self.tickets.append(
            (ticket_id, self.hall, self.day.isoformat(), kind, kind, n + 1, f"{letter}{n + 1:04d}", self.device,
             "finished" if rating is not None or events[-1][0] == "finished" else "no_show",
             self.at(issued), rating, "等候时间长" if rating is not None and rating <= 2 else None)
        )  # fmt: skip
        for seq, (event, minutes, win, who) in enumerate(events, start=1):
            self.events.append((f"{ticket_id}-{seq}", ticket_id, seq, event, self.at(minutes), win, who))

    def write_tickets(self) -> None:
        for n in range(TICKETS):
            self.ticket(n)
        self.conn.executemany(
            "INSERT INTO ticket (ticket_id, hall_id, business_date, business_type, queue_type, number,"
            " display_no, issuing_device_id, state, issued_at, rating, rating_reason, manual)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
            self.tickets,
        )
        self.conn.executemany(
            "INSERT INTO ticket_event (event_id, ticket_id, seq, kind, at, window_no, staff_no, details)"
            " VALUES (?,?,?,?,?,?,?,'{}')",
            self.events,
        )

    def write_payments(self) -> None:
        rng = self.rng
        accounts = [r[0] for r in self.conn.execute("SELECT account_id FROM account LIMIT ?", (PAYMENTS,))]
        rows = []
        for n in range(PAYMENTS):
            method = rng.choice(("cash", "cash", "wechat", "alipay", "card"))
            amount = rng.randrange(1000, 50000)
            operator = self.operators[rng.choice(self.clerks)]
            moment = self.at(rng.uniform(0, 540))
            rows.append((f"bench-pay-{n:05d}", f"BENCH{n:07d}", accounts[n % len(accounts)], amount, method,
                         operator, moment, None))  # fmt: skip
            if n < REVERSALS:
                rows.append((f"bench-rev-{n:05d}", f"BENCHR{n:06d}", accounts[n % len(accounts)], -amount,
                             method, operator, moment, f"bench-pay-{n:05d}"))  # fmt: skip
        self.conn.executemany(
            "INSERT INTO payment (payment_id, receipt_no, device_id, account_id, amount_fen, penalty_fen,"
            " method, operator_id, business_date, paid_at, reverses_payment_id)"
            f" VALUES (?,?,'{self.device}',?,?,0,?,?,'{self.day.isoformat()}',?,?)",
            rows,
        )


def add_hall_day(db: Path, day: date, seed: int = 7) -> None:
    conn = sqlite3.connect(db)
    try:
        busy = _Day(conn, day, seed)
        busy.write_tickets()
        busy.write_payments()
        conn.commit()
        conn.execute("ANALYZE")
    finally:
        conn.close()


def run_daily_log(report: Report, db_path: Path, *, quick: bool) -> None:
    from hallapp.demo.reference import DEMO_PASSWORD
    from hallapp.services.hall_core import HallCore

    work = Path(tempfile.mkdtemp(prefix="daily-log-", dir=db_path.parent))
    try:
        db = copy_database(db_path, work)
        core = HallCore.open(db)
        today = core.clock.business_date()
        core.close()
        progress(f"daily_log: adding {TICKETS:,} tickets and {PAYMENTS:,} payments for {today}")
        add_hall_day(db, today)
        core = HallCore.open(db)
        try:
            _figures(report, core, core.auth.login("S001", DEMO_PASSWORD), db, today, quick=quick)
        finally:
            core.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _figures(report: Report, core, supervisor, db: Path, today: date, *, quick: bool) -> None:  # type: ignore[no-untyped-def]
    runs = RUNS_QUICK if quick else RUNS_FULL
    conn = sqlite3.connect(db)
    params = {"hall": core.device.hall_id, "day": today.isoformat()}
    try:
        for _ in range(WARMUP):
            log = core.daily_log.day(supervisor)
        service = [_as_in_the_app(lambda: core.daily_log.day(supervisor)) for _ in range(runs)]
        gc_on = [_ms(lambda: core.daily_log.day(supervisor)) for _ in range(runs)]
        cpu = [_cpu_ms(lambda: core.daily_log.day(supervisor)) for _ in range(runs)]
        bare = [
            _ms(lambda: [conn.execute(sql, params).fetchall() for sql in BASELINE_SQL]) for _ in range(runs)
        ]
    finally:
        conn.close()
    hall = log.hall
    report.comment(
        f"daily_log: {runs} × core.daily_log.day over {len(hall.tickets.served):,} served, "
        f"{len(hall.tickets.no_shows)} no-shows, {len(hall.tickets.transfers)} transfers, "
        f"{len(hall.money.payments) if hall.money else 0:,} payments, {len(log.windows)} windows, "
        f"{len(log.clerks)} clerks; the baseline reads the tickets, their events and the payments"
    )
    report.figure("daily_log_ms", median(service), "ms", DAILY_LOG)
    report.figure("daily_log_p95_ms", p95(service), "ms")
    report.figure("daily_log_gc_on_ms", median(gc_on), "ms")
    report.figure("daily_log_cpu_ms", median(cpu), "ms")
    report.figure("daily_log_bare_query_ms", median(bare), "ms")
    report.figure("daily_log_ratio", ratio(median(service), median(bare)), "ratio")
