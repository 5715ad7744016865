"""The daily log's KPI definitions (docs/kpi.md) on a hand-computed hall day: a ticket spanning
midnight, a transfer, a no-show, a parked customer, reversals (same day and of yesterday), a paused
window, a clerk who left, and a day with nothing at all."""

from datetime import date, datetime, time, timedelta
from itertools import pairwise

import pytest

from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import (
    ApplicationFact,
    ClerkFact,
    ComplaintFact,
    ConsultationFact,
    DayFacts,
    KpiRules,
    PaymentFact,
    QueueLogFact,
    ReprintFact,
    ShiftFact,
    TicketEventFact,
    TicketFact,
    WindowFact,
)
from hallapp.domain.kpi_stats import nearest_rank
from hallapp.domain.kpi_values import ClerkLog, DailyLog, WindowLog

D = date(2026, 11, 20)
RULES = KpiRules(
    wait_target_minutes=15,
    wait_percentile=90,
    bad_rating_max=2,
    opening_time=time(8, 30),
    closing_time=time(17, 30),
)


def at(hh: int, mm: int, ss: int = 0, day: date = D) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=HALL_TZ)


def ev(kind: str, moment: datetime, window: int | None = None, staff: str | None = None) -> TicketEventFact:
    return TicketEventFact(kind, moment, window, staff)


def ticket(tid: str, kind: str, issued: datetime, *events: TicketEventFact, **kw) -> TicketFact:  # type: ignore[no-untyped-def]
    return TicketFact(
        tid, kw.pop("display_no", tid), kw.pop("day", D), kind, issued, (ev("issued", issued), *events), **kw
    )


NEXT = D + timedelta(days=1)
TICKETS = (
    # T1: wait 5 min at window 1, handled 4 min, rated 5
    ticket(
        "T1",
        "payment",
        at(9, 0),
        ev("called", at(9, 5), 1, "C001"),
        ev("started", at(9, 6), 1, "C001"),
        ev("finished", at(9, 10), 1, "C001"),
        ev("rated", at(9, 10, 30)),
        rating=5,
    ),
    # T2: 20 min for window 3, handled 4 min there, transferred; 15 more min for window 4, handled 10
    ticket(
        "T2",
        "business",
        at(9, 0),
        ev("called", at(9, 20), 3, "C003"),
        ev("started", at(9, 21), 3, "C003"),
        ev("transferred", at(9, 25), 3, "C003"),
        ev("called", at(9, 40), 4, "C002"),
        ev("started", at(9, 41), 4, "C002"),
        ev("finished", at(9, 51), 4, "C002"),
        ev("rated", at(9, 52)),
        rating=2,
        rating_reason="等太久",
    ),
    # T3: called, recalled, never came
    ticket(
        "T3",
        "payment",
        at(9, 2),
        ev("called", at(9, 12), 1, "C001"),
        ev("recalled", at(9, 13), 1, "C001"),
        ev("no_show", at(9, 15), 1, "C001"),
    ),
    # T4: issued at 23:50, called after midnight: counts on its issue day; waited exactly 15 min
    ticket(
        "T4",
        "payment",
        at(23, 50),
        ev("called", at(0, 5, day=NEXT), 2, "C002"),
        ev("finished", at(0, 9, day=NEXT), 2, "C002"),
    ),
    # T5: still waiting when the records end
    ticket("T5", "payment", at(10, 0)),
    # T6: served by a clerk who has since left; parked 18 minutes (neither waiting nor handling)
    ticket(
        "T6",
        "payment",
        at(10, 0),
        ev("called", at(10, 10), 2, "C004"),
        ev("started", at(10, 10), 2, "C004"),
        ev("parked", at(10, 12), 2, "C004"),
        ev("called", at(10, 30), 2, "C004"),
        ev("started", at(10, 31), 2, "C004"),
        ev("finished", at(10, 35), 2, "C004"),
    ),
    # Yesterday's ticket: not in today's log
    ticket("T0", "payment", at(9, 0, day=D - timedelta(days=1)), day=D - timedelta(days=1)),
)

