"""Consultations, complaints and the knowledge base: codes, labels, deadlines and the complaint's steps.

Pure: the settings, the holiday calendar and the time come in as arguments. Forms are checked in
``service_desk_form``.
"""

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from hallapp.domain.calendar import DayKind, add_working_days
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.i18n import QT_TRANSLATE_NOOP
from hallapp.domain.text import has_control_chars, normalize

CALLBACK_MAX_DAYS = 30  # a callback promised further out is not a callback any more
MAX_QUERY = 40


class Channel(StrEnum):
    """How the customer reached the hall (source document 000 line 51, a short list)."""

    COUNTER = "counter"
    PHONE = "phone"
    WRITTEN = "written"
    SITE = "site"
    WEB = "web"


class ComplaintCause(StrEnum):
    """The six causes of complaints (source document 000 line 75)."""

    POWER_QUALITY = "power_quality"
    ATTITUDE = "attitude"
    EFFICIENCY = "efficiency"
    WORK_QUALITY = "work_quality"
    VERBAL_SKILL = "verbal_skill"
    INCONVENIENCE = "inconvenience"


class ComplaintStep(StrEnum):
    """Where a complaint stands; each step is recorded once, in this order."""

    RECEIVED = "received"
    CONTACTED = "contacted"
    REPLIED = "replied"
    FOLLOWED_UP = "followed_up"  # 回访
    CLOSED = "closed"


class DeadlineState(StrEnum):
    RUNNING = "running"
    OVERDUE = "overdue"
    MET = "met"
    LATE = "late"  # done, but after the deadline


CAUSE_NAMES: dict[ComplaintCause, str] = {  # the source's own words, for paper and the central system
    ComplaintCause.POWER_QUALITY: "电能品质不佳",
    ComplaintCause.ATTITUDE: "服务态度欠佳",
    ComplaintCause.EFFICIENCY: "服务效率低",
    ComplaintCause.WORK_QUALITY: "工作质量差",
    ComplaintCause.VERBAL_SKILL: "缺乏语言技巧",
    ComplaintCause.INCONVENIENCE: "服务不方便",
}

