"""Business applications at the counter: accept, move through the stages, 催办, rating.

Each change is one write transaction: the application row (its ``version`` rises), its event, the
outbox op and the audit entry. A change based on a stale version — another PC moved it first — is
refused and changes nothing.
"""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import Account, Application
from hallapp.domain.application_flow import CLOSED, ApplicationKind, Hold, Stage, advance
from hallapp.domain.application_form import (
    CHANGE_KINDS,
    ApplicationDraft,
    CleanApplication,
    clean_application,
    draft_to_json,
)
from hallapp.domain.application_views import Submitted
from hallapp.domain.enums import AccountStatus
from hallapp.domain.errors import (
    ActionRefused,
    ApprovalRequired,
    InvalidForm,
    InvalidInput,
)
from hallapp.domain.ids import new_id
from hallapp.domain.money import format_fen
from hallapp.domain.numbering import application_no
from hallapp.domain.payments import clean_note
from hallapp.domain.permissions import Permission, require
from hallapp.domain.queue_views import RATING_LEVELS
from hallapp.domain.records import Actor
from hallapp.services import numbers
from hallapp.services.application_record import Step, bump, load, record_step, set_deadlines
from hallapp.services.approval_credit_code import (
    clean_credit_code,
    request_override,
    with_warning,
    withdraw_pending,
)
from hallapp.services.context import ServiceBase
from hallapp.services.dues import load_due
from hallapp.services.reference_service import calendar_in
from hallapp.services.settings_service import values_in

SERIES = "application"
LOW_RATING = 2  # ratings at or below this need a reason (as on the evaluator)


