"""The central report (issue 7) over a month of a supply company's halls, on PostgreSQL.

``central_month_100_halls_s``: ``hallapp.central.report.report`` for November 2026 across every
hall, once the month is closed and its hall-days kept (each hall's figures merged from its kept
days, and the company's), on a fresh central database holding, per hall and day, ``TICKETS`` tickets with
their events (issued, called, started, finished, rated; one in twenty a no-show; four in five
rated), ``PAYMENTS`` payments (one in a hundred reversed), three closed shifts, the queue's
opening and closing and a pause, five applications, a complaint and a consultation. The rows are
written with set-based ``INSERT … SELECT generate_series`` (the op handlers would take hours).

Also measured: ``central_summarize_month_s``, keeping the month's 3,000 hall-days once
(``summarize_pending``, what cron does a day at a time after midnight: a thirtieth of it per night);
``central_today_100_halls_s``, the report of the last day while it is still today (computed from
the facts, never kept); ``central_month_cold_s``, the month's report after its kept days were
dropped. The baseline in the same run: the bare SELECTs of the month's ticket-event and payment
rows (psycopg, fetched, nothing built); ``central_report_cpu_s`` is the warm report's CPU time in
this process (the machine may be shared).
"""

import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.common import Report, Target, median, progress, ratio

MONTH = Target(3.0, "≤3 s for a month of 100 halls (issue #7)")
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
FULL = {"halls": 100, "tickets": 300, "payments": 200, "runs": 1}
QUICK = {"halls": 10, "tickets": 100, "payments": 60, "runs": 2}
DAYS = (LAST - FIRST).days + 1

