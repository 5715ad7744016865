"""The queue on the hall database: numbering, calling by policy, actions, transfer, rating, pauses,
the board, manual tickets, and no double hand-out."""

import json
import threading

import pytest

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound, PermissionDenied
from hallapp.domain.queue import TicketAction, TicketState
from hallapp.services.hall_core import HallCore
from tests.core.helpers import audit_rows, outbox_rows, second_pc, write_counts


@pytest.fixture
def opened(core, guide):  # type: ignore[no-untyped-def]
    core.queue.set_queue_open(guide, True)
    return core


def kinds_of(core, ticket_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    payloads = [json.loads(row.payload) for row in outbox_rows(core, "ticket.event")]
    return [p["kind"] for p in payloads if p["ticket_id"] == ticket_id]


def test_numbers_per_type_and_day(opened, guide, clock) -> None:
    first = opened.queue.issue(guide, "payment")
    second = opened.queue.issue(guide, "payment")
    other = opened.queue.issue(guide, "business")
    assert [first.display_no, second.display_no, other.display_no] == ["A001", "A002", "B001"]
    assert (first.ahead, second.ahead) == (0, 1)
    assert second.wait_minutes > 0 and first.wait_minutes == 0
    clock.advance(days=1)
    opened.queue.set_queue_open(guide, True)  # a new day starts closed
    assert opened.queue.issue(guide, "payment").display_no == "A001"


def test_numbers_continue_after_a_restart(opened, guide, demo_path, clock) -> None:
    opened.queue.issue(guide, "payment")
    opened.close()
    again = HallCore.open(demo_path, clock=clock)
    try:
        assert again.queue.issue(again.auth.login("G001", DEMO_PASSWORD), "payment").display_no == "A002"
    finally:
        again.close()


def test_issuing_needs_an_open_queue_and_opening_is_logged(core, guide, clerk) -> None:
    with pytest.raises(ActionRefused) as exc:
        core.queue.issue(guide, "payment")
    assert exc.value.reason == "queue_closed"
    board = core.queue.set_queue_open(guide, True)
    assert board.open
    with pytest.raises(ActionRefused) as exc:
        core.queue.set_queue_open(guide, True)
    assert exc.value.reason == "queue_already_open"
    with pytest.raises(PermissionDenied):
        core.queue.set_queue_open(clerk, False)
    ticket = core.queue.issue(guide, "payment")
    assert not core.queue.set_queue_open(guide, False).open
    with pytest.raises(ActionRefused):
        core.queue.issue(guide, "payment")
    assert core.queue.call_next(clerk, 1).ticket_id == ticket.ticket_id  # closing stops issuing only
    assert [row.action for row in audit_rows(core) if row.action.startswith("queue.")] == [
        "queue.queue_open",
        "queue.queue_close",
    ]
    assert len(outbox_rows(core, "queue.log")) == 2


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"business_type": "no_such_type"}, "business_type_closed"),
        ({"business_type": "payment", "priority_reason": "vip"}, "unknown_priority"),
        ({"business_type": "payment", "account_no": "12345"}, "bad_account_no"),
        ({"business_type": "payment", "account_no": "32010000ab"}, "bad_account_no"),
        ({"business_type": "payment", "phone": "1380013800"}, "bad_phone"),
        ({"business_type": "payment", "phone": "138\x000013800"}, "control_chars"),
        ({"business_type": "payment", "phone": "9" * 5000}, "bad_phone"),
    ],
)
def test_bad_issue_requests_change_nothing(opened, guide, kwargs, reason) -> None:
    before = write_counts(opened)
    with pytest.raises((ActionRefused, InvalidInput)) as exc:
        opened.queue.issue(guide, **kwargs)
    assert exc.value.params["reason"] == reason
    assert write_counts(opened) == before


def test_only_guides_and_supervisors_issue(opened, clerk) -> None:
    with pytest.raises(PermissionDenied):
        opened.queue.issue(clerk, "payment")


