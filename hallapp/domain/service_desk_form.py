"""The consultation, complaint and knowledge-base forms as typed, checked field by field (pure).

Each ``clean_*`` returns clean values or raises ``InvalidForm`` naming every wrong field at once.
Text keeps its full-width punctuation (no NFKC); runs of spaces and line breaks fold to one space.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.domain.service_desk import Channel, ComplaintCause, callback_due
from hallapp.domain.text import has_control_chars, is_plain_text
from hallapp.domain.ticket_input import clean_account_no, clean_phone

NAME_MAX = 40
QUESTION_MAX = 200  # the knowledge base's question column: a consultation's question fits it
ANSWER_MAX = 1000
KNOWLEDGE_ANSWER_MAX = 2000
DESCRIPTION_MAX = 1000
KEYWORDS_MAX = 200
NOTE_MAX = 500
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class ConsultationDraft:
    channel: str = Channel.COUNTER.value
    customer_name: str = ""
    phone: str = ""
    account_no: str = ""
    question: str = ""
    answer: str = ""
    answered: bool = True  # answered on the spot; otherwise a callback is due
    callback_due: datetime | None = None  # the clerk's choice (naive = hall time); None = the default


@dataclass(frozen=True)
class CleanConsultation:
    channel: Channel
    customer_name: str
    phone: str | None
    account_no: str | None
    question: str
    answer: str
    answered: bool
    callback_due_at: datetime | None  # UTC; None when answered on the spot


@dataclass(frozen=True)
class ComplaintDraft:
    channel: str = Channel.COUNTER.value
    cause: str = ""
    customer_name: str = ""
    phone: str = ""
    account_no: str = ""
    description: str = ""


@dataclass(frozen=True)
class CleanComplaint:
    channel: Channel
    cause: ComplaintCause
    customer_name: str
    phone: str
    account_no: str | None
    description: str


@dataclass(frozen=True)
class KnowledgeDraft:
    question: str = ""
    answer: str = ""
    keywords: str = ""


class _Form:
    """Runs each field's check, keeps the clean value or the error, and goes on to the next field."""

    def __init__(self) -> None:
        self.errors: dict[str, InvalidInput] = {}
        self.out: dict[str, Any] = {}

    def put(self, name: str, check: Callable[..., Any], *args: Any) -> None:
        try:
            self.out[name] = check(*args)
        except InvalidInput as exc:
            self.errors[exc.field or name] = exc

    def done(self) -> dict[str, Any]:
        if self.errors:
            raise InvalidForm(self.errors)
        return self.out


def clean_consultation(
    draft: ConsultationDraft, now: datetime, values: Mapping[str, Any]
) -> CleanConsultation:
    """A consultation not answered on the spot needs a phone number (for the callback) and a due time."""
    form = _Form()
    form.put("channel", choice, Channel, draft.channel, "channel")
    form.put("customer_name", name, draft.customer_name, "customer_name")
    form.put("phone", phone, draft.phone, not draft.answered)
    form.put("account_no", account_no, draft.account_no, values["accounts.number_length"])
    form.put("question", free_text, draft.question, "question", QUESTION_MAX, True)
    form.put("answer", free_text, draft.answer, "answer", ANSWER_MAX, draft.answered)
    if not draft.answered:
        form.put("callback_due", callback_due, draft.callback_due, now, values)
    out = form.done()
    return CleanConsultation(
        channel=out["channel"],
        customer_name=out["customer_name"],
        phone=out["phone"],
        account_no=out["account_no"],
        question=out["question"],
        answer=out["answer"],
        answered=draft.answered,
        callback_due_at=out.get("callback_due"),
    )


def clean_complaint(draft: ComplaintDraft, values: Mapping[str, Any]) -> CleanComplaint:
    """The phone is required: the follow-up call (回访) needs it."""
    form = _Form()
    form.put("channel", choice, Channel, draft.channel, "channel")
    form.put("cause", choice, ComplaintCause, draft.cause, "cause")
    form.put("customer_name", name, draft.customer_name, "customer_name")
    form.put("phone", phone, draft.phone, True)
    form.put("account_no", account_no, draft.account_no, values["accounts.number_length"])
    form.put("description", free_text, draft.description, "description", DESCRIPTION_MAX, True)
    return CleanComplaint(**form.done())


def clean_knowledge(draft: KnowledgeDraft) -> KnowledgeDraft:
    form = _Form()
    form.put("question", free_text, draft.question, "question", QUESTION_MAX, True)
    form.put("answer", free_text, draft.answer, "answer", KNOWLEDGE_ANSWER_MAX, True)
    form.put("keywords", free_text, draft.keywords, "keywords", KEYWORDS_MAX, False)
    return KnowledgeDraft(**form.done())


def clean_note(raw: str, field: str = "note") -> str:
    """What a step records (contact, reply, follow-up call, callback): required, one paragraph."""
    return free_text(raw, field, NOTE_MAX, True)


# --- one field each -----------------------------------------------------------------------------
def choice(kind: type[E], raw: str, field: str) -> E:
    try:
        return kind(raw)
    except (ValueError, TypeError):
        raise InvalidInput(field, "unknown_choice") from None


def name(raw: str, field: str) -> str:
    if has_control_chars(raw):
        raise InvalidInput(field, "control_chars")
    text = " ".join(raw.split())
    if not text:
        raise InvalidInput(field, "empty")
    if len(text) > NAME_MAX:
        raise InvalidInput(field, "too_long", limit=NAME_MAX)
    if not is_plain_text(text):
        raise InvalidInput(field, "bad_name_chars")
    return text


def free_text(raw: str, field: str, maximum: int, required: bool) -> str:
    if has_control_chars(raw.replace("\n", " ").replace("\r", " ").replace("\t", " ")):
        raise InvalidInput(field, "control_chars")
    text = " ".join(raw.split())
    if required and not text:
        raise InvalidInput(field, "empty")
    if len(text) > maximum:
        raise InvalidInput(field, "too_long", limit=maximum)
    return text


def phone(raw: str, required: bool) -> str | None:
    """A mobile or landline number for calling the customer back (ASCII digits only)."""
    try:
        number = clean_phone(raw)
    except InvalidInput as exc:
        if exc.reason == "bad_phone":
            raise InvalidInput("phone", "bad_contact_phone") from None
        raise
    if number is not None and not number.isascii():
        raise InvalidInput("phone", "bad_contact_phone")
    if number is None and required:
        raise InvalidInput("phone", "phone_for_callback")
    return number


def account_no(raw: str, length: int) -> str | None:
    number = clean_account_no(raw, length)
    if number is not None and not number.isascii():  # other scripts' digits pass str.isdigit()
        raise InvalidInput("account_no", "bad_account_no", length=len(number), expected=length)
    return number
