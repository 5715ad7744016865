"""What the central database needs after ``pg_restore`` (docs/operations.md, "Backups").

1. A new epoch: every PC's downloaded state is stale (the server forgot what came after the backup),
   so each PC's next pull gets ``410 cursor_expired`` and downloads its hall again.
2. The feed's transaction ids brought below the new cluster's. ``change_log.xid`` holds the ids of
   the cluster that wrote the rows; a cluster made by ``initdb`` for the restore counts from a few
   hundred, so the restored rows would sit above the horizon (``xid < pg_snapshot_xmin``) until it
   had run as many transactions as the old one: the feed would stand still, and new rows would sort
   before the old. Every restored row is moved to xid 1, keeping its place by ``id`` (the order it
   was written in); the PCs download everything again anyway (1.).
"""

import uuid
from dataclasses import dataclass

from sqlalchemy import text

from hallapp.central.db import Sessions

AHEAD = text("SELECT coalesce(max(xid) >= pg_snapshot_xmin(pg_current_snapshot()), false) FROM change_log")
REBASE = text("UPDATE change_log SET xid = '1'::xid8 WHERE xid <> '1'::xid8")


@dataclass(frozen=True)
class Restored:
    epoch: str
    rebased_rows: int


def after_restore(sessions: Sessions) -> Restored:
    """Run once, with the server stopped, right after the restore; running it again does no harm."""
    epoch = str(uuid.uuid4())
    with sessions.begin() as s:
        s.execute(text("LOCK TABLE change_log IN ACCESS EXCLUSIVE MODE"))
        rebased = s.execute(REBASE).rowcount or 0 if s.scalar(AHEAD) else 0
        s.execute(text("UPDATE server_meta SET epoch = :epoch"), {"epoch": epoch})
    return Restored(epoch, rebased)