def test_captured_account_and_phone_come_back_on_call(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment", account_no="3201 000 001", phone="138-0013-8000")
    called = opened.queue.call_next(clerk, 1)
    assert (called.account_no, called.phone, called.window_no) == ("3201000001", "13800138000", 1)
    assert called.business_type_name == "缴费"


def test_call_next_follows_routing_and_priority(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "consult")  # window 1 serves payments only
    a1 = opened.queue.issue(guide, "payment")
    a2 = opened.queue.issue(guide, "payment", priority_reason="military")
    a3 = opened.queue.issue(guide, "payment")
    a4 = opened.queue.issue(guide, "payment")
    called = []
    for _ in range(4):
        ticket = opened.queue.call_next(clerk, 1)
        opened.queue.act(clerk, ticket.ticket_id, TicketAction.START, 1)
        called.append(ticket.display_no)
    assert called == [a2.display_no, a1.display_no, a3.display_no, a4.display_no]
    assert opened.queue.call_next(clerk, 1) is None  # the consultation waits for window 4
    assert opened.queue.call_next(clerk, 4).business_type == "consult"


def test_ticket_actions_and_their_events(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment")
    ticket = opened.queue.call_next(clerk, 2)
    assert ticket.state is TicketState.CALLED
    opened.queue.act(clerk, ticket.ticket_id, TicketAction.RECALL, 2)
    opened.queue.act(clerk, ticket.ticket_id, TicketAction.START, 2)
    done = opened.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 2)
    assert done.state is TicketState.FINISHED and done.window_no is None
    with pytest.raises(ActionRefused) as exc:
        opened.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 2)  # finish twice
    assert exc.value.reason == "ticket_state"
    assert kinds_of(opened, ticket.ticket_id) == ["issued", "called", "recalled", "started", "finished"]


def test_call_next_finishes_the_customer_being_served(opened, guide, clerk) -> None:
    first = opened.queue.issue(guide, "payment")
    opened.queue.issue(guide, "payment")
    opened.queue.call_next(clerk, 1)
    with pytest.raises(ActionRefused) as exc:
        opened.queue.call_next(clerk, 1)  # called but never started: no-show or finish it first
    assert exc.value.reason == "window_has_called"
    opened.queue.act(clerk, first.ticket_id, TicketAction.START, 1)
    second = opened.queue.call_next(clerk, 1)
    assert second.display_no == "A002"
    assert kinds_of(opened, first.ticket_id)[-1] == "finished"


