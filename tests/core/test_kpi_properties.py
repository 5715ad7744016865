"""Properties of the daily log over random hall days: money by method adds up to the net total,
per-clerk and per-window counts add up to the hall's, shares stay between 0 and 1."""

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import DayFacts, PaymentFact, TicketEventFact, TicketFact
from tests.core.helpers import PROPERTY
from tests.core.test_kpi import RULES

D = date(2026, 11, 20)
OPEN = datetime(2026, 11, 20, 8, 30, tzinfo=HALL_TZ)
STAFF = ("C001", "C002", "C003")
minutes = st.integers(min_value=0, max_value=40)
FEWER = settings(PROPERTY, max_examples=100)  # each example builds a whole hall day


@st.composite
def tickets(draw: st.DrawFn, n: int) -> TicketFact:
    """A ticket on one of the paths the queue allows: waiting, no-show, served, parked and served,
    transferred once or twice and served."""
    issued = OPEN + timedelta(minutes=draw(st.integers(0, 480)))
    now = issued
    events = [TicketEventFact("issued", now)]

    def step(kind: str) -> None:
        nonlocal now
        now += timedelta(minutes=draw(minutes), seconds=draw(st.integers(0, 59)))
        window = draw(st.integers(1, 4)) if kind == "called" else events[-1].window_no
        staff = draw(st.sampled_from(STAFF)) if kind == "called" else events[-1].staff_no
        events.append(TicketEventFact(kind, now, window, staff))

    path = draw(st.sampled_from(("waiting", "no_show", "served", "parked", "transfer", "transfer2")))
    if path != "waiting":
        step("called")
        if path == "no_show":
            step("no_show")
        else:
            for _ in range({"transfer": 1, "transfer2": 2}.get(path, 0)):
                step("started")
                step("transferred")
                step("called")
            if path == "parked":
                step("parked")
                step("called")
            if draw(st.booleans()):
                step("started")
            step("finished")
    rating = draw(st.none() | st.integers(1, 5)) if path not in ("waiting", "no_show") else None
    return TicketFact(
        f"T{n}", f"A{n:03d}", D, draw(st.sampled_from(("payment", "business"))), issued, tuple(events), rating
    )


@st.composite
def payments(draw: st.DrawFn) -> list[PaymentFact]:
    rows: list[PaymentFact] = []
    for n in range(draw(st.integers(0, 25))):
        moment = OPEN + timedelta(minutes=draw(st.integers(0, 540)))
        method = draw(st.sampled_from([m.value for m in PaymentMethod]))
        amount = draw(st.integers(1, 10**9))
        rows.append(PaymentFact(f"P{n}", f"R{n}", D, moment, method, amount, draw(st.sampled_from(STAFF))))
        if draw(st.booleans()):
            rows.append(
                PaymentFact(
                    f"X{n}", f"RX{n}", D, moment, method, -amount, draw(st.sampled_from(STAFF)), f"P{n}", D
                )
            )
    return rows


@st.composite
def hall_days(draw: st.DrawFn) -> DayFacts:
    count = draw(st.integers(0, 30))
    return DayFacts(
        D, D, tickets=tuple(draw(tickets(n)) for n in range(count)), payments=tuple(draw(payments()))
    )


@FEWER
@given(hall_days())
def test_money_by_method_adds_up_to_the_net_and_clerks_to_the_hall(facts: DayFacts) -> None:
    log = daily_log(facts, RULES)
    money = log.hall.money
    assert money is not None
    assert (
        sum(m.net_fen for m in money.by_method) == money.net_fen == sum(p.amount_fen for p in facts.payments)
    )
    assert all(isinstance(m.net_fen, int) for m in money.by_method)
    clerk_money = [c.figures.money for c in log.clerks]
    assert sum(m.net_fen for m in clerk_money if m) == money.net_fen
    assert sum(len(m.payments) for m in clerk_money if m) == len(money.payments)
    assert sum(s.payments for s in log.series) == len(money.payments)
    assert sum(s.collected_fen for s in log.series) == money.net_fen


@FEWER
@given(hall_days())
def test_clerk_and_window_counts_add_up_to_the_hall(facts: DayFacts) -> None:
    log = daily_log(facts, RULES)
    hall = log.hall.tickets
    for scopes in (log.clerks, log.windows):
        figures = [s.figures for s in scopes]
        assert sum(len(f.tickets.served) for f in figures) == len(hall.served)
        assert sum(len(f.tickets.no_shows) for f in figures) == len(hall.no_shows)
        assert sum(f.satisfaction.rated for f in figures) == log.hall.satisfaction.rated
        # a customer's waits and handling are split between the scopes that called and served them
        assert sum(f.tickets.handling.total_s for f in figures) >= hall.handling.total_s
    assert sum(sum(n for _, n in p.served_by_window) for p in log.series) == len(hall.served)
    assert len(hall.served) + len(hall.no_shows) + len(hall.unfinished) == len(facts.tickets)


@FEWER
@given(hall_days())
def test_service_level_and_waits_stay_in_range(facts: DayFacts) -> None:
    log = daily_log(facts, RULES)
    scopes = [log.hall, *(w.figures for w in log.windows), *(c.figures for c in log.clerks)]
    for figures in scopes:
        level, waits = figures.tickets.service_level, figures.tickets.waits
        ratio = level.ratio
        assert ratio is None or 0 <= ratio <= 1
        assert set(level.within) <= set(level.counted)
        assert (ratio is None) == (waits.count == 0)
        if waits.count:
            assert min(waits.seconds) <= waits.mean_s <= waits.max_s  # type: ignore[operator]
            assert min(waits.seconds) <= waits.percentile_s <= waits.max_s  # type: ignore[operator]
    assert log.hall.tickets.waits.count == len(log.hall.tickets.served)
