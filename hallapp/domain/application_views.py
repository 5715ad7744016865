"""What the application screens show: plain values the services fill (no ORM objects leave them)."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.application_materials import Material


@dataclass(frozen=True)
class ApplicationRow:
    application_id: str
    application_no: str
    kind: ApplicationKind
    stage: Stage
    applicant_name: str
    account_no: str
    phone: str
    accepted_on: date
    due_on: date | None  # whole process (承诺办结)
    stage_due_on: date | None  # what the running stage must be done by
    days_left: int | None  # working days until stage_due_on; negative: overdue by that many
    expedite_count: int
    version: int
    hold: str | None = None  # application_flow.Hold: waiting for (or refused by) a supervisor

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class ApplicationEventRow:
    at: datetime  # hall time
    kind: str  # stage, expedite, rating, attachment
    from_stage: Stage | None
    to_stage: Stage
    staff: str  # 姓名（工号）
    note: str


@dataclass(frozen=True)
class AttachmentRow:
    attachment_id: str
    file_name: str
    media_type: str
    size_bytes: int
    sha256: str
    added_at: datetime  # hall time
    staff: str


@dataclass(frozen=True)
class ApplicationDetail:
    row: ApplicationRow
    form: dict[str, Any]  # the cleaned form as submitted (application_record.form_of)
    to_bring: tuple[Material, ...]  # materials still owed (deferred by the 承诺书)
    events: tuple[ApplicationEventRow, ...]
    attachments: tuple[AttachmentRow, ...]
    allowed: tuple[Stage, ...]  # where the stage may go from here
    rating: int | None
    rating_reason: str
    warnings: tuple[str, ...]  # credit_code_override, id_region, real_name_missing
    hold_by: str = ""  # the supervisor who refused the hold's request: 姓名（工号）
    hold_note: str = ""  # and their reason


@dataclass(frozen=True)
class Worklist:
    """The open applications to chase: overdue first, then those due within the setting's days."""

    overdue: tuple[ApplicationRow, ...]
    due_soon: tuple[ApplicationRow, ...]
    as_of: date
    overdue_total: int  # the lists stop at a few hundred rows; these count them all
    due_soon_total: int
    held: tuple[ApplicationRow, ...] = ()  # waiting for a supervisor's approval, or refused by one
    held_total: int = 0


@dataclass(frozen=True)
class Submitted:
    application_id: str
    application_no: str
    due_on: date | None
    replayed: bool  # the same form was submitted before (a retry): nothing new was stored