# One statement per table; :halls, :days, :tickets, :payments, :first are bound.
GRID = """generate_series(1, %(halls)s) AS h, generate_series(0, %(days)s - 1) AS d"""
HALL = "'H' || lpad(h::text, 4, '0')"
DAY = "(%(first)s::date + d)"
HALL_TIME = "((%(first)s::date + d)::timestamp AT TIME ZONE 'Asia/Shanghai')"  # the hall day's midnight
SQL = {
    "hall": f"INSERT INTO hall (hall_id, name) SELECT {HALL}, '第' || h || '营业厅' FROM generate_series(1, %(halls)s) h "
    "ON CONFLICT DO NOTHING",
    "device": f"""INSERT INTO device (device_id, hall_id, device_code, token_hash)
        SELECT md5('device' || h)::uuid::text, {HALL}, 'H' || lpad(h::text, 6, '0'), md5('token' || h) || md5('t' || h)
        FROM generate_series(1, %(halls)s) h""",
    "operator": f"""INSERT INTO operator (operator_id, hall_id, staff_no, name, role, password_hash,
            verifier_expires_at, password_changed_at)
        SELECT md5('op' || h || '-' || w)::uuid::text, {HALL}, 'C' || lpad(h::text, 3, '0') || w,
            '职员' || h || '-' || w, 'clerk', 'x', now(), now()
        FROM generate_series(1, %(halls)s) h, generate_series(1, 4) w""",
    "hall_window": f"""INSERT INTO hall_window (hall_id, number, name)
        SELECT {HALL}, w, w || '号窗口' FROM generate_series(1, %(halls)s) h, generate_series(1, 4) w""",
    "hall_ticket_event": f"""INSERT INTO hall_ticket_event (ticket_id, seq, hall_id, business_date,
            business_type, display_no, kind, at, window_no, staff_no, rating, rating_reason)
        SELECT t.ticket_id, e.seq, t.hall_id, t.day, t.kind, t.display_no, e.kind, e.at,
            CASE WHEN e.seq > 1 THEN t.win END, CASE WHEN e.seq > 1 THEN t.staff END,
            CASE WHEN e.seq = 5 THEN t.score END, CASE WHEN e.seq = 5 AND t.score <= 2 THEN '等候时间太长' END
        FROM (
            SELECT {HALL} AS hall_id, {DAY} AS day, md5(h || '-' || d || '-' || n)::uuid::text AS ticket_id,
                CASE WHEN n %% 5 = 0 THEN 'business' ELSE 'payment' END AS kind,
                CASE WHEN n %% 5 = 0 THEN 'B' ELSE 'A' END || lpad(n::text, 3, '0') AS display_no,
                {HALL_TIME} + interval '8 hours 30 minutes' + n * (interval '9 hours' / %(tickets)s) AS issued,
                (random() * 1500)::int * interval '1 second' AS wait,
                (60 + random() * 600)::int * interval '1 second' AS handling,
                1 + n %% 4 AS win, 'C' || lpad(h::text, 3, '0') || (1 + n %% 4) AS staff,
                random() < 0.05 AS no_show, random() < 0.8 AS rated, 1 + (random() * 4.99)::int AS score
            FROM {GRID}, generate_series(1, %(tickets)s) AS n
        ) t CROSS JOIN LATERAL (VALUES
            (1, 'issued', t.issued),
            (2, 'called', t.issued + t.wait),
            (3, CASE WHEN t.no_show THEN 'no_show' ELSE 'started' END, t.issued + t.wait + interval '30 seconds'),
            (4, 'finished', t.issued + t.wait + interval '30 seconds' + t.handling),
            (5, 'rated', t.issued + t.wait + interval '40 seconds' + t.handling)
        ) AS e(seq, kind, at)
        WHERE NOT (t.no_show AND e.seq > 3) AND NOT (e.seq = 5 AND NOT t.rated)""",
    "payment": f"""INSERT INTO payment (payment_id, receipt_no, device_id, device_seq, account_no, amount_fen,
            method, operator_id, shift_id, business_date, device_time, posting_status)
        SELECT md5('pay' || h || '-' || d || '-' || n)::uuid::text,
            'H' || lpad(h::text, 6, '0') || '-' || lpad((d * 10000 + n)::text, 10, '0'),
            md5('device' || h)::uuid::text, d * 10000 + n, '32' || lpad((h * 100000 + n)::text, 8, '0'),
            1000 + (random() * 49000)::int, (ARRAY['cash', 'cash', 'wechat', 'alipay', 'card'])[1 + n %% 5],
            md5('op' || h || '-' || (1 + n %% 3))::uuid::text, md5('shift' || h || '-' || d || '-' || (1 + n %% 3))::uuid::text,
            {DAY}, {HALL_TIME} + interval '8 hours 40 minutes' + n * (interval '8 hours' / %(payments)s), 'posted'
        FROM {GRID}, generate_series(1, %(payments)s) AS n""",
    "reversal": """INSERT INTO payment (payment_id, receipt_no, device_id, device_seq, account_no, amount_fen,
            method, operator_id, shift_id, business_date, device_time, posting_status, reverses_payment_id)
        SELECT md5('rev' || p.payment_id)::uuid::text, p.receipt_no || 'R', p.device_id, p.device_seq + 5000,
            p.account_no, -p.amount_fen, p.method, p.operator_id, p.shift_id, p.business_date,
            p.device_time + interval '5 minutes', 'posted', p.payment_id
        FROM payment p WHERE p.device_seq %% 100 = 7""",
    "hall_shift": f"""INSERT INTO hall_shift (shift_id, hall_id, operator_id, business_date, opened_at, closed_at,
            expected_cash_fen, counted_cash_fen, difference_reason)
        SELECT md5('shift' || h || '-' || d || '-' || c)::uuid::text, {HALL}, md5('op' || h || '-' || c)::uuid::text,
            {DAY}, {HALL_TIME} + interval '8 hours', {HALL_TIME} + interval '17 hours 40 minutes',
            100000, 100000 + CASE WHEN c = 1 AND d %% 7 = 0 THEN 100 ELSE 0 END,
            CASE WHEN c = 1 AND d %% 7 = 0 THEN '多收一元' END
        FROM {GRID}, generate_series(1, 3) AS c""",
    "hall_queue_log": f"""INSERT INTO hall_queue_log (event_id, hall_id, business_date, kind, at, window_no, operator_id)
        SELECT md5('q' || h || '-' || d || '-' || k)::uuid::text, {HALL}, {DAY},
            (ARRAY['queue_open', 'window_pause', 'window_resume', 'queue_close'])[k],
            {HALL_TIME} + (ARRAY[interval '8 hours 30 minutes', interval '12 hours', interval '12 hours 20 minutes',
                interval '17 hours 30 minutes'])[k],
            CASE WHEN k IN (2, 3) THEN 1 END, md5('op' || h || '-1')::uuid::text
        FROM {GRID}, generate_series(1, 4) AS k""",
    "hall_application": f"""INSERT INTO hall_application (application_id, hall_id, application_no, kind, status,
            accepted_on, accepted_by, due_on, closed_on, completed_by, version)
        SELECT md5('app' || h || '-' || d || '-' || n)::uuid::text, {HALL},
            'A' || lpad(h::text, 4, '0') || '-' || lpad((d * 10 + n)::text, 5, '0'), 'resident_new',
            CASE WHEN n <= 2 THEN 'archived' ELSE 'survey' END, {DAY}, md5('op' || h || '-2')::uuid::text,
            {DAY} + 7, CASE WHEN n <= 2 THEN {DAY} + n - 1 END,
            CASE WHEN n <= 2 THEN md5('op' || h || '-2')::uuid::text END, 3
        FROM {GRID}, generate_series(1, 5) AS n""",
    "hall_complaint": f"""INSERT INTO hall_complaint (complaint_id, hall_id, complaint_no, business_date, operator_id,
            cause, received_at, version)
        SELECT md5('cmp' || h || '-' || d)::uuid::text, {HALL}, 'T' || lpad(h::text, 4, '0') || '-' || d, {DAY},
            md5('op' || h || '-3')::uuid::text, 'efficiency', {HALL_TIME} + interval '10 hours', 1
        FROM {GRID}""",
    "hall_consultation": f"""INSERT INTO hall_consultation (consultation_id, hall_id, consultation_no, business_date,
            operator_id, answered, created_at)
        SELECT md5('con' || h || '-' || d)::uuid::text, {HALL}, 'Z' || lpad(h::text, 4, '0') || '-' || d, {DAY},
            md5('op' || h || '-3')::uuid::text, d %% 2 = 0, {HALL_TIME} + interval '11 hours'
        FROM {GRID}""",
}
BASELINE_SQL = (
    "SELECT ticket_id, seq, hall_id, business_date, business_type, display_no, kind, at, window_no, staff_no, "
    "rating, rating_reason FROM hall_ticket_event WHERE business_date BETWEEN %(first)s AND %(last)s "
    "ORDER BY ticket_id, seq",
    "SELECT p.*, d.hall_id FROM payment p JOIN device d USING (device_id) "
    "WHERE p.business_date BETWEEN %(first)s AND %(last)s ORDER BY p.device_time, p.receipt_no",
)


