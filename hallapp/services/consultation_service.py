"""业务咨询单 (H-01, C-20): record a consultation; call back the customer when it was not answered on
the spot. Each change is one write transaction: the row, its outbox op and its audit entry."""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from hallapp.db.models import Consultation, Operator
from hallapp.domain.errors import ActionRefused, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import document_no
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.service_desk import Channel, callback_due, moment_state
from hallapp.domain.service_desk_form import ConsultationDraft, clean_consultation, clean_note
from hallapp.domain.service_desk_views import ConsultationRecorded, ConsultationRow
from hallapp.services import numbers
from hallapp.services.context import ServiceBase
from hallapp.services.settings_service import values_in
from hallapp.services.trace import trace

SERIES = "consultation"
LETTER = "Z"
LIST_LIMIT = 500


class ConsultationService(ServiceBase):
    def record(self, actor: Actor, draft: ConsultationDraft, *, request_id: str) -> ConsultationRecorded:
        """Store the consultation with its number (and its callback task when not answered). The same
        ``request_id`` again returns the first record and writes nothing."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.read() as s:
            earlier = _by_request(s, request_id)
            if earlier is not None:
                return _recorded(earlier, replayed=True)
            clean = clean_consultation(draft, now, values_in(s))
        with self.db.write() as s:
            earlier = _by_request(s, request_id)
            if earlier is not None:
                return _recorded(earlier, replayed=True)
            seq = numbers.take(s, SERIES, self.device.device_code)
            row = Consultation(
                consultation_id=new_id(),
                consultation_no=document_no(LETTER, self.device.device_code, seq),
                request_id=request_id,
                channel=clean.channel.value,
                customer_name=clean.customer_name,
                phone=clean.phone,
                account_no=clean.account_no,
                question=clean.question,
                answer=clean.answer,
                answered=clean.answered,
                callback_due_at=clean.callback_due_at,
                business_date=today,
                created_at=now,
                operator_id=actor.operator_id,
                device_id=self.device.device_id,
            )
            s.add(row)
            s.flush()
            details = {
                "channel": row.channel,
                "answered": row.answered,
                "callback_due_at": _iso(row.callback_due_at),
            }
            _trace(s, row, actor, "consultation.record", now, details, local_tx_id=request_id)
            return _recorded(row, replayed=False)

    def record_callback(self, actor: Actor, consultation_id: str, note: str) -> ConsultationRow:
        """The customer was called back: what they were told closes the callback task."""
        require(actor.role, Permission.SERVE_COUNTER)
        note = clean_note(note)
        now = self.clock.now()
        with self.db.write() as s:
            row = s.get(Consultation, consultation_id)
            if row is None:
                raise NotFound(consultation_id=consultation_id)
            if row.callback_due_at is None:
                raise ActionRefused("no_callback_due", consultation_no=row.consultation_no)
            if row.callback_done_at is not None:
                raise ActionRefused("callback_done", consultation_no=row.consultation_no)
            row.callback_done_at, row.callback_note, row.callback_by = now, note, actor.operator_id
            s.flush()
            _trace(s, row, actor, "consultation.callback", now, {"note": note})
            return _rows(s, _listed().where(Consultation.consultation_id == consultation_id), now)[0]

    def today(self, actor: Actor) -> list[ConsultationRow]:
        """Today's consultations at this hall's PCs known here, newest first."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        stmt = _listed().where(Consultation.business_date == today)
        with self.db.read() as s:
            return _rows(s, stmt.order_by(Consultation.created_at.desc()).limit(LIST_LIMIT), now)

    def open_callbacks(self, actor: Actor) -> list[ConsultationRow]:
        """Callbacks still to make, the earliest due first (so the overdue ones lead)."""
        require(actor.role, Permission.SERVE_COUNTER)
        stmt = _listed().where(
            Consultation.callback_due_at.is_not(None), Consultation.callback_done_at.is_(None)
        )
        with self.db.read() as s:
            return _rows(s, stmt.order_by(Consultation.callback_due_at).limit(LIST_LIMIT), self.clock.now())

    def get(self, actor: Actor, consultation_id: str) -> ConsultationRow:
        require(actor.role, Permission.SERVE_COUNTER)
        with self.db.read() as s:
            rows = _rows(
                s, _listed().where(Consultation.consultation_id == consultation_id), self.clock.now()
            )
        if not rows:
            raise NotFound(consultation_id=consultation_id)
        return rows[0]

    def callback_default(self, actor: Actor) -> datetime:
        """When a callback is due if the clerk does not choose (hall time, for the form)."""
        require(actor.role, Permission.SERVE_COUNTER)
        with self.db.read() as s:
            values = values_in(s)
        return to_hall_time(callback_due(None, self.clock.now(), values))


