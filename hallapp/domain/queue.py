"""The queue's rules as pure functions (issue 3 groundwork): ticket states, which ticket a window
calls next, and the estimated wait. The hall hub applies them; nothing here knows about storage.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from statistics import median
from typing import Any

from hallapp.domain.errors import ActionRefused


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    PARKED = "parked"
    NO_SHOW = "no_show"
    FINISHED = "finished"


class TicketAction(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    PARK = "park"
    TRANSFER = "transfer"
    NO_SHOW = "no_show"
    FINISH = "finish"
    RATE = "rate"


_S, _A = TicketState, TicketAction
TRANSITIONS: dict[tuple[TicketState, TicketAction], TicketState] = {
    (_S.WAITING, _A.CALL): _S.CALLED,
    (_S.PARKED, _A.CALL): _S.CALLED,
    (_S.CALLED, _A.RECALL): _S.CALLED,
    (_S.CALLED, _A.START): _S.SERVING,
    (_S.CALLED, _A.NO_SHOW): _S.NO_SHOW,
    (_S.CALLED, _A.PARK): _S.PARKED,
    (_S.SERVING, _A.PARK): _S.PARKED,
    (_S.CALLED, _A.TRANSFER): _S.WAITING,  # back in a queue, keeping its issue time and first contact
    (_S.SERVING, _A.TRANSFER): _S.WAITING,
    (_S.CALLED, _A.FINISH): _S.FINISHED,  # served without pressing "start"
    (_S.SERVING, _A.FINISH): _S.FINISHED,
    (_S.FINISHED, _A.RATE): _S.FINISHED,  # once: the caller checks the ticket has no rating yet
}


def next_state(state: TicketState, action: TicketAction) -> TicketState:
    """The state after ``action``, or ActionRefused naming the ticket's state (finish twice, …)."""
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise ActionRefused("ticket_state", state=state.value, action=action.value) from None


@dataclass(frozen=True)
class WaitingTicket:
    ticket_id: str
    business_type: str
    priority: bool  # 军人依法优先, elderly, disabled, pregnant, green channel
    queued_at: datetime  # issue time; a transferred ticket keeps its original one
    target_window: int | None = None  # transferred to one window: only that window calls it


@dataclass(frozen=True)
class WindowRoute:
    window_no: int
    business_types: tuple[str, ...]  # the types this window serves, most preferred first


@dataclass(frozen=True)
class PriorityRatio:
    """``priority`` priority tickets, then up to ``normal`` normal ones, and again (e.g. 1:2)."""

    priority: int
    normal: int

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> "PriorityRatio":
        """One priority ticket, then ``queue.priority_ratio`` normal ones."""
        return cls(1, values["queue.priority_ratio"])


@dataclass(frozen=True)
class WindowCounter:
    """What the window called since its priority run began: the interleaving's memory."""

    priority_in_run: int = 0
    normal_in_run: int = 0

    def after(self, ticket: WaitingTicket, ratio: PriorityRatio) -> "WindowCounter":
        if ticket.priority:
            if self.normal_in_run or self.priority_in_run >= ratio.priority:
                return WindowCounter(1, 0)  # a new run starts
            return WindowCounter(self.priority_in_run + 1, 0)
        return WindowCounter(self.priority_in_run, self.normal_in_run + 1)


def choose_next(
    waiting: Sequence[WaitingTicket], window: WindowRoute, counter: WindowCounter, ratio: PriorityRatio
) -> WaitingTicket | None:
    """The ticket ``window`` calls next, or None when nobody it serves is waiting.

    Tickets transferred to this window come first. Then priority and normal tickets alternate by
    ``ratio`` so neither starves (a class with nobody waiting gives its turn away). Within a class:
    the window's preferred business type first, then the longest waiting.
    """
    rank = {code: i for i, code in enumerate(window.business_types)}
    mine = [t for t in waiting if t.business_type in rank and t.target_window in (None, window.window_no)]
    targeted = [t for t in mine if t.target_window == window.window_no]
    if targeted:
        return min(targeted, key=lambda t: (t.queued_at, t.ticket_id))
    priority = [t for t in mine if t.priority]
    normal = [t for t in mine if not t.priority]
    run_full = ratio.normal > 0 and counter.priority_in_run >= ratio.priority and not counter.normal_in_run
    normals_due = run_full or 0 < counter.normal_in_run < ratio.normal
    prefer = normal if (normals_due and normal) or not priority else priority
    if not prefer:
        return None
    return min(prefer, key=lambda t: (rank[t.business_type], t.queued_at, t.ticket_id))


def estimate_wait_minutes(
    ahead: int, open_windows: int, recent_handling_minutes: Sequence[float], default_minutes: float
) -> int:
    """Minutes until a new ticket is called: the people ahead, shared by the open windows, times the
    median handling time of recent customers (the setting's default while there is no history)."""
    if ahead <= 0:
        return 0
    per_customer = median(recent_handling_minutes) if recent_handling_minutes else default_minutes
    return math.ceil(ahead * per_customer / max(1, open_windows))
