"""Compaction of the pull feed: only the last row (in feed order) of each entity in each scope is kept.

A PC applies the feed in order: a delete removes the row, an upsert writes it when the PC has none
or an older version (``hallapp.sync.pull``). So once an entity has a later committed row in a scope,
its earlier rows there cannot change what any PC ends with, whatever its cursor: a PC behind them
reads the later row, a PC past them already had it. No cursor expires. A row of a transaction still
running is not seen here, so it never supersedes anything early. Run nightly (docs/operations.md).
"""

from dataclasses import dataclass

from sqlalchemy import text

from hallapp.central.db import Sessions

SCOPES = text("SELECT DISTINCT scope FROM change_log ORDER BY scope")
SUPERSEDED = text("""
DELETE FROM change_log c
USING (
  SELECT xid, id FROM (
    SELECT xid, id, row_number() OVER (
      PARTITION BY entity, entity_id ORDER BY xid DESC, id DESC
    ) AS newer
    FROM change_log WHERE scope = :scope
  ) ranked
  WHERE newer > 1
) old
WHERE c.scope = :scope AND c.xid = old.xid AND c.id = old.id
""")


@dataclass(frozen=True)
class Compacted:
    scopes: int
    deleted: int
    kept: int


def compact_feed(sessions: Sessions) -> Compacted:
    """Delete every superseded row, one scope per transaction (a scope's rows sorted once)."""
    with sessions() as s:
        scopes = s.scalars(SCOPES).all()
    deleted = 0
    for scope in scopes:
        with sessions.begin() as s:
            deleted += s.execute(SUPERSEDED, {"scope": scope}).rowcount or 0
    with sessions() as s:
        kept = s.scalar(text("SELECT count(*) FROM change_log")) or 0
    return Compacted(len(scopes), deleted, kept)
