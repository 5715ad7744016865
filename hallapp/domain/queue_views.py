"""What the queue shows people: a ticket, a window, a business type's line, the whole board, and
the events the hall hub pushes to every PC. Plain values; times are the hall's local time.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from hallapp.domain.queue import TicketState

PRIORITY_REASONS = ("military", "elderly", "disabled", "pregnant", "green_channel", "appointment")
RATING_LEVELS = (5, 4, 3, 2, 1)  # 非常满意 … 非常不满意 (DOMAIN_RULES R6.2)
BAD_RATING_MAX = 2  # the bottom two count as 差评 and ask for a reason


@dataclass(frozen=True)
class TicketRow:
    ticket_id: str
    display_no: str
    business_type: str
    state: TicketState
    priority_reason: str | None
    account_no: str | None
    issued_at: datetime
    ahead: int = 0  # people waiting before it for the same business type when issued
    wait_minutes: int = 0  # estimated wait when issued
    window_no: int | None = None  # where it is called or served now
    called_at: datetime | None = None
    phone: str | None = None
    business_type_name: str = ""
    manual: bool = False
    rating: int | None = None
    business_date: date | None = None


@dataclass(frozen=True)
class TypeLine:
    """One business type's line in the hall: who waits, for how long, and the estimate for a newcomer."""

    code: str
    letter: str
    name: str
    waiting: int
    longest_wait_minutes: int
    estimate_minutes: int
    open_windows: int


@dataclass(frozen=True)
class WindowView:
    window_no: int
    name: str
    business_types: tuple[str, ...]
    paused: bool
    current: TicketRow | None


@dataclass(frozen=True)
class CallView:
    display_no: str
    window_no: int
    at: datetime


@dataclass(frozen=True)
class QueueBoard:
    business_date: date
    open: bool
    lines: tuple[TypeLine, ...]
    windows: tuple[WindowView, ...]
    recent_calls: tuple[CallView, ...]  # newest first
    as_of: datetime


class HubMode(StrEnum):
    EMBEDDED = "embedded"  # this PC is the hall's queue authority (one-PC hall, demo)
    ONLINE = "online"  # connected to the hall hub on the LAN
    OFFLINE = "offline"  # the hall hub cannot be reached; retrying


@dataclass(frozen=True)
class HubStatus:
    mode: HubMode
    url: str = ""
    since: datetime | None = None  # offline since
    manual_waiting: int = 0  # manual tickets issued here and not yet handed to the hub


@dataclass(frozen=True)
class QueueEvent:
    """Something happened in the hall's queue. ``kind`` is a ticket event (issued, called, …), a
    queue event (queue_open, queue_close, window_pause, window_resume), or from the connection
    itself (connected, disconnected): then refresh everything."""

    kind: str
    ticket_id: str | None = None
    display_no: str | None = None
    business_type: str | None = None
    window_no: int | None = None
    at: datetime | None = None
    details: dict = field(default_factory=dict)

    def is_call(self) -> bool:
        return self.kind in ("called", "recalled")
