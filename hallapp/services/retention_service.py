"""Record retention: which records are past their retention period, and deleting them.

Only records past retention *and* already confirmed by the central server are deleted, one class
in one transaction, and the deletion is audited (class, count, cut-off). Old audit events go as the
oldest stretch of the chain, leaving a checkpoint the verifier starts from (docs/audit.md).
Supervisors and admins may look; only admins may delete."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hallapp.db.models import AuditEvent
from hallapp.db.schema_sync import AuditCheckpoint
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.hall_time import day_start, to_hall_time
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services import audit
from hallapp.services.context import ServiceBase
from hallapp.services.retention_classes import (
    AUDIT,
    AUDIT_LABEL,
    AUDIT_SETTING,
    BY_KEY,
    KEYS,
    Part,
    unconfirmed,
)
from hallapp.services.settings_service import values_in

CHUNK = 500  # ids per DELETE … IN (…): well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class ClassPreview:
    record_class: str
    label: str  # English source text (context "Retention")
    keep_days: int
    cut_off: date  # records dated before this day are past retention
    past_retention: int
    deletable: int  # of those, confirmed by the central server and not held by an open case
    oldest: date | None


@dataclass(frozen=True)
class PurgeResult:
    record_class: str
    deleted: int
    cut_off: date


class RetentionService(ServiceBase):
    def preview(self, actor: Actor) -> tuple[ClassPreview, ...]:
        require(actor.role, Permission.VIEW_AUDIT)
        with self.db.read() as s:
            settings = values_in(s)
            return tuple(self._preview(s, key, settings) for key in KEYS)

    def purge(self, actor: Actor, record_class: str) -> PurgeResult:
        require(actor.role, Permission.PURGE_RECORDS)
        if record_class not in KEYS:
            raise InvalidInput("record_class", "unknown_record_class", record_class=record_class)
        now = self.clock.now()
        with self.db.write() as s:
            cut_off = self._cut_off(values_in(s), record_class)
            if record_class == AUDIT:
                deleted, extra = _purge_audit(s, cut_off, now)
            else:
                counts = {p.id_col.table.name: _purge_part(s, p, cut_off) for p in BY_KEY[record_class].parts}
                deleted, extra = sum(counts.values()), {"tables": counts}
            if not deleted:
                raise ActionRefused("nothing_to_purge", day=cut_off.isoformat())
            audit.record(
                s,
                at=now,
                device_id=actor.device_id,
                action=audit.PURGE_ACTION,
                actor=actor,
                target=record_class,
                details={"record_class": record_class, "deleted": deleted, "cut_off": cut_off.isoformat()}
                | extra,
            )
        return PurgeResult(record_class, deleted, cut_off)

    def _cut_off(self, settings: dict[str, Any], record_class: str) -> date:
        setting = AUDIT_SETTING if record_class == AUDIT else BY_KEY[record_class].setting
        return self.clock.business_date() - timedelta(days=settings[setting])

    def _preview(self, s: Session, key: str, settings: dict[str, Any]) -> ClassPreview:
        cut_off = self._cut_off(settings, key)
        if key == AUDIT:
            due = AuditEvent.at < day_start(cut_off)
            past, oldest = s.execute(select(func.count(), func.min(AuditEvent.at)).where(due)).one()
            label, deletable = AUDIT_LABEL, _audit_through(s, cut_off)[1]
            oldest = to_hall_time(oldest).date() if oldest else None
        else:
            record = BY_KEY[key]
            past = deletable = 0
            found: list[date] = []
            for part in record.parts:
                n, first = s.execute(
                    select(func.count(), func.min(part.dated)).where(part.due(cut_off))
                ).one()
                past += n
                deletable += s.scalar(select(func.count()).where(part.purgeable(cut_off))) or 0
                found += [first] if first else []
            label, oldest = record.label, min(found) if found else None
        return ClassPreview(key, label, settings[_setting(key)], cut_off, past, deletable, oldest)


def _setting(key: str) -> str:
    return AUDIT_SETTING if key == AUDIT else BY_KEY[key].setting


def _purge_part(s: Session, part: Part, cut_off: date) -> int:
    ids = list(s.scalars(select(part.id_col).where(part.purgeable(cut_off))))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for child in part.children:
            s.execute(delete(child.table).where(child.in_(chunk)))
        s.execute(delete(part.id_col.table).where(part.id_col.in_(chunk)))
    return len(ids)


def _audit_through(s: Session, cut_off: date) -> tuple[int, int]:
    """(last seq that may go, how many events that is): the oldest unbroken stretch after the
    current checkpoint whose events are all past retention and confirmed by the central server."""
    checkpoint = audit.latest_checkpoint(s)
    after = checkpoint.through_seq if checkpoint else 0
    stop = s.scalar(
        select(func.min(AuditEvent.seq)).where(
            AuditEvent.seq > after,
            (AuditEvent.at >= day_start(cut_off)) | AuditEvent.event_id.in_(unconfirmed("audit_event")),
        )
    )
    through = stop - 1 if stop is not None else s.scalar(select(func.max(AuditEvent.seq))) or after
    count = s.scalar(select(func.count()).where(AuditEvent.seq > after, AuditEvent.seq <= through)) or 0
    return through, count


def _purge_audit(s: Session, cut_off: date, now: datetime) -> tuple[int, dict[str, Any]]:
    through, count = _audit_through(s, cut_off)
    if not count:
        return 0, {}
    last_hash = s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == through))
    if last_hash is None or audit.inspect_chain(s).broken is not None:
        raise ActionRefused("audit_chain_broken")  # never delete the evidence of tampering
    s.add(AuditCheckpoint(through_seq=through, last_hash=last_hash, deleted=count, cut_off=cut_off, at=now))
    s.execute(delete(AuditEvent).where(AuditEvent.seq <= through))
    return count, {"checkpoint": {"through_seq": through, "last_hash": last_hash}}