QUEUE_LOG = (
    QueueLogFact("Q1", D, "queue_open", at(8, 30), None, "G001"),
    QueueLogFact("Q2", D, "window_pause", at(11, 0), 1, "C001"),
    QueueLogFact("Q3", D, "window_resume", at(11, 20), 1, "C001"),
    QueueLogFact("Q4", D, "window_pause", at(16, 0), 2, "C002"),  # never resumed: ends at the close
    QueueLogFact("Q5", D, "queue_close", at(17, 30), None, "G001"),
)


def pay(pid: str, method: str, fen: int, staff: str, moment: datetime, **kw) -> PaymentFact:  # type: ignore[no-untyped-def]
    return PaymentFact(pid, f"R-{pid}", kw.pop("day", D), moment, method, fen, staff, **kw)


PAYMENTS = (
    pay("P1", "cash", 10000, "C001", at(9, 10)),
    pay("P2", "wechat", 5000, "C001", at(9, 30)),
    pay("P3", "cash", 2000, "C002", at(10, 0), reversed_by_payment_id="R3"),
    pay("R3", "cash", -2000, "C002", at(10, 5), reverses_payment_id="P3", reverses_business_date=D),
    # a reversal today of yesterday's card payment (only imported data can hold one: the service
    # refuses it) counts today, the day the money went back
    pay(
        "R0",
        "card",
        -3000,
        "C001",
        at(11, 0),
        reverses_payment_id="P0",
        reverses_business_date=D - timedelta(1),
    ),
    pay(
        "P0",
        "card",
        3000,
        "C001",
        at(16, 0, day=D - timedelta(1)),
        day=D - timedelta(1),
        reversed_by_payment_id="R0",
    ),
)
REPRINTS = (
    ReprintFact("RP1", "P1", at(9, 40), "C001"),
    ReprintFact("RP0", "P0", at(16, 5, day=D - timedelta(1)), "C001"),
)
SHIFTS = (
    ShiftFact("S1", "C001", D, at(17, 40), 7000, 7000),
    ShiftFact("S2", "C002", D, at(17, 45), 0, 100, "多收一元"),
    ShiftFact("S3", "C004", D, None, None, None),
)


def app(aid: str, status: str, accepted: date, by: str, due: date | None, closed: date | None, done_by: str | None = None) -> ApplicationFact:  # fmt: skip
    return ApplicationFact(aid, f"No-{aid}", "name_change", status, accepted, by, due, closed, done_by)


APPLICATIONS = (
    app("A1", "survey", D, "C003", D + timedelta(5), None),
    app("A2", "archived", D, "C003", D + timedelta(5), D, "C003"),  # same-day completion
    app("A3", "plan", D - timedelta(10), "C001", D - timedelta(1), None),  # overdue
    app("A4", "archived", D - timedelta(6), "C001", D, D, "C002"),  # due today, completed by C002
    app("A5", "archived", D - timedelta(8), "C001", D - timedelta(2), D - timedelta(1), "C001"),
    app("A6", "cancelled", D, "C003", D + timedelta(5), D),  # accepted, not completed
)
CLERKS = (
    ClerkFact("C001", "王芳", True),
    ClerkFact("C002", "李强", True),
    ClerkFact("C003", "陈静", True),
    ClerkFact("C004", "周离", False),
    ClerkFact("G001", "刘晓雯", True),
)
WINDOWS = tuple(WindowFact(n, f"{n}号窗口") for n in (1, 2, 3, 4))
FACTS = DayFacts(
    first_day=D,
    last_day=D,
    tickets=TICKETS,
    queue_log=QUEUE_LOG,
    payments=PAYMENTS,
    reprints=REPRINTS,
    shifts=SHIFTS,
    applications=APPLICATIONS,
    complaints=(ComplaintFact("K1", "K-1", D, "C003", "attitude"),),
    consultations=(
        ConsultationFact("Z1", "Z-1", D, "C003", True),
        ConsultationFact("Z2", "Z-2", D - timedelta(1), "C003", True),
    ),
    clerks=CLERKS,
    windows=WINDOWS,
)


