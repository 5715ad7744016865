"""Figure 4: peak RSS of a client that searches and opens accounts, against a bare Qt process.

The child (bench.rss_child) loads the real UI stack offscreen, signs in, runs ``searches`` searches
of mixed kinds (drawn like figure 2's, round-robin over the six kinds) and opens ``opens``
accounts, all through CoreOps. Its peak RSS is the VmHWM it reads from /proc/self/status at the
end; the baseline's is read the same way. wait4's ru_maxrss is printed as a comment only: Linux
folds the spawning parent's RSS into it (see bench.procs.QT_HELLO_HWM), and RUSAGE_CHILDREN would
also mix in every other child this run has spawned.
"""

import json
import random
import sqlite3
from pathlib import Path

from bench.common import Report, Target, progress, ratio
from bench.procs import qt_hello_hwm_mb, spawn
from bench.search import draw_queries, draw_rows

RSS = Target(300.0, "≤300 MB (issue #2)")
SERVICE_KIND = {
    "account_no": "account_no",
    "phone": "phone",
    "name": "name",
    "address_fts": "address",
    "address_short": "address",
    "auto_text": "auto",
}


def make_plan(db_path: Path, *, searches: int, opens: int, seed: int) -> dict:
    conn = sqlite3.connect(db_path)
    try:
        per_kind = -(-searches // len(SERVICE_KIND))
        texts = draw_queries(conn, per_kind, seed)
        ids = [r.account_id for r in draw_rows(conn, opens, random.Random(seed + 1))]
    finally:
        conn.close()
    mixed = [
        [texts[kind][i], SERVICE_KIND[kind]]
        for i in range(per_kind)
        for kind in SERVICE_KIND
        if i < len(texts[kind])
    ]
    return {"searches": mixed[:searches], "open": ids}


def run_memory(
    report: Report, db_path: Path, *, searches: int = 200, opens: int = 50, seed: int = 20261123
) -> None:
    plan = make_plan(db_path, searches=searches, opens=opens, seed=seed)
    progress(f"memory: client child ({len(plan['searches'])} searches, {len(plan['open'])} opens)")
    child = spawn(["-m", "bench.rss_child", str(db_path)], marker="rss", stdin=json.dumps(plan))
    hwm_kb, rss_kb, _self_maxrss_kb, after_login_kb = (int(v) for v in (child.marker or "").split())
    lost = next((line.split()[1:] for line in child.stdout if line.startswith("true-refs-lost")), None)
    if lost and int(lost[0]) > 0:
        report.comment(
            f"warning: {lost[1]} no-op CoreOps calls lost {lost[0]} references to True: PySide6 "
            "Signal.emit refcount bug, a long session will abort (see bench/README.md)"
        )
    progress("memory: bare Qt hello child")
    hello_mb = qt_hello_hwm_mb()
    client_mb = hwm_kb / 1024
    report.comment(
        f"client_rss: {len(plan['searches'])} searches + {len(plan['open'])} opens in "
        f"{child.exit_wall_s:.1f} s; peak (VmHWM) {client_mb:.1f} MB, VmRSS after sign-in with the "
        f"workspace shown {after_login_kb / 1024:.1f} MB, at the end {rss_kb / 1024:.1f} MB "
        f"(wait4 ru_maxrss {child.maxrss_mb:.1f} MB includes the runner's own RSS at spawn)"
    )
    report.figure("client_rss_mb", client_mb, "MB", RSS)
    report.figure("client_rss_after_signin_mb", after_login_kb / 1024, "MB")
    report.figure("python_qt_idle_rss_mb", hello_mb, "MB")
    report.figure("client_rss_overhead_ratio", ratio(client_mb, hello_mb), "ratio")
