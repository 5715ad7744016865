"""The satisfaction evaluator of one window against a real demo core: it asks after a finish at its own
window only, rates by key or button (with a reason for the bottom two), times out unrated, and shows
the core's refusal when a ticket is rated twice."""

import pytest
from PySide6.QtCore import Qt

from hallapp.db.models import Ticket
from hallapp.domain.errors import ActionRefused
from hallapp.domain.queue import TicketAction
from tests.ui.conftest import wait_ops
from ui.counter import evaluator_window
from ui.counter.evaluator_window import EvaluatorWindow
from ui.errors import message_for


@pytest.fixture
def opened(core, guide):  # type: ignore[no-untyped-def]
    core.queue.set_queue_open(guide, True)
    return core


@pytest.fixture
def make(qtbot, ops, clerk):  # type: ignore[no-untyped-def]
    def make(window_no: int = 1, timeout_seconds: int = 60) -> EvaluatorWindow:
        window = EvaluatorWindow(ops, clerk, window_no, timeout_seconds)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        return window

    return make


def serve(core, guide, clerk, window_no: int, business_type: str = "payment"):  # type: ignore[no-untyped-def]
    """One ticket issued, called, served and finished at the window; the finish is the evaluator's cue."""
    core.queue.issue(guide, business_type)
    row = core.queue.call_next(clerk, window_no)
    core.queue.act(clerk, row.ticket_id, TicketAction.START, window_no)
    core.queue.act(clerk, row.ticket_id, TicketAction.FINISH, window_no)
    return row


def stored(core, ticket_id: str) -> tuple[int | None, str | None]:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        ticket = s.get(Ticket, ticket_id)
        return ticket.rating, ticket.rating_reason


def showing(window: EvaluatorWindow):  # type: ignore[no-untyped-def]
    return window.pages.currentWidget()


def test_it_asks_after_a_finish_at_its_window_only(qtbot, make, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    window = make(window_no=1)
    assert showing(window) is window.idle_page
    assert "1" in window.window_label.text()
    serve(opened, guide, clerk, 4, "business")  # another window's customer
    assert showing(window) is window.idle_page
    row = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    assert window.asking.ticket_id == row.ticket_id
    assert row.display_no in window.ask_ticket.text()
    assert len(window.score_buttons) == 5 and all(b.isEnabled() for b in window.score_buttons.values())


def test_a_bad_rating_by_key_asks_a_reason_and_is_stored(qtbot, ops, make, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    window = make()
    row = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    qtbot.keyClick(window, Qt.Key.Key_4)  # 1 = very satisfied … 4 = dissatisfied (score 2)
    assert showing(window) is window.reason_page
    assert stored(opened, row.ticket_id) == (None, None)  # nothing stored before the reason
    qtbot.mouseClick(window.reason_buttons["等候时间长"], Qt.MouseButton.LeftButton)
    wait_ops(qtbot, ops)
    assert stored(opened, row.ticket_id) == (2, "等候时间长")
    assert showing(window) is window.result_page and window.result.property("role") == "eval-thanks"


def test_a_good_rating_by_key_needs_no_reason(qtbot, ops, make, opened, guide, clerk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evaluator_window, "THANKS_MS", 50)
    window = make()
    row = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    qtbot.keyClick(window, Qt.Key.Key_2)  # satisfied (score 4)
    wait_ops(qtbot, ops)
    assert stored(opened, row.ticket_id) == (4, None)
    qtbot.waitUntil(lambda: showing(window) is window.idle_page)  # the thanks, then idle


def test_a_very_bad_rating_by_button_and_a_reason_key(qtbot, ops, make, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    window = make()
    row = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    qtbot.mouseClick(window.score_buttons[1], Qt.MouseButton.LeftButton)
    assert showing(window) is window.reason_page
    qtbot.keyClick(window, Qt.Key.Key_5)  # the fifth reason: other
    wait_ops(qtbot, ops)
    assert stored(opened, row.ticket_id) == (1, "其他")


def test_nobody_rating_returns_to_idle_unrated(qtbot, ops, make, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    window = make(timeout_seconds=1)
    row = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    qtbot.waitUntil(lambda: showing(window) is window.idle_page, timeout=5000)
    assert window.asking is None
    qtbot.keyClick(window, Qt.Key.Key_1)  # too late: nothing is asked any more
    wait_ops(qtbot, ops)
    assert stored(opened, row.ticket_id) == (None, None)


def test_rating_twice_shows_the_refusal_then_idle(
    qtbot, ops, make, opened, guide, clerk, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evaluator_window, "ERROR_MS", 50)
    window = make()
    row = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    opened.queue.rate(clerk, row.ticket_id, 5)  # rated meanwhile (another evaluator, the hub, …)
    qtbot.keyClick(window, Qt.Key.Key_3)
    wait_ops(qtbot, ops)
    expected = message_for(ActionRefused("already_rated", display_no=row.display_no))
    assert window.result.text() == expected and window.result.property("role") == "eval-error"
    assert stored(opened, row.ticket_id) == (5, None)  # one rating per service
    qtbot.waitUntil(lambda: showing(window) is window.idle_page)


def test_a_new_finish_replaces_the_question(qtbot, ops, make, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    window = make()
    first = serve(opened, guide, clerk, 1)
    qtbot.waitUntil(lambda: showing(window) is window.ask_page)
    qtbot.keyClick(window, Qt.Key.Key_5)  # very dissatisfied: now on the reasons
    second = serve(opened, guide, clerk, 1)
    assert showing(window) is window.ask_page and window.asking.ticket_id == second.ticket_id
    qtbot.keyClick(window, Qt.Key.Key_1)
    wait_ops(qtbot, ops)
    assert stored(opened, second.ticket_id) == (5, None)
    assert stored(opened, first.ticket_id) == (None, None)


def test_esc_does_not_close_it_for_the_customer(qtbot, make, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    window = make()
    first = serve(opened, guide, clerk, 1)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible() and showing(window) is window.ask_page
    window.close()  # the clerk closes it: it stops listening
    serve(opened, guide, clerk, 1)
    assert window.asking.ticket_id == first.ticket_id  # the later finish did not reach it
