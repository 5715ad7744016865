"""Complaints (K-01, K-03; 十项承诺第九条): receive, contact the customer, reply, call back (回访), close.

Each step is one write transaction: the complaint row (its ``version`` rises), its outbox op and its
audit entry. A step based on a stale version — another PC recorded something first — is refused
and changes nothing. A complaint never closes without a recorded follow-up call.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hallapp.db.models import AuditEvent, Complaint, Operator
from hallapp.domain.errors import ActionRefused, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import document_no
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.service_desk import (
    Channel,
    ComplaintCause,
    ComplaintStep,
    check_step,
    complaint_deadlines,
    day_state,
    moment_state,
)
from hallapp.domain.service_desk_form import ComplaintDraft, clean_complaint, clean_note
from hallapp.domain.service_desk_views import (
    ComplaintDetail,
    ComplaintEventRow,
    ComplaintReceived,
    ComplaintRow,
)
from hallapp.services import numbers
from hallapp.services.context import ServiceBase
from hallapp.services.reference_service import calendar_in
from hallapp.services.settings_service import values_in
from hallapp.services.trace import trace

SERIES = "complaint"
LETTER = "T"
OPEN_LIMIT = 1000
OP_TYPES = {
    ComplaintStep.RECEIVED: "complaint.receive",
    ComplaintStep.CONTACTED: "complaint.contact",
    ComplaintStep.REPLIED: "complaint.reply",
    ComplaintStep.FOLLOWED_UP: "complaint.followup",
    ComplaintStep.CLOSED: "complaint.close",
}


class ComplaintService(ServiceBase):
    def receive(self, actor: Actor, draft: ComplaintDraft, *, request_id: str) -> ComplaintReceived:
        """Record the complaint with its number and its two deadlines. The same ``request_id`` again
        returns the first record and writes nothing."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.read() as s:
            earlier = _by_request(s, request_id)
            if earlier is not None:
                return _received(earlier, replayed=True)
            clean = clean_complaint(draft, values_in(s))
        with self.db.write() as s:
            earlier = _by_request(s, request_id)
            if earlier is not None:
                return _received(earlier, replayed=True)
            contact_due, reply_due = complaint_deadlines(now, today, values_in(s), calendar_in(s))
            seq = numbers.take(s, SERIES, self.device.device_code)
            row = Complaint(
                complaint_id=new_id(),
                complaint_no=document_no(LETTER, self.device.device_code, seq),
                request_id=request_id,
                channel=clean.channel.value,
                cause=clean.cause.value,
                customer_name=clean.customer_name,
                phone=clean.phone,
                account_no=clean.account_no,
                description=clean.description,
                received_at=now,
                contact_due_at=contact_due,
                reply_due_on=reply_due,
                business_date=today,
                operator_id=actor.operator_id,
                device_id=self.device.device_id,
                version=1,
            )
            s.add(row)
            s.flush()
            details = {"cause": row.cause, "channel": row.channel, "reply_due_on": reply_due.isoformat()}
            _trace(s, row, actor, ComplaintStep.RECEIVED, now, details, local_tx_id=request_id)
            return _received(row, replayed=False)

    def record_contact(self, actor: Actor, complaint_id: str, note: str, *, version: int) -> int:
        """The customer was contacted (within the contact deadline, if all went well)."""
        note, now = _note(actor, note), self.clock.now()
        values = {"contacted_at": now, "contact_note": note}
        return self._step(actor, complaint_id, version, ComplaintStep.CONTACTED, values, now)

    def record_reply(self, actor: Actor, complaint_id: str, note: str, *, version: int) -> int:
        note, now = _note(actor, note), self.clock.now()
        values = {"replied_at": now, "reply_note": note}
        return self._step(actor, complaint_id, version, ComplaintStep.REPLIED, values, now)

    def record_followup(
        self, actor: Actor, complaint_id: str, note: str, *, satisfied: bool, version: int
    ) -> int:
        """The follow-up call (回访): what the customer said and whether they are satisfied."""
        note, now = _note(actor, note), self.clock.now()
        values = {"followup_at": now, "followup_note": note, "followup_satisfied": satisfied}
        return self._step(actor, complaint_id, version, ComplaintStep.FOLLOWED_UP, values, now)

    def close(self, actor: Actor, complaint_id: str, *, version: int) -> int:
        """Close a complaint whose follow-up call is recorded (refused before it)."""
        require(actor.role, Permission.SERVE_COUNTER)
        now = self.clock.now()
        return self._step(actor, complaint_id, version, ComplaintStep.CLOSED, {"closed_at": now}, now)

    def _step(
        self,
        actor: Actor,
        complaint_id: str,
        version: int,
        step: ComplaintStep,
        values: dict[str, Any],
        now: datetime,
    ) -> int:
        with self.db.write() as s:
            row = _load(s, complaint_id)
            if row.version != version:
                raise ActionRefused("complaint_changed", complaint_no=row.complaint_no)
            check_step(step_of(row), step)
            _bump(s, row, version, **values)
            details = {k: v for k, v in values.items() if not k.endswith("_at")}
            _trace(s, row, actor, step, now, details, base_version=version)
            return row.version

    def open_complaints(self, actor: Actor) -> list[ComplaintRow]:
        """Complaints not yet closed: those with an overdue deadline first, then by reply deadline."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.read() as s:
            found = s.scalars(
                select(Complaint)
                .where(Complaint.closed_at.is_(None))
                .order_by(Complaint.reply_due_on, Complaint.received_at)
                .limit(OPEN_LIMIT)
            ).all()
            rows = [row_of(c, now, today) for c in found]
        return sorted(rows, key=lambda r: (not r.overdue, r.reply_due_on, r.contact_due_at))

    def detail(self, actor: Actor, complaint_id: str) -> ComplaintDetail:
        """The complaint and its history, step by step, with who recorded each step."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.read() as s:
            row = _load(s, complaint_id)
            return ComplaintDetail(row_of(row, now, today), _history(s, row))


