"""Reading and writing one application's rows: the list row, its events, its outbox payload, its
deadlines. Shared by the service's writes and reads so both build the same values."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hallapp.db.models import Application, ApplicationEvent, Operator
from hallapp.domain.application_flow import ApplicationKind, Stage, due_dates
from hallapp.domain.application_views import ApplicationEventRow, ApplicationRow
from hallapp.domain.calendar import DayKind, working_days_between
from hallapp.domain.errors import ActionRefused, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.records import Actor
from hallapp.services.trace import trace


def set_deadlines(
    app: Application, values: Mapping[str, Any], calendar: Mapping[date, DayKind], *, whole: bool
) -> None:
    """Recompute the running stage's due date (and, when ``whole``, the committed completion date)."""
    total_due, stage_due = due_dates(
        ApplicationKind(app.kind),
        Stage(app.status),
        accepted_on=app.accepted_on,
        stage_since=app.stage_since or app.accepted_on,
        values=values,
        calendar=calendar,
    )
    if whole:
        app.due_on = total_due
    app.stage_due_on = stage_due


def row_of(app: Application, today: date, calendar: Mapping[date, DayKind]) -> ApplicationRow:
    due = app.stage_due_on
    return ApplicationRow(
        application_id=app.application_id,
        application_no=app.application_no,
        kind=ApplicationKind(app.kind),
        stage=Stage(app.status),
        applicant_name=app.applicant_name,
        account_no=app.account_no or "",
        phone=app.phone or "",
        accepted_on=app.accepted_on,
        due_on=app.due_on,
        stage_due_on=due,
        days_left=working_days_between(today, due, calendar) if due is not None else None,
        expedite_count=app.expedite_count,
        version=app.version,
        hold=app.hold,
    )


def event_rows(s: Session, application_id: str) -> tuple[ApplicationEventRow, ...]:
    rows = s.execute(
        select(ApplicationEvent, Operator.name, Operator.staff_no)
        .join(Operator, Operator.operator_id == ApplicationEvent.operator_id)
        .where(ApplicationEvent.application_id == application_id)
        .order_by(ApplicationEvent.at, ApplicationEvent.event_id)
    ).all()
    return tuple(
        ApplicationEventRow(
            at=to_hall_time(e.at),
            kind=e.kind,
            from_stage=Stage(e.from_status) if e.from_status else None,
            to_stage=Stage(e.to_status),
            staff=f"{name}（{staff_no}）",
            note=e.note or "",
        )
        for e, name, staff_no in rows
    )


def payload(app: Application) -> dict[str, Any]:
    return {
        "application_id": app.application_id,
        "application_no": app.application_no,
        "kind": app.kind,
        "stage": app.status,
        "version": app.version,
        "account_no": app.account_no,
        "applicant_name": app.applicant_name,
        "applicant_id_no": app.applicant_id_no,
        "phone": app.phone,
        "accepted_on": app.accepted_on.isoformat(),
        "due_on": app.due_on.isoformat() if app.due_on else None,
        "stage_since": app.stage_since.isoformat() if app.stage_since else None,
        "closed_on": app.closed_on.isoformat() if app.closed_on else None,
        "promise_signed": app.promise_signed,
        "expedite_count": app.expedite_count,
        "rating": app.rating,
        "rating_reason": app.rating_reason,
        "device_id": app.device_id,
        "hold": app.hold,
        "form": app.data,
    }


@dataclass(frozen=True)
class Step:
    """One change to an application: its event kind, outbox op type, stage before, note, audit details."""

    kind: str
    op_type: str
    from_stage: str | None
    note: str
    details: dict[str, Any]


def record_step(
    s: Session,
    app: Application,
    actor: Actor,
    step: Step,
    *,
    at: datetime,
    base_version: int | None,
    local_tx_id: str | None = None,
) -> None:
    """The three traces every change leaves, in the change's transaction: the application's own
    history, the outbox op (with the version it was based on) and the audit trail."""
    s.add(
        ApplicationEvent(
            event_id=new_id(),
            application_id=app.application_id,
            from_status=step.from_stage,
            to_status=app.status,
            at=at,
            operator_id=actor.operator_id,
            note=step.note or None,
            kind=step.kind,
        )
    )
    trace(
        s,
        actor,
        at=at,
        op_type=step.op_type,
        entity="application",
        entity_id=app.application_id,
        target=app.application_no,
        payload=payload(app),
        details=step.details,
        base_version=base_version,
        local_tx_id=local_tx_id,
    )


def load(s: Session, application_id: str) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise NotFound(application_id=application_id)
    return app


def bump(s: Session, app: Application, version: int, **values: Any) -> None:
    """Write ``values`` only if the row is still at ``version`` (the guard against a second PC)."""
    table = Application.__table__
    done = s.execute(
        update(table)
        .where(table.c.application_id == app.application_id, table.c.version == version)
        .values(version=version + 1, **values)
    ).rowcount
    if done != 1:
        raise ActionRefused("application_changed", application_no=app.application_no)
    s.refresh(app)
