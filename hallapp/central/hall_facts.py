"""Op handlers that keep what the halls did (``schema_hall_facts``) for the supervisor's report.

Each reads its payload strictly (``parse_payload``: a payload it cannot use is acknowledged as
rejected) and writes under the device's central hall. Replays are idempotent: events and queue-log
entries are inserted if absent; shifts, complaints, consultations, windows and applications are
upserts of the latest image (applications and complaints by their version).

``shift.close`` and ``application.submit``/``stage`` keep their own handlers (reconciliation, first
arrival wins); the wrappers here run them and then record the fact.
"""

from datetime import date
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hallapp.central.applications import advance_application, submit_application
from hallapp.central.bodies import OpBody
from hallapp.central.payments import Rejected, Result, parse_payload
from hallapp.central.reconcile import close_shift
from hallapp.central.schema import Device
from hallapp.central.schema_hall_facts import (
    ApplicationFactRow,
    ComplaintRow,
    ConsultationRow,
    QueueLogRow,
    ShiftRow,
    TicketEventRow,
    WindowRow,
)
from hallapp.domain.hall_time import to_hall_time

Id = Annotated[str, Field(min_length=1, max_length=36)]
Small = Annotated[int, Field(ge=0, le=2**31 - 1)]
Fen = Annotated[int, Field(ge=-(2**62), le=2**62)]


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)


class _Rating(_Payload):
    score: int | None = Field(default=None, ge=1, le=5)
    reason: str | None = Field(default=None, max_length=500)


class TicketEventPayload(_Payload):
    ticket_id: Id
    seq: int = Field(ge=1, le=2**31 - 1)
    business_date: date
    business_type: str = Field(min_length=1, max_length=24)
    display_no: str = Field(min_length=1, max_length=16)
    kind: str = Field(min_length=1, max_length=16)
    at: AwareDatetime
    window_no: Small | None
    staff_no: str | None = Field(default=None, max_length=20)
    details: _Rating = Field(default_factory=_Rating)


class QueueLogPayload(_Payload):
    business_date: date
    kind: str = Field(min_length=1, max_length=16)
    at: AwareDatetime
    window_no: Small | None


class ShiftOpenPayload(_Payload):
    shift_id: Id
    business_date: date
    opened_at: AwareDatetime


class ShiftClosePayload(_Payload):
    """The cash-up; a close without it still reconciles (``reconcile.close_shift``), its difference unknown."""

    shift_id: Id
    business_date: date
    closed_at: AwareDatetime | None = None
    expected_cash_fen: Fen | None = None
    counted_cash_fen: Fen | None = None
    difference_reason: str | None = Field(default=None, max_length=500)


class ComplaintPayload(_Payload):
    complaint_id: Id
    complaint_no: str = Field(min_length=1, max_length=24)
    business_date: date
    operator_id: Id
    cause: str = Field(min_length=1, max_length=24)
    received_at: AwareDatetime
    version: Small


class ConsultationPayload(_Payload):
    consultation_id: Id
    consultation_no: str = Field(min_length=1, max_length=24)
    business_date: date
    operator_id: Id
    answered: bool
    created_at: AwareDatetime


class WindowPayload(_Payload):
    number: int = Field(ge=0, le=999)
    name: str = Field(max_length=40)


class ApplicationPayload(_Payload):
    application_id: Id
    application_no: str = Field(min_length=1, max_length=24)
    kind: str = Field(min_length=1, max_length=24)
    stage: str = Field(min_length=1, max_length=16)
    due_on: date | None = None
    closed_on: date | None = None
    version: Small


APPLIED: Result = {"status": "applied"}


