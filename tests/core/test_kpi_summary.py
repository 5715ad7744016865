"""Kept hall-day summaries merge into a period's figures: for random halls over a few days, merging
the days' summaries gives what summarizing the period's daily log gives (the central report keeps
days and merges them; the PC computes the period at once)."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import (
    ApplicationFact,
    ComplaintFact,
    DayFacts,
    PaymentFact,
    QueueLogFact,
    ShiftFact,
    TicketEventFact,
    TicketFact,
)
from hallapp.domain.kpi_stats import nearest_rank
from hallapp.domain.kpi_summary import Durations, Summary, merge, summarize
from tests.core.test_kpi import FACTS, RULES
from tests.core.test_kpi_properties import FEWER, OPEN, STAFF, hall_days

DAYS = 3
FIRST = OPEN.date()
LAST = FIRST + timedelta(days=DAYS - 1)


def _shift_ticket(t: TicketFact, n: int) -> TicketFact:
    by = timedelta(days=n)
    events = tuple(replace(e, at=e.at + by) for e in t.events)
    return replace(
        t,
        ticket_id=f"{t.ticket_id}-{n}",
        business_date=t.business_date + by,
        issued_at=t.issued_at + by,
        events=events,
    )


def _shift_payment(p: PaymentFact, n: int) -> PaymentFact:
    by = timedelta(days=n)
    return replace(
        p,
        payment_id=f"{p.payment_id}-{n}",
        business_date=p.business_date + by,
        paid_at=p.paid_at + by,
        reverses_payment_id=f"{p.reverses_payment_id}-{n}" if p.reverses_payment_id else None,
        reverses_business_date=p.reverses_business_date + by if p.reverses_business_date else None,
    )


@st.composite
def periods(draw: st.DrawFn) -> DayFacts:
    tickets: list[TicketFact] = []
    payments: list[PaymentFact] = []
    for n in range(DAYS):
        day = draw(hall_days())
        tickets += [_shift_ticket(t, n) for t in day.tickets]
        payments += [_shift_payment(p, n) for p in day.payments]
    for n, original in enumerate(p for p in list(payments) if not p.is_reversal):
        later = draw(st.integers(0, DAYS))  # DAYS: not reversed
        if later < DAYS and original.business_date <= FIRST + timedelta(days=later) and n % 3 == 0:
            when = FIRST + timedelta(days=later)
            payments.append(
                PaymentFact(
                    f"L{n}", f"RL{n}", when, OPEN + timedelta(days=later, hours=5), original.method,
                    -original.amount_fen, original.staff_no, original.payment_id, original.business_date,
                )
            )  # fmt: skip
    some_day = st.integers(-3, DAYS + 2).map(lambda k: FIRST + timedelta(days=k))
    apps = []
    for n in range(draw(st.integers(0, 8))):
        accepted = draw(some_day)
        closed = draw(st.none() | some_day.filter(lambda d, a=accepted: d >= a))
        status = draw(st.sampled_from(("archived", "cancelled"))) if closed else "survey"
        apps.append(
            ApplicationFact(
                f"A{n}", f"AN{n}", "resident_new", status, accepted, draw(st.sampled_from(STAFF)),
                draw(st.none() | some_day), closed, draw(st.sampled_from(STAFF)) if status == "archived" else None,
            )
        )  # fmt: skip
    queue_log, shifts, complaints = [], [], []
    for n in range(DAYS):
        day, base = FIRST + timedelta(days=n), OPEN + timedelta(days=n)
        if draw(st.booleans()):
            pause = base + timedelta(minutes=draw(st.integers(0, 400)))
            queue_log.append(QueueLogFact(f"Q{n}p", day, "window_pause", pause, 1, "C001"))
            queue_log.append(
                QueueLogFact(f"Q{n}r", day, "window_resume", pause + timedelta(minutes=9), 1, "C001")
            )
        counted = draw(st.none() | st.integers(9_000, 11_000))
        closed_at = base + timedelta(hours=9) if counted is not None else None
        shifts.append(
            ShiftFact(f"S{n}", "C002", day, closed_at, 10_000 if counted is not None else None, counted)
        )
        complaints += [ComplaintFact(f"K{n}-{k}", f"KN{n}-{k}", day, "C003", "efficiency") for k in range(n)]
    return DayFacts(
        FIRST,
        LAST,
        tickets=tuple(tickets),
        payments=tuple(payments),
        applications=tuple(apps),
        queue_log=tuple(queue_log),
        shifts=tuple(shifts),
        complaints=tuple(complaints),
    )


def _day(facts: DayFacts, day: date) -> DayFacts:
    return replace(facts, first_day=day, last_day=day)  # daily_log keeps the day's own records


def _kept_days(facts: DayFacts) -> list[Summary]:
    days = [FIRST + timedelta(days=n) for n in range(DAYS)]
    return [summarize(daily_log(_day(facts, d), RULES), _day(facts, d)) for d in days]


@FEWER
@given(periods())
def test_merged_days_give_the_period(facts: DayFacts) -> None:
    period = daily_log(facts, RULES)
    merged = merge(_kept_days(facts), RULES.wait_percentile)
    assert replace(merged, hours=()) == summarize(period, facts)
    assert merged.series() == period.series
    assert merged.wait_percentile_s == period.hall.tickets.waits.percentile_s
    assert merged.service_level == period.hall.tickets.service_level.ratio
    assert merged.reversals_of_other_days == len(period.hall.money.reversals_of_other_days)  # type: ignore[union-attr]


@FEWER
@given(periods(), periods())
def test_two_halls_add_up_whichever_way_they_are_merged(one: DayFacts, two: DayFacts) -> None:
    days = _kept_days(one) + _kept_days(two)
    by_hall = merge([merge(_kept_days(one), 90), merge(_kept_days(two), 90)], 90)
    at_once = merge(days, 90)
    assert by_hall == at_once
    assert at_once.served == merge(_kept_days(one), 90).served + merge(_kept_days(two), 90).served
    assert at_once.overdue == sum(s.overdue for s in days if s.last_day == LAST)


@given(st.lists(st.integers(0, 5000), max_size=60), st.integers(1, 100))
def test_a_durations_percentile_is_the_nearest_rank_of_every_value(seconds: list[int], p: int) -> None:
    h = Durations.of(seconds)
    assert h.percentile_s(p) == nearest_rank(seconds, p)
    assert h.count == len(seconds) and h.total_s == sum(seconds)
    assert h.max_s == (max(seconds) if seconds else None)


def test_the_fixture_day_summarized() -> None:
    """The hand-computed day of test_kpi, as numbers."""
    log = daily_log(FACTS, RULES)
    s = summarize(log, FACTS)
    assert s.served == len(log.hall.tickets.served) and s.served > 0
    assert s.waits.count == s.served
    assert s.wait_percentile_s == log.hall.tickets.waits.percentile_s
    assert s.within_target == len(log.hall.tickets.service_level.within)
    assert s.net_fen == log.hall.money.net_fen  # type: ignore[union-attr]
    assert s.series() == log.series
    assert s.overdue == len(log.hall.applications.overdue)  # type: ignore[union-attr]


def test_an_event_after_midnight_lands_in_the_next_days_point() -> None:
    late = TicketFact(
        "T1", "A001", FIRST, "payment", OPEN.replace(hour=23, minute=50),
        (
            TicketEventFact("issued", OPEN.replace(hour=23, minute=50)),
            TicketEventFact("called", OPEN.replace(hour=23, minute=58) + timedelta(minutes=10), 1, "C001"),
            TicketEventFact("finished", OPEN.replace(hour=23, minute=58) + timedelta(minutes=20), 1, "C001"),
        ),
    )  # fmt: skip
    facts = DayFacts(FIRST, LAST, tickets=(late,))
    merged = merge(_kept_days(facts), 90)
    points = {p.start.date(): p for p in merged.series()}
    assert points[FIRST].issued == 1 and points[FIRST].called == 0
    assert points[FIRST + timedelta(days=1)].called == 1
    assert merged.series() == daily_log(facts, RULES).series
