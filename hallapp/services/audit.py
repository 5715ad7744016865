"""The audit trail: every sign-in, lock, change and approval, hash-chained so tampering shows."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hallapp.db.models import AuditEvent
from hallapp.db.schema_sync import AuditCheckpoint
from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash
from hallapp.domain.ids import new_id
from hallapp.domain.records import Actor
from hallapp.sync import outbox

PURGE_ACTION = "retention.purge"


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


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain is wrong. ``reason``: content_changed (the row's hash does not match
    its content), link_broken (it does not follow from the row before), row_missing (``seq`` was
    deleted: a gap, or the newest rows gone), checkpoint_unbacked (the retention checkpoint the chain
    starts from has no matching purge event). ``at``/``action`` are the row's, None when it is gone;
    ``previous_at`` is the time of the last intact row before it."""

    seq: int
    reason: str
    at: datetime | None = None
    action: str | None = None
    previous_at: datetime | None = None


@dataclass(frozen=True)
class ChainCheck:
    checked: int  # events whose hash was recomputed
    first_seq: int  # where checking started: 1, or just after the retention checkpoint
    broken: ChainBreak | None


_CHAIN_SQL = (
    "SELECT seq, event_id, at, device_id, operator_id, staff_no, action, target, details, prev_hash, hash"
    " FROM audit_event WHERE seq >= ? ORDER BY seq"
)


def inspect_chain(session: Session, batch: int = 5000) -> ChainCheck:
    """Recompute every link from the newest retention checkpoint (or the genesis) to the end.

    Reads plain DB-API rows (no ORM, no type processing: 5x faster on a million events); the stored
    time text becomes the same ISO text ``record`` hashed."""
    checkpoint = latest_checkpoint(session)
    prev, expected = (checkpoint.last_hash, checkpoint.through_seq + 1) if checkpoint else (GENESIS_HASH, 1)
    first = expected
    if checkpoint is not None and not _purge_recorded(session, checkpoint):
        return ChainCheck(0, first, ChainBreak(first, "checkpoint_unbacked"))
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_CHAIN_SQL, (expected,))
        checked, previous_at = 0, None
        while rows := cursor.fetchmany(batch):
            for seq, event_id, at, device, operator, staff, action, target, details, link, stored in rows:
                reason = (
                    "row_missing"
                    if seq != expected
                    else "link_broken"
                    if link != prev
                    else "content_changed"
                    if not _hash_matches(
                        stored, prev, event_id, at, device, operator, staff, action, target, details
                    )
                    else None
                )
                if reason is not None:
                    gone = reason == "row_missing"
                    broken = ChainBreak(
                        expected,
                        reason,
                        None if gone else _stored_time(at),
                        None if gone else action,
                        _stored_time(previous_at),
                    )
                    return ChainCheck(checked, first, broken)
                checked += 1
                prev, expected, previous_at = stored, expected + 1, at
    finally:
        cursor.close()
    issued = session.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'")) or 0
    if issued >= expected:  # the newest rows were deleted: no link left to show it
        return ChainCheck(
            checked, first, ChainBreak(expected, "row_missing", previous_at=_stored_time(previous_at))
        )
    return ChainCheck(checked, first, None)


def _stored_time(stored: str | None) -> datetime | None:
    """The column's text (naive UTC) as the aware moment the ORM would give; None if unreadable."""
    try:
        return datetime.fromisoformat(stored).replace(tzinfo=UTC) if stored else None
    except ValueError:
        return None


def _hash_matches(stored: str, prev: str, event_id: str, at: str, *rest: str | None) -> bool:
    """Whether a row as read hashes to ``stored``. The time text is first turned into ISO text by
    hand (what the datetime prints for the usual "YYYY-MM-DD HH:MM:SS.ffffff"); only when that does
    not match is it parsed, so an unusual but equal time is not taken for tampering."""
    device, operator, staff, action, target, details = rest
    content = (device, operator or "", staff or "", action, target or "", details)
    quick = (at[:19] if at.endswith(".000000") else at).replace(" ", "T", 1) + "+00:00"
    if chain_hash(prev, event_id, quick, *content) == stored:  # type: ignore[arg-type]
        return True
    moment = _stored_time(at)
    return moment is not None and chain_hash(prev, event_id, moment.isoformat(), *content) == stored  # type: ignore[arg-type]


def verify_chain(session: Session, batch: int = 5000) -> int | None:
    """The seq of the first event that is wrong or missing, or None if the chain is whole."""
    broken = inspect_chain(session, batch).broken
    return broken.seq if broken else None


def latest_checkpoint(session: Session) -> AuditCheckpoint | None:
    return session.scalars(
        select(AuditCheckpoint).order_by(AuditCheckpoint.through_seq.desc()).limit(1)
    ).first()


def _purge_recorded(session: Session, checkpoint: AuditCheckpoint) -> bool:
    """A checkpoint counts only if the purge that made it is itself in the chain after it."""
    details = session.scalars(
        select(AuditEvent.details).where(
            AuditEvent.action == PURGE_ACTION, AuditEvent.seq > checkpoint.through_seq
        )
    )
    wanted = {"through_seq": checkpoint.through_seq, "last_hash": checkpoint.last_hash}
    return any(json.loads(d).get("checkpoint") == wanted for d in details)
