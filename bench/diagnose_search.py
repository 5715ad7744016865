"""Diagnosis for the slow search kinds: today's SQL against the shapes proposed in bench/README.md.

    python -m bench.diagnose_search --db PATH [--queries 300]

Not part of ``python -m bench`` (it measures SQL the core does not run yet). Uses figure 2's query
draw (same seed, so the same texts) on plain sqlite3, and prints for each kind the p95 of the
current shape and of the proposed one, plus how many queries return a different set of accounts
(the proposals choose *which* ≤50 accounts to show differently; see the README).
"""

import argparse
import sqlite3
import time
from pathlib import Path

from bench.common import Report, p95, warm_file
from bench.search import BY_FTS, BY_NAME, LIMIT, TOP, TRIGRAM, draw_queries, fts_phrase, like_pattern

HIT = "a.account_id, a.account_no, c.name, c.phone, a.address, a.status"
# Name: let ix_customer_name deliver rows in order and stop at the limit (ties broken by 户号).
NAME_BY_NAME = (
    f"SELECT {HIT} FROM account AS a JOIN customer AS c ON c.customer_id = a.customer_id "
    "WHERE c.name >= ? AND c.name < ? ORDER BY c.name, a.account_no LIMIT ?"
)
# Address: let the FTS subquery stop at the limit in its own (rowid) order, so only ≤50 rows are
# joined and sorted by 户号 (today every match is: 1M rows for 示例市).
FTS_LIMITED = (
    f"SELECT {HIT} FROM account AS a JOIN customer AS c ON c.customer_id = a.customer_id "
    "WHERE a.rowid IN (SELECT rowid FROM account_fts WHERE account_fts MATCH ? ORDER BY rowid LIMIT ?) "
    "ORDER BY a.account_no LIMIT ?"
)
LIKE = (
    f"SELECT {HIT} FROM account AS a JOIN customer AS c ON c.customer_id = a.customer_id "
    "WHERE a.address LIKE ? ESCAPE '\\' ORDER BY a.account_no LIMIT ?"
)


def current(conn: sqlite3.Connection, kind: str, text: str) -> list:
    if kind == "name":
        return conn.execute(BY_NAME, (text, text + TOP, LIMIT)).fetchall()
    if kind == "address_fts":
        return conn.execute(BY_FTS, (fts_phrase(text), LIMIT)).fetchall()
    hits = current(conn, "name", text)
    if len(hits) < LIMIT:
        seen = {h[0] for h in hits}
        more = (
            conn.execute(BY_FTS, (fts_phrase(text), LIMIT - len(hits))).fetchall()
            if len(text) >= TRIGRAM
            else conn.execute(LIKE, (like_pattern(text), LIMIT - len(hits))).fetchall()
        )
        hits += [h for h in more if h[0] not in seen]
    return hits


def proposed(conn: sqlite3.Connection, kind: str, text: str) -> list:
    if kind == "name":
        return conn.execute(NAME_BY_NAME, (text, text + TOP, LIMIT)).fetchall()
    if kind == "address_fts":
        return conn.execute(FTS_LIMITED, (fts_phrase(text), LIMIT, LIMIT)).fetchall()
    hits = proposed(conn, "name", text)
    if len(hits) < LIMIT:
        seen = {h[0] for h in hits}
        n = LIMIT - len(hits)
        more = (
            conn.execute(FTS_LIMITED, (fts_phrase(text), n, n)).fetchall()
            if len(text) >= TRIGRAM
            else conn.execute(LIKE, (like_pattern(text), LIMIT - len(hits))).fetchall()
        )
        hits += [h for h in more if h[0] not in seen]
    return hits


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.diagnose_search")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--queries", type=int, default=300)
    args = p.parse_args(argv)
    report = Report()
    warm_file(args.db)
    conn = sqlite3.connect(args.db, isolation_level=None)
    texts = draw_queries(conn, args.queries, 20261122)  # the seed figure 2 uses
    for kind in ("name", "address_fts", "auto_text"):
        now_ms, new_ms, differ = [], [], 0
        for text in texts[kind]:
            started = time.perf_counter_ns()
            a = current(conn, kind, text)
            mid = time.perf_counter_ns()
            b = proposed(conn, kind, text)
            now_ms.append((mid - started) / 1e6)
            new_ms.append((time.perf_counter_ns() - mid) / 1e6)
            differ += {r[0] for r in a} != {r[0] for r in b}
        report.comment(f"{kind}: {len(now_ms)} queries, {differ} return a different set of ≤{LIMIT} accounts")
        report.figure(f"diag_current_{kind}_p95_ms", p95(now_ms), "ms")
        report.figure(f"diag_proposed_{kind}_p95_ms", p95(new_ms), "ms")
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
