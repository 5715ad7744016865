"""Queue rules (issue 3 groundwork): ticket states, the call-next policy, the wait estimate."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.errors import ActionRefused
from hallapp.domain.queue import (
    PriorityRatio,
    TicketAction,
    TicketState,
    WaitingTicket,
    WindowCounter,
    WindowRoute,
    choose_next,
    estimate_wait_minutes,
    next_state,
)
from hallapp.domain.settings_catalog import CATALOG
from tests.core.helpers import PROPERTY

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
WINDOW = WindowRoute(3, ("A", "B"))


def ticket(n: int, kind: str = "A", *, priority: bool = False, target: int | None = None) -> WaitingTicket:
    return WaitingTicket(f"t{n:04d}", kind, priority, T0 + timedelta(minutes=n), target)


def test_a_ticket_goes_through_its_states() -> None:
    state = TicketState.WAITING
    for action, expected in (
        (TicketAction.CALL, TicketState.CALLED),
        (TicketAction.RECALL, TicketState.CALLED),
        (TicketAction.START, TicketState.SERVING),
        (TicketAction.FINISH, TicketState.FINISHED),
        (TicketAction.RATE, TicketState.FINISHED),
    ):
        state = next_state(state, action)
        assert state is expected


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (TicketState.FINISHED, TicketAction.FINISH),  # finish twice
        (TicketState.WAITING, TicketAction.FINISH),
        (TicketState.NO_SHOW, TicketAction.CALL),
        (TicketState.WAITING, TicketAction.RATE),
        (TicketState.PARKED, TicketAction.TRANSFER),
    ],
)
def test_impossible_actions_are_refused(state: TicketState, action: TicketAction) -> None:
    with pytest.raises(ActionRefused) as exc:
        next_state(state, action)
    assert exc.value.reason == "ticket_state" and exc.value.params["state"] == state.value


def test_nobody_waiting_gives_none() -> None:
    assert choose_next([], WINDOW, WindowCounter(), PriorityRatio(1, 2)) is None
    assert choose_next([ticket(1, "C")], WINDOW, WindowCounter(), PriorityRatio(1, 2)) is None


def test_transferred_to_this_window_first_and_only_here() -> None:
    waiting = [ticket(1), ticket(2, target=3), ticket(0, target=4)]
    assert choose_next(waiting, WINDOW, WindowCounter(), PriorityRatio(1, 2)).ticket_id == "t0002"
    other = WindowRoute(5, ("A",))
    assert choose_next([ticket(0, target=4)], other, WindowCounter(), PriorityRatio(1, 2)) is None


def test_preferred_type_then_longest_waiting() -> None:
    waiting = [ticket(1, "B"), ticket(3, "A"), ticket(2, "A")]
    assert choose_next(waiting, WINDOW, WindowCounter(), PriorityRatio(1, 2)).ticket_id == "t0002"


def call_sequence(waiting: list[WaitingTicket], ratio: PriorityRatio, calls: int) -> list[bool]:
    counter, pattern = WindowCounter(), []
    for _ in range(calls):
        chosen = choose_next(waiting, WINDOW, counter, ratio)
        if chosen is None:
            break
        waiting.remove(chosen)
        counter = counter.after(chosen, ratio)
        pattern.append(chosen.priority)
    return pattern


def test_one_priority_then_two_normal() -> None:
    waiting = [ticket(n, priority=n % 2 == 0) for n in range(20)]
    assert call_sequence(waiting, PriorityRatio(1, 2), 9) == [True, False, False] * 3


def test_ratio_one_to_zero_serves_priority_first_always() -> None:
    waiting = [ticket(n, priority=n < 3) for n in range(6)]
    assert call_sequence(waiting, PriorityRatio(1, 0), 6) == [True, True, True, False, False, False]


@PROPERTY
@given(
    flags=st.lists(st.booleans(), min_size=1, max_size=60),
    ratio=st.tuples(st.integers(1, 3), st.integers(1, 4)).map(lambda r: PriorityRatio(*r)),
)
def test_neither_class_starves(flags: list[bool], ratio: PriorityRatio) -> None:
    waiting = [ticket(n, priority=flag) for n, flag in enumerate(flags)]
    pattern = call_sequence(list(waiting), ratio, len(waiting))
    assert len(pattern) == len(waiting)  # everyone is called
    remaining_priority, remaining_normal = flags.count(True), flags.count(False)
    run_p = run_n = 0
    for is_priority in pattern:
        both_waiting = remaining_priority > 0 and remaining_normal > 0
        run_p, run_n = (run_p + 1, 0) if is_priority else (0, run_n + 1)
        if both_waiting:  # while both classes wait, runs stay within the ratio
            assert run_p <= ratio.priority and run_n <= ratio.normal
        remaining_priority -= is_priority
        remaining_normal -= not is_priority


def test_wait_estimate() -> None:
    assert estimate_wait_minutes(0, 2, [5.0], 8) == 0
    assert estimate_wait_minutes(5, 2, [], 8) == 20  # the setting's default while there is no history
    assert estimate_wait_minutes(5, 2, [3.0, 4.0, 30.0], 8) == 10  # median, not mean: one slow case
    assert estimate_wait_minutes(3, 0, [4.0], 8) == 12  # no window open yet: as if one


def test_ratio_comes_from_the_setting() -> None:
    values = {d.key: d.parse(d.default) for d in CATALOG}
    assert PriorityRatio.from_settings(values) == PriorityRatio(1, 2)
