"""The ticket, rating and pause figures of one scope: the whole hall, one window or one clerk.

The hall counts customers (a transferred customer's waits and handling add up to one wait and one
handling time); a window or a clerk counts its own visits (the part of the wait that ended with its
call, the handling at it), so their waits do not add up to the hall's.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.kpi_facts import KpiRules, QueueLogFact
from hallapp.domain.kpi_stats import duration_stats, seconds_between, service_level
from hallapp.domain.kpi_tickets import Stint, TicketRun
from hallapp.domain.kpi_values import (
    BadRating,
    Pauses,
    RatingCount,
    Satisfaction,
    TicketFigures,
    TypeCount,
)
from hallapp.domain.queue_views import RATING_LEVELS

Match = Callable[[Stint | None], bool]


def hall_tickets(runs: Sequence[TicketRun], rules: KpiRules) -> TicketFigures:
    served = [r for r in runs if r.finished is not None]
    waits = [(r.ticket.ticket_id, r.total_wait_s) for r in served]
    handling = [(r.ticket.ticket_id, r.total_handling_s) for r in served]
    return TicketFigures(
        served=_ids(served),
        served_by_type=_by_type(served),
        waits=duration_stats(waits, rules.wait_percentile),
        handling=duration_stats(handling, rules.wait_percentile),
        service_level=service_level(waits, rules.wait_target_minutes),
        no_shows=_ids(r for r in runs if r.no_show is not None),
        transfers=_ids(r for r in runs if r.transfers),
        unfinished=_ids(r for r in runs if r.unfinished),
    )


def scope_tickets(runs: Sequence[TicketRun], match: Match, rules: KpiRules) -> TicketFigures:
    served = [r for r in runs if match(r.finished)]
    waits = [(r.ticket.ticket_id, w.seconds) for r in runs for w in r.waits if match(w.at)]
    handling = [(r.ticket.ticket_id, h.seconds) for r in runs for h in r.handlings if match(h.at)]
    return TicketFigures(
        served=_ids(served),
        served_by_type=_by_type(served),
        waits=duration_stats(waits, rules.wait_percentile),
        handling=duration_stats(handling, rules.wait_percentile),
        service_level=service_level(waits, rules.wait_target_minutes),
        no_shows=_ids(r for r in runs if match(r.no_show)),
        transfers=tuple(r.ticket.ticket_id for r in runs for t in r.transfers if match(t)),
        unfinished=_ids(r for r in runs if r.unfinished and match(r.held)),
    )


def satisfaction(runs: Sequence[TicketRun], match: Match | None, rules: KpiRules) -> Satisfaction:
    """Ratings of the customers finished in the scope (the hall: every rated ticket)."""
    rated = [r for r in runs if r.ticket.rating is not None and (match is None or match(r.finished))]
    distribution = tuple(
        RatingCount(score, _ids(r for r in rated if r.ticket.rating == score)) for score in RATING_LEVELS
    )
    bad = tuple(
        BadRating(
            ticket_id=r.ticket.ticket_id,
            display_no=r.ticket.display_no,
            score=r.ticket.rating or 0,
            reason=r.ticket.rating_reason or "",
            window_no=r.finished.window_no if r.finished else None,
            staff_no=r.finished.staff_no if r.finished else None,
        )
        for r in rated
        if (r.ticket.rating or 0) <= rules.bad_rating_max
    )
    return Satisfaction(distribution, bad)


def pauses(log: Sequence[QueueLogFact], match: Match | None) -> Pauses:
    """Window pauses in the scope and their length: a pause ends at the window's resume, else at the
    queue's next close, else at the end of its day (midnight, hall time)."""
    ordered = sorted(log, key=lambda e: e.at)
    ids: list[str] = []
    seconds = 0
    for i, event in enumerate(ordered):
        if event.kind != "window_pause":
            continue
        if match is not None and not match(Stint(event.window_no, event.staff_no)):
            continue
        ids.append(event.event_id)
        seconds += seconds_between(
            event.at, _pause_end(ordered[i + 1 :], event.window_no, _day_end(event.at))
        )
    return Pauses(tuple(ids), seconds)


def _pause_end(later: Sequence[QueueLogFact], window_no: int | None, period_end: datetime) -> datetime:
    for event in later:
        if event.kind == "window_resume" and event.window_no == window_no:
            return event.at
        if event.kind == "queue_close":
            return event.at
    return period_end


def _day_end(moment: datetime) -> datetime:
    day = moment.astimezone(HALL_TZ).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=HALL_TZ)


def _ids(runs: Iterable[TicketRun]) -> tuple[str, ...]:
    return tuple(r.ticket.ticket_id for r in runs)


def _by_type(served: Sequence[TicketRun]) -> tuple[TypeCount, ...]:
    types = sorted({r.ticket.business_type for r in served})
    return tuple(
        TypeCount(code, tuple(r.ticket.ticket_id for r in served if r.ticket.business_type == code))
        for code in types
    )


def window_match(window_no: int) -> Match:
    return lambda stint: stint is not None and stint.window_no == window_no


def clerk_match(staff_no: str) -> Match:
    return lambda stint: stint is not None and stint.staff_no == staff_no
