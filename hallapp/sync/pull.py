"""Pulling the hall's master data from the central server (SYNC_DESIGN §4.7, docs/sync_protocol.md).

Each page of changes and the cursor after it are applied in one SQLite transaction (one fsync), so
a crash mid-pull resumes from the last whole page. A row is written only when its server version is
newer than the local copy.

A hall's first pull brings millions of rows, so customers, accounts and bills are applied a run at
a time: consecutive upserts of one entity go to SQLite as one ``INSERT … SELECT … FROM
json_each(:run) ON CONFLICT DO UPDATE … WHERE excluded.server_version > server_version`` (the
newer-only rule, the hall and account look-ups are the statement's, not Python's per row). Runs
keep the feed's order, so a customer still lands before its account and an account before its
bills. Other entities (``pull_reference``, ``pull_notices``) and deletes go row by row. While a page
is applied the next one is already being fetched, decoded and cut into runs (one page ahead, never
more: memory stays bounded). bench/pull.py measures it (a hall of 1,000,000 accounts).

A PC's first download (no customers, accounts or bills yet, no cursor) goes into tables without
their non-unique secondary indexes and the address full-text triggers: they are dropped in one
transaction that also keeps their DDL in ``sync_state`` (``pull_deferred``), and built again once,
in one transaction with the full-text index's rebuild, when the download ends or stops for any
reason. A process that dies meanwhile leaves the DDL behind: the next ``Puller`` (the app's next
start) builds them before anything else. Unique indexes stay: they are constraints.

A new server epoch, or a cursor the server no longer knows (410), means the server was restored: the
pull starts again from the beginning, keeping the outbox untouched. The rows pulled before are
marked unconfirmed (their server version negated) in the same transaction; the new download
rewrites every row the restored server still has, whatever its version, and when it is complete
the rows still unconfirmed (the restored server no longer has them) leave as a delete would.
"""

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any, NamedTuple

import httpx
from sqlalchemy import event, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hallapp import failpoints
from hallapp.db.engine import Database
from hallapp.db.models import Account, Bill, Customer, Hall
from hallapp.domain.errors import SyncStopped, SyncUnavailable
from hallapp.sync import pull_notices, pull_reference, state
from hallapp.sync.first_download import DEFERRED, restore_deferred
from hallapp.sync.first_download import defer as _defer

CURSOR = "pull_cursor"
EPOCH = "pull_epoch"
RESYNC = "pull_resync"  # "1" while rows pulled before a server restore await their confirmation
# Changes per request: the server's MAX_LIMIT. The server's ids are random (uuid5), so a page's rows
# dirty an index page each, and every commit writes each dirty page to the WAL again: at a million
# accounts, pages of 20,000 write a third of what pages of 5,000 did (9.6 GB instead of 24.6).
PAGE = 20000
LEGACY_PAGE = 5000  # the MAX_LIMIT of servers before 20,000 (they refuse more with 400 malformed)
# While a page is applied and committed: a bigger page cache keeps its dirty pages in memory until
# the commit, and fewer checkpoints copy an index page rewritten by several pages once. Both are set
# back when the connection returns to the pool (other work keeps SQLite's defaults).
PULL_CACHE_KIB = 32 * 1024
PULL_CHECKPOINT_PAGES = 100_000  # WAL pages (4 KiB) between automatic checkpoints
MID_PAGE = "client.mid_pull_page_apply"  # some rows of the page written, the cursor not yet

Change = dict[str, Any]
Applier = Callable[[Session, Change], int]
BulkApplier = Callable[[Session, str], int]


class Run(NamedTuple):
    """Consecutive changes of one entity and op; ``json`` is the run as text for a set-based applier."""

    entity: str
    op: str
    changes: list[Change]
    json: str = ""


@dataclass(frozen=True)
class Page:
    runs: list[Run]
    changes: int
    next_cursor: str
    has_more: bool
    server_epoch: str


@dataclass(frozen=True)
class PullOutcome:
    pages: int
    changes: int
    applied: int  # rows written (newer than the local copy)


