"""The hall's queue on the hub's database (issue 3 groundwork): issue, call next, act on a ticket.

Every change is one write transaction (BEGIN IMMEDIATE), so two windows calling at once are
served one after the other and never get the same ticket. The window's priority interleaving is
replayed from today's calls, so it survives restarts without a table of its own.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.db.models import BusinessTypeRow, ServiceWindow, Ticket, TicketEvent
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.permissions import Permission, require
from hallapp.domain.queue import (
    PriorityRatio,
    TicketAction,
    TicketState,
    WaitingTicket,
    WindowCounter,
    WindowRoute,
    choose_next,
    next_state,
)
from hallapp.domain.records import Actor
from hallapp.services import numbers
from hallapp.services.context import ServiceBase
from hallapp.services.settings_service import values_in
from hallapp.sync import outbox

PRIORITY_REASONS = ("military", "elderly", "disabled", "pregnant", "green_channel", "appointment")


@dataclass(frozen=True)
class TicketRow:
    ticket_id: str
    display_no: str
    business_type: str
    state: TicketState
    priority_reason: str | None
    account_no: str | None
    issued_at: datetime  # hall time
    ahead: int  # people waiting before it for the same business type when issued


class QueueService(ServiceBase):
    def issue(
        self,
        actor: Actor,
        business_type: str,
        *,
        priority_reason: str | None = None,
        account_no: str | None = None,
    ) -> TicketRow:
        require(actor.role, Permission.ISSUE_TICKET)
        if priority_reason is not None and priority_reason not in PRIORITY_REASONS:
            raise InvalidInput("priority_reason", "unknown_priority")
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            kind = s.get(BusinessTypeRow, business_type)
            if kind is None or not kind.active:
                raise ActionRefused("business_type_closed", business_type=business_type)
            number = numbers.take(s, f"ticket:{kind.code}:{today.isoformat()}", kind.letter)
            ahead = _waiting(s, self.device.hall_id, today, kind.code)
            ticket = Ticket(
                ticket_id=new_id(),
                hall_id=self.device.hall_id,
                business_date=today,
                business_type=kind.code,
                number=number,
                display_no=f"{kind.letter}{number:03d}",
                issuing_device_id=self.device.device_id,
                state=TicketState.WAITING.value,
                priority_reason=priority_reason,
                account_no=account_no,
                issued_at=now,
            )
            s.add(ticket)
            _event(s, ticket, "issued", actor, now, window_no=None)
            return _row(ticket, ahead)

    def call_next(self, actor: Actor, window_no: int) -> TicketRow | None:
        """The next ticket for ``window_no`` by the policy, now called there; None when nobody waits."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            route = _route(s, self.device.hall_id, window_no)
            ratio = PriorityRatio.from_settings(values_in(s))
            waiting = s.scalars(
                select(Ticket).where(
                    Ticket.hall_id == self.device.hall_id,
                    Ticket.business_date == today,
                    Ticket.state == TicketState.WAITING.value,
                )
            ).all()
            by_id = {t.ticket_id: t for t in waiting}
            counter = _window_counter(s, today, window_no, ratio)
            chosen = choose_next([_waiting_ticket(t) for t in waiting], route, counter, ratio)
            if chosen is None:
                return None
            ticket = by_id[chosen.ticket_id]
            ticket.state = next_state(TicketState(ticket.state), TicketAction.CALL).value
            _event(s, ticket, "called", actor, now, window_no=window_no)
            return _row(ticket, 0)

    def act(self, actor: Actor, ticket_id: str, action: TicketAction, window_no: int) -> TicketRow:
        """Recall, start, no-show, park or finish a ticket the window has called."""
        require(actor.role, Permission.SERVE_COUNTER)
        if action in (TicketAction.CALL, TicketAction.TRANSFER, TicketAction.RATE):
            raise InvalidInput("action", "not_a_counter_action")
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFound(ticket_id=ticket_id)
            if ticket.business_date != today:
                raise ActionRefused("ticket_of_another_day", display_no=ticket.display_no)
            ticket.state = next_state(TicketState(ticket.state), action).value
            _event(s, ticket, action.value, actor, now, window_no=window_no)
            return _row(ticket, 0)


def _route(s: Session, hall_id: str, window_no: int) -> WindowRoute:
    window = s.scalars(
        select(ServiceWindow).where(ServiceWindow.hall_id == hall_id, ServiceWindow.number == window_no)
    ).first()
    if window is None or not window.active:
        raise ActionRefused("window_closed", window_no=window_no)
    return WindowRoute(window.number, tuple(window.business_types))


def _waiting(s: Session, hall_id: str, day: Any, business_type: str) -> int:
    return (
        s.scalar(
            select(func.count()).where(
                Ticket.hall_id == hall_id,
                Ticket.business_date == day,
                Ticket.business_type == business_type,
                Ticket.state == TicketState.WAITING.value,
            )
        )
        or 0
    )


def _window_counter(s: Session, day: Any, window_no: int, ratio: PriorityRatio) -> WindowCounter:
    """Replay today's calls at this window (recalls do not count) to know where its interleaving stands."""
    called = s.execute(
        select(Ticket.priority_reason)
        .join(TicketEvent, TicketEvent.ticket_id == Ticket.ticket_id)
        .where(Ticket.business_date == day, TicketEvent.kind == "called", TicketEvent.window_no == window_no)
        .order_by(TicketEvent.at, TicketEvent.event_id)
    ).all()
    counter = WindowCounter()
    for (reason,) in called:
        counter = counter.after(WaitingTicket("", "", reason is not None, datetime.min), ratio)
    return counter


def _waiting_ticket(t: Ticket) -> WaitingTicket:
    return WaitingTicket(t.ticket_id, t.business_type, t.priority_reason is not None, t.issued_at)


def _event(
    s: Session, ticket: Ticket, kind: str, actor: Actor, at: datetime, *, window_no: int | None
) -> None:
    seq = (
        s.scalar(select(func.max(TicketEvent.seq)).where(TicketEvent.ticket_id == ticket.ticket_id)) or 0
    ) + 1
    event = TicketEvent(
        event_id=new_id(),
        ticket_id=ticket.ticket_id,
        seq=seq,
        kind=kind,
        at=at,
        window_no=window_no,
        staff_no=actor.staff_no,
        details={},
    )
    s.add(event)
    s.flush()
    outbox.append(
        s,
        at=at,
        op_type="ticket.event",
        entity="ticket",
        entity_id=ticket.ticket_id,
        actor=actor,
        payload={
            "ticket_id": ticket.ticket_id,
            "hall_id": ticket.hall_id,
            "business_date": ticket.business_date.isoformat(),
            "business_type": ticket.business_type,
            "number": ticket.number,
            "display_no": ticket.display_no,
            "issuing_device_id": ticket.issuing_device_id,
            "seq": seq,
            "kind": kind,
            "at": at.isoformat(),
            "window_no": window_no,
            "state": ticket.state,
        },
    )


def _row(ticket: Ticket, ahead: int) -> TicketRow:
    return TicketRow(
        ticket.ticket_id,
        ticket.display_no,
        ticket.business_type,
        TicketState(ticket.state),
        ticket.priority_reason,
        ticket.account_no,
        to_hall_time(ticket.issued_at),
        ahead,
    )
