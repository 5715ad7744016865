"""A first download without the secondary indexes (``hallapp.sync.pull``): dropped in one
transaction that keeps their DDL in ``sync_state``, built again once at the end, or at the next
start (``HallCore.open``) if the process died in between. Apart from ``pull`` so that opening a
database does not load the HTTP client."""

import json
from typing import Any

from hallapp.db.engine import Database
from hallapp.sync import state

DEFERRED = "pull_deferred"  # the dropped indexes' and triggers' DDL (JSON) while a first download runs

# Each insert into a non-unique index of random keys (names, phones, the uuid5 customer ids of
# accounts) dirties its own index page, written again at every page's commit; the full-text
# trigger writes a segment per statement. Built once at the end, from sorted keys, they cost a
# fraction of that. Unique indexes stay: they are constraints the upserts rely on.
DEFERRABLE = """SELECT type, name, sql FROM sqlite_master
WHERE tbl_name IN ('customer', 'account', 'bill') AND sql IS NOT NULL AND (
  (type = 'index' AND upper(sql) NOT LIKE 'CREATE UNIQUE %')
  OR (type = 'trigger' AND name LIKE 'account\\_fts\\_%' ESCAPE '\\'))
ORDER BY type, name"""
FTS_REBUILD = "INSERT INTO account_fts(account_fts) VALUES ('rebuild')"
FTS_BUILD_HASH = 16 * 1024 * 1024  # bytes of pending terms between segments while the index is built
FTS_HASH = 1024 * 1024  # FTS5's default


def defer(db: Database) -> None:
    """Drop the deferrable indexes and triggers, keeping their DDL in the same transaction."""
    with db.write() as s:
        conn = s.connection()
        found = [tuple(row) for row in conn.exec_driver_sql(DEFERRABLE)]
        if not found:
            return
        state.put(s, DEFERRED, json.dumps(found, ensure_ascii=False))
        for kind, name, _sql in found:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')


def restore_deferred(db: Database) -> None:
    """Build what a first download dropped, and the address index, in one transaction (a crash in
    the middle leaves the DDL to be run again, never half an index)."""
    with db.read() as s:
        if not state.get(s, DEFERRED):
            return
    with db.write() as s:
        saved = json.loads(state.get(s, DEFERRED) or "[]")
        conn = s.connection()
        present = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        for _kind, name, sql in saved:
            if name not in present:
                conn.exec_driver_sql(sql)
        if any(kind == "trigger" for kind, _name, _sql in saved):
            _rebuild_fts(conn)
        state.put(s, DEFERRED, "")
    _truncate_wal(db)


def _truncate_wal(db: Database) -> None:
    """The download's big checkpoint interval let the WAL file grow: give its space back (a no-op
    while another connection reads)."""
    raw = db.engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()


def _rebuild_fts(conn: Any) -> None:
    """The address index from the accounts, with more memory for its pending terms while it is built
    (fewer, bigger segments to merge: less than half the time); the table's own setting after."""
    conn.exec_driver_sql(f"INSERT INTO account_fts(account_fts, rank) VALUES ('hashsize', {FTS_BUILD_HASH})")
    conn.exec_driver_sql(FTS_REBUILD)
    conn.exec_driver_sql(f"INSERT INTO account_fts(account_fts, rank) VALUES ('hashsize', {FTS_HASH})")
    conn.exec_driver_sql("DELETE FROM account_fts_config WHERE k = 'hashsize'")  # back to the default
