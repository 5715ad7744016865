"""``application.submit`` and ``application.stage`` on the server (SYNC_DESIGN §4.2).

An application that changes an existing account (增容, 更名, 过户) is checked when it arrives: if
another one on the same account is still open, the **first arrival wins** and this one is kept with
``review = 'needs_review'`` (never dropped) and its hall gets a notice. Arrivals on one account are
serialised by a transaction-level advisory lock on the account number.

When the application that blocked others ends, its hall is told what became of the earliest one it
blocked: after a 取消, or after a 增容 reached 归档, that one is released (``review = 'none'``; the
others wait behind it) and the counter can go on; after a 更名/过户 reached 归档 the holder it was
taken for is gone, so it stays under review (``holder_changed``) until its hall cancels it through the
usual stage op (and takes a new application if the customer still wants one).

The protected fields change here only: when a 更名 or 过户 that was not sent to review reaches 归档,
the holder's name (更名) or the account's holder (过户, the applicant becomes the customer) changes
on the server and goes to the hall's PCs through the feed.
"""

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from hallapp.central.bodies import OpBody
from hallapp.central.feed import log_account, log_customer, publish_notice
from hallapp.central.payments import Rejected, Result, parse_payload
from hallapp.central.schema import MASTER_NAMESPACE, Account, Customer, Device
from hallapp.central.schema_conflicts import CLOSED_STAGES, CentralApplication, ConflictNotice
from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.ids import new_id

ACCOUNT_KINDS = frozenset(
    {
        ApplicationKind.RESIDENT_INCREASE,
        ApplicationKind.NON_RESIDENT_INCREASE,
        ApplicationKind.NAME_CHANGE,
        ApplicationKind.TRANSFER,
    }
)
HOLDER_KINDS = frozenset({ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER})
LOCK_ACCOUNT = text("SELECT pg_advisory_xact_lock(hashtextextended('application:' || :account_no, 0))")