def test_another_window_cannot_act_on_a_ticket(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment")
    ticket = opened.queue.call_next(clerk, 1)
    for action in (TicketAction.FINISH, TicketAction.NO_SHOW, TicketAction.RECALL):
        with pytest.raises(ActionRefused) as exc:
            opened.queue.act(clerk, ticket.ticket_id, action, 2)
        assert exc.value.reason == "ticket_at_other_window"
    with pytest.raises(NotFound):
        opened.queue.act(clerk, "no-such-ticket", TicketAction.FINISH, 1)
    with pytest.raises(InvalidInput):
        opened.queue.act(clerk, ticket.ticket_id, TicketAction.TRANSFER, 1)


def test_no_show_and_park_then_resume(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment")
    opened.queue.issue(guide, "payment")
    gone = opened.queue.call_next(clerk, 1)
    assert opened.queue.act(clerk, gone.ticket_id, TicketAction.NO_SHOW, 1).state is TicketState.NO_SHOW
    parked = opened.queue.call_next(clerk, 1)
    opened.queue.act(clerk, parked.ticket_id, TicketAction.START, 1)
    opened.queue.act(clerk, parked.ticket_id, TicketAction.PARK, 1)
    assert [t.display_no for t in opened.queue.parked(1)] == [parked.display_no]
    assert opened.queue.call_next(clerk, 1) is None  # a parked ticket is not in the queue
    with pytest.raises(ActionRefused):
        opened.queue.act(clerk, parked.ticket_id, TicketAction.CALL, 2)  # parked at window 1
    back = opened.queue.act(clerk, parked.ticket_id, TicketAction.CALL, 1)
    assert back.state is TicketState.CALLED and opened.queue.parked(1) == []


def test_picking_a_ticket_needs_the_setting(opened, guide, clerk, admin) -> None:
    opened.queue.issue(guide, "payment")
    later = opened.queue.issue(guide, "payment")
    with pytest.raises(ActionRefused) as exc:
        opened.queue.act(clerk, later.ticket_id, TicketAction.CALL, 1)
    assert exc.value.reason == "pick_not_allowed"
    assert opened.queue.waiting(1) == []  # nothing to pick from while picking is off
    opened.settings.update(admin, {"queue.allow_pick": True})
    assert [t.display_no for t in opened.queue.waiting(1)] == ["A001", "A002"]
    assert opened.queue.waiting(4) == []  # window 4 serves no payments
    with pytest.raises(ActionRefused):
        opened.queue.act(clerk, later.ticket_id, TicketAction.CALL, 4)  # window 4 serves no payments
    assert opened.queue.act(clerk, later.ticket_id, TicketAction.CALL, 1).display_no == "A002"


def test_transfer_keeps_place_and_first_contact(opened, guide, clerk, clock) -> None:
    early = opened.queue.issue(guide, "payment")
    clock.advance(minutes=5)
    opened.queue.issue(guide, "business")
    ticket = opened.queue.call_next(clerk, 1)
    assert ticket.ticket_id == early.ticket_id
    moved = opened.queue.transfer(clerk, ticket.ticket_id, 1, to_type="business")
    assert (moved.state, moved.business_type, moved.window_no) == (TicketState.WAITING, "business", None)
    other = opened.auth.login("C002", DEMO_PASSWORD)
    again = opened.queue.call_next(other, 4)
    assert again.ticket_id == early.ticket_id  # issued first, so first in its new line
    assert again.issued_at == early.issued_at
    payloads = [json.loads(r.payload) for r in outbox_rows(opened, "ticket.event")]
    last = [p for p in payloads if p["ticket_id"] == early.ticket_id][-1]
    assert last["first_contact_staff_no"] == "C001"
    assert kinds_of(opened, early.ticket_id) == ["issued", "called", "transferred", "called"]


def test_transfer_to_one_window(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment")
    opened.queue.issue(guide, "payment")
    ticket = opened.queue.call_next(clerk, 1)
    opened.queue.transfer(clerk, ticket.ticket_id, 1, to_window=3)
    assert opened.queue.call_next(clerk, 2).ticket_id != ticket.ticket_id  # only window 3 calls it
    assert opened.queue.call_next(clerk, 3).ticket_id == ticket.ticket_id


def test_bad_transfers_are_refused(opened, guide, clerk, admin) -> None:
    opened.queue.issue(guide, "payment")
    ticket = opened.queue.call_next(clerk, 1)
    cases = [
        ({}, "transfer_target_missing"),
        ({"to_type": "no_such_type"}, "business_type_closed"),
        ({"to_window": 9}, "window_closed"),
        ({"to_window": 4}, "window_does_not_serve"),  # window 4 serves no payments
    ]
    opened.queue.set_window_paused(clerk, 2, True)
    cases.append(({"to_window": 2}, "window_paused"))
    for kwargs, reason in cases:
        with pytest.raises((ActionRefused, InvalidInput)) as exc:
            opened.queue.transfer(clerk, ticket.ticket_id, 1, **kwargs)
        assert exc.value.params["reason"] == reason
    assert opened.queue.window(1).current.ticket_id == ticket.ticket_id  # nothing moved


def test_rating_once_with_a_reason_for_bad_ones(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment")
    ticket = opened.queue.call_next(clerk, 1)
    with pytest.raises(ActionRefused):
        opened.queue.rate(clerk, ticket.ticket_id, 5)  # not finished yet
    opened.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 1)
    for score, reason, why in (
        (0, "", "rating_out_of_range"),
        (6, "", "rating_out_of_range"),
        (2, "  ", "empty"),
    ):
        with pytest.raises(InvalidInput) as exc:
            opened.queue.rate(clerk, ticket.ticket_id, score, reason)
        assert exc.value.reason == why
    rated = opened.queue.rate(clerk, ticket.ticket_id, 2, "等候时间长")
    assert rated.rating == 2
    with pytest.raises(ActionRefused) as exc:
        opened.queue.rate(clerk, ticket.ticket_id, 5)
    assert exc.value.reason == "already_rated"
    assert kinds_of(opened, ticket.ticket_id)[-1] == "rated"


def test_pause_and_resume_a_window(opened, guide, clerk) -> None:
    opened.queue.issue(guide, "payment")
    assert opened.queue.set_window_paused(clerk, 1, True).paused
    with pytest.raises(ActionRefused) as exc:
        opened.queue.call_next(clerk, 1)
    assert exc.value.reason == "window_paused"
    with pytest.raises(ActionRefused):
        opened.queue.set_window_paused(clerk, 1, True)
    board = opened.queue.board()
    assert next(line for line in board.lines if line.code == "payment").open_windows == 2  # windows 2 and 3
    assert not opened.queue.set_window_paused(clerk, 1, False).paused
    ticket = opened.queue.call_next(clerk, 1)
    with pytest.raises(ActionRefused) as exc:
        opened.queue.set_window_paused(clerk, 1, True)  # a customer stands at the window
    assert exc.value.reason == "window_busy"
    assert opened.queue.window(1).current.ticket_id == ticket.ticket_id


def test_the_board(opened, guide, clerk, clock) -> None:
    opened.queue.issue(guide, "payment")
    clock.advance(minutes=7)
    opened.queue.issue(guide, "payment")
    opened.queue.issue(guide, "consult")
    called = opened.queue.call_next(clerk, 1)
    clock.advance(minutes=3)
    board = opened.queue.board()
    lines = {line.code: line for line in board.lines}
    assert (lines["payment"].waiting, lines["consult"].waiting, lines["business"].waiting) == (1, 1, 0)
    assert lines["payment"].longest_wait_minutes == 3
    assert lines["consult"].longest_wait_minutes == 3
    assert board.recent_calls[0].display_no == called.display_no and board.recent_calls[0].window_no == 1
    assert {w.window_no: (w.current.display_no if w.current else None) for w in board.windows} == {
        1: "A001",
        2: None,
        3: None,
        4: None,
    }


def test_estimate_learns_from_handling_times(opened, guide, clerk, clock) -> None:
    for _ in range(6):
        opened.queue.issue(guide, "consult")  # only window 4 serves consultations
    for _ in range(3):
        ticket = opened.queue.call_next(clerk, 4)
        opened.queue.act(clerk, ticket.ticket_id, TicketAction.START, 4)
        clock.advance(minutes=12)
        opened.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 4)
    line = next(line for line in opened.queue.board().lines if line.code == "consult")
    assert (line.waiting, line.open_windows, line.estimate_minutes) == (3, 1, 36)
    assert opened.queue.issue(guide, "consult").wait_minutes == 36


def test_events_reach_subscribers(opened, guide, clerk) -> None:
    seen = []
    stop = opened.queue.subscribe(seen.append)
    opened.queue.issue(guide, "payment")
    opened.queue.call_next(clerk, 3)
    stop()
    opened.queue.issue(guide, "payment")
    assert [(e.kind, e.display_no, e.window_no) for e in seen] == [
        ("issued", "A001", None),
        ("called", "A001", 3),
    ]
    assert seen[1].is_call()


def test_yesterdays_ticket_is_refused(opened, guide, clerk, clock) -> None:
    opened.queue.issue(guide, "payment")
    ticket = opened.queue.call_next(clerk, 1)
    clock.advance(days=1)
    with pytest.raises(ActionRefused) as exc:
        opened.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 1)
    assert exc.value.reason == "ticket_of_another_day"
    assert opened.queue.call_next(clerk, 1) is None  # yesterday's waiting tickets are not called today


def test_manual_tickets_are_numbered_here_and_merged_once(
    demo_template, tmp_path, opened, guide, clock
) -> None:
    pc = second_pc(demo_template, tmp_path, clock)
    try:
        pc_guide = pc.auth.login("G001", DEMO_PASSWORD)
        first = pc.queue.issue_manual(pc_guide, "payment")
        pc.queue.issue_manual(pc_guide, "business", priority_reason="elderly")
        assert first.display_no == "02-A001" and first.manual
        pending = pc.queue.pending_manual()
        assert len(pending) == 2
        opened.queue.issue(guide, "payment")  # the hub's own A001
        held = opened.queue.merge_manual(guide, pending)
        assert held == opened.queue.merge_manual(guide, pending)  # a retry adds nothing
        pc.queue.mark_merged(held)
        assert pc.queue.pending_manual() == []
        line = next(line for line in opened.queue.board().lines if line.code == "payment")
        assert line.waiting == 2
    finally:
        pc.close()


def test_windows_calling_at_once_never_share_a_ticket(opened, guide) -> None:
    for _ in range(40):
        opened.queue.issue(guide, "payment")
    clerks = [opened.auth.login(no, DEMO_PASSWORD) for no in ("C001", "C002", "C003")]
    got: list[str] = []
    lock = threading.Lock()

    def window(actor, number: int) -> None:  # type: ignore[no-untyped-def]
        while (ticket := opened.queue.call_next(actor, number)) is not None:
            opened.queue.act(actor, ticket.ticket_id, TicketAction.START, number)
            with lock:
                got.append(ticket.ticket_id)

    threads = [threading.Thread(target=window, args=(c, n)) for c, n in zip(clerks, (1, 2, 3), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 40 == len(set(got))


def test_a_clock_set_back_never_puts_a_newcomer_first(opened, guide, clerk, clock) -> None:
    first = opened.queue.issue(guide, "payment")
    clock.advance(minutes=-30)  # someone set the PC clock back
    second = opened.queue.issue(guide, "payment")
    assert second.issued_at >= first.issued_at
    assert opened.queue.call_next(clerk, 1).ticket_id == first.ticket_id
    clock.advance(days=1)  # the clock jumps to tomorrow: today's tickets are not called there
    assert opened.queue.call_next(clerk, 2) is None


def test_manual_numbers_never_collide_with_the_hubs_own(opened, guide) -> None:
    hub_ticket = opened.queue.issue(guide, "payment")
    manual = opened.queue.issue_manual(guide, "payment")
    assert (hub_ticket.display_no, manual.display_no) == ("A001", "01-A001")  # both number 1, two series
