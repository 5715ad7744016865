"""The hall queue as work for the worker threads, and its pushed events as a Qt signal.

Queue calls may cross the LAN to the hall hub, so they run on the network lane and never wait
behind a long database job (or hold it up while the hub does not answer).
"""

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from hallapp.domain.hall_time import hall_now
from hallapp.domain.printouts import PaperSize
from hallapp.domain.queue_views import HubStatus, QueueBoard, QueueEvent, TicketRow
from hallapp.domain.records import Actor
from hallapp.services.hall_core import HallCore
from hallapp.services.ticket_doc import ticket_doc
from ui.ops.payments import Printout


@dataclass(frozen=True)
class IssuedTicket:
    row: TicketRow
    printout: Printout


@dataclass(frozen=True)
class GuideView:
    board: QueueBoard | None  # None while the hub cannot be reached
    status: HubStatus
    hours: str = ""  # the hall's business hours, e.g. 08:30–17:30


def ticket_printout(core: HallCore, row: TicketRow, paper: PaperSize, *, reprint: int = 0) -> Printout:
    from hallapp.printing import render_ticket

    at: datetime | None = hall_now() if reprint else None
    doc = ticket_doc(core.settings.values(), row, reprint_at=at, count=reprint)
    return Printout(f"排队号票 {row.display_no}", render_ticket(doc, paper), paper)


def issue_ticket(
    core: HallCore, actor: Actor, business_type: str, extra: dict, paper: PaperSize, *, manual: bool
) -> IssuedTicket:
    issue = core.queue.issue_manual if manual else core.queue.issue
    row = issue(actor, business_type, **extra)
    return IssuedTicket(row, ticket_printout(core, row, paper))


def guide_view(core: HallCore) -> GuideView:
    from hallapp.domain.errors import HubUnavailable

    try:
        board = core.queue.board()
    except HubUnavailable:
        board = None
    values = core.settings.values()
    hours = f"{values['hall.opening_time']:%H:%M}–{values['hall.closing_time']:%H:%M}"
    return GuideView(board, core.queue.status(), hours)


class QueueEvents(QObject):
    """Re-emits the queue's events (from any thread) on the GUI thread."""

    sig_event = Signal(object)  # QueueEvent

    def __init__(self, core: HallCore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = core.queue.subscribe(self._on_event)

    def _on_event(self, event: QueueEvent) -> None:
        self.sig_event.emit(event)  # queued across threads: receivers run on the GUI thread

    def stop(self) -> None:
        self._stop()
