"""Importing the billing system's CSV exports into the central master data (customer, account, bill).

Rows are checked in Python (``master_csv``); the good ones go to PostgreSQL in batches, one
transaction per batch: COPY into a temporary table, then ``INSERT … ON CONFLICT DO UPDATE … WHERE``
the row differs, so an unchanged row is not touched, keeps its version and writes no ``change_log``
row. Every inserted or changed row bumps its ``version`` and writes a ``change_log`` upsert into
the scope of its hall (``hall:<hall_id>``) in the same transaction; an account moving to another
hall also leaves the old hall (``delete`` of the account, its bills and, when it was the customer's
last account there, the customer) and brings its bills and customer to the new one.

Each batch first takes one transaction-level advisory lock, before it writes anything: master-data
writers run one at a time, so their transaction ids are taken in commit order and a PC pulling in
``(xid, id)`` order sees a customer before its account and an account before its bills.

A batch that fails (a database error, a failpoint) is rolled back alone; the report names it and its
rows go to the rejects file. Batches already committed stay, and the next ones go on.
"""

import csv
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from hallapp import failpoints
from hallapp.central.db import Sessions
from hallapp.central.feed import LOG, PRIVATE
from hallapp.central.master_csv import (
    DEFAULT_ACCOUNT_NO_LENGTH,
    AccountRules,
    BillRules,
    Checked,
    Column,
    FileRefused,
    Problem,
    account_columns,
    bill_columns,
    check_header,
    check_row,
    detect_encoding,
    read_rows,
)
from hallapp.central.schema import Hall

log = logging.getLogger(__name__)
BATCH_ROWS = 1000
MASTER_DATA_LOCK = 0x48414C4C4D415354  # 'HALLMAST': one master-data writer at a time
FAILPOINT = "central.import_batch"  # after a batch's writes, before its commit
ANALYZE_EVERY = 25  # batches: the tables grow fast during a first import and the planner must know


@dataclass(frozen=True)
class BatchFailure:
    number: int
    first_line: int
    last_line: int
    rows: int
    error: str


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """What an import did. Row counts add up: read = inserted + updated + unchanged + rejected + failed."""

    kind: str  # "accounts" | "bills"
    path: Path
    encoding: str = ""
    rows_read: int = 0
    rows: Counts = field(default_factory=Counts)
    rejected: int = 0
    failed: int = 0  # rows in batches that were rolled back
    customers: Counts | None = None  # accounts file only: distinct customers
    change_log_rows: int = 0
    batches: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    failed_batches: list[BatchFailure] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rejected_rows: dict[int, list[str]] = field(default_factory=dict)  # line -> the row as read
    customer_ids: set[str] = field(default_factory=set, repr=False)  # in committed batches

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.failed

    def reject(self, row: Checked, problems: list[Problem]) -> None:
        self.rejected += 1
        self.problems.extend(problems)
        self.rejected_rows[row.line] = row.raw

    def summary_lines(self, max_problems: int = 20) -> list[str]:
        what = "户档案" if self.kind == "accounts" else "电费账单"
        r = self.rows
        lines = [
            f"导入{what}：{self.path}（编码 {self.encoding}）",
            f"读取 {self.rows_read} 行：新增 {r.inserted}，更新 {r.updated}，未变 {r.unchanged}，"
            f"拒收 {self.rejected}，写入失败 {self.failed}",
        ]
        if self.customers is not None:
            c = self.customers
            lines.append(f"客户：新增 {c.inserted}，更新 {c.updated}，未变 {c.unchanged}")
        rate = self.rows_read / self.seconds if self.seconds else 0
        lines.append(
            f"变更记录 {self.change_log_rows} 条，{self.batches} 批，用时 {self.seconds:.1f} 秒（{rate:,.0f} 行/秒）"
        )
        for failure in self.failed_batches:
            lines.append(
                f"第 {failure.number} 批（第 {failure.first_line}–{failure.last_line} 行，{failure.rows} 行）"
                f"写入失败，整批已回滚：{failure.error}"
            )
        for title, items in (("拒收原因", self.problems), ("请核对（已导入）", self.warnings)):
            if items:
                lines.append(f"{title}（共 {len(items)} 条）：")
                lines += [f"  第 {p.line} 行 {p.column or '整行'}：{p.reason}" for p in items[:max_problems]]
                if len(items) > max_problems:
                    lines.append(f"  …… 其余 {len(items) - max_problems} 条见拒收文件")
        return lines

    def write_rejects(self, path: Path) -> int:
        """The refused rows as read, with their line and reasons first (UTF-8 with BOM, for Excel)."""
        reasons: dict[int, list[str]] = {}
        for p in self.problems:
            reasons.setdefault(p.line, []).append(f"{p.column}：{p.reason}" if p.column else p.reason)
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["line", "problems", *self.header])
            for line in sorted(self.rejected_rows):
                writer.writerow([line, "；".join(reasons.get(line, [])), *self.rejected_rows[line]])
        return len(self.rejected_rows)