class Puller:
    def __init__(self, db: Database, client: httpx.Client, token: str, page_size: int = PAGE) -> None:
        self.db = db
        self.client = client
        self.token = token
        self.page_size = page_size
        if not event.contains(db.engine, "checkin", _untune):
            event.listen(db.engine, "checkin", _untune)
        restore_deferred(db)  # a first download this PC did not live to finish

    def pull_all(self, max_pages: int = 100_000) -> PullOutcome:
        if self._first_download():
            _defer(self.db)
        try:
            return self._pages(max_pages)
        finally:
            restore_deferred(self.db)

    def _pages(self, max_pages: int) -> PullOutcome:
        pages = changes = applied = 0
        with _Prefetch(self._fetch) as feed:
            feed.start(self._state(CURSOR))
            for _ in range(max_pages):
                page = feed.take()
                if page is None:  # the server voided the cursor: start again from the beginning
                    self._restart()
                    feed.start("")
                    continue
                if not self._same_epoch(page.server_epoch):
                    self._restart(page.server_epoch)
                    feed.start("")
                    continue
                if page.has_more:
                    feed.start(page.next_cursor)  # fetched while this page is applied
                pages += 1
                changes += page.changes
                applied += self._apply(page)
                if not page.has_more:
                    break
        return PullOutcome(pages, changes, applied)

    def _first_download(self) -> bool:
        with self.db.read() as s:
            if state.get(s, CURSOR) or state.get(s, EPOCH) or state.get(s, DEFERRED):
                return False
            return not any(
                s.execute(text(f"SELECT EXISTS (SELECT 1 FROM {t})")).scalar() for t in UNCONFIRMABLE
            )

    def _fetch(self, cursor: str) -> Page | None:
        """The page after ``cursor``, decoded and cut into runs (on the prefetch thread)."""
        body = self.fetch_json(cursor)
        if body is None:
            return None
        changes = body["changes"]
        return Page(
            runs(changes),
            len(changes),
            body["next_cursor"] or "",
            bool(body.get("has_more")),
            body["server_epoch"],
        )

    def fetch_json(self, cursor: str) -> dict[str, Any] | None:
        """The server's page after ``cursor`` as decoded JSON; None when the server voided the cursor."""
        params = {"limit": self.page_size, **({"cursor": cursor} if cursor else {})}
        try:
            answer = self.client.get(
                "/v1/sync/pull", params=params, headers={"Authorization": f"Bearer {self.token}"}
            )
        except httpx.HTTPError as exc:
            raise SyncUnavailable(reason=type(exc).__name__) from None
        if answer.status_code == 410:
            return None
        if answer.status_code >= 500 or answer.status_code == 429:
            raise SyncUnavailable(reason=f"http_{answer.status_code}")
        if answer.status_code == 400 and self.page_size > LEGACY_PAGE:
            self.page_size = LEGACY_PAGE  # an older server: its own largest page
            return self.fetch_json(cursor)
        if answer.status_code != 200:
            raise SyncStopped(reason=str(answer.json().get("error", answer.status_code)))
        return answer.json()

    def _same_epoch(self, epoch: str) -> bool:
        stored = self._state(EPOCH)
        return not stored or stored == epoch

    def _apply(self, page: Page) -> int:
        with self.db.write() as s:
            _tune(s)
            written = apply_runs(s, page.runs)
            if not page.has_more and state.get(s, RESYNC):
                _drop_unconfirmed(s)
                state.put(s, RESYNC, "")
            state.put(s, CURSOR, page.next_cursor)
            state.put(s, EPOCH, page.server_epoch)
        return written

    def _state(self, key: str) -> str:
        with self.db.read() as s:
            return state.get(s, key)

    def _restart(self, epoch: str = "") -> None:
        """From the beginning of the (restored) server's feed; what was pulled awaits confirmation."""
        with self.db.write() as s:
            for table in UNCONFIRMABLE:  # also what an interrupted earlier download confirmed
                s.execute(
                    text(f"UPDATE {table} SET server_version = -server_version WHERE server_version > 0")
                )
            pull_reference.restart(s)
            state.put(s, RESYNC, "1")
            state.put(s, CURSOR, "")
            state.put(s, EPOCH, epoch)


def _tune(s: Session) -> None:
    """SQLite's page cache and checkpoint interval for a page's transaction and its commit."""
    conn = s.connection()
    if "pull_saved" not in conn.info:  # the pooled connection's own settings, for _untune
        saved = [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("cache_size", "wal_autocheckpoint")
        ]
        conn.info["pull_saved"] = saved
    conn.exec_driver_sql(f"PRAGMA cache_size = -{PULL_CACHE_KIB}")
    conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {PULL_CHECKPOINT_PAGES}")


def _untune(dbapi_connection: Any, record: Any) -> None:
    """Pool check-in, after the commit: the connection's own settings again."""
    saved = record.info.pop("pull_saved", None)
    if saved is not None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA cache_size = {int(saved[0])}")
        cursor.execute(f"PRAGMA wal_autocheckpoint = {int(saved[1])}")
        cursor.close()


class _Prefetch:
    """Fetches the next page on a worker thread while the caller applies the current one."""

    def __init__(self, fetch: Callable[[str], Page | None]) -> None:
        self._fetch = fetch
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-fetch")
        self._next: Future[Page | None] | None = None

    def __enter__(self) -> "_Prefetch":
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def start(self, cursor: str) -> None:
        if self._next is not None:
            self._next.cancel()
        self._next = self._pool.submit(self._fetch, cursor)

    def take(self) -> Page | None:
        assert self._next is not None, "start() first"
        page, self._next = self._next, None
        return page.result()