def run_central_report(report: Report, quick: bool = False) -> None:
    from bench.sync import Central

    size = QUICK if quick else FULL
    with tempfile.TemporaryDirectory(prefix="hallapp-central-report-") as tmp:
        central = Central(Path(tmp))
        try:
            progress("central_report: creating the central database")
            central.create()
            seconds = _fill(central, size)
            report.comment(
                f"central_report: {size['halls']} halls × {DAYS} days × {size['tickets']} tickets "
                f"and {size['payments']} payments per hall-day; {_counts(central)}; written in {seconds:.0f} s"
            )
            _measure(report, central, size)
        finally:
            central.drop()


def _fill(central, size: dict[str, int]) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    params = {"halls": size["halls"], "days": DAYS, "tickets": size["tickets"]}
    params |= {"payments": size["payments"], "first": FIRST}
    with central.connect() as conn:
        conn.execute("SELECT setseed(0.20261123)")
        for table, sql in SQL.items():
            progress(f"central_report: writing {table}")
            conn.execute(sql, params)
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    return time.monotonic() - started


def _counts(central) -> str:  # type: ignore[no-untyped-def]
    with central.connect() as conn:
        events = conn.execute("SELECT count(*), count(DISTINCT ticket_id) FROM hall_ticket_event").fetchone()
        payments = conn.execute("SELECT count(*) FROM payment").fetchone()[0]
    return f"{events[1]:,} tickets with {events[0]:,} events, {payments:,} payments and reversals"


def _measure(report: Report, central, size: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    from hallapp.central.report import report as central_report
    from hallapp.central.report import summarize_pending

    closed = LAST + timedelta(days=1)
    progress("central_report: keeping the month's hall-days")
    started = time.perf_counter()
    kept = summarize_pending(central.sessions, today=closed, days=DAYS)
    report.figure("central_summarize_month_s", time.perf_counter() - started, "s")
    assert kept == size["halls"] * DAYS, kept
    timed, cpu, bare = [], [], []
    result = None
    for run in range(size["runs"]):
        progress(f"central_report: run {run + 1} of {size['runs']}")
        started = time.perf_counter()
        with central.connect() as conn:
            for sql in BASELINE_SQL:
                conn.execute(sql, {"first": FIRST, "last": LAST}).fetchall()
        bare.append(time.perf_counter() - started)
        started, started_cpu = time.perf_counter(), time.thread_time()
        result = central_report(central.sessions, FIRST, LAST, today=closed)
        timed.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    assert result is not None and len(result.halls) == size["halls"]
    report.comment(f"central_report: the month's total: {result.total.served:,} customers served")
    report.figure("central_month_100_halls_s", median(timed), "s", None if size is QUICK else MONTH)
    report.figure("central_report_cpu_s", median(cpu), "s")  # this process only (not PostgreSQL's)
    report.figure("central_report_bare_query_s", median(bare), "s")
    report.figure("central_report_ratio", ratio(median(timed), median(bare)), "ratio")
    started = time.perf_counter()
    central_report(central.sessions, LAST, LAST, today=LAST)
    report.figure("central_today_100_halls_s", time.perf_counter() - started, "s")
    with central.connect() as conn:
        conn.execute("DELETE FROM hall_day_summary")
        conn.commit()
    started = time.perf_counter()
    cold = central_report(central.sessions, FIRST, LAST, today=closed)
    report.figure("central_month_cold_s", time.perf_counter() - started, "s")
    assert cold == result