def record_ticket_event(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(TicketEventPayload, op)
    rated = p.kind == "rated"
    s.execute(
        pg_insert(TicketEventRow)
        .values(
            ticket_id=p.ticket_id,
            seq=p.seq,
            hall_id=device.hall_id,
            business_date=p.business_date,
            business_type=p.business_type,
            display_no=p.display_no,
            kind=p.kind,
            at=p.at,
            window_no=p.window_no,
            staff_no=p.staff_no,
            rating=p.details.score if rated else None,
            rating_reason=(p.details.reason or None) if rated else None,
        )
        .on_conflict_do_nothing()
    )
    return APPLIED


def record_queue_log(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(QueueLogPayload, op)
    s.execute(
        pg_insert(QueueLogRow)
        .values(
            event_id=op.entity_id,
            hall_id=device.hall_id,
            business_date=p.business_date,
            kind=p.kind,
            at=p.at,
            window_no=p.window_no,
            operator_id=op.operator_id,
        )
        .on_conflict_do_nothing()
    )
    return APPLIED


def open_shift(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(ShiftOpenPayload, op)
    row = {"opened_at": p.opened_at}
    _upsert_shift(s, device, op, p.shift_id, p.business_date, row)
    return APPLIED


def close_shift_with_fact(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(ShiftClosePayload, op)
    result = close_shift(s, device, op)
    row = {
        "closed_at": p.closed_at or op.device_time,
        "expected_cash_fen": p.expected_cash_fen,
        "counted_cash_fen": p.counted_cash_fen,
        "difference_reason": p.difference_reason or None,
    }
    _upsert_shift(s, device, op, p.shift_id, p.business_date, row)
    return result


def record_complaint(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(ComplaintPayload, op)
    values = p.model_dump() | {"hall_id": device.hall_id}
    stmt = pg_insert(ComplaintRow).values(values)
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=[ComplaintRow.complaint_id],
            set_={k: stmt.excluded[k] for k in values if k != "complaint_id"},
            where=ComplaintRow.version < stmt.excluded.version,
        )
    )
    return APPLIED


def record_consultation(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(ConsultationPayload, op)
    _upsert(s, ConsultationRow, ["consultation_id"], p.model_dump() | {"hall_id": device.hall_id})
    return APPLIED


def save_window(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(WindowPayload, op)
    _upsert(s, WindowRow, ["hall_id", "number"], {"hall_id": device.hall_id, **p.model_dump()})
    return APPLIED


def submit_application_with_fact(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(ApplicationPayload, op)
    result = submit_application(s, device, op)
    _upsert_application(s, device, op, p, {"accepted_by": op.operator_id})
    return result


def advance_application_with_fact(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(ApplicationPayload, op)
    result = advance_application(s, device, op)
    _upsert_application(s, device, op, p, {})
    return result


def _upsert_application(
    s: Session, device: Device, op: OpBody, p: ApplicationPayload, first: dict[str, Any]
) -> None:
    """Insert at the first version seen (the submit: ``first`` holds who accepted it), later
    versions change the stage, dates and who archived it."""
    latest = {
        "status": p.stage,
        "due_on": p.due_on,
        "closed_on": p.closed_on,
        "version": p.version,
        **({"completed_by": op.operator_id} if p.stage == "archived" else {}),
    }
    row = {
        "application_id": p.application_id,
        "hall_id": device.hall_id,
        "application_no": p.application_no,
        "kind": p.kind,
        "accepted_on": to_hall_time(op.device_time).date(),  # the PC: the hall day of created_at
        "accepted_by": None,
        **latest,
        **first,
    }
    stmt = pg_insert(ApplicationFactRow).values(row)
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=[ApplicationFactRow.application_id],
            set_={k: stmt.excluded[k] for k in latest},
            where=ApplicationFactRow.version < stmt.excluded.version,
        )
    )


def _upsert_shift(
    s: Session, device: Device, op: OpBody, shift_id: str, day: date, row: dict[str, Any]
) -> None:
    if op.shift_id is not None and op.shift_id != shift_id:
        raise Rejected("invalid_payload", field="shift_id")
    values = {"shift_id": shift_id, "hall_id": device.hall_id, "business_date": day, **row}
    values["operator_id"] = op.operator_id
    _upsert(s, ShiftRow, ["shift_id"], values)


def _upsert(s: Session, model: type, keys: list[str], values: dict[str, Any]) -> None:
    stmt = pg_insert(model).values(values)
    changed = {k: stmt.excluded[k] for k in values if k not in keys}
    s.execute(stmt.on_conflict_do_update(index_elements=keys, set_=changed))
