"""The intake printouts' values for a stored application (or, for the 一次性告知书, a form that could
not be accepted yet)."""

from sqlalchemy.orm import Session

from hallapp.db.models import Application, Operator
from hallapp.domain.application_flow import ApplicationKind, Stage, stage_limit_days
from hallapp.domain.application_form import ApplicationDraft, draft_from_json, materials_of
from hallapp.domain.application_materials import Material
from hallapp.domain.application_print import Clerk, form_doc, notice_doc, receipt_doc
from hallapp.domain.calendar import add_working_days
from hallapp.domain.errors import NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.permissions import Permission, require
from hallapp.domain.printouts import AcceptanceReceiptDoc, ApplicationFormDoc, OneTimeNoticeDoc
from hallapp.domain.records import Actor
from hallapp.services.context import ServiceBase
from hallapp.services.printout_header import hall_header
from hallapp.services.reference_service import calendar_in
from hallapp.services.settings_service import values_in


class ApplicationDocs(ServiceBase):
    def form(self, actor: Actor, application_id: str) -> ApplicationFormDoc:
        require(actor.role, Permission.TAKE_APPLICATION)
        with self.db.read() as s:
            app, draft, clerk = _load(s, application_id)
            return form_doc(
                hall_header(values_in(s)),
                draft,
                application_no=app.application_no,
                accepted_on=app.accepted_on,
                due_on=app.due_on,
                clerk=clerk,
                printed_at=to_hall_time(self.clock.now()),
            )

    def receipt(self, actor: Actor, application_id: str) -> AcceptanceReceiptDoc:
        require(actor.role, Permission.TAKE_APPLICATION)
        with self.db.read() as s:
            app, draft, clerk = _load(s, application_id)
            values, calendar = values_in(s), calendar_in(s)
            kind = ApplicationKind(app.kind)
            plan_days = stage_limit_days(kind, Stage.PLAN, values)
            deadlines = []
            if plan_days is not None:  # the only step counted from acceptance (《供电监管办法》第十七条)
                deadlines.append((Stage.PLAN, add_working_days(app.accepted_on, plan_days, calendar)))
            return receipt_doc(
                hall_header(values),
                draft,
                _deferred(app),
                application_no=app.application_no,
                accepted_on=app.accepted_on,
                due_on=app.due_on,
                deadlines=deadlines,
                clerk=clerk,
                printed_at=to_hall_time(self.clock.now()),
            )

    def notice(self, actor: Actor, application_id: str) -> OneTimeNoticeDoc:
        """The 一次性告知书 of an accepted application: the materials promised for later."""
        require(actor.role, Permission.TAKE_APPLICATION)
        with self.db.read() as s:
            app, draft, clerk = _load(s, application_id)
            return notice_doc(
                hall_header(values_in(s)),
                draft,
                _deferred(app),
                application_no=app.application_no,
                bring_by=app.due_on,
                clerk=clerk,
                printed_at=to_hall_time(self.clock.now()),
            )

    def notice_for_draft(self, actor: Actor, draft: ApplicationDraft) -> OneTimeNoticeDoc:
        """The 一次性告知书 for a form that cannot be accepted yet: everything still missing, at once."""
        require(actor.role, Permission.TAKE_APPLICATION)
        with self.db.read() as s:
            clerk = _clerk(s, actor.operator_id)
            return notice_doc(
                hall_header(values_in(s)),
                draft,
                materials_of(draft).to_bring,
                application_no="",
                bring_by=None,
                clerk=clerk,
                printed_at=to_hall_time(self.clock.now()),
            )


def _load(s: Session, application_id: str) -> tuple[Application, ApplicationDraft, Clerk]:
    app = s.get(Application, application_id)
    if app is None:
        raise NotFound(application_id=application_id)
    known = {
        "kind": app.kind,
        "name": app.applicant_name,
        "account_no": app.account_no or "",
        "phone": app.phone or "",
    }
    return app, draft_from_json({**known, **app.data}), _clerk(s, app.operator_id)


def _clerk(s: Session, operator_id: str) -> Clerk:
    op = s.get(Operator, operator_id)
    return Clerk(op.staff_no, op.name) if op else Clerk("", "")


def _deferred(app: Application) -> list[Material]:
    return [Material(m) for m in app.data.get("deferred", ())]
