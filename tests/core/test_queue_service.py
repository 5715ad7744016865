"""The queue on the hall database (issue 3 groundwork): numbering, calling by policy, no double hand-out."""

import threading

import pytest

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import ActionRefused, InvalidInput, PermissionDenied
from hallapp.domain.queue import TicketAction, TicketState
from tests.core.helpers import outbox_rows


def test_numbers_per_type_and_day(core, guide, clock) -> None:
    first = core.queue.issue(guide, "payment")
    second = core.queue.issue(guide, "payment")
    other = core.queue.issue(guide, "business")
    assert [first.display_no, second.display_no, other.display_no] == ["A001", "A002", "B001"]
    assert (first.ahead, second.ahead) == (0, 1)
    clock.advance(days=1)
    assert core.queue.issue(guide, "payment").display_no == "A001"  # a new business day starts again


def test_bad_issue_requests(core, guide, clerk) -> None:
    with pytest.raises(ActionRefused):
        core.queue.issue(guide, "no_such_type")
    with pytest.raises(InvalidInput):
        core.queue.issue(guide, "payment", priority_reason="vip")
    with pytest.raises(PermissionDenied):
        core.queue.issue(clerk, "payment")


def test_call_next_follows_routing_and_priority(core, guide, clerk) -> None:
    core.queue.issue(guide, "consult")  # window 1 serves payments only
    a1 = core.queue.issue(guide, "payment")
    a2 = core.queue.issue(guide, "payment", priority_reason="military")
    a3 = core.queue.issue(guide, "payment")
    a4 = core.queue.issue(guide, "payment")
    called = [core.queue.call_next(clerk, 1) for _ in range(4)]
    assert [t.display_no for t in called] == [a2.display_no, a1.display_no, a3.display_no, a4.display_no]
    assert core.queue.call_next(clerk, 1) is None  # the consultation waits for window 4
    assert core.queue.call_next(clerk, 4).business_type == "consult"


def test_ticket_actions_and_their_events(core, guide, clerk) -> None:
    core.queue.issue(guide, "payment")
    ticket = core.queue.call_next(clerk, 2)
    assert ticket.state is TicketState.CALLED
    core.queue.act(clerk, ticket.ticket_id, TicketAction.RECALL, 2)
    core.queue.act(clerk, ticket.ticket_id, TicketAction.START, 2)
    done = core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 2)
    assert done.state is TicketState.FINISHED
    with pytest.raises(ActionRefused):
        core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 2)  # finish twice
    kinds = [row.payload for row in outbox_rows(core, "ticket.event") if ticket.ticket_id in row.payload]
    assert [k.split('"kind":"')[1].split('"')[0] for k in kinds] == [
        "issued",
        "called",
        "recall",
        "start",
        "finish",
    ]


def test_a_closed_window_cannot_call(core, clerk) -> None:
    with pytest.raises(ActionRefused) as exc:
        core.queue.call_next(clerk, 9)
    assert exc.value.reason == "window_closed"


def test_yesterdays_ticket_is_refused(core, guide, clerk, clock) -> None:
    core.queue.issue(guide, "payment")
    ticket = core.queue.call_next(clerk, 1)
    clock.advance(days=1)
    with pytest.raises(ActionRefused) as exc:
        core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 1)
    assert exc.value.reason == "ticket_of_another_day"


def test_windows_calling_at_once_never_share_a_ticket(core, guide) -> None:
    for _ in range(40):
        core.queue.issue(guide, "payment")
    clerks = [core.auth.login(no, DEMO_PASSWORD) for no in ("C001", "C002", "C003")]
    got: list[str] = []
    lock = threading.Lock()

    def window(actor, number: int) -> None:  # type: ignore[no-untyped-def]
        while (ticket := core.queue.call_next(actor, number)) is not None:
            with lock:
                got.append(ticket.ticket_id)

    threads = [threading.Thread(target=window, args=(c, n)) for c, n in zip(clerks, (1, 2, 3), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 40 == len(set(got))