# -- applying a page -----------------------------------------------------------------------------


def runs(changes: list[Change]) -> list[Run]:
    """The page's changes cut into runs of one entity and op, in feed order; a set-based run is
    encoded for SQLite here (on the prefetch thread, while the previous page is written)."""
    cut = []
    for (entity, op), grouped in groupby(changes, key=lambda c: (c["entity"], c["op"])):
        run = list(grouped)
        if op != "delete" and entity in BULK:  # kept as text only: the decoded rows are let go
            cut.append(Run(entity, op, [], json.dumps(run, ensure_ascii=False)))
        else:
            cut.append(Run(entity, op, run))
    return cut


def apply_changes(s: Session, changes: list[Change]) -> int:
    return apply_runs(s, runs(changes))


def apply_runs(s: Session, page: list[Run]) -> int:
    """Write one page's runs in feed order; rows written."""
    written = 0
    for run in page:
        if run.op == "delete":
            written += sum(_remove(s, change) for change in run.changes)
        elif run.json:
            s.flush()  # ORM changes of earlier rows go first, then the Core statement
            written += BULK[run.entity](s, run.json)
            s.expire_all()  # the statement wrote behind the session's back
        else:
            apply = APPLY.get(run.entity, _ignore)
            written += sum(apply(s, change) for change in run.changes)
        failpoints.hit(MID_PAGE)
    return written


# One statement per run: the rows come in as the page's own JSON (``json_each``), so the newer-only
# rule, the hall and account lookups and the local-payment rule are SQL, with no Python per row.
# It also keeps SQLite's full-text index of addresses fast: its trigger writes a segment per
# *statement*, so row-by-row statements (executemany) cost five times more there than one statement.
CHANGES = """(
  SELECT key AS n, value AS change, json_extract(value, '$.entity_id') AS id,
         json_extract(value, '$.entity_version') AS version
  FROM json_each(:changes)
)"""


def _field(name: str, default: str | None = None) -> str:
    """A field of the change's data; an empty or missing one is ``default`` (SQL) when given."""
    value = f"json_extract(c.change, '$.data.{name}')"
    return f"coalesce(nullif({value}, ''), {default})" if default is not None else value


def _upsert(table: str, key: str, values: dict[str, str], updated: tuple[str, ...], source: str) -> str:
    """``INSERT … SELECT … ON CONFLICT (key) DO UPDATE`` of the ``updated`` columns (an assignment
    given in ``values`` as ``excluded.x`` is the plain copy), only when the incoming server version is
    newer than the stored one. ``values`` maps each column to its SQL over ``c`` (the change)."""
    names = (key, *values, "server_version")
    assigns = [f"{c} = {UPDATE_RULES.get((table, c), f'excluded.{c}')}" for c in (*updated, "server_version")]
    return (
        f"INSERT INTO {table} ({', '.join(names)})\n"
        f"SELECT c.id, {', '.join(values.values())}, c.version\n{source}\nORDER BY c.n\n"
        f"ON CONFLICT ({key}) DO UPDATE SET {', '.join(assigns)}\n"
        f"WHERE excluded.server_version > coalesce({table}.server_version, 0)"
    )


UPDATE_RULES = {
    # Payments taken here that the billing system has not seen yet stay counted; never beyond a
    # corrected (lower) amount: the row would break its CHECK and stop every later pull.
    ("bill", "paid_fen"): "min(max(bill.paid_fen, excluded.paid_fen), excluded.amount_fen)",
}

CUSTOMER_VALUES = {
    "kind": _field("kind"),
    "name": _field("name"),
    "id_type": _field("id_type"),
    "id_number": f"coalesce(nullif({_field('id_number')}, ''), {_field('credit_code')})",
    "phone": _field("phone"),
    "email": _field("email"),
    "mail_address": _field("mail_address"),
    "contact_verified_on": _field("contact_verified_on"),
}
UPSERT_CUSTOMERS = _upsert(
    "customer", "customer_id", CUSTOMER_VALUES, tuple(CUSTOMER_VALUES), f"FROM {CHANGES} AS c WHERE true"
)

