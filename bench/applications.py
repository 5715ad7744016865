"""Applications intake (issue 5): accepting one, the overdue worklist at 100,000, the form's PDF.

1. ``application_submit_p95_ms``: ``core.applications.submit`` of a complete resident form (number,
   deadlines, event, outbox row, audit row; synchronous=FULL), alternating with the bare sqlite3
   commit of bench/payments.py as the baseline.
2. ``overdue_list_ms``: ``core.application_reads.worklist`` (overdue and due soon, with each row's
   working days left) on a copy of the demo database with 100,000 applications added (a third of
   them closed); the baseline is the same rows read by a bare sqlite3 query.
3. ``intake_form_render_ms``: the 用电申请登记表 sample to PDF, against a one-line reportlab PDF.
"""

import random
import shutil
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.common import Report, Target, median, p95, progress, ratio
from bench.payments import copy_database, fsync_baseline, reportlab_hello, timed_ms

SUBMIT = Target(50.0, "≤50 ms including the outbox row (issue #5)")
OVERDUE = Target(200.0, "≤200 ms over 100,000 applications (issue #5)")
SUBMITS_QUICK, SUBMITS_FULL = 100, 400
LISTS = 30
RENDERS = 60
APPLICATIONS = 100_000
WARMUP = 5
BASELINE_SQL = (
    "SELECT * FROM application WHERE closed_on IS NULL AND stage_due_on < ? "
    "ORDER BY stage_due_on, application_no LIMIT 500"
)


def _ms(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - started) / 1e6


def add_applications(db: Path, count: int, today: date, seed: int = 5) -> None:
    """``count`` applications across kinds and stages, due dates ±30 days, a third closed."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    try:
        clerk = conn.execute("SELECT operator_id FROM operator WHERE staff_no = 'C001'").fetchone()[0]
        rows = []
        for n in range(count):
            accepted = today - timedelta(days=rng.randrange(0, 60))
            closed = rng.random() < 0.33
            due = today + timedelta(days=rng.randrange(-30, 30))
            rows.append(
                (
                    f"bench-app-{n}",
                    f"AB{n:07d}",
                    rng.choice(("resident_new", "non_resident_new", "resident_increase")),
                    "archived" if closed else rng.choice(("accepted", "survey", "plan", "fees", "contract")),
                    f"申请人{n}",
                    accepted.isoformat(),
                    (accepted + timedelta(days=7)).isoformat(),
                    clerk,
                    accepted.isoformat(),
                    None if closed else due.isoformat(),
                    (accepted + timedelta(days=7)).isoformat() if closed else None,
                )
            )
        conn.executemany(
            "INSERT INTO application (application_id, application_no, kind, status, applicant_name,"
            " accepted_on, due_on, operator_id, data, stage_since, stage_due_on, closed_on, version)"
            " VALUES (?,?,?,?,?,?,?,?,'{}',?,?,?,1)",
            rows,
        )
        conn.commit()
        conn.execute("ANALYZE")
    finally:
        conn.close()


def run_applications(report: Report, db_path: Path, *, quick: bool) -> None:
    from hallapp.demo.reference import DEMO_PASSWORD
    from hallapp.services.hall_core import HallCore

    _render_figures(report)
    work = Path(tempfile.mkdtemp(prefix="applications-", dir=db_path.parent))
    try:
        db = copy_database(db_path, work)
        core = HallCore.open(db)
        try:
            clerk = core.auth.login("C001", DEMO_PASSWORD)
            _submit_figures(report, core, clerk, work, SUBMITS_QUICK if quick else SUBMITS_FULL)
            today = core.clock.business_date()
        finally:
            core.close()
        progress(f"applications: adding {APPLICATIONS:,} applications")
        add_applications(db, APPLICATIONS, today)
        core = HallCore.open(db)
        try:
            _list_figures(report, core, core.auth.login("C001", DEMO_PASSWORD), db, today)
        finally:
            core.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _submit_figures(report: Report, core, clerk, work: Path, n: int) -> None:  # type: ignore[no-untyped-def]
    from hallapp.demo.applications import person_new
    from hallapp.domain.ids import new_id

    progress(f"applications: {n} submits against a bare sqlite3 commit")
    draft = person_new()
    baseline = fsync_baseline(work / "fsync-baseline.sqlite")
    service: list[float] = []
    base: list[float] = []
    try:
        for _ in range(WARMUP):
            core.applications.submit(clerk, draft, request_id=new_id())
            baseline()
        for i in range(n):
            call = lambda: core.applications.submit(clerk, draft, request_id=new_id())  # noqa: E731
            if i % 2:
                base.append(baseline())
                service.append(_ms(call))
            else:
                service.append(_ms(call))
                base.append(baseline())
    finally:
        baseline.close()  # type: ignore[attr-defined]
    report.comment(f"application_submit: {n} × core.applications.submit; p50 {median(service):.2f} ms")
    report.figure("application_submit_p95_ms", p95(service), "ms", SUBMIT)
    report.figure("application_submit_baseline_p95_ms", p95(base), "ms")
    report.figure("application_submit_ratio", ratio(p95(service), p95(base)), "ratio")


def _list_figures(report: Report, core, clerk, db: Path, today: date) -> None:  # type: ignore[no-untyped-def]
    horizon = today.isoformat()
    conn = sqlite3.connect(db)
    try:
        work = core.application_reads.worklist(clerk)
        lists = [_ms(lambda: core.application_reads.worklist(clerk)) for _ in range(LISTS)]
        bare = [_ms(lambda: conn.execute(BASELINE_SQL, (horizon,)).fetchall()) for _ in range(LISTS)]
        open_count = conn.execute("SELECT count(*) FROM application WHERE closed_on IS NULL").fetchone()[0]
    finally:
        conn.close()
    report.comment(
        f"overdue_list: {APPLICATIONS:,} applications added ({open_count:,} open in all); the list holds "
        f"{work.overdue_total:,} overdue and {work.due_soon_total:,} due soon, {len(work.overdue)} and "
        f"{len(work.due_soon)} rows shown; the baseline reads the overdue rows only"
    )
    report.figure("overdue_list_ms", median(lists), "ms", OVERDUE)
    report.figure("overdue_list_p95_ms", p95(lists), "ms")
    report.figure("overdue_list_bare_query_ms", median(bare), "ms")
    report.figure("overdue_list_ratio", ratio(median(lists), median(bare)), "ratio")


def _render_figures(report: Report) -> None:
    from hallapp.printing import render_application_form
    from hallapp.printing.samples import sample_application_form

    doc = sample_application_form()
    first = _ms(lambda: render_application_form(doc))
    form = timed_ms(lambda: render_application_form(doc), RENDERS)
    hello = timed_ms(reportlab_hello, RENDERS)
    report.comment(f"intake_form_render: first render in this process {first:.1f} ms")
    report.figure("intake_form_render_ms", median(form), "ms")
    report.figure("intake_form_render_p95_ms", p95(form), "ms")
    report.figure("intake_form_render_ratio", ratio(median(form), median(hello)), "ratio")
