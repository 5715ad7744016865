"""What the consultation, complaint and knowledge-base screens show: plain values (times in hall time)."""

from dataclasses import dataclass
from datetime import date, datetime

from hallapp.domain.service_desk import Channel, ComplaintCause, ComplaintStep, DeadlineState


@dataclass(frozen=True)
class ConsultationRow:
    consultation_id: str
    consultation_no: str
    created_at: datetime
    channel: Channel
    customer_name: str
    phone: str
    account_no: str
    question: str
    answer: str
    answered: bool
    staff: str  # 姓名（工号） of who recorded it
    callback_due_at: datetime | None
    callback_done_at: datetime | None
    callback_note: str
    callback_staff: str
    callback_state: DeadlineState | None  # None: answered on the spot, nothing to call back

    @property
    def callback_open(self) -> bool:
        return self.callback_due_at is not None and self.callback_done_at is None


@dataclass(frozen=True)
class ConsultationRecorded:
    consultation_id: str
    consultation_no: str
    callback_due_at: datetime | None
    replayed: bool  # the same form was saved before (a retry): nothing new was stored


@dataclass(frozen=True)
class ComplaintRow:
    complaint_id: str
    complaint_no: str
    received_at: datetime
    channel: Channel
    cause: ComplaintCause
    customer_name: str
    phone: str
    account_no: str
    description: str
    step: ComplaintStep
    contact_due_at: datetime
    contact_state: DeadlineState
    reply_due_on: date
    reply_state: DeadlineState
    followup_satisfied: bool | None
    version: int

    @property
    def overdue(self) -> bool:
        return DeadlineState.OVERDUE in (self.contact_state, self.reply_state)


@dataclass(frozen=True)
class ComplaintEventRow:
    at: datetime
    step: ComplaintStep
    staff: str  # "" when the step was recorded on another PC whose audit trail is not here
    note: str


@dataclass(frozen=True)
class ComplaintDetail:
    row: ComplaintRow
    events: tuple[ComplaintEventRow, ...]


@dataclass(frozen=True)
class ComplaintReceived:
    complaint_id: str
    complaint_no: str
    contact_due_at: datetime
    reply_due_on: date
    replayed: bool


@dataclass(frozen=True)
class KnowledgeRow:
    item_id: str
    question: str
    answer: str
    keywords: str
    updated_at: datetime
    active: bool