ACCOUNT_VALUES = {
    "customer_id": _field("customer_id"),
    "hall_id": "coalesce(h.hall_id, :own_hall)",  # the server's hall code → this PC's hall row
    "address": _field("address"),
    "tariff": _field("tariff"),
    "voltage": _field("voltage"),
    "supply_relation": _field("supply_relation", "'direct'"),
    "load_class": _field("load_class", "'3'"),
    "key_customer": _field("key_customer", "0"),
    "vulnerable": _field("vulnerable", "0"),
    "credit_rating": _field("credit_rating", "'A'"),
    "status": _field("status", "'active'"),
    "opened_on": _field("opened_on", ":today"),
}
ACCOUNT_SOURCE = f"""FROM {CHANGES} AS c LEFT JOIN hall h ON h.code = {_field("hall_id")}"""
# prepaid_fen only on insert: prepayments taken here that billing has not seen yet stay counted.
UPSERT_ACCOUNTS = _upsert(
    "account",
    "account_id",
    {"account_no": _field("account_no"), **ACCOUNT_VALUES, "prepaid_fen": _field("prepaid_fen", "0")},
    tuple(ACCOUNT_VALUES),
    # the same number under a local id (made here before the server's copy came) is updated below
    f"{ACCOUNT_SOURCE}\nWHERE NOT EXISTS (SELECT 1 FROM account x WHERE x.account_no = "
    f"{_field('account_no')} AND x.account_id <> c.id)",
)
UPDATE_ACCOUNTS_BY_NUMBER = (
    f"UPDATE account SET {', '.join(f'{c} = {v}' for c, v in ACCOUNT_VALUES.items())}, server_version = c.version\n"
    f"{ACCOUNT_SOURCE}\n"
    f"WHERE account.account_no = {_field('account_no')} AND account.account_id <> c.id"
    " AND coalesce(account.server_version, 0) < c.version"
)

BILL_VALUES = {
    "account_id": "c.account_id",
    "period": _field("period"),
    "kwh": _field("kwh"),
    "amount_fen": _field("amount_fen"),
    "paid_fen": _field("paid_fen", "0"),
    "issued_on": _field("issued_on"),
    "due_date": _field("due_date"),
}
# The bill's account by the server's id, else by number (an account kept under a local id); a bill
# whose account is not here is skipped (its account arrives later in the feed: never in practice).
BILL_SOURCE = f"""FROM (
  SELECT c.*, coalesce(a.account_id, (
    SELECT x.account_id FROM account x WHERE x.account_no = {_field("account_no")}
  )) AS account_id
  FROM {CHANGES} AS c LEFT JOIN account a ON a.account_id = {_field("account_id")}
) AS c
WHERE c.account_id IS NOT NULL"""
UPSERT_BILLS = _upsert(
    "bill", "bill_id", BILL_VALUES, tuple(v for v in BILL_VALUES if v != "account_id"), BILL_SOURCE
)


def _run(s: Session, sql: str, run: str, **params: Any) -> int:
    return s.execute(text(sql), {"changes": run, **params}).rowcount  # type: ignore[attr-defined]


def _customers(s: Session, run: str) -> int:
    return _run(s, UPSERT_CUSTOMERS, run)


def _accounts(s: Session, run: str) -> int:
    params = {"own_hall": s.scalars(select(Hall.hall_id)).first(), "today": date.today().isoformat()}
    return _run(s, UPDATE_ACCOUNTS_BY_NUMBER, run, **params) + _run(s, UPSERT_ACCOUNTS, run, **params)


def _bills(s: Session, run: str) -> int:
    return _run(s, UPSERT_BILLS, run)


BULK: dict[str, BulkApplier] = {"customer": _customers, "account": _accounts, "bill": _bills}
MODELS: dict[str, Any] = {"customer": Customer, "account": Account, "bill": Bill}
UNCONFIRMABLE = ("bill", "account", "customer")  # children first, as rows leave


def _remove(s: Session, change: Change) -> int:
    """The row left this hall (an account moved, or passed to another customer). It goes, unless
    something taken here still refers to it: then it stays, closed, until sync carries those facts."""
    model = MODELS.get(change["entity"])
    row = s.get(model, change["entity_id"]) if model else None
    if row is None:
        return 0
    try:
        with s.begin_nested():
            s.delete(row)
    except IntegrityError:
        if isinstance(row, Account):
            s.refresh(row)
            row.status = "closed"
        return 0
    return 1


def _drop_unconfirmed(s: Session) -> None:
    """After a restore's full download: what the restored server did not send again leaves."""
    for entity, table in zip(("bill", "account", "customer"), UNCONFIRMABLE, strict=True):
        model = MODELS[entity]
        key = model.__mapper__.primary_key[0]
        for entity_id in s.scalars(select(key).where(model.server_version < 0)).all():
            _remove(s, {"entity": entity, "entity_id": entity_id})
        s.flush()
        # Kept (something here refers to it): no longer waiting for a confirmation that will not come.
        s.execute(text(f"UPDATE {table} SET server_version = 0 WHERE server_version < 0"))
        s.expire_all()


def _ignore(_s: Session, _change: Change) -> int:
    return 0  # an entity this version does not keep (a newer server): skipped, never an error


# entity → function(session, change) → rows written, for the entities applied row by row
APPLY: dict[str, Applier] = {**pull_reference.APPLY, **pull_notices.APPLY}
