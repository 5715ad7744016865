"""Queue helpers inside a write transaction: a window's route, its interleaving memory, and manual
tickets (numbered on a PC while the hub was away) taken into the hub's queue.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import BusinessTypeRow, ServiceWindow, Ticket, TicketEvent
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.queue import PriorityRatio, TicketState, WaitingTicket, WindowCounter, WindowRoute
from hallapp.domain.queue_views import PRIORITY_REASONS
from hallapp.services import queue_reads, reference_cache

MAX_MANUAL_BATCH = 500


def route(
    s: Session, hall_id: str, window_no: int, today: date, *, allow_paused: bool = False
) -> WindowRoute:
    window = reference_cache.cached(s, "windows", _load_windows).get((hall_id, window_no))
    if window is None or not window.active:
        raise ActionRefused("window_closed", window_no=window_no)
    if not allow_paused and window_no in queue_reads.paused_windows(s, hall_id, today):
        raise ActionRefused("window_paused", window_no=window_no)
    return WindowRoute(window_no, tuple(window.business_types))


@dataclass(frozen=True)
class _Window:
    active: bool
    business_types: tuple[str, ...]


def _load_windows(s: Session) -> dict[tuple[str, int], _Window]:
    rows = s.execute(
        select(
            ServiceWindow.hall_id, ServiceWindow.number, ServiceWindow.active, ServiceWindow.business_types
        )
    )
    return {(r.hall_id, r.number): _Window(r.active, tuple(r.business_types)) for r in rows}


def window_counter(s: Session, day: date, window_no: int, ratio: PriorityRatio) -> WindowCounter:
    """Where the window's interleaving stands, replayed from its latest calls today (recalls do not
    count). Only the last ``priority + normal + 1`` calls can change the next choice: a priority
    call resets the run, and past ``normal`` normal calls the exact count no longer matters."""
    latest = s.execute(
        select(Ticket.priority_reason)
        .join(TicketEvent, TicketEvent.ticket_id == Ticket.ticket_id)
        .where(TicketEvent.window_no == window_no, TicketEvent.kind == "called", Ticket.business_date == day)
        .order_by(TicketEvent.at.desc(), TicketEvent.event_id.desc())
        .limit(ratio.priority + ratio.normal + 1)
    ).all()
    counter = WindowCounter()
    for (reason,) in reversed(latest):
        counter = counter.after(WaitingTicket("", "", reason is not None, datetime.min), ratio)
    return counter


def candidates(s: Session, hall_id: str, today: date, window: WindowRoute) -> list[WaitingTicket]:
    """The only tickets ``choose_next`` can pick for ``window``: the oldest one transferred to it,
    and the oldest priority and oldest normal ticket of each type it serves (a few indexed reads
    instead of loading the whole waiting line)."""
    columns = (
        Ticket.ticket_id,
        Ticket.queue_type,
        Ticket.priority_reason,
        Ticket.issued_at,
        Ticket.target_window,
    )
    base = select(*columns).where(
        Ticket.hall_id == hall_id, Ticket.business_date == today, Ticket.state == TicketState.WAITING.value
    )
    oldest = (Ticket.issued_at, Ticket.ticket_id)
    queries = [base.where(Ticket.target_window == window.window_no).order_by(*oldest).limit(1)]
    for code in window.business_types:
        for priority in (Ticket.priority_reason.is_not(None), Ticket.priority_reason.is_(None)):
            line = base.where(Ticket.queue_type == code, Ticket.target_window.is_(None), priority)
            queries.append(line.order_by(*oldest).limit(1))
    found = [s.execute(q).first() for q in queries]
    return [
        WaitingTicket(
            row.ticket_id, row.queue_type, row.priority_reason is not None, row.issued_at, row.target_window
        )
        for row in found
        if row is not None
    ]


@dataclass(frozen=True)
class ManualTicket:
    """A manual ticket as a PC hands it to the hub (and as it travels over the LAN)."""

    ticket_id: str
    business_date: date
    business_type: str
    number: int
    display_no: str
    issuing_device_id: str
    issued_at: datetime  # UTC
    priority_reason: str | None = None
    account_no: str | None = None
    phone: str | None = None

    @classmethod
    def of(cls, t: Ticket) -> "ManualTicket":
        return cls(
            t.ticket_id,
            t.business_date,
            t.business_type,
            t.number,
            t.display_no,
            t.issuing_device_id,
            t.issued_at,
            t.priority_reason,
            t.account_no,
            t.phone,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["business_date"] = self.business_date.isoformat()
        data["issued_at"] = self.issued_at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ManualTicket":
        try:
            ticket = cls(
                ticket_id=str(data["ticket_id"]),
                business_date=date.fromisoformat(data["business_date"]),
                business_type=str(data["business_type"]),
                number=int(data["number"]),
                display_no=str(data["display_no"]),
                issuing_device_id=str(data["issuing_device_id"]),
                issued_at=datetime.fromisoformat(data["issued_at"]),
                priority_reason=data.get("priority_reason"),
                account_no=data.get("account_no"),
                phone=data.get("phone"),
            )
        except (KeyError, TypeError, ValueError):
            raise InvalidInput("tickets", "malformed_ticket") from None
        if ticket.issued_at.tzinfo is None or not 0 < ticket.number < 10_000 or len(ticket.display_no) > 12:
            raise InvalidInput("tickets", "malformed_ticket")
        if ticket.priority_reason not in (None, *PRIORITY_REASONS) or len(ticket.ticket_id) > 36:
            raise InvalidInput("tickets", "malformed_ticket")
        return ticket


@dataclass(frozen=True)
class Held:
    ids: list[str]  # every ticket of the batch the hub now holds (new or from an earlier try)
    new: list[Ticket]  # inserted by this call


def insert_manual(s: Session, hall_id: str, tickets: list[ManualTicket], today: date) -> Held:
    """Insert the batch's tickets of today that the hub does not hold yet; a retry inserts nothing."""
    if len(tickets) > MAX_MANUAL_BATCH:
        raise InvalidInput("tickets", "batch_too_large", limit=MAX_MANUAL_BATCH)
    known_types = set(s.scalars(select(BusinessTypeRow.code)))
    ids, new = [], []
    for m in tickets:
        if m.business_type not in known_types:
            raise InvalidInput("tickets", "malformed_ticket")
        if s.get(Ticket, m.ticket_id) is not None:
            ids.append(m.ticket_id)
            continue
        if m.business_date != today:
            continue  # yesterday's manual ticket: the customer is gone; the PC's own outbox has it
        ticket = Ticket(
            ticket_id=m.ticket_id,
            hall_id=hall_id,
            business_date=m.business_date,
            business_type=m.business_type,
            queue_type=m.business_type,
            number=m.number,
            display_no=m.display_no,
            issuing_device_id=m.issuing_device_id,
            state=TicketState.WAITING.value,
            priority_reason=m.priority_reason,
            account_no=m.account_no,
            phone=m.phone,
            issued_at=m.issued_at,
            manual=True,
        )
        s.add(ticket)
        ids.append(m.ticket_id)
        new.append(ticket)
    s.flush()
    return Held(ids, new)
