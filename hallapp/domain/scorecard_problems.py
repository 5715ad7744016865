"""The week's problem list (每周对…服务中存在的问题,及时进行总结分析, 000:L189; docs/scorecard.md):
every concrete problem of a Monday–Sunday week, one line each with who, when, what and the record.

    problems = week_problems(log, facts, wait_target_minutes=15, complete=True)
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.kpi_facts import DayFacts, TicketFact
from hallapp.domain.kpi_values import DailyLog


class ProblemKind(StrEnum):
    BAD_RATING = "bad_rating"
    LONG_WAIT = "long_wait"
    OVERDUE_APPLICATION = "overdue_application"
    CASH_DIFFERENCE = "cash_difference"
    COMPLAINT = "complaint"


KIND_ORDER = tuple(ProblemKind)


@dataclass(frozen=True)
class Problem:
    """``value``: the score (bad rating), wait seconds (long wait), days overdue (application) or
    difference in fen (cash-up); ``text``: the customer's reason, the application kind, the
    clerk's explanation or the complaint cause. ``record_kind``: ticket, application, shift or complaint."""

    kind: ProblemKind
    day: date
    at: datetime | None  # hall time, when the record has one
    staff_no: str
    clerk_name: str
    record_kind: str
    record_id: str
    record_no: str
    value: int | None
    text: str


@dataclass(frozen=True)
class WeekProblems:
    first_day: date  # a Monday
    last_day: date  # the Sunday, or today while the week runs
    complete: bool
    problems: tuple[Problem, ...]


def week_problems(
    log: DailyLog, facts: DayFacts, *, wait_target_minutes: int, complete: bool
) -> WeekProblems:
    names = {c.staff_no: c.name for c in facts.clerks}
    tickets = {t.ticket_id: t for t in facts.tickets}
    lines = [
        *_bad_ratings(log, tickets, names),
        *_long_waits(log, tickets, wait_target_minutes * 60),
        *_overdue(log, facts, names),
        *_cash_differences(log, names),
        *_complaints(facts, names),
    ]
    lines.sort(key=lambda p: (p.day, KIND_ORDER.index(p.kind), p.at or datetime.min, p.staff_no, p.record_no))
    return WeekProblems(log.first_day, log.last_day, complete, tuple(lines))


def _event_time(ticket: TicketFact, kind: str) -> datetime:
    at = next((e.at for e in reversed(ticket.events) if e.kind == kind), ticket.issued_at)
    return to_hall_time(at).replace(tzinfo=None)


def _bad_ratings(log: DailyLog, tickets: dict[str, TicketFact], names: dict[str, str]) -> list[Problem]:
    return [
        Problem(
            ProblemKind.BAD_RATING,
            tickets[b.ticket_id].business_date,
            _event_time(tickets[b.ticket_id], "rated"),
            b.staff_no or "",
            names.get(b.staff_no or "", ""),
            "ticket",
            b.ticket_id,
            b.display_no,
            b.score,
            b.reason,
        )
        for b in log.hall.satisfaction.bad
        if b.ticket_id in tickets
    ]


def _long_waits(log: DailyLog, tickets: dict[str, TicketFact], target_s: int) -> list[Problem]:
    """Each wait over the target, under the clerk whose call ended it (a transferred customer can
    wait too long in two lines)."""
    lines = []
    for clerk in log.clerks:
        waits = clerk.figures.tickets.waits
        for ticket_id, seconds in zip(waits.ticket_ids, waits.seconds, strict=True):
            ticket = tickets.get(ticket_id)
            if seconds > target_s and ticket is not None:
                lines.append(
                    Problem(
                        ProblemKind.LONG_WAIT,
                        ticket.business_date,
                        _event_time(ticket, "issued"),
                        clerk.staff_no,
                        clerk.name,
                        "ticket",
                        ticket_id,
                        ticket.display_no,
                        seconds,
                        ticket.business_type,
                    )
                )
    return lines


def _overdue(log: DailyLog, facts: DayFacts, names: dict[str, str]) -> list[Problem]:
    """Applications past their committed date and still open at the end of the week, on their due day
    (or the week's first day when they fell due earlier)."""
    overdue = set(log.hall.applications.overdue) if log.hall.applications else set()
    return [
        Problem(
            ProblemKind.OVERDUE_APPLICATION,
            max(a.due_on, log.first_day),
            None,
            a.accepted_by,
            names.get(a.accepted_by, ""),
            "application",
            a.application_id,
            a.application_no,
            (log.last_day - a.due_on).days,
            a.kind,
        )
        for a in facts.applications
        if a.application_id in overdue and a.due_on is not None
    ]


def _cash_differences(log: DailyLog, names: dict[str, str]) -> list[Problem]:
    shifts = log.hall.cash_up.shifts if log.hall.cash_up else ()
    return [
        Problem(
            ProblemKind.CASH_DIFFERENCE,
            s.business_date,
            None,
            s.staff_no,
            names.get(s.staff_no, ""),
            "shift",
            s.shift_id,
            "",
            s.difference_fen,
            s.difference_reason,
        )
        for s in shifts
        if s.difference_fen
    ]


def _complaints(facts: DayFacts, names: dict[str, str]) -> list[Problem]:
    return [
        Problem(
            ProblemKind.COMPLAINT,
            c.business_date,
            None,
            c.staff_no,
            names.get(c.staff_no, ""),
            "complaint",
            c.complaint_id,
            c.complaint_no,
            None,
            c.cause,
        )
        for c in facts.complaints
        if facts.first_day <= c.business_date <= facts.last_day
    ]