@dataclass
class Outcome:
    """What one batch did once committed."""

    rows: Counts
    change_log_rows: int
    refused: list[tuple[Checked, Problem]] = field(default_factory=list)
    customers: Counts | None = None
    customer_ids: set[str] = field(default_factory=set)


Writer = Callable[[Session, list[Checked]], Outcome]


def import_accounts(
    sessions: Sessions,
    path: Path,
    *,
    account_no_length: int = DEFAULT_ACCOUNT_NO_LENGTH,
    batch_rows: int = BATCH_ROWS,
    today: date | None = None,
) -> ImportReport:
    """Customers and accounts from one CSV (columns: ``master_csv.account_columns``)."""
    with sessions() as s:
        halls = frozenset(s.scalars(select(Hall.hall_id)))
    rules = AccountRules(halls=halls, today=today or date.today())
    report = ImportReport("accounts", Path(path), customers=Counts())
    _run(sessions, report, account_columns(account_no_length), rules.check, _write_accounts, batch_rows)
    assert report.customers is not None
    c = report.customers
    c.unchanged = len(report.customer_ids) - c.inserted - c.updated
    return report


def import_bills(
    sessions: Sessions,
    path: Path,
    *,
    account_no_length: int = DEFAULT_ACCOUNT_NO_LENGTH,
    batch_rows: int = BATCH_ROWS,
) -> ImportReport:
    """Bills from one CSV (columns: ``master_csv.bill_columns``); their accounts must exist."""
    report = ImportReport("bills", Path(path))
    _run(sessions, report, bill_columns(account_no_length), BillRules().check, _write_bills, batch_rows)
    return report


def _run(
    sessions: Sessions,
    report: ImportReport,
    columns: tuple[Column, ...],
    check: Callable[[Checked], None],
    write: Writer,
    batch_rows: int,
) -> None:
    started = time.perf_counter()
    if not report.path.is_file():
        raise FileRefused(f"找不到文件：{report.path}")
    report.encoding = detect_encoding(report.path)
    rows = read_rows(report.path, report.encoding)
    first = next(rows, None)
    if first is None:
        raise FileRefused("文件为空：第 1 行应为表头")
    report.header = check_header(first[1], columns)
    _analyze(sessions)
    batch: list[Checked] = []
    for line, raw in rows:
        report.rows_read += 1
        row = check_row(line, raw, report.header, columns)
        if row.values:
            check(row)
        report.warnings.extend(row.warnings)
        if row.problems:
            report.reject(row, row.problems)
            continue
        batch.append(row)
        if len(batch) >= batch_rows:
            _write_batch(sessions, report, write, batch)
            batch = []
            if report.batches % ANALYZE_EVERY == 0:
                _analyze(sessions)
    if batch:
        _write_batch(sessions, report, write, batch)
    _analyze(sessions)
    report.seconds = time.perf_counter() - started
    log.info(
        "import %s %s: %d rows, %d rejected, %d failed, %.1f s",
        report.kind,
        report.path.name,
        report.rows_read,
        report.rejected,
        report.failed,
        report.seconds,
    )