LABELS: dict[StrEnum, str] = {
    Channel.COUNTER: QT_TRANSLATE_NOOP("Enum", "At the counter"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Enum", "By phone"),
    Channel.WRITTEN: QT_TRANSLATE_NOOP("Enum", "In writing"),
    Channel.SITE: QT_TRANSLATE_NOOP("Enum", "On site"),
    Channel.WEB: QT_TRANSLATE_NOOP("Enum", "Online"),
    ComplaintCause.POWER_QUALITY: QT_TRANSLATE_NOOP("Enum", "Poor power quality"),
    ComplaintCause.ATTITUDE: QT_TRANSLATE_NOOP("Enum", "Poor service attitude"),
    ComplaintCause.EFFICIENCY: QT_TRANSLATE_NOOP("Enum", "Slow service"),
    ComplaintCause.WORK_QUALITY: QT_TRANSLATE_NOOP("Enum", "Poor quality of work"),
    ComplaintCause.VERBAL_SKILL: QT_TRANSLATE_NOOP("Enum", "Lack of verbal skill"),
    ComplaintCause.INCONVENIENCE: QT_TRANSLATE_NOOP("Enum", "Inconvenient service"),
    ComplaintStep.RECEIVED: QT_TRANSLATE_NOOP("Enum", "Received"),
    ComplaintStep.CONTACTED: QT_TRANSLATE_NOOP("Enum", "Contacted"),
    ComplaintStep.REPLIED: QT_TRANSLATE_NOOP("Enum", "Replied"),
    ComplaintStep.FOLLOWED_UP: QT_TRANSLATE_NOOP("Enum", "Followed up"),
    ComplaintStep.CLOSED: QT_TRANSLATE_NOOP("Enum", "Closed"),
    DeadlineState.RUNNING: QT_TRANSLATE_NOOP("Enum", "Running"),
    DeadlineState.OVERDUE: QT_TRANSLATE_NOOP("Enum", "Overdue"),
    DeadlineState.MET: QT_TRANSLATE_NOOP("Enum", "Met"),
    DeadlineState.LATE: QT_TRANSLATE_NOOP("Enum", "Met late"),
}


# --- deadlines ----------------------------------------------------------------------------------
def complaint_deadlines(
    received_at: datetime, received_on: date, values: Mapping[str, Any], calendar: Mapping[date, DayKind]
) -> tuple[datetime, date]:
    """第九条: contact the customer within the setting's hours, reply within its working days."""
    contact_due = received_at + timedelta(hours=values["limits.complaint_contact_hours"])
    reply_due = add_working_days(received_on, values["limits.complaint_reply_days"], calendar)
    return contact_due, reply_due


def callback_due(chosen: datetime | None, now: datetime, values: Mapping[str, Any]) -> datetime:
    """When an unanswered consultation is called back (UTC): the setting's hours from now, or the
    clerk's choice (naive = hall time) if it lies in the future and within CALLBACK_MAX_DAYS."""
    if chosen is None:
        return (now + timedelta(hours=values["applications.callback_hours"])).astimezone(UTC)
    moment = chosen.replace(tzinfo=HALL_TZ) if chosen.tzinfo is None else chosen
    if moment <= now:
        raise InvalidInput("callback_due", "callback_in_past")
    if moment > now + timedelta(days=CALLBACK_MAX_DAYS):
        raise InvalidInput("callback_due", "callback_too_far", limit=CALLBACK_MAX_DAYS)
    return moment.astimezone(UTC)


def moment_state(due_at: datetime, done_at: datetime | None, now: datetime) -> DeadlineState:
    if done_at is not None:
        return DeadlineState.MET if done_at <= due_at else DeadlineState.LATE
    return DeadlineState.OVERDUE if now > due_at else DeadlineState.RUNNING


def day_state(due_on: date, done_on: date | None, today: date) -> DeadlineState:
    if done_on is not None:
        return DeadlineState.MET if done_on <= due_on else DeadlineState.LATE
    return DeadlineState.OVERDUE if today > due_on else DeadlineState.RUNNING


# --- the complaint's steps ----------------------------------------------------------------------
_ORDER = list(ComplaintStep)


def check_step(current: ComplaintStep, wanted: ComplaintStep) -> None:
    """Refuse a step out of order: contact, reply, follow-up call, close (K-03: no close without 回访)."""
    if current is ComplaintStep.CLOSED:
        raise ActionRefused("complaint_closed")
    if _ORDER.index(wanted) <= _ORDER.index(current):
        raise ActionRefused("complaint_step_done", step=wanted.value)
    if wanted is ComplaintStep.CLOSED and current is not ComplaintStep.FOLLOWED_UP:
        raise ActionRefused("complaint_no_followup")
    if wanted is ComplaintStep.FOLLOWED_UP and current is not ComplaintStep.REPLIED:
        raise ActionRefused("complaint_not_replied")
    if wanted is ComplaintStep.REPLIED and current is not ComplaintStep.CONTACTED:
        raise ActionRefused("complaint_not_contacted")


# --- knowledge search ---------------------------------------------------------------------------
def search_terms(text: str) -> tuple[str, ...]:
    """The words of a knowledge-base search, normalised; () lists everything."""
    if has_control_chars(text):
        raise InvalidInput("query", "control_chars")
    query = normalize(text).casefold()
    if len(query) > MAX_QUERY:
        raise InvalidInput("query", "too_long", limit=MAX_QUERY)
    return tuple(query.split())


def knowledge_rank(terms: tuple[str, ...], question: str, keywords: str, answer: str) -> int | None:
    """None when some word is found nowhere; else 0 when the question holds every word, 1 when the
    question and keywords do, 2 when the answer is needed."""
    q, k, a = (normalize(t).casefold() for t in (question, keywords, answer))
    if not all(t in q or t in k or t in a for t in terms):
        return None
    if all(t in q for t in terms):
        return 0
    return 1 if all(t in q or t in k for t in terms) else 2
