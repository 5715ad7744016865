"""The audit trail: every sign-in, lock, change and approval, hash-chained so tampering shows."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import AuditEvent
from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash
from hallapp.domain.ids import new_id
from hallapp.domain.records import Actor
from hallapp.sync import outbox


def _row_hash(prev_hash: str, row: AuditEvent) -> str:
    return chain_hash(
        prev_hash,
        row.event_id,
        row.at.isoformat(),
        row.device_id,
        row.operator_id or "",
        row.staff_no or "",
        row.action,
        row.target or "",
        row.details,
    )


def record(
    session: Session,
    *,
    at: datetime,
    device_id: str,
    action: str,
    actor: Actor | None = None,
    staff_no: str | None = None,
    target: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event (inside the caller's write transaction) and queue it for central."""
    at = at.astimezone(UTC)  # the hash must cover the same text the database gives back
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)) or GENESIS_HASH
    row = AuditEvent(
        event_id=new_id(),
        at=at,
        device_id=device_id,
        operator_id=actor.operator_id if actor else None,
        staff_no=(actor.staff_no if actor else staff_no),
        action=action,
        target=target,
        details=canonical_json(details or {}),
        prev_hash=prev,
        hash="",
    )
    row.hash = _row_hash(prev, row)
    session.add(row)
    outbox.append(
        session,
        at=at,
        op_type="audit.event",
        entity="audit_event",
        entity_id=row.event_id,
        actor=actor,
        payload={
            "event_id": row.event_id,
            "at": at.isoformat(),
            "action": action,
            "target": target,
            "staff_no": row.staff_no,
            "details": details or {},
            "hash": row.hash,
        },
    )
    return row


def verify_chain(session: Session, batch: int = 5000) -> int | None:
    """The seq of the first event whose hash or link is wrong, or None if the chain is whole."""
    prev = GENESIS_HASH
    last_seq = 0
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > last_seq).order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            return None
        for row in rows:
            if row.prev_hash != prev or row.hash != _row_hash(prev, row):
                return row.seq
            prev = row.hash
            last_seq = row.seq
        session.expunge_all()