@pytest.fixture(scope="module")
def log() -> DailyLog:
    return daily_log(FACTS, RULES)


def window(log: DailyLog, number: int) -> WindowLog:
    return next(w for w in log.windows if w.window_no == number)


def clerk(log: DailyLog, staff_no: str) -> ClerkLog:
    return next(c for c in log.clerks if c.staff_no == staff_no)


def test_hall_customers_waits_and_handling(log: DailyLog) -> None:
    t = log.hall.tickets
    assert set(t.served) == {"T1", "T2", "T4", "T6"}
    assert {x.business_type: set(x.ticket_ids) for x in t.served_by_type} == {
        "business": {"T2"},
        "payment": {"T1", "T4", "T6"},
    }
    # T2 waited 20 + 15 minutes in two lines; T6's 18 minutes parked are not waiting
    assert dict(zip(t.waits.ticket_ids, t.waits.seconds, strict=True)) == {
        "T1": 300,
        "T2": 2100,
        "T4": 900,
        "T6": 600,
    }
    assert t.waits.mean_s == 975
    assert (t.waits.percentile_s, t.waits.max_s, t.waits.max_ticket_id) == (2100, 2100, "T2")
    # T4 was finished without "start": handled from its call; T6 twice at the counter (2 + 4 min)
    assert dict(zip(t.handling.ticket_ids, t.handling.seconds, strict=True)) == {
        "T1": 240,
        "T2": 840,
        "T4": 240,
        "T6": 360,
    }
    assert set(t.service_level.within) == {"T1", "T4", "T6"}  # exactly 15 minutes counts as within
    assert t.service_level.ratio == 0.75
    assert (t.no_shows, t.transfers, t.unfinished) == (("T3",), ("T2",), ("T5",))


def test_a_transfer_splits_the_wait_and_the_handling_between_windows(log: DailyLog) -> None:
    w3, w4 = window(log, 3).figures.tickets, window(log, 4).figures.tickets
    assert (w3.served, w3.transfers, w3.waits.seconds, w3.handling.seconds) == ((), ("T2",), (1200,), (240,))
    assert (w4.served, w4.transfers, w4.waits.seconds, w4.handling.seconds) == (("T2",), (), (900,), (600,))
    assert w3.service_level.ratio == 0.0 and w4.service_level.ratio == 1.0
    c3, c2 = clerk(log, "C003").figures.tickets, clerk(log, "C002").figures.tickets
    assert (c3.transfers, c3.waits.seconds) == (("T2",), (1200,))
    assert set(c2.served) == {"T2", "T4"} and c2.handling.total_s == 600 + 240


def test_a_no_show_counts_for_the_window_that_called_and_is_not_a_wait(log: DailyLog) -> None:
    w1 = window(log, 1).figures.tickets
    assert w1.no_shows == ("T3",)
    assert (w1.served, w1.waits.seconds) == (("T1",), (300,))
    assert clerk(log, "C001").figures.tickets.no_shows == ("T3",)


def test_ratings_and_bad_ratings_with_their_reasons(log: DailyLog) -> None:
    hall = log.hall.satisfaction
    assert [(r.score, r.ticket_ids) for r in hall.distribution] == [
        (5, ("T1",)),
        (4, ()),
        (3, ()),
        (2, ("T2",)),
        (1, ()),
    ]
    [bad] = hall.bad
    assert (bad.ticket_id, bad.score, bad.reason, bad.window_no, bad.staff_no) == (
        "T2",
        2,
        "等太久",
        4,
        "C002",
    )
    assert window(log, 4).figures.satisfaction.bad == (bad,)
    assert window(log, 3).figures.satisfaction.rated == 0  # rated where it was finished


