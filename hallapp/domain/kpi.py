"""The daily counter log (issue 7): every KPI of a hall's day, per window and per clerk, from plain
fact records. Written once for the hall PC (SQLite) and the central report (PostgreSQL); the
definitions are in docs/kpi.md.

    log = daily_log(facts, rules)   # facts: kpi_facts.DayFacts, rules: kpi_facts.KpiRules

Records outside ``facts.first_day … last_day`` are ignored: a ticket counts on the day it was
issued, a payment or reversal on its own business day, a reprint on the day it was printed.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.kpi_facts import ClerkFact, DayFacts, KpiRules
from hallapp.domain.kpi_money import applications, cash_up, money
from hallapp.domain.kpi_scopes import (
    clerk_match,
    hall_tickets,
    pauses,
    satisfaction,
    scope_tickets,
    window_match,
)
from hallapp.domain.kpi_series import series
from hallapp.domain.kpi_tickets import TicketRun, replay
from hallapp.domain.kpi_values import ClerkLog, DailyLog, Figures, WindowLog

__all__ = ["daily_log"]


def daily_log(facts: DayFacts, rules: KpiRules) -> DailyLog:
    period = _Period(facts.first_day, facts.last_day)
    day = period.holds
    kept = DayFacts(
        first_day=facts.first_day,
        last_day=facts.last_day,
        tickets=tuple(t for t in facts.tickets if day(t.business_date)),
        queue_log=tuple(e for e in facts.queue_log if day(e.business_date)),
        payments=tuple(p for p in facts.payments if day(p.business_date)),
        reprints=tuple(r for r in facts.reprints if day(to_hall_time(r.printed_at).date())),
        shifts=tuple(s for s in facts.shifts if day(s.business_date)),
        applications=facts.applications,
        complaints=tuple(c for c in facts.complaints if day(c.business_date)),
        consultations=tuple(c for c in facts.consultations if day(c.business_date)),
        clerks=facts.clerks,
        windows=facts.windows,
    )
    stints: dict = {}
    runs = [replay(t, stints) for t in kept.tickets]
    by_window, by_staff = _touching(runs)
    hall = _hall(kept, runs, rules)
    return DailyLog(
        first_day=facts.first_day,
        last_day=facts.last_day,
        wait_target_minutes=rules.wait_target_minutes,
        wait_percentile=rules.wait_percentile,
        hall=hall,
        windows=_windows(kept, by_window, rules),
        clerks=_clerks(kept, by_staff, rules),
        series=series(runs, kept.payments, rules, facts.first_day, facts.last_day),
        empty=_empty(kept, hall),
    )


class _Period:
    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last


def _hall(facts: DayFacts, runs: list[TicketRun], rules: KpiRules) -> Figures:
    return Figures(
        tickets=hall_tickets(runs, rules),
        satisfaction=satisfaction(runs, None, rules),
        pauses=pauses(facts.queue_log, None),
        money=money(facts.payments, facts.reprints, None, facts.first_day),
        cash_up=cash_up(facts.shifts, None),
        applications=applications(facts.applications, None, facts.first_day, facts.last_day),
        complaints=tuple(c.complaint_id for c in facts.complaints),
        consultations=tuple(c.consultation_id for c in facts.consultations),
    )


def _touching(runs: list[TicketRun]) -> tuple[dict[int, list[TicketRun]], dict[str, list[TicketRun]]]:
    """The tickets each window and each clerk met, in the day's order (each scope reads only its own)."""
    by_window: dict[int, list[TicketRun]] = defaultdict(list)
    by_staff: dict[str, list[TicketRun]] = defaultdict(list)
    for run in runs:
        stints = set(_stints((run,)))
        for window_no in {s.window_no for s in stints if s.window_no is not None}:
            by_window[window_no].append(run)
        for staff_no in {s.staff_no for s in stints if s.staff_no}:
            by_staff[staff_no].append(run)
    return by_window, by_staff


def _windows(
    facts: DayFacts, by_window: dict[int, list[TicketRun]], rules: KpiRules
) -> tuple[WindowLog, ...]:
    names = {w.window_no: w.name for w in facts.windows}
    seen = set(by_window) | {e.window_no for e in facts.queue_log if e.kind == "window_pause"}
    numbers = sorted(n for n in set(names) | seen if n is not None)
    logs = []
    for number in numbers:
        match = window_match(number)
        runs = by_window.get(number, [])
        figures = Figures(
            tickets=scope_tickets(runs, match, rules),
            satisfaction=satisfaction(runs, match, rules),
            pauses=pauses(facts.queue_log, match),
            money=None,
            cash_up=None,
            applications=None,
            complaints=None,
            consultations=None,
        )
        logs.append(WindowLog(number, names.get(number, ""), figures))
    return tuple(logs)


def _clerks(facts: DayFacts, by_staff: dict[str, list[TicketRun]], rules: KpiRules) -> tuple[ClerkLog, ...]:
    known = {c.staff_no: c for c in facts.clerks}
    staff = (
        set(by_staff)
        | {e.staff_no for e in facts.queue_log if e.kind == "window_pause"}
        | {p.staff_no for p in facts.payments}
        | {r.staff_no for r in facts.reprints}
        | {s.staff_no for s in facts.shifts}
        | {a.accepted_by for a in facts.applications}
        | {a.completed_by for a in facts.applications}
        | {c.staff_no for c in facts.complaints}
        | {c.staff_no for c in facts.consultations}
    )
    logs = []
    for staff_no in sorted(s for s in staff if s):
        match = clerk_match(staff_no)
        runs = by_staff.get(staff_no, [])
        clerk = known.get(staff_no, ClerkFact(staff_no, "", True))
        figures = Figures(
            tickets=scope_tickets(runs, match, rules),
            satisfaction=satisfaction(runs, match, rules),
            pauses=pauses(facts.queue_log, match),
            money=money(facts.payments, facts.reprints, staff_no, facts.first_day),
            cash_up=cash_up(facts.shifts, staff_no),
            applications=applications(facts.applications, staff_no, facts.first_day, facts.last_day),
            complaints=tuple(c.complaint_id for c in facts.complaints if c.staff_no == staff_no),
            consultations=tuple(c.consultation_id for c in facts.consultations if c.staff_no == staff_no),
        )
        logs.append(ClerkLog(staff_no, clerk.name, clerk.active, figures))
    return tuple(logs)


def _stints(runs: Iterable[TicketRun]):  # type: ignore[no-untyped-def]
    """Every window-and-clerk a ticket met after it was issued."""
    for run in runs:
        yield from (w.at for w in run.waits)
        yield from (w.at for w in run.no_show_waits)
        yield from (h.at for h in run.handlings)
        yield from run.transfers
        yield from (s for s in (run.finished, run.no_show, run.held) if s is not None)


def _empty(facts: DayFacts, hall: Figures) -> bool:
    recorded = (
        facts.tickets,
        facts.queue_log,
        facts.payments,
        facts.reprints,
        facts.shifts,
        facts.complaints,
        facts.consultations,
    )
    apps = hall.applications
    return not any(recorded) and not (apps and (apps.accepted or apps.completed))
