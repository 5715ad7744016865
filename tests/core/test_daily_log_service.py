"""The daily log on a real hall database, made through the services: queue, payments, reversals,
cash-up, applications; who may open it; the days and ranges it refuses."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from hallapp.db.models import Operator
from hallapp.demo.applications import person_new
from hallapp.domain.application_flow import Stage
from hallapp.domain.errors import InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.queue import TicketAction
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_complaint_service import DRAFT
from tests.core.test_consultation_service import ASKED, OPEN
from tests.core.test_payment_service import TWO_BILLS
from tests.core.test_reversal_service import at_counter


def test_a_day_at_the_counter(core, clock, guide, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    before = core.daily_log.day(supervisor)  # demo history may already hold payments today
    c2 = core.auth.login("C002", "demo1234")
    core.queue.set_queue_open(guide, True)
    first = core.queue.issue(guide, "payment")
    gone = core.queue.issue(guide, "payment")
    moved = core.queue.issue(guide, "business")
    clock.advance(minutes=4)
    assert core.queue.call_next(clerk, 1).ticket_id == first.ticket_id
    clock.advance(minutes=1)
    core.queue.act(clerk, first.ticket_id, TicketAction.START, 1)
    clock.advance(minutes=3)
    assert core.queue.call_next(clerk, 1).ticket_id == gone.ticket_id  # finishes the first
    core.queue.rate(clerk, first.ticket_id, 1, "态度不好")
    clock.advance(minutes=2)
    core.queue.act(clerk, gone.ticket_id, TicketAction.NO_SHOW, 1)
    assert core.queue.call_next(c2, 3).ticket_id == moved.ticket_id
    clock.advance(minutes=2)
    core.queue.transfer(c2, moved.ticket_id, 3, to_window=4)
    clock.advance(minutes=5)
    core.queue.set_window_paused(clerk, 1, True)
    assert core.queue.call_next(c2, 4).ticket_id == moved.ticket_id
    core.queue.act(c2, moved.ticket_id, TicketAction.START, 4)
    clock.advance(minutes=6)
    core.queue.call_next(c2, 4)  # finishes the transferred customer
    core.queue.set_window_paused(clerk, 1, False)

    account_id = make_account(core, TWO_BILLS)
    kept = pay(core, clerk, account_id, 10000)
    wrong = pay(core, clerk, account_id, 5000, "wechat", reference="134567890123456789")
    reversal = at_counter(core, clerk, wrong.payment_id)
    log = core.daily_log.day(supervisor)

    hall = log.hall.tickets
    assert set(hall.served) == {first.ticket_id, moved.ticket_id}
    assert hall.no_shows == (gone.ticket_id,) and hall.transfers == (moved.ticket_id,)
    waits = dict(zip(hall.waits.ticket_ids, hall.waits.seconds, strict=True))
    # the transferred customer: 4+1+3+2 = 10 min for window 3, then 5 min in window 4's line
    assert waits == {first.ticket_id: 240, moved.ticket_id: 600 + 300}
    assert dict(zip(hall.handling.ticket_ids, hall.handling.seconds, strict=True)) == {
        first.ticket_id: 180,
        moved.ticket_id: 120 + 360,
    }
    assert hall.service_level.ratio == 1.0
    windows = {w.window_no: w.figures for w in log.windows}
    assert windows[3].tickets.transfers == (moved.ticket_id,) and windows[4].tickets.served == (
        moved.ticket_id,
    )
    assert windows[1].pauses.seconds == 360 and len(windows[1].pauses.event_ids) == 1
    [bad] = log.hall.satisfaction.bad
    assert (bad.ticket_id, bad.reason, bad.window_no, bad.staff_no) == (
        first.ticket_id,
        "态度不好",
        1,
        "C001",
    )

    money, earlier = log.hall.money, before.hall.money
    assert money is not None and earlier is not None
    assert money.gross_fen - earlier.gross_fen == 15000
    assert money.net_fen - earlier.net_fen == 10000
    assert money.reversals == (reversal.payment_id,) and money.reversed_fen == 5000
    assert {kept.payment_id, wrong.payment_id} <= set(money.payments)
    lines = core.daily_log.payments(supervisor, money.reversals)
    assert [(x.receipt_no, x.amount_fen, x.staff_no) for x in lines] == [(reversal.receipt_no, -5000, "C001")]
    assert [t.display_no for t in core.daily_log.tickets(supervisor, hall.no_shows)] == [gone.display_no]
    assert not log.empty


def test_cash_up_difference_and_a_clerk_who_left(core, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    account_id = make_account(core, TWO_BILLS)
    pay(core, clerk, account_id, 10000)
    core.shifts.close(clerk, {10000: 1, 100: 1}, "多收一元")  # one 100-yuan note and one 1-yuan coin
    with core.db.write() as s:
        s.execute(update(Operator).where(Operator.staff_no == "C001").values(active=False))
    log = core.daily_log.day(supervisor)
    [gone] = [c for c in log.clerks if c.staff_no == "C001"]
    assert (gone.name, gone.active) == ("王芳", False)
    cash = gone.figures.cash_up
    assert cash is not None and [line.difference_fen for line in cash.shifts] == [100]
    assert log.hall.cash_up is not None and log.hall.cash_up.with_difference == cash.with_difference


def test_applications_accepted_and_completed_today(core, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    submitted = core.applications.submit(clerk, person_new(), request_id=new_id())
    log = core.daily_log.day(supervisor)
    apps = log.hall.applications
    assert apps is not None and submitted.application_id in apps.accepted
    assert submitted.application_id not in apps.completed
    assert [
        a.application_no for a in core.daily_log.applications(supervisor, (submitted.application_id,))
    ] == [submitted.application_no]
    core.applications.advance(clerk, submitted.application_id, Stage.CANCELLED, version=1, note="客户撤回")
    after = core.daily_log.day(supervisor).hall.applications
    assert after is not None and submitted.application_id not in after.completed_same_day


def test_a_day_without_records_and_admins_may_read_it(core, clock, admin) -> None:  # type: ignore[no-untyped-def]
    quiet = clock.business_date() - timedelta(days=400)
    log = core.daily_log.day(admin, quiet)
    assert log.empty and log.hall.tickets.served == () and log.hall.tickets.service_level.ratio is None
    assert log.hall.money is not None and log.hall.money.net_fen == 0
    assert len(log.series) == 10  # 08:00 … 17:00, the opening hours


@pytest.mark.parametrize("who", ["clerk", "guide"])
def test_front_line_staff_cannot_open_the_log(core, who, request) -> None:  # type: ignore[no-untyped-def]
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        core.daily_log.day(actor)
    with pytest.raises(PermissionDenied):
        core.daily_log.tickets(actor, ())


def test_future_days_and_long_ranges_are_refused(core, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    today = clock.business_date()
    with pytest.raises(InvalidInput) as exc:
        core.daily_log.day(supervisor, today + timedelta(days=1))
    assert (exc.value.reason, exc.value.field) == ("future_day", "day")
    with pytest.raises(InvalidInput) as exc:
        core.daily_log.range(supervisor, today - timedelta(days=365), today)
    assert exc.value.reason == "range_too_long" and exc.value.params["limit"] == 92
    with pytest.raises(InvalidInput) as exc:
        core.daily_log.range(supervisor, today, today - timedelta(days=1))
    assert exc.value.reason == "range_reversed"
    with pytest.raises(InvalidInput) as exc:
        core.daily_log.range(supervisor, today - timedelta(days=3), today + timedelta(days=1))
    assert exc.value.reason == "future_day"
    month = core.daily_log.range(supervisor, today - timedelta(days=29), today)
    assert (month.first_day, month.last_day, len(month.series)) == (today - timedelta(days=29), today, 30)


def test_complaints_and_consultations_behind_the_figures(core, clock, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    asked = core.consultations.record(clerk, ASKED, request_id=new_id())
    clock.advance(minutes=5)
    complaint = core.complaints.receive(second_clerk(core), DRAFT, request_id=new_id())
    clock.advance(minutes=5)
    callback = core.consultations.record(clerk, OPEN, request_id=new_id())
    log = core.daily_log.day(supervisor)
    assert set(log.hall.complaints or ()) == {complaint.complaint_id}
    assert set(log.hall.consultations or ()) == {asked.consultation_id, callback.consultation_id}

    [line] = core.daily_log.complaints(supervisor, (*(log.hall.complaints or ()), new_id(), "nonsense"))
    assert (line.complaint_no, line.cause, line.customer_name, line.step) == (
        complaint.complaint_no,
        "efficiency",
        "孙先生",
        "received",
    )
    assert (line.staff_no, line.clerk_name, line.business_date) == ("C002", "李强", clock.business_date())
    assert line.received_at == datetime(2026, 11, 20, 9, 35) and line.followup_satisfied is None

    lines = core.daily_log.consultations(
        supervisor, (callback.consultation_id, new_id(), asked.consultation_id)
    )
    assert [x.consultation_no for x in lines] == [asked.consultation_no, callback.consultation_no]  # by time
    first, second = lines
    assert (first.answered, first.customer_name, first.question, first.staff_no) == (
        True,
        "王女士",
        ASKED.question,
        "C001",
    )
    assert first.created_at == datetime(2026, 11, 20, 9, 30) and first.clerk_name == "王芳"
    assert not second.answered and second.callback_due_at is not None and second.callback_done_at is None
    assert (
        core.daily_log.complaints(supervisor, ())
        == ()
        == core.daily_log.consultations(supervisor, [new_id()])
    )


@pytest.mark.parametrize("who", ["clerk", "guide"])
def test_front_line_staff_cannot_list_complaints_or_consultations(core, who, request) -> None:  # type: ignore[no-untyped-def]
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        core.daily_log.complaints(actor, ())
    with pytest.raises(PermissionDenied):
        core.daily_log.consultations(actor, ())


def test_admins_may_list_complaints(core, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    received = core.complaints.receive(clerk, DRAFT, request_id=new_id())
    assert [x.complaint_no for x in core.daily_log.complaints(admin, [received.complaint_id])] == [
        received.complaint_no
    ]


def second_clerk(core):  # type: ignore[no-untyped-def]
    """A second clerk, so the complaint's clerk differs from the consultations'."""
    return core.auth.login("C002", "demo1234")