class ApplicationService(ServiceBase):
    def __init__(self, *args, auth, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.auth = auth

    def check(self, actor: Actor, draft: ApplicationDraft) -> CleanApplication:
        """The form checked as it would be on submit (InvalidForm lists every wrong field)."""
        require(actor.role, Permission.TAKE_APPLICATION)
        with self.db.read() as s:
            clean = clean_application(draft, self.clock.business_date(), values_in(s))
            _account_for(s, clean)
        return clean

    def submit(
        self,
        actor: Actor,
        draft: ApplicationDraft,
        *,
        request_id: str,
        approver_staff_no: str = "",
        approver_password: str = "",
        queue_reason: str | None = None,
    ) -> Submitted:
        """Accept the application: number, deadlines, first event, outbox, audit. The same
        ``request_id`` again returns the first result (a retry never makes a second application).
        A credit code failing only its check character is confirmed by a supervisor here
        (``approver_*``) or sent to the supervisor's queue (``queue_reason``: the application is then
        held in 受理 until approved)."""
        require(actor.role, Permission.TAKE_APPLICATION)
        today, now = self.clock.business_date(), self.clock.now()
        with self.db.read() as s:
            earlier = _by_request(s, request_id)
            if earlier is not None:
                return _submitted(earlier, replayed=True)
            clean = clean_application(draft, today, values_in(s))
        confirm = (approver_staff_no, approver_password, queue_reason)
        approver, reason = self._confirm(actor, clean.draft.credit_code, clean.credit_code_warning, *confirm)
        with self.db.write() as s:
            earlier = _by_request(s, request_id)
            if earlier is not None:
                return _submitted(earlier, replayed=True)
            values = values_in(s)
            account = _account_for(s, clean)
            app = _new_application(self, s, actor, clean, account, request_id, today, now)
            set_deadlines(app, values, calendar_in(s), whole=True)
            app.data = with_warning(app.data, approver.staff_no if approver else None)
            app.hold = Hold.CREDIT_CODE_PENDING.value if reason else None
            s.add(app)
            s.flush()
            details = {
                "kind": app.kind,
                "applicant": app.applicant_name,
                "credit_code_override_by": approver.staff_no if approver else None,
                "sent_to_supervisor": bool(reason),
            }
            note = "容缺受理（客户承诺书）" if app.promise_signed else ""
            step = Step("stage", "application.submit", None, note, details)
            record_step(s, app, actor, step, at=now, base_version=None, local_tx_id=request_id)
            if reason:
                request_override(s, app, actor, reason, now)
            return _submitted(app, replayed=False)

    def correct_credit_code(
        self,
        actor: Actor,
        application_id: str,
        credit_code: str,
        *,
        version: int,
        approver_staff_no: str = "",
        approver_password: str = "",
        queue_reason: str | None = None,
    ) -> int:
        """Put right an organisation's credit code (after a supervisor refused it, or a typing error
        found later); returns the new version. A code that still fails its check character needs a
        supervisor again, here or through the queue; requests waiting for the old code are withdrawn."""
        require(actor.role, Permission.TAKE_APPLICATION)
        code, warning = clean_credit_code(credit_code)
        approver, reason = self._confirm(
            actor, code, warning, approver_staff_no, approver_password, queue_reason
        )
        now = self.clock.now()
        with self.db.write() as s:
            app = load(s, application_id)
            _same_version(app, version)
            if Stage(app.status) in CLOSED:
                raise ActionRefused("application_closed", application_no=app.application_no)
            old = app.data.get("credit_code", "")
            if not old:
                raise ActionRefused("no_credit_code", application_no=app.application_no)
            withdraw_pending(s, app, actor, now, "application_corrected")
            data = with_warning({**app.data, "credit_code": code}, approver.staff_no if approver else None)
            hold = Hold.CREDIT_CODE_PENDING.value if reason else None
            bump(s, app, version, data=data, applicant_id_no=code, hold=hold)
            details = {"from": old, "to": code, "confirmed_by": approver.staff_no if approver else None}
            step = Step("correction", "application.correct", app.status, f"{old} → {code}", details)
            record_step(s, app, actor, step, at=now, base_version=version)
            if reason:
                request_override(s, app, actor, reason, now)
            return app.version

    def _confirm(
        self, actor: Actor, code: str, warning: bool, staff_no: str, password: str, queue_reason: str | None
    ) -> tuple[Actor | None, str]:
        """Who confirms a credit code failing its check character: (the supervisor here, "") or
        (None, the clerk's reason for the queue); (None, "") when the code needs nobody."""
        if not warning:
            return None, ""
        if staff_no:
            return self.auth.verify_approver(staff_no, password, requested_by=actor), ""
        if queue_reason is not None:
            return None, clean_note(queue_reason, field="queue_reason", required=True)
        raise ApprovalRequired("credit_code_override", code=code)

    def advance(
        self,
        actor: Actor,
        application_id: str,
        to: Stage,
        *,
        version: int,
        note: str = "",
        arrears_assumed: bool = False,
    ) -> int:
        """Move to stage ``to`` if the flow allows it and nobody changed the application since
        ``version`` was read; returns the new version."""
        require(actor.role, Permission.TAKE_APPLICATION)
        note = clean_note(note, field="note", required=to in (Stage.RETURNED, Stage.CANCELLED))
        today, now = self.clock.business_date(), self.clock.now()
        with self.db.write() as s:
            app = load(s, application_id)
            _same_version(app, version)
            kind, stage = ApplicationKind(app.kind), Stage(app.status)
            advance(kind, stage, to, hold=app.hold, number=app.application_no)
            if kind is ApplicationKind.TRANSFER and stage is Stage.ARREARS_CHECK and to is Stage.CONTRACT:
                _arrears_settled(s, app, today, assumed=arrears_assumed)
            released = {}
            if to is Stage.CANCELLED and app.hold:
                withdraw_pending(s, app, actor, now, "application_closed")
                released = {"hold": None}
            bump(s, app, version, status=to.value, stage_since=today, **released)
            values, calendar = values_in(s), calendar_in(s)
            if to is Stage.ACCEPTED:  # back from 资料不全: the clock starts again from today
                app.accepted_on = today
            set_deadlines(app, values, calendar, whole=to is Stage.ACCEPTED)
            app.closed_on = today if to in CLOSED else None
            record_step(
                s,
                app,
                actor,
                Step(
                    "stage",
                    "application.stage",
                    stage.value,
                    note,
                    {"from": stage.value, "to": to.value, "note": note},
                ),
                at=now,
                base_version=version,
            )
            return app.version

    def expedite(self, actor: Actor, application_id: str, note: str) -> int:
        """Record a customer's 催办 (expedite request) on an open application."""
        require(actor.role, Permission.TAKE_APPLICATION)
        note = clean_note(note, field="note", required=False)
        now = self.clock.now()
        with self.db.write() as s:
            app = load(s, application_id)
            if Stage(app.status) in CLOSED:
                raise ActionRefused("application_closed", application_no=app.application_no)
            base = app.version
            bump(s, app, base, expedite_count=app.expedite_count + 1)
            record_step(
                s,
                app,
                actor,
                Step(
                    "expedite",
                    "application.expedite",
                    app.status,
                    note,
                    {"count": app.expedite_count, "note": note},
                ),
                at=now,
                base_version=base,
            )
            return app.version

    def rate(self, actor: Actor, application_id: str, rating: int, reason: str = "") -> int:
        """The customer's satisfaction once the application is archived: 1–5, once."""
        require(actor.role, Permission.TAKE_APPLICATION)
        if rating not in RATING_LEVELS:
            raise InvalidInput("rating", "rating_out_of_range")
        reason = clean_note(reason, field="reason", required=rating <= LOW_RATING)
        now = self.clock.now()
        with self.db.write() as s:
            app = load(s, application_id)
            if Stage(app.status) is not Stage.ARCHIVED:
                raise ActionRefused("rating_before_archive", application_no=app.application_no)
            if app.rating is not None:
                raise ActionRefused("application_already_rated", application_no=app.application_no)
            base = app.version
            bump(s, app, base, rating=rating, rating_reason=reason or None)
            record_step(
                s,
                app,
                actor,
                Step(
                    "rating",
                    "application.rate",
                    app.status,
                    f"{rating}/5 {reason}".strip(),
                    {"rating": rating, "reason": reason},
                ),
                at=now,
                base_version=base,
            )
            return app.version


def _by_request(s: Session, request_id: str) -> Application | None:
    return s.scalars(select(Application).where(Application.request_id == request_id)).first()


def _submitted(app: Application, *, replayed: bool) -> Submitted:
    return Submitted(app.application_id, app.application_no, app.due_on, replayed)


def _account_for(s: Session, clean: CleanApplication) -> Account | None:
    """The existing account an increase, name change or transfer is about: it must exist, be open
    and be low voltage (220/380 V, source document 002 line 37)."""
    number = clean.draft.account_no
    if not number:
        return None
    account = s.scalars(select(Account).where(Account.account_no == number)).first()
    if account is None:
        raise InvalidForm({"account_no": InvalidInput("account_no", "account_unknown", account_no=number)})
    if account.status == AccountStatus.CLOSED.value:
        raise InvalidForm({"account_no": InvalidInput("account_no", "account_closed_input")})
    if account.voltage not in ("220V", "380V"):
        raise InvalidForm({"account_no": InvalidInput("account_no", "account_not_low_voltage")})
    return account


def _new_application(
    svc: ApplicationService,
    s: Session,
    actor: Actor,
    clean: CleanApplication,
    account: Account | None,
    request_id: str,
    today: date,
    now: Any,
) -> Application:
    draft = clean.draft
    seq = numbers.take(s, SERIES, svc.device.device_code)
    data = draft_to_json(draft)
    data["deferred"] = [m.value for m in clean.materials.deferred]
    data["warnings"] = [
        w
        for w, on in (
            ("id_region", clean.id_region_warning),
            ("real_name_missing", draft.kind in CHANGE_KINDS and not draft.real_name_verified),
        )
        if on
    ]
    return Application(
        application_id=new_id(),
        application_no=application_no(svc.device.device_code, seq),
        kind=draft.kind.value,
        status=Stage.ACCEPTED.value,
        account_id=account.account_id if account else None,
        account_no=draft.account_no or None,
        applicant_name=draft.name,
        applicant_id_no=draft.id_no or draft.credit_code or None,
        phone=draft.phone,
        accepted_on=today,
        stage_since=today,
        operator_id=actor.operator_id,
        data=data,
        request_id=request_id,
        device_id=svc.device.device_id,
        promise_signed=clean.promise_signed,
        expedite_count=0,
        version=1,
        created_at=now,
    )


def _same_version(app: Application, version: int) -> None:
    if app.version != version:
        raise ActionRefused("application_changed", application_no=app.application_no)


def _arrears_settled(s: Session, app: Application, today: date, *, assumed: bool) -> None:
    """R1.4: a 过户 goes on only when the account owes nothing, or the new holder assumes the debt."""
    if app.account_id is None:
        return
    due = load_due(s, app.account_id, today, values_in(s))
    if due.total_fen > 0 and not (assumed or app.data.get("arrears_assumed")):
        raise ActionRefused("transfer_arrears", account_no=due.account_no, amount=format_fen(due.total_fen))
    if due.total_fen > 0:
        app.data = {**app.data, "arrears_assumed": True, "arrears_assumed_fen": due.total_fen}