def _analyze(sessions: Sessions) -> None:
    """Fresh planner statistics: a batch joins a thousand staged rows with tables of millions."""
    with sessions.begin() as s:
        s.execute(text("ANALYZE customer, account, bill"))


def _write_batch(sessions: Sessions, report: ImportReport, write: Writer, rows: list[Checked]) -> None:
    report.batches += 1
    number = report.batches
    try:
        with sessions.begin() as s:
            # Before the first write, so that the batch's xid is taken after the previous writer's commit.
            s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MASTER_DATA_LOCK})
            outcome = write(s, rows)
            failpoints.hit(FAILPOINT)
    except (SQLAlchemyError, failpoints.FailpointHit) as exc:
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            raise  # the database went away: every later batch would fail the same way
        _batch_failed(report, number, rows, exc)
        return
    report.rows.inserted += outcome.rows.inserted
    report.rows.updated += outcome.rows.updated
    report.rows.unchanged += outcome.rows.unchanged
    report.change_log_rows += outcome.change_log_rows
    for row, problem in outcome.refused:
        report.reject(row, [problem])
    if outcome.customers is not None and report.customers is not None:
        report.customers.inserted += outcome.customers.inserted
        report.customers.updated += outcome.customers.updated
        report.customer_ids.update(outcome.customer_ids)


def _batch_failed(report: ImportReport, number: int, rows: list[Checked], exc: BaseException) -> None:
    error = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
    failure = BatchFailure(number, rows[0].line, rows[-1].line, len(rows), error)
    report.failed_batches.append(failure)
    report.failed += len(rows)
    reason = f"第 {number} 批写入失败，整批已回滚：{error}"
    for row in rows:
        report.problems.append(Problem(row.line, "", reason))
        report.rejected_rows[row.line] = row.raw
    log.error(
        "import %s: batch %d (lines %d-%d) rolled back: %s",
        report.kind,
        number,
        rows[0].line,
        rows[-1].line,
        error,
    )


