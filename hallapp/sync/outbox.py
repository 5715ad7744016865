"""The transactional outbox (SYNC_DESIGN §4.3): one row per change, in the change's transaction."""

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.db.models import Outbox
from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash, sha256_hex
from hallapp.domain.ids import new_id
from hallapp.domain.records import Actor

PAYLOAD_VERSION = 1
HEAD_KEY = "outbox_head"


def append(
    session: Session,
    *,
    at: datetime,
    op_type: str,
    entity: str,
    entity_id: str,
    payload: dict[str, Any],
    actor: Actor | None,
    local_tx_id: str | None = None,
    base_version: int | None = None,
    shift_id: str | None = None,
) -> Outbox:
    """Add an op to the outbox; the caller's transaction commits it with the domain change."""
    body = canonical_json({"v": PAYLOAD_VERSION, **payload})
    prev = session.info.get(HEAD_KEY) or head_hash(session)
    row = Outbox(
        op_id=new_id(),
        local_tx_id=local_tx_id or new_id(),
        op_type=op_type,
        entity=entity,
        entity_id=entity_id,
        base_version=base_version,
        payload=body,
        payload_hash=sha256_hex(body),
        prev_hash=prev,
        operator_id=actor.operator_id if actor else None,
        shift_id=shift_id,
        device_time=at,
    )
    session.add(row)
    # A write transaction holds the database's only writer lock, so the head it appended is the head.
    session.info[HEAD_KEY] = link_hash(row)
    return row


def link_hash(row: Outbox) -> str:
    return chain_hash(row.prev_hash, row.op_id, row.payload_hash)


def head_hash(session: Session) -> str:
    """The chain head: the last row's link. Reads three columns, not the row (once per write)."""
    last = session.execute(
        select(Outbox.prev_hash, Outbox.op_id, Outbox.payload_hash)
        .order_by(Outbox.device_seq.desc())
        .limit(1)
    ).first()
    return chain_hash(*last) if last else GENESIS_HASH


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Outbox).where(Outbox.status == "pending")) or 0