def test_pauses_end_at_resume_or_at_the_queue_close(log: DailyLog) -> None:
    assert (log.hall.pauses.event_ids, log.hall.pauses.seconds) == (("Q2", "Q4"), 1200 + 90 * 60)
    assert window(log, 1).figures.pauses.seconds == 1200
    assert clerk(log, "C002").figures.pauses.event_ids == ("Q4",)


def test_money_by_method_net_of_reversals_in_fen(log: DailyLog) -> None:
    money = log.hall.money
    assert money is not None
    assert {m.method: (m.count, m.net_fen) for m in money.by_method if m.payment_ids} == {
        "cash": (2, 10000),
        "wechat": (1, 5000),
        "card": (0, -3000),
    }
    assert (money.gross_fen, money.reversed_fen, money.net_fen) == (17000, 5000, 12000)
    assert set(money.payments) == {"P1", "P2", "P3"} and set(money.reversals) == {"R3", "R0"}
    assert money.reversals_of_other_days == ("R0",)
    assert money.reprints == ("RP1",)
    c1, c2 = clerk(log, "C001").figures.money, clerk(log, "C002").figures.money
    assert c1 is not None and c2 is not None
    assert (c1.net_fen, c2.net_fen) == (12000, 0)
    assert window(log, 1).figures.money is None  # payments are not recorded per window


def test_cash_up_differences_and_open_shifts(log: DailyLog) -> None:
    cash = log.hall.cash_up
    assert cash is not None
    assert (cash.difference_fen, cash.with_difference, cash.open_shifts) == (100, ("S2",), ("S3",))
    [line] = clerk(log, "C002").figures.cash_up.shifts  # type: ignore[union-attr]
    assert (line.difference_fen, line.difference_reason) == (100, "多收一元")


def test_applications_accepted_completed_due_overdue_and_same_day(log: DailyLog) -> None:
    apps = log.hall.applications
    assert apps is not None
    assert (set(apps.accepted), set(apps.completed)) == ({"A1", "A2", "A6"}, {"A2", "A4"})
    assert (apps.due, apps.overdue, apps.completed_same_day) == (("A4",), ("A3",), ("A2",))
    assert apps.same_day_rate == pytest.approx(1 / 3)
    c2 = clerk(log, "C002").figures.applications
    c1 = clerk(log, "C001").figures.applications
    assert c2 is not None and c1 is not None
    assert (c2.completed, c2.due) == (("A4",), ())  # completed by C002, accepted by C001
    assert (c1.due, c1.overdue, c1.same_day_rate) == (("A4",), ("A3",), None)


def test_complaints_and_consultations_of_the_day(log: DailyLog) -> None:
    assert (log.hall.complaints, log.hall.consultations) == (("K1",), ("Z1",))
    assert clerk(log, "C003").figures.consultations == ("Z1",)


def test_a_clerk_who_left_is_still_named(log: DailyLog) -> None:
    gone = clerk(log, "C004")
    assert (gone.name, gone.active) == ("周离", False)
    assert gone.figures.tickets.served == ("T6",)
    assert [c.staff_no for c in log.clerks] == ["C001", "C002", "C003", "C004"]  # the guide only opened


