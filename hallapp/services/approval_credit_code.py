"""A credit code that fails only its check character (GB 32100), sent to the supervisor's queue.

The application is accepted and numbered at once but held in 受理 (``application.hold``): an
approval clears the hold and records the supervisor as the one who confirmed the code; a refusal
keeps it held until the clerk corrects the code (or cancels). Correcting or cancelling withdraws a
request still waiting, in the same transaction.
"""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import Application, Approval, Operator
from hallapp.domain.application_flow import CLOSED, Hold, Stage
from hallapp.domain.credit_code import CodeProblem, inspect
from hallapp.domain.errors import InvalidInput
from hallapp.domain.permissions import Permission
from hallapp.domain.records import Actor
from hallapp.domain.text import has_control_chars
from hallapp.services.application_record import Step, bump, load, record_step
from hallapp.services.approval_queue import ApprovalKind, Subject, close, open_request

CREDIT_CODE_OVERRIDE = "credit_code_override"
WARNING = "credit_code_override"  # in application.data["warnings"]: confirmed despite the check


def clean_credit_code(raw: str) -> tuple[str, bool]:
    """(the code, whether it fails only its check character); any other problem is InvalidInput."""
    if has_control_chars(raw):
        raise InvalidInput("credit_code", "control_chars")
    code = inspect(raw)
    if not code.text:
        raise InvalidInput("credit_code", "empty")
    if code.problems and code.problems[0] is not CodeProblem.CHECKSUM:
        raise InvalidInput("credit_code", code.problems[0].value)
    return code.text, code.only_checksum


def request_override(s: Session, app: Application, actor: Actor, reason: str, at: datetime) -> Approval:
    return open_request(
        s,
        actor,
        kind=CREDIT_CODE_OVERRIDE,
        target_id=app.application_id,
        target=app.application_no,
        reason=reason,
        at=at,
        credit_code=app.data.get("credit_code", ""),
    )


def withdraw_pending(s: Session, app: Application, actor: Actor, at: datetime, why: str) -> None:
    """Take this application's waiting requests out of the queue (``why``: a reason code)."""
    waiting = s.scalars(
        select(Approval).where(
            Approval.target_id == app.application_id,
            Approval.kind == CREDIT_CODE_OVERRIDE,
            Approval.status == "pending",
        )
    ).all()
    for approval in waiting:
        close(s, approval, actor, at, "withdrawn", why, app.application_no)


def with_warning(data: dict, confirmed_by: str | None) -> dict:
    """The form with the supervisor who confirmed the code (None: nobody, the code is fine)."""
    warnings = [w for w in data.get("warnings", ()) if w != WARNING]
    out = {k: v for k, v in data.items() if k != "credit_code_override_by"}
    if confirmed_by:
        warnings.append(WARNING)
        out["credit_code_override_by"] = confirmed_by
    return {**out, "warnings": warnings}


def last_refusal(s: Session, application_id: str) -> tuple[str, str]:
    """(who refused, their reason) of the newest refused request for this application, or ("", "")."""
    row = s.execute(
        select(Approval.decision_note, Operator.name, Operator.staff_no)
        .join(Operator, Operator.operator_id == Approval.decided_by)
        .where(
            Approval.target_id == application_id,
            Approval.kind == CREDIT_CODE_OVERRIDE,
            Approval.status == "refused",
        )
        .order_by(Approval.decided_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return "", ""
    note, name, staff_no = row
    return f"{name}（{staff_no}）", note or ""


def _describe(s: Session, a: Approval) -> Subject:
    app = s.get(Application, a.target_id)
    if app is None:
        return Subject("", "")
    return Subject(app.application_no, app.applicant_name, None, app.data.get("credit_code", ""))


def _stale(s: Session, a: Approval, today: date) -> str | None:
    app = s.get(Application, a.target_id)
    if app is None:
        return "target_missing"
    if Stage(app.status) in CLOSED:
        return "application_closed"
    if app.hold != Hold.CREDIT_CODE_PENDING:
        return "application_corrected"
    return None


def _on_decide(s: Session, a: Approval, actor: Actor, at: datetime) -> None:
    app = load(s, a.target_id)
    base = app.version
    approved = a.status == "approved"
    if approved:
        bump(s, app, base, hold=None, data=with_warning(app.data, actor.staff_no))
    else:
        bump(s, app, base, hold=Hold.CREDIT_CODE_REFUSED.value)
    details = {"approval_id": a.approval_id, "approved": approved, "note": a.decision_note or ""}
    step = Step("approval", "application.approval", app.status, a.decision_note or "", details)
    record_step(s, app, actor, step, at=at, base_version=base)


KIND = ApprovalKind(CREDIT_CODE_OVERRIDE, Permission.TAKE_APPLICATION, False, _describe, _stale, _on_decide)
