"""The scorecard and the week's problems on a real hall database, made through the services: a slow,
badly rated customer, a complaint, a clerk who left; who may open them; the months and weeks they
refuse; the weights the settings refuse."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from hallapp.db.models import Operator
from hallapp.domain.errors import InvalidForm, InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.queue import TicketAction
from hallapp.domain.scorecard_problems import ProblemKind
from hallapp.domain.scorecard_values import Item
from hallapp.domain.service_desk_form import ComplaintDraft

MONDAY = date(2026, 11, 16)  # the tests' clock stands on Friday 2026-11-20


@pytest.fixture
def cards(core):  # type: ignore[no-untyped-def]
    return core.scorecard


def slow_customer(core, clock, guide, clerk):  # type: ignore[no-untyped-def]
    """Waits 25 min, handled 8 min at window 1 by C001, rated 1; then a complaint about C001's attitude."""
    core.queue.set_queue_open(guide, True)
    ticket = core.queue.issue(guide, "payment")
    clock.advance(minutes=25)
    assert core.queue.call_next(clerk, 1).ticket_id == ticket.ticket_id
    core.queue.act(clerk, ticket.ticket_id, TicketAction.START, 1)
    clock.advance(minutes=8)
    core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 1)
    core.queue.rate(clerk, ticket.ticket_id, 1, "态度不好")
    draft = ComplaintDraft("counter", "attitude", "孙先生", "13912340001", "3200000001", "柜员态度差。")
    complaint = core.complaints.receive(clerk, draft, request_id=new_id())
    return ticket, complaint


def test_a_month_scored_from_the_counter(core, clock, guide, clerk, supervisor, cards) -> None:  # type: ignore[no-untyped-def]
    ticket, complaint = slow_customer(core, clock, guide, clerk)
    month = cards.month(supervisor, 2026, 11)
    assert (month.first_day, month.last_day, month.complete) == (date(2026, 11, 1), date(2026, 11, 20), False)
    card = {c.staff_no: c for c in month.cards}["C001"]
    waits = card.item(Item.WAITS)
    assert waits.measure("mean_s") == Decimal(1500) and waits.points == Decimal(0)  # 10 min over × 2, floored
    handling = card.item(Item.HANDLING)
    assert handling.measure("payment_mean_s") == Decimal(480) and handling.points == Decimal(9)  # 3 min × 2
    assert card.item(Item.SATISFACTION).points == Decimal(0)
    complaints = card.item(Item.COMPLAINTS)
    assert complaints.points == Decimal(10) and complaints.records[0].ids == (complaint.complaint_id,)
    [over] = [r for r in waits.records if r.role == "over_target"]
    lines = core.daily_log.tickets(supervisor, over.ids)
    assert [x.display_no for x in lines] == [ticket.display_no]
    assert card.total is not None and card.total < 50


def test_a_clerk_who_left_and_one_who_did_nothing(core, clock, guide, clerk, supervisor, cards) -> None:  # type: ignore[no-untyped-def]
    slow_customer(core, clock, guide, clerk)
    with core.db.write() as s:
        s.execute(update(Operator).where(Operator.staff_no == "C001").values(active=False))
    by_staff = {c.staff_no: c for c in cards.month(supervisor, 2026, 11).cards}
    gone = by_staff["C001"]
    assert (gone.name, gone.active, gone.worked) == ("王芳", False, True)
    assert gone.item(Item.WAITS).scored
    assert "S001" not in by_staff  # supervisors are listed only when they worked at a counter
    quiet = cards.month(supervisor, 2025, 1)  # before the demo hall's history: nobody worked
    assert all(c.total is None and not c.worked for c in quiet.cards) and quiet.complete


def test_the_week_holding_a_day(core, clock, guide, clerk, supervisor, cards) -> None:  # type: ignore[no-untyped-def]
    ticket, complaint = slow_customer(core, clock, guide, clerk)
    week = cards.week(supervisor, clock.business_date())  # a Friday: the week from Monday
    assert (week.first_day, week.last_day, week.complete) == (MONDAY, date(2026, 11, 20), False)
    lines = {(p.kind, p.record_id) for p in week.problems}
    assert {
        (ProblemKind.BAD_RATING, ticket.ticket_id),
        (ProblemKind.LONG_WAIT, ticket.ticket_id),
        (ProblemKind.COMPLAINT, complaint.complaint_id),
    } <= lines
    last = cards.week(supervisor, MONDAY - timedelta(days=1))  # a Sunday: the week before
    assert (last.first_day, last.last_day, last.complete) == (
        MONDAY - timedelta(days=7),
        MONDAY - timedelta(days=1),
        True,
    )
    assert ticket.ticket_id not in {p.record_id for p in last.problems}


@pytest.mark.parametrize(
    ("year", "month", "reason"),
    [
        (2026, 12, "future_month"),
        (2026, 13, "bad_month"),
        (2026, 0, "bad_month"),
        ("2026", 11, "bad_month"),
        (1999, 5, "bad_month"),
    ],
)
def test_months_refused(supervisor, cards, year, month, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as exc:
        cards.month(supervisor, year, month)
    assert (exc.value.field, exc.value.reason) == ("month", reason)


def test_weeks_refused(supervisor, cards) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as exc:
        cards.week(supervisor, date(2026, 11, 23))
    assert (exc.value.reason, exc.value.params["monday"]) == ("future_week", "2026-11-23")
    with pytest.raises(InvalidInput) as exc:
        cards.week(supervisor, "2026-11-16")
    assert exc.value.reason == "bad_week"


@pytest.mark.parametrize("who", ["clerk", "guide"])
def test_front_line_staff_cannot_see_scorecards(cards, who, request) -> None:  # type: ignore[no-untyped-def]
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        cards.month(actor, 2026, 11)
    with pytest.raises(PermissionDenied):
        cards.week(actor, MONDAY)


def test_weights_that_do_not_add_up_to_100_are_refused(core, admin, supervisor, cards) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidForm) as exc:
        core.settings.update(admin, {"scorecard.weight_waits": 30})
    error = exc.value.errors["scorecard.weight_waits"]
    assert (error.reason, error.params["total"]) == ("weights_sum", 110)
    assert core.settings.get("scorecard.weight_waits") == 20  # nothing stored
    core.settings.update(admin, {"scorecard.weight_waits": 30, "scorecard.weight_fees": 0})
    assert cards.month(supervisor, 2026, 11).rules.weight("waits") == 30
    with pytest.raises(InvalidForm):
        core.settings.reset(admin, "scorecard.weight_fees")  # back to 10 alone would make 110
    assert core.settings.get("scorecard.weight_fees") == 0