_Recorder = aliased(Operator)
_Caller = aliased(Operator)


def _listed() -> Select:
    return (
        select(Consultation, _Recorder.name, _Recorder.staff_no, _Caller.name, _Caller.staff_no)
        .join(_Recorder, _Recorder.operator_id == Consultation.operator_id)
        .outerjoin(_Caller, _Caller.operator_id == Consultation.callback_by)
    )


def _rows(s: Session, stmt: Select, now: datetime) -> list[ConsultationRow]:
    return [
        ConsultationRow(
            consultation_id=c.consultation_id,
            consultation_no=c.consultation_no,
            created_at=to_hall_time(c.created_at),
            channel=Channel(c.channel),
            customer_name=c.customer_name,
            phone=c.phone or "",
            account_no=c.account_no or "",
            question=c.question,
            answer=c.answer,
            answered=c.answered,
            staff=f"{name}（{staff_no}）",
            callback_due_at=_hall(c.callback_due_at),
            callback_done_at=_hall(c.callback_done_at),
            callback_note=c.callback_note or "",
            callback_staff=f"{caller}（{caller_no}）" if caller else "",
            callback_state=(
                moment_state(c.callback_due_at, c.callback_done_at, now) if c.callback_due_at else None
            ),
        )
        for c, name, staff_no, caller, caller_no in s.execute(stmt).all()
    ]


def _hall(moment: datetime | None) -> datetime | None:
    return to_hall_time(moment) if moment is not None else None


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _by_request(s: Session, request_id: str) -> Consultation | None:
    return s.scalars(select(Consultation).where(Consultation.request_id == request_id)).first()


def _recorded(row: Consultation, *, replayed: bool) -> ConsultationRecorded:
    return ConsultationRecorded(
        row.consultation_id, row.consultation_no, _hall(row.callback_due_at), replayed
    )


def _payload(row: Consultation) -> dict[str, Any]:
    return {
        "consultation_id": row.consultation_id,
        "consultation_no": row.consultation_no,
        "channel": row.channel,
        "customer_name": row.customer_name,
        "phone": row.phone,
        "account_no": row.account_no,
        "question": row.question,
        "answer": row.answer,
        "answered": row.answered,
        "callback_due_at": _iso(row.callback_due_at),
        "callback_done_at": _iso(row.callback_done_at),
        "callback_note": row.callback_note,
        "callback_by": row.callback_by,
        "business_date": row.business_date.isoformat(),
        "created_at": _iso(row.created_at),
        "operator_id": row.operator_id,
        "device_id": row.device_id,
    }


def _trace(
    s: Session,
    row: Consultation,
    actor: Actor,
    op_type: str,
    at: datetime,
    details: dict[str, Any],
    *,
    local_tx_id: str | None = None,
) -> None:
    """The outbox op and the audit entry, in the change's transaction."""
    trace(
        s,
        actor,
        at=at,
        op_type=op_type,
        entity="consultation",
        entity_id=row.consultation_id,
        target=row.consultation_no,
        payload=_payload(row),
        details=details,
        local_tx_id=local_tx_id,
    )