def _copy(s: Session, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """COPY ``rows`` into the temporary ``table`` on the session's own connection and transaction."""
    raw = s.connection().connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# -- accounts ---------------------------------------------------------------------------------------

CUSTOMER_COLUMNS = (
    "kind",
    "name",
    "id_type",
    "id_number",
    "credit_code",
    "phone",
    "email",
    "mail_address",
    "contact_verified_on",
)
ACCOUNT_COLUMNS = (
    "hall_id",
    "region_id",
    "customer_id",
    "address",
    "tariff",
    "voltage",
    "supply_relation",
    "load_class",
    "key_customer",
    "vulnerable",
    "credit_rating",
    "status",
    "prepaid_fen",
    "opened_on",
)
STAGED_ACCOUNT = ("line", "account_no", "account_id", "customer_id", *CUSTOMER_COLUMNS)
STAGED_ACCOUNT += tuple(c for c in ACCOUNT_COLUMNS if c != "customer_id")
CSV_NAMES = {
    "kind": "customer_kind",
    "prepaid_fen": "prepaid_yuan",
    "amount_fen": "amount_yuan",
    "paid_fen": "paid_yuan",
}

CREATE_STAGED_ACCOUNTS = (
    """CREATE TEMP TABLE import_account (
  line int NOT NULL, account_no text PRIMARY KEY, account_id text NOT NULL, customer_id text NOT NULL,
  kind text NOT NULL, name text NOT NULL, id_type text, id_number text, credit_code text, phone text,
  email text, mail_address text, contact_verified_on date,
  hall_id text NOT NULL, region_id text NOT NULL, address text NOT NULL, tariff text NOT NULL,
  voltage text NOT NULL, supply_relation text NOT NULL, load_class text NOT NULL,
  key_customer boolean NOT NULL, vulnerable boolean NOT NULL, credit_rating text NOT NULL,
  status text NOT NULL, prepaid_fen bigint NOT NULL, opened_on date NOT NULL
) ON COMMIT DROP""",
    "CREATE TEMP TABLE import_account_before (account_no text PRIMARY KEY, hall_id text, customer_id text)"
    " ON COMMIT DROP",
    "CREATE TEMP TABLE import_customer_changed (customer_id text PRIMARY KEY, inserted boolean,"
    " version bigint, image jsonb) ON COMMIT DROP",
    "CREATE TEMP TABLE import_account_changed (account_no text PRIMARY KEY, inserted boolean,"
    " account_id text, hall_id text, customer_id text, version bigint, image jsonb) ON COMMIT DROP",
    "CREATE TEMP TABLE import_account_moved (account_no text PRIMARY KEY, old_hall text, old_customer text,"
    " hall_id text, customer_id text) ON COMMIT DROP",
)
# Lookups of a thousand keys are written as LATERAL … OFFSET 0: one index probe per staged row,
# never a hash join that reads the whole table.
BEFORE = """
INSERT INTO import_account_before
SELECT t.account_no, o.hall_id, o.customer_id FROM import_account t
CROSS JOIN LATERAL (
  SELECT a.hall_id, a.customer_id FROM account a WHERE a.account_no = t.account_no OFFSET 0
) o
"""


def _differs(table: str, columns: tuple[str, ...]) -> str:
    mine = ", ".join(f"{table}.{c}" for c in columns)
    theirs = ", ".join(f"EXCLUDED.{c}" for c in columns)
    return f"({mine}) IS DISTINCT FROM ({theirs})"


def _assign(columns: tuple[str, ...]) -> str:
    return ", ".join(f"{c} = EXCLUDED.{c}" for c in columns)


def _baseline(columns: tuple[str, ...], source: str = "") -> str:
    """The billing export's values as JSON (``imported``): what the next import compares with."""
    return "jsonb_build_object(" + ", ".join(f"'{c}', {source}{c}" for c in columns) + ")"


def _merged(table: str, column: str) -> str:
    """The billing value where the billing system changed it since the last import, else the row's
    own value (an edit made at a counter or by an application is not undone by a stale export)."""
    changed = f"coalesce(to_jsonb(EXCLUDED.{column}), 'null') IS DISTINCT FROM {table}.imported->'{column}'"
    return f"CASE WHEN {changed} THEN EXCLUDED.{column} ELSE {table}.{column} END"


def _merge(table: str, columns: tuple[str, ...]) -> tuple[str, str]:
    """SET list and WHERE condition of a three-way merge with the last import as the base."""
    assign = ", ".join(f"{c} = {_merged(table, c)}" for c in columns)
    merged = ", ".join(_merged(table, c) for c in columns)
    mine = ", ".join(f"{table}.{c}" for c in columns)
    return assign, f"({merged}) IS DISTINCT FROM ({mine})"


CONTACT_COLUMNS = ("phone", "email", "mail_address")  # = hallapp.domain.contact.CONTACT_FIELDS
# A contact field the import changes is marked with its new version (no hall: the billing system),
# so a counter's edit based on an older version is seen as concurrent (hallapp.central.customers).
IMPORT_FIELD_META = (
    "c.field_meta || jsonb_strip_nulls(jsonb_build_object("
    + ", ".join(
        f"'{c}', CASE WHEN {_merged('c', c)} IS DISTINCT FROM c.{c} THEN jsonb_build_object('v', c.version + 1) END"
        for c in CONTACT_COLUMNS
    )
    + "))"
)
_CUSTOMER_SET, _CUSTOMER_CHANGED = _merge("c", CUSTOMER_COLUMNS)
_ACCOUNT_SET, _ACCOUNT_CHANGED = _merge("a", ACCOUNT_COLUMNS)
UPSERT_CUSTOMERS = f"""
WITH up AS (
  INSERT INTO customer AS c (customer_id, {", ".join(CUSTOMER_COLUMNS)}, imported)
  SELECT DISTINCT ON (customer_id) customer_id, {", ".join(CUSTOMER_COLUMNS)}, {_baseline(CUSTOMER_COLUMNS)}
  FROM import_account ORDER BY customer_id, line
  ON CONFLICT (customer_id) DO UPDATE SET {_CUSTOMER_SET}, field_meta = {IMPORT_FIELD_META},
    version = c.version + 1, updated_at = now()
  WHERE {_CUSTOMER_CHANGED}
  RETURNING c.customer_id, c.version, to_jsonb(c) {PRIVATE} AS image
)
INSERT INTO import_customer_changed SELECT customer_id, version = 1, version, image FROM up
"""
UPSERT_ACCOUNTS = f"""
WITH up AS (
  INSERT INTO account AS a (account_no, account_id, {", ".join(ACCOUNT_COLUMNS)}, imported)
  SELECT account_no, account_id, {", ".join(ACCOUNT_COLUMNS)}, {_baseline(ACCOUNT_COLUMNS)} FROM import_account
  ON CONFLICT (account_no) DO UPDATE SET {_ACCOUNT_SET},
    version = a.version + 1, updated_at = now()
  WHERE {_ACCOUNT_CHANGED}
  RETURNING a.account_no, a.version, a.account_id, a.hall_id, a.customer_id, to_jsonb(a) {PRIVATE} AS image
)
INSERT INTO import_account_changed
SELECT account_no, version = 1, account_id, hall_id, customer_id, version, image FROM up
"""
# After both merges: this export is the base of the next one (also where nothing changed).
BASELINES = (
    f"""UPDATE customer c SET imported = b.imported
    FROM (
      SELECT DISTINCT ON (customer_id) customer_id, {_baseline(CUSTOMER_COLUMNS)} AS imported
      FROM import_account ORDER BY customer_id, line
    ) b
    WHERE c.customer_id = b.customer_id AND c.imported IS DISTINCT FROM b.imported""",
    f"""UPDATE account a SET imported = {_baseline(ACCOUNT_COLUMNS, "t.")}
    FROM import_account t
    WHERE a.account_no = t.account_no AND a.imported IS DISTINCT FROM {_baseline(ACCOUNT_COLUMNS, "t.")}""",
)
# Accounts that changed hall or customer (moved, or transferred to another customer).
MOVED = """
INSERT INTO import_account_moved
SELECT o.account_no, o.hall_id, o.customer_id, a.hall_id, a.customer_id
FROM import_account_before o JOIN account a USING (account_no)
WHERE (o.hall_id, o.customer_id) IS DISTINCT FROM (a.hall_id, a.customer_id)
"""
BILL_IMAGE = "to_jsonb(b) || jsonb_build_object('account_id', a.account_id)"
# Feed order inside the transaction: customers, accounts, bills into a hall; then bills, accounts,
# customers out of a hall (a PC applies a page in order and may check its foreign keys).
FEED_IN = (
    # a changed customer, to every hall where it has an account; a customer that a new, moved or
    # transferred account brings into a hall
    f"""{LOG}
    SELECT 'hall:' || p.hall_id, 'customer', p.customer_id, coalesce(ch.version, c.version), 'upsert',
           coalesce(ch.image, c.image)
    FROM (
      SELECT ch.customer_id, h.hall_id FROM import_customer_changed ch
      CROSS JOIN LATERAL (
        SELECT DISTINCT a.hall_id FROM account a WHERE a.customer_id = ch.customer_id OFFSET 0
      ) h
      UNION
      SELECT customer_id, hall_id FROM import_account_changed WHERE inserted
      UNION
      SELECT customer_id, hall_id FROM import_account_moved
    ) p
    LEFT JOIN import_customer_changed ch USING (customer_id)
    LEFT JOIN LATERAL (
      SELECT x.version, to_jsonb(x) {PRIVATE} AS image FROM customer x
      WHERE x.customer_id = p.customer_id AND ch.customer_id IS NULL OFFSET 0
    ) c ON true
    WHERE p.hall_id IS NOT NULL
    ORDER BY p.hall_id, p.customer_id""",
    f"""{LOG}
    SELECT 'hall:' || hall_id, 'account', account_id, version, 'upsert', image
    FROM import_account_changed
    ORDER BY account_no""",
)
FEED_MOVED = (
    f"""{LOG}
    SELECT 'hall:' || m.hall_id, 'bill', b.bill_id, b.version, 'upsert', {BILL_IMAGE}
    FROM import_account_moved m JOIN account a USING (account_no) JOIN bill b USING (account_no)
    WHERE m.old_hall IS DISTINCT FROM m.hall_id
    ORDER BY b.account_no, b.period""",
    f"""{LOG}
    SELECT 'hall:' || m.old_hall, 'bill', b.bill_id, b.version, 'delete', NULL
    FROM import_account_moved m JOIN bill b USING (account_no)
    WHERE m.old_hall IS NOT NULL AND m.old_hall IS DISTINCT FROM m.hall_id
    ORDER BY b.account_no, b.period""",
    f"""{LOG}
    SELECT 'hall:' || m.old_hall, 'account', a.account_id, a.version, 'delete', NULL
    FROM import_account_moved m JOIN account a USING (account_no)
    WHERE m.old_hall IS NOT NULL AND m.old_hall IS DISTINCT FROM m.hall_id
    ORDER BY a.account_no""",
    # a customer whose last account in a hall left it
    f"""{LOG}
    SELECT 'hall:' || g.old_hall, 'customer', c.customer_id, c.version, 'delete', NULL
    FROM (SELECT DISTINCT old_hall, old_customer FROM import_account_moved WHERE old_hall IS NOT NULL) g
    JOIN customer c ON c.customer_id = g.old_customer
    WHERE NOT EXISTS (
      SELECT 1 FROM account x WHERE x.customer_id = g.old_customer AND x.hall_id = g.old_hall
    )
    ORDER BY g.old_hall, c.customer_id""",
)
COUNT_ACCOUNT_ROWS = """
SELECT count(*) FILTER (WHERE ca.inserted),
       count(*) FILTER (WHERE NOT ca.inserted OR (ca.inserted IS NULL AND cc.customer_id IS NOT NULL)),
       count(*) FILTER (WHERE ca.inserted IS NULL AND cc.customer_id IS NULL),
       (SELECT count(*) FILTER (WHERE inserted) FROM import_customer_changed),
       (SELECT count(*) FILTER (WHERE NOT inserted) FROM import_customer_changed)
FROM import_account t
LEFT JOIN import_account_changed ca ON ca.account_no = t.account_no
LEFT JOIN import_customer_changed cc ON cc.customer_id = t.customer_id
"""


def _write_accounts(s: Session, rows: list[Checked]) -> Outcome:
    for sql in CREATE_STAGED_ACCOUNTS:
        s.execute(text(sql))
    staged = [(row.line, *(row.values[CSV_NAMES.get(n, n)] for n in STAGED_ACCOUNT[1:])) for row in rows]
    _copy(s, "import_account", STAGED_ACCOUNT, staged)
    s.execute(text("ANALYZE import_account"))  # temporary tables have no statistics otherwise
    s.execute(text(BEFORE))
    s.execute(text(UPSERT_CUSTOMERS))
    s.execute(text(UPSERT_ACCOUNTS))
    for sql in BASELINES:
        s.execute(text(sql))
    moved = _rowcount(s, MOVED)
    s.execute(text("ANALYZE import_customer_changed, import_account_changed, import_account_moved"))
    logged = sum(_rowcount(s, sql) for sql in FEED_IN)
    if moved:
        logged += sum(_rowcount(s, sql) for sql in FEED_MOVED)
    counted = s.execute(text(COUNT_ACCOUNT_ROWS)).one()
    return Outcome(
        rows=Counts(counted[0], counted[1], counted[2]),
        change_log_rows=logged,
        customers=Counts(counted[3], counted[4]),
        customer_ids={row.values["customer_id"] for row in rows},
    )


def _rowcount(s: Session, sql: str) -> int:
    return s.execute(text(sql)).rowcount  # type: ignore[attr-defined]


# -- bills ------------------------------------------------------------------------------------------

BILL_COLUMNS = ("kwh", "amount_fen", "paid_fen", "issued_on", "due_date")
STAGED_BILL = ("line", "bill_id", "account_no", "period", *BILL_COLUMNS)
CREATE_STAGED_BILLS = (
    """CREATE TEMP TABLE import_bill (
  line int NOT NULL, bill_id text PRIMARY KEY, account_no text NOT NULL, period text NOT NULL,
  kwh bigint NOT NULL, amount_fen bigint NOT NULL, paid_fen bigint NOT NULL,
  issued_on date NOT NULL, due_date date NOT NULL, account_id text, hall_id text, known boolean
) ON COMMIT DROP""",
    "CREATE TEMP TABLE import_bill_changed (bill_id text PRIMARY KEY, inserted boolean) ON COMMIT DROP",
)
ACCOUNTS_OF_BILLS = """
UPDATE import_bill t SET (account_id, hall_id, known) = (
  SELECT a.account_id, a.hall_id, true FROM account a WHERE a.account_no = t.account_no
)
"""
DROP_UNKNOWN_ACCOUNTS = "DELETE FROM import_bill WHERE known IS NULL RETURNING line"
UPSERT_BILLS = f"""
WITH up AS (
  INSERT INTO bill AS b (bill_id, account_no, period, {", ".join(BILL_COLUMNS)})
  SELECT bill_id, account_no, period, {", ".join(BILL_COLUMNS)} FROM import_bill
  ON CONFLICT (account_no, period) DO UPDATE SET {_assign(BILL_COLUMNS)},
    version = b.version + 1, updated_at = now()
  WHERE {_differs("b", BILL_COLUMNS)}
  RETURNING b.bill_id, b.account_no, b.period, b.version, to_jsonb(b) AS image
), noted AS (
  INSERT INTO import_bill_changed SELECT bill_id, version = 1 FROM up
)
{LOG}
SELECT 'hall:' || t.hall_id, 'bill', up.bill_id, up.version, 'upsert',
       up.image || jsonb_build_object('account_id', t.account_id)
FROM up JOIN import_bill t ON t.account_no = up.account_no AND t.period = up.period
WHERE t.hall_id IS NOT NULL
ORDER BY up.account_no, up.period
"""
UNKNOWN_ACCOUNT = "户号不存在（先导入户档案）"


def _write_bills(s: Session, rows: list[Checked]) -> Outcome:
    for sql in CREATE_STAGED_BILLS:
        s.execute(text(sql))
    staged = [(row.line, *(row.values[CSV_NAMES.get(n, n)] for n in STAGED_BILL[1:])) for row in rows]
    _copy(s, "import_bill", STAGED_BILL, staged)
    s.execute(text("ANALYZE import_bill"))
    s.execute(text(ACCOUNTS_OF_BILLS))
    unknown = set(s.scalars(text(DROP_UNKNOWN_ACCOUNTS)))
    logged = _rowcount(s, UPSERT_BILLS)  # the bills and their change_log rows, in one statement
    inserted, updated = s.execute(
        text(
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM import_bill_changed"
        )
    ).one()
    refused = [(row, Problem(row.line, "account_no", UNKNOWN_ACCOUNT)) for row in rows if row.line in unknown]
    unchanged = len(rows) - len(refused) - inserted - updated
    return Outcome(rows=Counts(inserted, updated, unchanged), change_log_rows=logged, refused=refused)
