"""The pull feed (SYNC_DESIGN §4.5, §4.7): a device reads the change_log of its scopes after a cursor.

Rows are read in ``(xid, id)`` order, and only from transactions older than the oldest one still
running (``xid < pg_snapshot_xmin(pg_current_snapshot())``). Ids are taken when a row is written
but become visible when its transaction commits, so a plain ``id > cursor`` would step over a
transaction that wrote early and committed late; below the horizon every transaction has ended,
so nothing can appear behind the cursor any more. The price: a long transaction holds every pull
back until it ends (the ``hallapp_central_oldest_xact_seconds`` metric shows it).

The cursor is opaque to the client: unpadded base64url of ``{"epoch", "xid", "id"}`` (compact
JSON). A cursor of another server epoch (the database was restored) is ``410 cursor_expired``.

Each row's ``data`` is read as JSON text and put into the body as it is: decoding the JSONB into
Python and encoding it again cost about 40 ms of the server's CPU per page of 1,000, most of a
hall's first pull. ``pull_json`` makes the body as bytes and the route answers them as they are.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass

from sqlalchemy import TextClause, text

from hallapp.central.db import Sessions
from hallapp.central.errors import Refusal, malformed
from hallapp.central.schema import ServerMeta

DEFAULT_LIMIT = 500
MAX_LIMIT = 20000  # a first pull commits a page at a time: bigger pages, fewer commits (bench/pull.py)
MAX_CURSOR_CHARS = 200
GLOBAL_SCOPE = "global"
MAX_XID8 = 2**63 - 1

# One ordered range of ``change_log_scope_cursor`` per scope, merged: a page reads about ``limit``
# rows per scope however long the log is. The scope is written into the SQL (it is made by the
# server and checked against SCOPE) so the planner sees a constant: with a parameter it may walk the
# primary key instead and filter, reading the whole log for a scope that has no rows.
SCOPE = re.compile(r"^[A-Za-z0-9:_-]{1,40}$")
SCOPE_PAGE = """(
  SELECT xid, id, entity, entity_id, entity_version, op, data
  FROM change_log
  WHERE scope = '{scope}'
    AND (xid, id) > (CAST(:xid AS xid8), CAST(:id AS bigint))
    AND xid < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY xid, id
  LIMIT :limit
)"""


def page_sql(scopes: list[str]) -> TextClause:
    """The rows after the cursor, at most ``:limit``, in feed order; ``data`` as JSON text."""
    if not scopes or not all(SCOPE.match(scope) for scope in scopes):
        raise ValueError(f"bad scopes {scopes!r}")
    ranges = "\nUNION ALL\n".join(SCOPE_PAGE.format(scope=scope) for scope in scopes)
    return text(
        "SELECT xid::text AS xid_text, id, entity, entity_id, entity_version, op, data::text AS data\n"
        f"FROM ({ranges}) AS c\nORDER BY c.xid, c.id\nLIMIT :limit"
    )


# A cursor at or beyond the next transaction id to be given out was not made by this database's
# history (restored without a new epoch): it would silently skip what is written from now on.
NEXT_XID_SQL = text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")


@dataclass(frozen=True)
class Cursor:
    epoch: str
    xid: int
    id: int

    def encode(self) -> str:
        body = json.dumps({"epoch": self.epoch, "xid": self.xid, "id": self.id}, separators=(",", ":"))
        return base64.urlsafe_b64encode(body.encode()).rstrip(b"=").decode()


def hall_scopes(hall_id: str) -> list[str]:
    return [f"hall:{hall_id}", GLOBAL_SCOPE]


def decode_cursor(raw: str | None, epoch: str) -> Cursor:
    """The client's cursor, the start of the feed when absent, or 400 malformed / 410 cursor_expired."""
    if not raw:
        return Cursor(epoch, 0, 0)
    if len(raw) > MAX_CURSOR_CHARS:
        raise malformed(field="cursor")
    try:
        body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (binascii.Error, ValueError):
        raise malformed(field="cursor") from None
    if not isinstance(body, dict) or set(body) != {"epoch", "xid", "id"}:
        raise malformed(field="cursor")
    cursor_epoch, xid, row_id = body["epoch"], body["xid"], body["id"]
    valid_ints = all(type(n) is int and 0 <= n <= MAX_XID8 for n in (xid, row_id))
    if not isinstance(cursor_epoch, str) or not valid_ints:
        raise malformed(field="cursor")
    if cursor_epoch != epoch:
        raise Refusal(410, "cursor_expired", server_epoch=epoch)
    return Cursor(epoch, xid, row_id)


def pull_json(sessions: Sessions, scopes: list[str], raw_cursor: str | None, limit: int) -> tuple[bytes, int]:
    """One page of changes after the cursor as the JSON body ``{changes, next_cursor, has_more,
    server_epoch}`` (UTF-8), and how many changes it holds."""
    with sessions.begin() as s:
        s.execute(text("SET TRANSACTION READ ONLY"))
        epoch = str(s.get_one(ServerMeta, 1).epoch)
        cursor = decode_cursor(raw_cursor, epoch)
        if cursor.xid and cursor.xid >= s.scalar(NEXT_XID_SQL):
            raise Refusal(410, "cursor_expired", server_epoch=epoch)
        rows = s.execute(
            page_sql(scopes), {"xid": str(cursor.xid), "id": cursor.id, "limit": limit + 1}
        ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = Cursor(epoch, int(rows[-1].xid_text), rows[-1].id) if rows else cursor
    changes = ",".join(
        f'{{"entity":{_string(r.entity)},"entity_id":{_string(r.entity_id)},'
        f'"entity_version":{int(r.entity_version)},"op":{_string(r.op)},"data":{r.data or "null"}}}'
        for r in rows
    )
    tail = {"next_cursor": last.encode(), "has_more": has_more, "server_epoch": epoch}
    body = f'{{"changes":[{changes}],' + json.dumps(tail, separators=(",", ":"))[1:]
    return body.encode(), len(rows)


PLAIN = re.compile(r"[A-Za-z0-9_.:-]*")  # ids and names that need no JSON escaping


def _string(value: str) -> str:
    return f'"{value}"' if PLAIN.fullmatch(value) else json.dumps(value, ensure_ascii=False)
