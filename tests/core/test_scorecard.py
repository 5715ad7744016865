"""The monthly 100-point scorecard and the week's problem list (docs/scorecard.md), hand-computed:
deductions floored at 0, a clerk who left, a clerk with no activity, the fee target, weights that
do not add up to 100, and every kind of problem in a week."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import (
    ApplicationFact,
    ClerkFact,
    ComplaintFact,
    DayFacts,
    PaymentFact,
    ReprintFact,
    ShiftFact,
    TicketEventFact,
    TicketFact,
)
from hallapp.domain.kpi_period import rules_from
from hallapp.domain.scorecard import month_scorecard
from hallapp.domain.scorecard_problems import ProblemKind, week_problems
from hallapp.domain.scorecard_rules import scorecard_rules
from hallapp.domain.scorecard_values import Item
from hallapp.domain.settings_catalog import CATALOG
from hallapp.domain.settings_rules import WEIGHT_KEYS, cross_setting_errors

TUE, WED = date(2026, 11, 17), date(2026, 11, 18)
VALUES = {d.key: d.parse(d.default) for d in CATALOG}


def at(day: date, hh: int, mm: int) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=HALL_TZ)


def served(
    tid: str, kind: str, day: date, issued: tuple, called: tuple, done: tuple, staff: str, window: int, **kw
):  # type: ignore[no-untyped-def]
    events = (
        TicketEventFact("issued", at(day, *issued)),
        TicketEventFact("called", at(day, *called), window, staff),
        TicketEventFact("started", at(day, *called), window, staff),
        TicketEventFact("finished", at(day, *done), window, staff),
    )
    if kw.get("rating"):
        events += (TicketEventFact("rated", at(day, *done) + timedelta(seconds=20)),)
    return TicketFact(tid, tid.replace("T", "A"), day, kind, at(day, *issued), events, **kw)


TICKETS = (
    # C001: waited 30 min, handled 9 min (payment limit 5), rated 1
    served("T1", "payment", TUE, (9, 0), (9, 30), (9, 39), "C001", 1, rating=1, rating_reason="态度差"),
    # C001: waited 6 min, handled 2 min, rated 5
    served("T2", "payment", TUE, (9, 34), (9, 40), (9, 42), "C001", 1, rating=5),
    # C002 (left later): waited 5 min, handled 25 min (business limit 20), not rated
    served("T3", "business", WED, (10, 0), (10, 5), (10, 30), "C002", 4),
)
PAYMENTS = (
    PaymentFact("P1", "R1", TUE, at(TUE, 9, 38), "cash", 1000, "C001"),
    # C002 reversed C001's payment: the error is C001's
    PaymentFact("P2", "R2", TUE, at(TUE, 11, 0), "cash", -1000, "C002", reverses_payment_id="P1"),
)
FACTS = DayFacts(
    first_day=date(2026, 11, 1),
    last_day=date(2026, 11, 30),
    tickets=TICKETS,
    payments=PAYMENTS,
    reprints=(ReprintFact("RP1", "P1", at(TUE, 9, 40), "C001"),),
    shifts=(ShiftFact("S1", "C001", TUE, at(TUE, 17, 0), 1000, 900, "少一元"),),
    applications=(
        ApplicationFact(
            "AP1", "AH-0001", "new_resident", "accepted", date(2026, 11, 2), "C001", date(2026, 11, 10), None
        ),
    ),
    complaints=(
        ComplaintFact("K1", "T-0001", WED, "C001", "attitude"),
        ComplaintFact("K2", "T-0002", WED, "C001", "power_quality"),  # not about the clerk
    ),
    clerks=(
        ClerkFact("C001", "王芳", True),
        ClerkFact("C002", "李强", False),
        ClerkFact("C003", "陈静", True),
    ),
)
ROSTER = (ClerkFact("C001", "王芳", True), ClerkFact("C003", "陈静", True))


def card_of(values: dict, staff_no: str):  # type: ignore[no-untyped-def]
    log = daily_log(FACTS, rules_from(values))
    month = month_scorecard(
        log, FACTS, scorecard_rules(values, 2), ROSTER, year=2026, month=11, complete=True
    )
    return {c.staff_no: c for c in month.cards}[staff_no]


def test_a_clerk_with_every_kind_of_deduction() -> None:
    card = card_of(VALUES, "C001")
    waits = card.item(Item.WAITS)
    # mean (30 + 6) / 2 = 18 min: 3 min over 15, 2 points each
    assert (waits.measure("mean_s"), waits.points) == (Decimal(1080), Decimal("14.0"))
    assert (waits.records[0].ids, waits.records[0].seconds) == (("T1",), (1800,))
    handling = card.item(Item.HANDLING)
    # payment mean (9 + 2) / 2 = 5.5 min against 5: rounded up to 1 min over, 2 points
    assert [(d.reason, d.units, d.points) for d in handling.deductions] == [
        ("payment_handling_over", 1, Decimal(2))
    ]
    assert handling.points == Decimal(13) and handling.records[0].ids == ("T1",)
    satisfaction = card.item(Item.SATISFACTION)
    # 1 of 2 satisfied = 50 %: 45 points below 95 %, plus 2 for the bad rating: floored at 0 of 25
    assert satisfaction.measure("satisfied_percent") == Decimal(50)
    assert sum(d.points for d in satisfaction.deductions) == Decimal(47)
    assert satisfaction.points == Decimal(0)
    complaints = card.item(Item.COMPLAINTS)
    assert complaints.points == Decimal(10) and complaints.records[0].ids == ("K1",)
    errors = card.item(Item.ERRORS)
    # C002's reversal of C001's payment (2), a reprint (1), a cash-up 1 yuan short (5)
    assert errors.points == Decimal(7)
    assert [r.ids for r in errors.records] == [("P2",), ("P1",), ("S1",)]
    assert not card.item(Item.FEES).scored  # no target set: its 10 points go to the others
    # (14 + 13 + 0 + 10 + 7) × 100 / 90
    assert (card.scored_weight, card.total) == (90, Decimal("48.9"))


def test_a_clerk_who_left_is_scored_for_the_days_worked() -> None:
    card = card_of(VALUES, "C002")
    assert (card.name, card.active, card.worked) == ("李强", False, True)
    # business handling 25 min against 20: 5 min × 2; no rating: satisfaction not scored
    assert card.item(Item.HANDLING).points == Decimal(5)
    assert not card.item(Item.SATISFACTION).scored and card.item(Item.SATISFACTION).points is None
    assert card.item(Item.ERRORS).points == Decimal(15)  # the reversal counts against C001
    assert card.total == Decimal("84.6")  # (20 + 5 + 15 + 15) × 100 / 65


def test_a_clerk_without_activity_is_not_scored() -> None:
    card = card_of(VALUES, "C003")
    assert (card.name, card.worked, card.total) == ("陈静", False, None)
    assert all(not i.scored for i in card.items)


def test_fees_against_the_monthly_target() -> None:
    values = {**VALUES, "scorecard.monthly_fee_target_fen": 100_000}
    fees = card_of(values, "C001").item(Item.FEES)
    # 10 yuan of 1,000: 99 % short, 10 points × 0.99
    assert (fees.measure("collected_fen"), fees.points) == (1000, Decimal("0.1"))
    left = card_of(values, "C002").item(Item.FEES)
    assert left.scored and left.points == Decimal(0)  # a reversal only: −10 yuan, floored at 0
    assert card_of(values, "C001").total == Decimal("44.1")  # 44.1 of 100


def test_weights_must_add_up_to_100() -> None:
    assert cross_setting_errors(VALUES) == {}
    errors = cross_setting_errors({**VALUES, "scorecard.weight_waits": 30})
    assert set(errors) == set(WEIGHT_KEYS)
    assert errors["scorecard.weight_fees"].reason == "weights_sum"
    assert errors["scorecard.weight_fees"].params["total"] == 110
    assert cross_setting_errors({**VALUES, "scorecard.weight_waits": 30, "scorecard.weight_fees": 0}) == {}


def test_weights_not_adding_up_from_elsewhere_still_give_a_card_out_of_100() -> None:
    values = {**VALUES, "scorecard.weight_waits": 40}  # a stored value the rule would now refuse
    card = card_of(values, "C002")
    assert card.total == Decimal("88.2")  # (40 + 5 + 15 + 15) × 100 / 85


def test_the_weeks_problem_list() -> None:
    week = DayFacts(**{**FACTS.__dict__, "first_day": date(2026, 11, 16), "last_day": date(2026, 11, 22)})
    log = daily_log(week, rules_from(VALUES))
    problems = week_problems(log, week, wait_target_minutes=15, complete=True).problems
    assert [(p.day, p.kind, p.staff_no, p.record_no, p.value, p.text) for p in problems] == [
        (date(2026, 11, 16), ProblemKind.OVERDUE_APPLICATION, "C001", "AH-0001", 12, "new_resident"),
        (TUE, ProblemKind.BAD_RATING, "C001", "A1", 1, "态度差"),
        (TUE, ProblemKind.LONG_WAIT, "C001", "A1", 1800, "payment"),
        (TUE, ProblemKind.CASH_DIFFERENCE, "C001", "", -100, "少一元"),
        (WED, ProblemKind.COMPLAINT, "C001", "T-0001", None, "attitude"),
        (WED, ProblemKind.COMPLAINT, "C001", "T-0002", None, "power_quality"),
    ]
    rating = problems[1]
    assert (rating.record_id, rating.clerk_name, rating.at) == (
        "T1",
        "王芳",
        datetime(2026, 11, 17, 9, 39, 20),
    )


def test_a_quiet_week_has_no_problems() -> None:
    quiet = DayFacts(first_day=date(2026, 12, 7), last_day=date(2026, 12, 13))
    week = week_problems(daily_log(quiet, rules_from(VALUES)), quiet, wait_target_minutes=15, complete=False)
    assert (week.first_day, week.complete, week.problems) == (date(2026, 12, 7), False, ())