class SubmitPayload(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    application_id: str = Field(min_length=1, max_length=36)
    application_no: str = Field(min_length=1, max_length=24)
    kind: ApplicationKind = Field(strict=False)
    stage: Stage = Field(strict=False)
    account_no: str | None = Field(default=None, max_length=40)
    applicant_name: str = Field(min_length=1, max_length=80)
    applicant_id_no: str | None = Field(default=None, max_length=32)
    form: dict[str, Any] = Field(default_factory=dict)


class StagePayload(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    application_id: str = Field(min_length=1, max_length=36)
    stage: Stage = Field(strict=False)


def submit_application(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(SubmitPayload, op)
    if s.get(CentralApplication, p.application_id) is not None:
        raise Rejected("application_exists", application_id=p.application_id)
    blocking, reason = None, None
    if p.account_no and p.kind in ACCOUNT_KINDS:
        s.execute(LOCK_ACCOUNT, {"account_no": p.account_no})
        blocking = s.scalar(
            select(CentralApplication.application_no)
            .where(
                CentralApplication.account_no == p.account_no,
                CentralApplication.review == "none",
                CentralApplication.stage.not_in(CLOSED_STAGES),
            )
            .order_by(CentralApplication.submitted_at)
            .limit(1)
        )
        account = s.get(Account, p.account_no)
        if blocking is not None:
            reason = "open_application"
        elif account is None or account.status == "closed":
            reason = "account_unknown" if account is None else "account_closed"
    s.add(
        CentralApplication(
            application_id=p.application_id,
            application_no=p.application_no,
            device_id=device.device_id,
            hall_id=device.hall_id,
            kind=p.kind.value,
            stage=p.stage.value,
            account_no=p.account_no or None,
            applicant_name=p.applicant_name,
            applicant_id_no=p.applicant_id_no,
            review="needs_review" if reason else "none",
            review_reason=reason,
            blocking_application_no=blocking,
            form=p.form,
        )
    )
    if reason is None:
        return {"status": "applied", "application_no": p.application_no}
    publish_notice(
        s,
        ConflictNotice(
            notice_id=new_id(),
            hall_id=device.hall_id,
            kind="application_review",
            account_no=p.account_no,
            reason=reason,
            application_no=p.application_no,
            blocking_application_no=blocking,
            won_op_id=None,
            lost_op_id=op.op_id,
        ),
    )
    answer: Result = {"status": "conflict", "reason": reason, "application_no": p.application_no}
    if blocking:
        answer["blocking_application_no"] = blocking
    return answer


def advance_application(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(StagePayload, op)
    app = s.get(CentralApplication, p.application_id, with_for_update=True)
    if app is None:
        raise Rejected("application_unknown", application_id=p.application_id)
    app.stage, app.updated_at = p.stage.value, func.now()
    changed = _apply_to_master(s, app)
    answer: Result = {
        "status": "applied",
        "stage": app.stage,
        "review": app.review,
        "master_changed": changed,
    }
    if app.stage in CLOSED_STAGES and app.review == "none":
        waiting = _first_waiting(s, app)
        if waiting is not None:
            answer["next_application_no"] = waiting.application_no
    return answer


def _apply_to_master(s: Session, app: CentralApplication) -> bool:
    if app.stage != Stage.ARCHIVED or app.kind not in HOLDER_KINDS or app.review != "none":
        return False
    if app.master_applied:
        return False
    app.master_applied = True
    return _change_holder(s, app)


def _first_waiting(s: Session, ended: CentralApplication) -> CentralApplication | None:
    """The earliest open application that ``ended`` blocked is released or, when ``ended`` changed
    the holder, kept for review as ``holder_changed``; the rest now wait behind it. Its hall is told."""
    if ended.account_no is None:
        return None
    s.execute(LOCK_ACCOUNT, {"account_no": ended.account_no})
    waiting = s.scalars(
        select(CentralApplication)
        .where(
            CentralApplication.blocking_application_no == ended.application_no,
            CentralApplication.review == "needs_review",
            CentralApplication.stage.not_in(CLOSED_STAGES),
        )
        .order_by(CentralApplication.submitted_at)
        .with_for_update()
    ).all()
    if not waiting:
        return None
    first, rest = waiting[0], waiting[1:]
    for other in rest:
        other.blocking_application_no = first.application_no
    holder_changed = ended.stage == Stage.ARCHIVED and ended.kind in HOLDER_KINDS
    if holder_changed:
        first.review_reason = "holder_changed"
    else:
        first.review, first.review_reason, first.blocking_application_no = "none", None, None
        _apply_to_master(s, first)  # it may have reached 归档 at its hall while it waited
    publish_notice(
        s,
        ConflictNotice(
            notice_id=new_id(),
            hall_id=first.hall_id,
            kind="application_review",
            account_no=first.account_no,
            reason=first.review_reason or "released",
            application_no=first.application_no,
            blocking_application_no=ended.application_no,
        ),
    )
    return first


def _change_holder(s: Session, app: CentralApplication) -> bool:
    """更名: the holder's name becomes the applicant's. 过户: the applicant becomes the account's
    customer (found by ID number or credit code, or made)."""
    account = s.get(Account, app.account_no, with_for_update=True) if app.account_no else None
    if account is None or account.customer_id is None:
        return False
    if app.kind == ApplicationKind.NAME_CHANGE:
        holder = s.get(Customer, account.customer_id, with_for_update=True)
        if holder is None or holder.name == app.applicant_name:
            return False
        holder.name, holder.version, holder.updated_at = app.applicant_name, holder.version + 1, func.now()
        log_customer(s, holder.customer_id)
        return True
    new_holder = _customer_for(s, app)
    if new_holder.customer_id == account.customer_id:
        return False
    account.customer_id, account.version, account.updated_at = (
        new_holder.customer_id,
        account.version + 1,
        func.now(),
    )
    log_customer(s, new_holder.customer_id)
    log_account(s, account.account_no)
    return True


def _customer_for(s: Session, app: CentralApplication) -> Customer:
    form = app.form
    organisation = form.get("applicant_type") == "organisation"
    id_no = (form.get("credit_code") if organisation else form.get("id_no")) or app.applicant_id_no or ""
    customer_id = str(uuid.uuid5(MASTER_NAMESPACE, f"customer:{id_no or app.application_no}"))
    existing = s.get(Customer, customer_id)
    if existing is not None:
        return existing
    customer = Customer(
        customer_id=customer_id,
        kind="organisation" if organisation else "person",
        name=app.applicant_name,
        id_type=None if organisation else form.get("id_type"),
        id_number=None if organisation else (id_no or None),
        credit_code=id_no or None if organisation else None,
        phone=form.get("phone") or None,
        email=form.get("email") or None,
    )
    s.add(customer)
    s.flush()
    return customer