def test_hourly_series_through_midnight(log: DailyLog) -> None:
    points = {p.start: p for p in log.series}
    starts = [p.start for p in log.series]
    assert starts[0] == datetime(2026, 11, 20, 8, 0) and starts[-1] == datetime(2026, 11, 21, 0, 0)
    assert len(starts) == 17 and all(b - a == timedelta(hours=1) for a, b in pairwise(starts))
    nine, ten = points[datetime(2026, 11, 20, 9)], points[datetime(2026, 11, 20, 10)]
    assert (nine.issued, nine.queue_max, nine.called) == (3, 3, 4)
    assert nine.served_by_window == ((1, 1), (4, 1))
    assert (nine.collected_fen, nine.payments) == (15000, 2)
    assert (ten.issued, ten.queue_max, ten.collected_fen, ten.payments) == (2, 2, 0, 1)
    assert points[datetime(2026, 11, 20, 11)].collected_fen == -3000
    midnight = points[datetime(2026, 11, 21, 0)]
    assert (midnight.queue_max, midnight.served_by_window, midnight.wait_max_s) == (2, ((2, 1),), 900)
    assert points[datetime(2026, 11, 20, 12)].queue_max == 1  # T5 still waits
    assert not log.empty


def test_a_day_with_no_data_has_every_figure_at_zero() -> None:
    log = daily_log(DayFacts(D, D), RULES)
    t = log.hall.tickets
    assert log.empty and log.windows == () and log.clerks == ()
    assert (t.served, t.waits.count, t.waits.mean_s, t.waits.percentile_s, t.waits.max_s) == (
        (),
        0,
        None,
        None,
        None,
    )
    assert t.service_level.ratio is None
    assert log.hall.money is not None and log.hall.money.net_fen == 0
    assert all(m.net_fen == 0 for m in log.hall.money.by_method) and len(log.hall.money.by_method) == 5
    assert log.hall.applications is not None and log.hall.applications.same_day_rate is None
    assert log.hall.satisfaction.rated == 0 and len(log.hall.satisfaction.distribution) == 5
    assert [p.start.hour for p in log.series] == list(range(8, 18))
    assert all(p.issued == 0 and p.queue_max == 0 and p.wait_mean_s is None for p in log.series)


def test_windows_without_activity_are_listed_with_zeros() -> None:
    log = daily_log(DayFacts(D, D, windows=WINDOWS), RULES)
    assert [w.window_no for w in log.windows] == [1, 2, 3, 4]
    assert all(w.figures.tickets.waits.count == 0 for w in log.windows)


def test_a_range_has_a_day_by_day_series() -> None:
    facts = DayFacts(D - timedelta(days=2), D, tickets=TICKETS, payments=PAYMENTS)
    log = daily_log(facts, RULES)
    assert [p.start for p in log.series] == [datetime(2026, 11, d) for d in (18, 19, 20, 21)]
    assert set(log.hall.tickets.unfinished) == {"T0", "T5"}  # yesterday is in the range now
    money = log.hall.money
    assert money is not None and money.reversals_of_other_days == ()  # P0 is inside the range
    assert money.net_fen == 12000 + 3000


@pytest.mark.parametrize(
    ("values", "percentile", "expected"),
    [
        ((), 90, None),
        ((7,), 90, 7),
        ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90, 9),
        ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90, 10),
        ((5, 1, 3), 50, 3),
        ((1, 2), 50, 1),
    ],
)
def test_nearest_rank_percentile(values: tuple[int, ...], percentile: int, expected: int | None) -> None:
    assert nearest_rank(values, percentile) == expected


def test_an_application_finished_before_its_date_is_not_due_in_the_period() -> None:
    """``due``: fell due in the period and was still open on the morning of its date, so a period's
    count is the sum of its days' (docs/kpi.md)."""
    early = app("E1", "archived", D, "C001", D + timedelta(2), D + timedelta(1), "C001")  # done a day early
    late = app("E2", "archived", D, "C001", D + timedelta(1), D + timedelta(2), "C001")  # done a day late
    week = DayFacts(D, D + timedelta(6), applications=(early, late))
    figures = daily_log(week, RULES).hall.applications
    assert figures is not None and figures.due == ("E2",)
    days = [DayFacts(D + timedelta(n), D + timedelta(n), applications=(early, late)) for n in range(7)]
    assert sum(len(daily_log(d, RULES).hall.applications.due) for d in days) == 1  # type: ignore[union-attr]