def step_of(row: Complaint) -> ComplaintStep:
    for at, step in (
        (row.closed_at, ComplaintStep.CLOSED),
        (row.followup_at, ComplaintStep.FOLLOWED_UP),
        (row.replied_at, ComplaintStep.REPLIED),
        (row.contacted_at, ComplaintStep.CONTACTED),
    ):
        if at is not None:
            return step
    return ComplaintStep.RECEIVED


def row_of(c: Complaint, now: datetime, today: date) -> ComplaintRow:
    replied_on = to_hall_time(c.replied_at).date() if c.replied_at else None
    return ComplaintRow(
        complaint_id=c.complaint_id,
        complaint_no=c.complaint_no,
        received_at=to_hall_time(c.received_at),
        channel=Channel(c.channel),
        cause=ComplaintCause(c.cause),
        customer_name=c.customer_name,
        phone=c.phone,
        account_no=c.account_no or "",
        description=c.description,
        step=step_of(c),
        contact_due_at=to_hall_time(c.contact_due_at),
        contact_state=moment_state(c.contact_due_at, c.contacted_at, now),
        reply_due_on=c.reply_due_on,
        reply_state=day_state(c.reply_due_on, replied_on, today),
        followup_satisfied=c.followup_satisfied,
        version=c.version,
    )


def _history(s: Session, c: Complaint) -> tuple[ComplaintEventRow, ...]:
    """The steps from the complaint's own columns (they travel with it); who did each from the audit
    trail of this PC, looked up through its time index."""
    steps = [
        (c.received_at, ComplaintStep.RECEIVED, c.description),
        (c.contacted_at, ComplaintStep.CONTACTED, c.contact_note),
        (c.replied_at, ComplaintStep.REPLIED, c.reply_note),
        (c.followup_at, ComplaintStep.FOLLOWED_UP, c.followup_note),
        (c.closed_at, ComplaintStep.CLOSED, ""),
    ]
    stmt = (
        select(AuditEvent.action, AuditEvent.staff_no, Operator.name)
        .outerjoin(Operator, Operator.operator_id == AuditEvent.operator_id)
        .where(
            AuditEvent.at >= c.received_at,
            AuditEvent.target == c.complaint_no,
            AuditEvent.action.in_(OP_TYPES.values()),
        )
    )
    if c.closed_at is not None:
        stmt = stmt.where(AuditEvent.at <= c.closed_at)
    staff = {action: f"{name}（{no}）" if name else no or "" for action, no, name in s.execute(stmt)}
    return tuple(
        ComplaintEventRow(to_hall_time(at), step, staff.get(OP_TYPES[step], ""), note or "")
        for at, step, note in steps
        if at is not None
    )


def _note(actor: Actor, note: str) -> str:
    require(actor.role, Permission.SERVE_COUNTER)
    return clean_note(note)


def _by_request(s: Session, request_id: str) -> Complaint | None:
    return s.scalars(select(Complaint).where(Complaint.request_id == request_id)).first()


def _received(row: Complaint, *, replayed: bool) -> ComplaintReceived:
    return ComplaintReceived(
        row.complaint_id, row.complaint_no, to_hall_time(row.contact_due_at), row.reply_due_on, replayed
    )


def _load(s: Session, complaint_id: str) -> Complaint:
    row = s.get(Complaint, complaint_id)
    if row is None:
        raise NotFound(complaint_id=complaint_id)
    return row


def _bump(s: Session, row: Complaint, version: int, **values: Any) -> None:
    """Write ``values`` only if the row is still at ``version`` (the guard against a second PC)."""
    table = Complaint.__table__
    done = s.execute(
        update(table)
        .where(table.c.complaint_id == row.complaint_id, table.c.version == version)
        .values(version=version + 1, **values)
    ).rowcount
    if done != 1:
        raise ActionRefused("complaint_changed", complaint_no=row.complaint_no)
    s.refresh(row)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _payload(row: Complaint) -> dict[str, Any]:
    return {
        "complaint_id": row.complaint_id,
        "complaint_no": row.complaint_no,
        "version": row.version,
        "channel": row.channel,
        "cause": row.cause,
        "customer_name": row.customer_name,
        "phone": row.phone,
        "account_no": row.account_no,
        "description": row.description,
        "received_at": _iso(row.received_at),
        "contact_due_at": _iso(row.contact_due_at),
        "reply_due_on": row.reply_due_on.isoformat(),
        "contacted_at": _iso(row.contacted_at),
        "contact_note": row.contact_note,
        "replied_at": _iso(row.replied_at),
        "reply_note": row.reply_note,
        "followup_at": _iso(row.followup_at),
        "followup_note": row.followup_note,
        "followup_satisfied": row.followup_satisfied,
        "closed_at": _iso(row.closed_at),
        "business_date": row.business_date.isoformat(),
        "operator_id": row.operator_id,
        "device_id": row.device_id,
    }


def _trace(
    s: Session,
    row: Complaint,
    actor: Actor,
    step: ComplaintStep,
    at: datetime,
    details: dict[str, Any],
    *,
    base_version: int | None = None,
    local_tx_id: str | None = None,
) -> None:
    """The outbox op (with the version it was based on) and the audit entry, in the step's transaction."""
    trace(
        s,
        actor,
        at=at,
        op_type=OP_TYPES[step],
        entity="complaint",
        entity_id=row.complaint_id,
        target=row.complaint_no,
        payload=_payload(row),
        details=details,
        base_version=base_version,
        local_tx_id=local_tx_id,
    )
