"""What the UI can ask of the hall's queue, whether it runs on this PC (QueueService) or on the
hall hub across the LAN (HubClient). Both offer these methods with the same meaning and errors."""

from collections.abc import Callable
from typing import Any, Protocol

from hallapp.domain.queue import TicketAction
from hallapp.domain.queue_views import HubStatus, QueueBoard, QueueEvent, TicketRow, WindowView
from hallapp.domain.records import Actor


class QueuePort(Protocol):
    def status(self) -> HubStatus: ...

    def subscribe(self, listener: Callable[[QueueEvent], None]) -> Callable[[], None]: ...

    def issue(self, actor: Actor, business_type: str, **extra: Any) -> TicketRow: ...

    def issue_manual(self, actor: Actor, business_type: str, **extra: Any) -> TicketRow: ...

    def call_next(self, actor: Actor, window_no: int) -> TicketRow | None: ...

    def act(self, actor: Actor, ticket_id: str, action: TicketAction, window_no: int) -> TicketRow: ...

    def transfer(
        self,
        actor: Actor,
        ticket_id: str,
        window_no: int,
        *,
        to_type: str | None = None,
        to_window: int | None = None,
    ) -> TicketRow: ...

    def rate(self, actor: Actor, ticket_id: str, score: int, reason: str = "") -> TicketRow: ...

    def set_queue_open(self, actor: Actor, open_: bool) -> QueueBoard: ...

    def set_window_paused(self, actor: Actor, window_no: int, paused: bool) -> WindowView: ...

    def board(self) -> QueueBoard: ...

    def window(self, window_no: int) -> WindowView: ...

    def parked(self, window_no: int) -> list[TicketRow]: ...

    def close(self) -> None: ...
