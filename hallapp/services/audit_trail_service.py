"""The audit trail for supervisors and admins: search it (newest first, a page at a time) and verify
its hash chain. Reading is not audited; verifying is ("audit.verify" with the result)."""

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select

from hallapp.db.models import AuditEvent, Operator
from hallapp.domain.audit_actions import ACTION_KINDS, BY_ACTION, ActionKind, Category, actions_in, kind_of
from hallapp.domain.errors import InvalidInput
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.text import has_control_chars, normalize
from hallapp.services import audit
from hallapp.services.context import ServiceBase
from hallapp.services.settings_service import values_in

MAX_TEXT = 40
_CATEGORIES = frozenset(c.value for c in Category)


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    staff_no: str
    staff_name: str  # "" when the staff number is unknown here (a mistyped sign-in)
    device: str  # this PC's code, or another PC's device id
    action: str
    category: Category
    label: str  # English source text, translated by the UI
    target: str
    details: dict[str, Any]


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    more: bool  # older rows match too: ask again with before_seq = rows[-1].seq
    start: date
    end: date


@dataclass(frozen=True)
class VerifyReport:
    checked: int
    first_seq: int
    broken_seq: int | None
    reason: str | None  # content_changed, link_broken, row_missing, checkpoint_unbacked
    broken_at: datetime | None
    broken_action: str | None
    previous_at: datetime | None  # the last intact event before the break

    @property
    def whole(self) -> bool:
        return self.broken_seq is None


class AuditTrailService(ServiceBase):
    def actions(self) -> tuple[ActionKind, ...]:
        return ACTION_KINDS

    def search(
        self,
        actor: Actor,
        *,
        start: date | None = None,
        end: date | None = None,
        action_kinds: frozenset[str] | None = None,
        staff_no: str | None = None,
        device_id: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        before_seq: int | None = None,
    ) -> AuditPage:
        """Events from ``start`` to ``end`` (hall days, both included; default today), newest first.
        ``action_kinds`` holds action codes or category names ("payment", "other")."""
        require(actor.role, Permission.VIEW_AUDIT)
        start = start or self.clock.business_date()
        end = end or self.clock.business_date()
        with self.db.read() as s:
            settings = values_in(s)
            self._check_range(start, end, settings["audit.search_max_days"])
            size = min(limit or settings["audit.page_rows"], settings["audit.page_rows"])
            stmt = _between(start, end)
            stmt = _filtered(stmt, action_kinds, staff_no, self._device(device_id), _clean_text(text))
            if before_seq is not None:
                stmt = stmt.where(AuditEvent.seq < before_seq)
            found = s.execute(stmt.order_by(AuditEvent.seq.desc()).limit(size + 1)).all()
        rows = tuple(self._row(e, name) for e, name in found[:size])
        return AuditPage(rows, len(found) > size, start, end)

    def verify(self, actor: Actor) -> VerifyReport:
        require(actor.role, Permission.VIEW_AUDIT)
        return self._verify(actor=actor, device_id=actor.device_id, via="app")

    def verify_from_command(self, os_user: str) -> VerifyReport:
        """``hallapp audit verify``: whoever can run it can read the file anyway; recorded under the
        PC's own identity with the OS user's name."""
        return self._verify(actor=None, device_id=self.device.device_id, via="command", os_user=os_user[:40])

    def _verify(self, *, actor: Actor | None, device_id: str, **how: str) -> VerifyReport:
        with self.db.read() as s:
            check = audit.inspect_chain(s)
        b = check.broken
        report = VerifyReport(
            checked=check.checked,
            first_seq=check.first_seq,
            broken_seq=b.seq if b else None,
            reason=b.reason if b else None,
            broken_at=b.at if b else None,
            broken_action=b.action if b else None,
            previous_at=b.previous_at if b else None,
        )
        details = {"checked": report.checked, "broken_seq": report.broken_seq, "reason": report.reason}
        with self.db.write() as s:
            audit.record(
                s,
                at=self.clock.now(),
                device_id=device_id,
                action="audit.verify",
                actor=actor,
                details=details | how,
            )
        return report

    def _check_range(self, start: date, end: date, max_days: int) -> None:
        if start > self.clock.business_date():
            raise InvalidInput("start", "audit_start_future")
        if start > end:
            raise InvalidInput("start", "audit_range_reversed")
        if (end - start).days + 1 > max_days:
            raise InvalidInput("end", "audit_range_too_long", limit=max_days)

    def _device(self, device: str | None) -> str | None:
        device = normalize(device or "")
        return self.device.device_id if device and device == self.device.device_code else device or None

    def _row(self, e: AuditEvent, name: str | None) -> AuditRow:
        kind = kind_of(e.action)
        own = e.device_id == self.device.device_id
        return AuditRow(
            seq=e.seq,
            at=e.at,
            staff_no=e.staff_no or "",
            staff_name=name or "",
            device=self.device.device_code if own else e.device_id,
            action=e.action,
            category=kind.category,
            label=kind.label,
            target=e.target or "",
            details=json.loads(e.details),
        )


def _between(start: date, end: date) -> Select:
    low = datetime.combine(start, time(0), HALL_TZ)
    high = datetime.combine(end + timedelta(days=1), time(0), HALL_TZ)
    return (
        select(AuditEvent, Operator.name)
        .outerjoin(Operator, Operator.staff_no == AuditEvent.staff_no)
        .where(AuditEvent.at >= low, AuditEvent.at < high)
    )


def _filtered(
    stmt: Select, kinds: frozenset[str] | None, staff_no: str | None, device_id: str | None, text: str
) -> Select:
    if kinds:
        stmt = stmt.where(_kind_condition(kinds))
    staff_no = normalize(staff_no or "").upper()
    if staff_no:
        stmt = stmt.where(func.upper(AuditEvent.staff_no) == staff_no)
    if device_id:
        stmt = stmt.where(AuditEvent.device_id == device_id)
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(*(c.like(pattern, escape="\\") for c in (AuditEvent.target, AuditEvent.details)))
        )
    return stmt


def _kind_condition(kinds: frozenset[str]):  # type: ignore[no-untyped-def]
    categories = {Category(k) for k in kinds if k in _CATEGORIES}
    codes = {k for k in kinds if k not in categories} | set(actions_in(frozenset(categories)))
    condition = AuditEvent.action.in_(sorted(codes))
    if Category.OTHER in categories:
        condition = or_(condition, AuditEvent.action.not_in(sorted(BY_ACTION)))
    return condition


def _clean_text(text: str | None) -> str:
    if text and has_control_chars(text):
        raise InvalidInput("text", "control_chars")
    cleaned = normalize(text or "")
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput("text", "too_long", limit=MAX_TEXT)
    return cleaned
