"""Finding applications: progress lookup, the due-soon and overdue worklist, one application's file."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.db.models import Application, ApplicationAttachment, Operator
from hallapp.domain.application_flow import ApplicationKind, Hold, Stage, allowed_next
from hallapp.domain.application_materials import Material
from hallapp.domain.application_views import ApplicationDetail, ApplicationRow, AttachmentRow, Worklist
from hallapp.domain.calendar import add_working_days
from hallapp.domain.errors import InvalidInput, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.text import has_control_chars, normalize
from hallapp.services.application_record import event_rows, row_of
from hallapp.services.approval_credit_code import last_refusal
from hallapp.services.context import ServiceBase
from hallapp.services.reference_service import calendar_in
from hallapp.services.settings_service import values_in

FIND_LIMIT = 50
MAX_QUERY = 40
MIN_NAME = 2
WORKLIST_LIMIT = 500  # per list; the counts say how many there are in all


class ApplicationReads(ServiceBase):
    def find(self, actor: Actor, text: str) -> list[ApplicationRow]:
        """By application number, 户号, ID number or credit code (exact), or applicant name (prefix)."""
        require(actor.role, Permission.TAKE_APPLICATION)
        query = _clean_query(text)
        today = self.clock.business_date()
        with self.db.read() as s:
            upper = query.upper()
            stmt = select(Application).where(
                (Application.application_no == upper)
                | (Application.account_no == query)
                | (Application.applicant_id_no == upper)
                | (Application.phone == query)
            )
            rows = list(s.scalars(stmt.order_by(Application.accepted_on.desc()).limit(FIND_LIMIT)))
            if not rows and len(query) >= MIN_NAME:
                rows = list(
                    s.scalars(
                        select(Application)
                        .where(Application.applicant_name.startswith(query, autoescape=True))
                        .order_by(Application.accepted_on.desc())
                        .limit(FIND_LIMIT)
                    )
                )
            calendar = calendar_in(s)
            return [row_of(a, today, calendar) for a in rows]

    def worklist(self, actor: Actor) -> Worklist:
        """Open applications whose running stage is overdue (most overdue first) or due within the
        setting's working days, and those held for a supervisor; each list capped, with the full counts."""
        require(actor.role, Permission.TAKE_APPLICATION)
        today = self.clock.business_date()
        with self.db.read() as s:
            values, calendar = values_in(s), calendar_in(s)
            horizon = add_working_days(today, values["applications.due_soon_days"], calendar)
            open_ = Application.closed_on.is_(None)
            late = (open_, Application.stage_due_on < today)
            soon = (open_, Application.stage_due_on >= today, Application.stage_due_on <= horizon)
            held = (open_, Application.hold.is_not(None))
            lists = []
            for where in (late, soon, held):
                apps = s.scalars(
                    select(Application)
                    .where(*where)
                    .order_by(Application.stage_due_on, Application.application_no)
                    .limit(WORKLIST_LIMIT)
                ).all()
                total = s.scalar(select(func.count()).select_from(Application).where(*where)) or 0
                lists.append((tuple(row_of(a, today, calendar) for a in apps), total))
        (overdue, overdue_total), (due_soon, due_soon_total), (held_rows, held_total) = lists
        return Worklist(overdue, due_soon, today, overdue_total, due_soon_total, held_rows, held_total)

    def detail(self, actor: Actor, application_id: str) -> ApplicationDetail:
        require(actor.role, Permission.TAKE_APPLICATION)
        today = self.clock.business_date()
        with self.db.read() as s:
            app = s.get(Application, application_id)
            if app is None:
                raise NotFound(application_id=application_id)
            row = row_of(app, today, calendar_in(s))
            refused_by, refusal = last_refusal(s, application_id) if app.hold else ("", "")
            return ApplicationDetail(
                row=row,
                form=dict(app.data),
                to_bring=tuple(Material(m) for m in app.data.get("deferred", ())),
                events=event_rows(s, application_id),
                attachments=attachment_rows(s, application_id),
                allowed=allowed_next(ApplicationKind(app.kind), Stage(app.status), app.hold),
                rating=app.rating,
                rating_reason=app.rating_reason or "",
                warnings=tuple(app.data.get("warnings", ())),
                hold_by=refused_by if app.hold == Hold.CREDIT_CODE_REFUSED else "",
                hold_note=refusal if app.hold == Hold.CREDIT_CODE_REFUSED else "",
            )


def attachment_rows(s: Session, application_id: str) -> tuple[AttachmentRow, ...]:
    rows = s.execute(
        select(ApplicationAttachment, Operator.name, Operator.staff_no)
        .join(Operator, Operator.operator_id == ApplicationAttachment.operator_id)
        .where(ApplicationAttachment.application_id == application_id)
        .order_by(ApplicationAttachment.added_at)
    ).all()
    return tuple(
        AttachmentRow(
            a.attachment_id,
            a.file_name,
            a.media_type,
            a.size_bytes,
            a.sha256,
            to_hall_time(a.added_at),
            f"{name}（{staff_no}）",
        )
        for a, name, staff_no in rows
    )


def _clean_query(text: str) -> str:
    if has_control_chars(text):
        raise InvalidInput("query", "control_chars")
    query = normalize(text).replace(" ", "")
    if not query:
        raise InvalidInput("query", "empty")
    if len(query) > MAX_QUERY:
        raise InvalidInput("query", "too_long", limit=MAX_QUERY)
    return query
