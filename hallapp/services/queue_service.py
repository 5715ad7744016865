"""The hall's queue on the hub's database: issue, call, act on, transfer and rate tickets; open and
close the queue; pause windows.

Every change is one write transaction (BEGIN IMMEDIATE), so two windows calling at once are
served one after the other and never get the same ticket. The window's priority interleaving is
replayed from today's calls, so it survives restarts without a table of its own. Each committed
change is handed to ``publish`` as QueueEvents (the hub pushes them to every PC of the hall).
"""

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.db.engine import Database
from hallapp.db.models import BusinessTypeRow, QueueLog, Ticket, TicketEvent
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound
from hallapp.domain.ids import new_id
from hallapp.domain.payments import clean_note
from hallapp.domain.permissions import Permission, require
from hallapp.domain.queue import (
    PriorityRatio,
    TicketAction,
    TicketState,
    choose_next,
    next_state,
)
from hallapp.domain.queue_views import (
    BAD_RATING_MAX,
    PRIORITY_REASONS,
    RATING_LEVELS,
    HubMode,
    HubStatus,
    QueueBoard,
    QueueEvent,
    TicketRow,
    WindowView,
)
from hallapp.domain.records import Actor
from hallapp.domain.ticket_input import clean_account_no, clean_phone
from hallapp.services import audit, numbers, queue_reads
from hallapp.services.clock import Clock
from hallapp.services.context import DeviceInfo, ServiceBase
from hallapp.services.queue_events import EventBus, Listener
from hallapp.services.queue_tickets import ManualTicket, candidates, insert_manual, route, window_counter
from hallapp.sync import outbox

COUNTER_ACTIONS = (TicketAction.RECALL, TicketAction.START, TicketAction.NO_SHOW, TicketAction.PARK)


class QueueService(ServiceBase):
    def __init__(self, db: Database, clock: Clock, device: DeviceInfo, bus: EventBus | None = None) -> None:
        super().__init__(db, clock, device)
        self.bus = bus or EventBus()

    def status(self) -> HubStatus:
        return HubStatus(HubMode.EMBEDDED)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self.bus.subscribe(listener)

    def merge_pending(self, actor: Actor) -> int:
        """Nothing to hand over: on this PC the queue and its manual tickets are the same database."""
        return 0

    def close(self) -> None:
        """The database belongs to the core, which closes it."""

    # -- guide --------------------------------------------------------------------------------
    def issue(
        self,
        actor: Actor,
        business_type: str,
        *,
        priority_reason: str | None = None,
        account_no: str | None = None,
        phone: str | None = None,
    ) -> TicketRow:
        return self._issue(actor, business_type, priority_reason, account_no, phone, manual=False)

    def issue_manual(
        self,
        actor: Actor,
        business_type: str,
        *,
        priority_reason: str | None = None,
        account_no: str | None = None,
        phone: str | None = None,
    ) -> TicketRow:
        """A ticket numbered on this PC while the hall hub cannot be reached (``07-A001``); handed
        to the hub when it is back. It never needs the queue to be open here: the hub decides."""
        return self._issue(actor, business_type, priority_reason, account_no, phone, manual=True)

    def _issue(
        self,
        actor: Actor,
        business_type: str,
        priority_reason: str | None,
        account_no: str | None,
        phone: str | None,
        *,
        manual: bool,
    ) -> TicketRow:
        """One ticket in one write transaction: the hub's series (``A001``) or this PC's manual one."""
        require(actor.role, Permission.ISSUE_TICKET)
        _check_priority(priority_reason)
        now, today = self.clock.now(), self.clock.business_date()
        events: list[QueueEvent] = []
        with self.db.write() as s:
            account, phone_no = _clean_contact(s, account_no, phone)
            if not manual and not queue_reads.queue_open(s, self.device.hall_id, today):
                raise ActionRefused("queue_closed")
            kind = _open_type(s, business_type)
            series = "ticket-manual" if manual else "ticket"
            number = numbers.take(s, f"{series}:{kind.code}:{today.isoformat()}", kind.letter)
            display = f"{kind.letter}{number:03d}"
            if manual:
                display = f"{self.device.device_code[-2:]}-{display}"
            now = queue_reads.not_before_last_issue(s, self.device.hall_id, today, now)
            ticket = Ticket(
                ticket_id=new_id(),
                hall_id=self.device.hall_id,
                business_date=today,
                business_type=kind.code,
                queue_type=kind.code,
                number=number,
                display_no=display,
                issuing_device_id=self.device.device_id,
                state=TicketState.WAITING.value,
                priority_reason=priority_reason,
                account_no=account,
                phone=phone_no,
                issued_at=now,
                manual=manual,
            )
            row = self._issued(s, ticket, actor, now, events)
        self._publish(events)
        return row

    def set_queue_open(self, actor: Actor, open_: bool) -> QueueBoard:
        """Open or close ticket issuing for today; closing stops issuing, the waiting are still served."""
        require(actor.role, Permission.ISSUE_TICKET)
        now, today = self.clock.now(), self.clock.business_date()
        kind = "queue_open" if open_ else "queue_close"
        with self.db.write() as s:
            if queue_reads.queue_open(s, self.device.hall_id, today) == open_:
                raise ActionRefused("queue_already_open" if open_ else "queue_already_closed")
            self._log(s, actor, kind, None, now, today)
        self._publish([QueueEvent(kind, at=now)])
        return self.board()

    # -- counter ------------------------------------------------------------------------------
    def call_next(self, actor: Actor, window_no: int) -> TicketRow | None:
        """Finish the window's current customer, then call the next ticket by the policy.

        None when nobody the window serves is waiting (the current customer is finished anyway).
        A ticket only called and never started must be marked no-show or finished first.
        """
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        events: list[QueueEvent] = []
        with self.db.write() as s:
            window = route(s, self.device.hall_id, window_no, today)
            self._finish_current(s, actor, window_no, today, now, events)
            ratio = PriorityRatio.from_settings(queue_reads.settings(s))
            counter = window_counter(s, today, window_no, ratio)
            chosen = choose_next(candidates(s, self.device.hall_id, today, window), window, counter, ratio)
            row = None
            if chosen is not None:
                row = self._call(s, s.get(Ticket, chosen.ticket_id), actor, window_no, now, events)
        self._publish(events)
        return row

    def act(self, actor: Actor, ticket_id: str, action: TicketAction, window_no: int) -> TicketRow:
        """Recall, start, no-show, park or finish the window's ticket; or call one parked here
        (or, if the setting allows picking, any waiting ticket the window serves)."""
        require(actor.role, Permission.SERVE_COUNTER)
        if action not in (*COUNTER_ACTIONS, TicketAction.FINISH, TicketAction.CALL):
            raise InvalidInput("action", "not_a_counter_action")
        now, today = self.clock.now(), self.clock.business_date()
        events: list[QueueEvent] = []
        with self.db.write() as s:
            ticket = self._todays(s, ticket_id, today)
            if action is TicketAction.CALL:
                row = self._call_chosen(s, ticket, actor, window_no, today, now, events)
            else:
                next_state(TicketState(ticket.state), action)  # finish twice, … : the state's sentence first
                _check_at_window(ticket, window_no)
                row = self._change(s, ticket, action, actor, window_no, now, events)
        self._publish(events)
        return row

    def transfer(
        self,
        actor: Actor,
        ticket_id: str,
        window_no: int,
        *,
        to_type: str | None = None,
        to_window: int | None = None,
    ) -> TicketRow:
        """Send the window's ticket back to the queue of another type and/or one window; it keeps
        its issue time (its place) and its first-contact staff (首问负责人)."""
        require(actor.role, Permission.SERVE_COUNTER)
        if to_type is None and to_window is None:
            raise InvalidInput("to_type", "transfer_target_missing")
        now, today = self.clock.now(), self.clock.business_date()
        events: list[QueueEvent] = []
        with self.db.write() as s:
            ticket = self._todays(s, ticket_id, today)
            next_state(TicketState(ticket.state), TicketAction.TRANSFER)
            _check_at_window(ticket, window_no)
            target_type = _open_type(s, to_type).code if to_type else ticket.queue_type
            if to_window is not None:
                target = route(s, self.device.hall_id, to_window, today)
                if target_type not in target.business_types:
                    raise ActionRefused(
                        "window_does_not_serve", window_no=to_window, business_type=target_type
                    )
            details = {"from_type": ticket.queue_type, "to_type": target_type, "to_window": to_window}
            ticket.state = next_state(TicketState(ticket.state), TicketAction.TRANSFER).value
            ticket.queue_type, ticket.target_window, ticket.window_no = target_type, to_window, None
            row = self._record(s, ticket, "transferred", actor, now, window_no, events, details)
        self._publish(events)
        return row

    def rate(self, actor: Actor, ticket_id: str, score: int, reason: str = "") -> TicketRow:
        """The customer's rating on the evaluator, once per ticket (一次一评); a reason for the bottom two."""
        require(actor.role, Permission.SERVE_COUNTER)
        if score not in RATING_LEVELS:
            raise InvalidInput("score", "rating_out_of_range")
        text = clean_note(reason, field="reason", required=score <= BAD_RATING_MAX)
        now, today = self.clock.now(), self.clock.business_date()
        events: list[QueueEvent] = []
        with self.db.write() as s:
            ticket = self._todays(s, ticket_id, today)
            if ticket.rating is not None:
                raise ActionRefused("already_rated", display_no=ticket.display_no)
            next_state(TicketState(ticket.state), TicketAction.RATE)
            ticket.rating, ticket.rating_reason = score, text or None
            row = self._record(
                s, ticket, "rated", actor, now, ticket.window_no, events, {"score": score, "reason": text}
            )
        self._publish(events)
        return row

    def set_window_paused(self, actor: Actor, window_no: int, paused: bool) -> WindowView:
        """Pause the window (a break) or resume it; a paused window is called by nobody's queue."""
        require(actor.role, Permission.SERVE_COUNTER)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            is_paused = window_no in queue_reads.paused_windows(s, self.device.hall_id, today)
            route(s, self.device.hall_id, window_no, today, allow_paused=True)
            if is_paused == paused:
                raise ActionRefused(
                    "window_already_paused" if paused else "window_not_paused", window_no=window_no
                )
            if paused and _current(s, self.device.hall_id, today, window_no) is not None:
                raise ActionRefused("window_busy", window_no=window_no)
            self._log(s, actor, "window_pause" if paused else "window_resume", window_no, now, today)
        self._publish(
            [QueueEvent("window_pause" if paused else "window_resume", window_no=window_no, at=now)]
        )
        return self.window(window_no)

    # -- hub ----------------------------------------------------------------------------------
    def merge_manual(self, actor: Actor, tickets: list[ManualTicket]) -> list[str]:
        """Take manual tickets a PC numbered while the hub was away; idempotent. Returns the ids now held."""
        require(actor.role, Permission.ISSUE_TICKET)
        now, today = self.clock.now(), self.clock.business_date()
        events: list[QueueEvent] = []
        with self.db.write() as s:
            held = insert_manual(s, self.device.hall_id, tickets, today)
            for ticket in held.new:
                self._record(
                    s, ticket, "issued", actor, ticket.issued_at, None, events, {"manual": True}, at_now=now
                )
        self._publish(events)
        return held.ids

    def pending_manual(self) -> list[ManualTicket]:
        """Manual tickets issued on this PC today and not yet handed to the hub."""
        today = self.clock.business_date()
        with self.db.read() as s:
            rows = s.scalars(
                select(Ticket).where(
                    Ticket.manual.is_(True), Ticket.merged_at.is_(None), Ticket.business_date == today
                )
            )
            return [ManualTicket.of(t) for t in rows]

    def mark_merged(self, ticket_ids: list[str]) -> None:
        now = self.clock.now()
        with self.db.write() as s:
            for t in s.scalars(select(Ticket).where(Ticket.ticket_id.in_(ticket_ids))):
                t.merged_at = now

    # -- reads --------------------------------------------------------------------------------
    def board(self) -> QueueBoard:
        with self.db.read() as s:
            return queue_reads.board(
                s, self.device.hall_id, self.clock.business_date(), self.clock.now(), queue_reads.settings(s)
            )

    def window(self, window_no: int) -> WindowView:
        today = self.clock.business_date()
        with self.db.read() as s:
            names = queue_reads.type_names(s)
            for view in queue_reads.windows(s, self.device.hall_id, today, names):
                if view.window_no == window_no:
                    return view
        raise ActionRefused("window_closed", window_no=window_no)

    def waiting(self, window_no: int, limit: int = 30) -> list[TicketRow]:
        """Who waits for ``window_no``, oldest first: the list a clerk picks from when
        ``queue.allow_pick`` is on (empty otherwise, so nobody picks by accident)."""
        today = self.clock.business_date()
        with self.db.read() as s:
            if not queue_reads.settings(s)["queue.allow_pick"]:
                return []
            window = route(s, self.device.hall_id, window_no, today, allow_paused=True)
            return queue_reads.waiting_for(
                s, self.device.hall_id, today, window_no, window.business_types, limit
            )

    def parked(self, window_no: int) -> list[TicketRow]:
        with self.db.read() as s:
            names = queue_reads.type_names(s)
            return queue_reads.parked_at(s, self.device.hall_id, self.clock.business_date(), window_no, names)

    # -- steps --------------------------------------------------------------------------------
    def _issued(
        self, s: Session, ticket: Ticket, actor: Actor, now: datetime, events: list[QueueEvent]
    ) -> TicketRow:
        hall, today = self.device.hall_id, ticket.business_date
        ahead = queue_reads.waiting_count(s, hall, today, ticket.queue_type)
        wait, _ = queue_reads.estimate_for(s, hall, today, ticket.queue_type, ahead, queue_reads.settings(s))
        s.add(ticket)
        self._record(s, ticket, "issued", actor, now, None, events, {})
        return queue_reads.ticket_row(ticket, queue_reads.type_names(s), ahead=ahead, wait_minutes=wait)

    def _finish_current(
        self, s: Session, actor: Actor, window_no: int, today: date, now: datetime, events: list[QueueEvent]
    ) -> None:
        current = _current(s, self.device.hall_id, today, window_no)
        if current is None:
            return
        if current.state == TicketState.CALLED.value:
            raise ActionRefused("window_has_called", display_no=current.display_no)
        self._change(s, current, TicketAction.FINISH, actor, window_no, now, events)

    def _call_chosen(
        self,
        s: Session,
        ticket: Ticket,
        actor: Actor,
        window_no: int,
        today: date,
        now: datetime,
        events: list,
    ) -> TicketRow:
        window = route(s, self.device.hall_id, window_no, today)
        if ticket.state == TicketState.PARKED.value:
            _check_at_window(ticket, window_no)
        elif not queue_reads.settings(s)["queue.allow_pick"]:
            raise ActionRefused("pick_not_allowed")
        elif ticket.queue_type not in window.business_types or ticket.target_window not in (
            None,
            window_no,
        ):
            raise ActionRefused("window_does_not_serve", window_no=window_no, business_type=ticket.queue_type)
        self._finish_current(s, actor, window_no, today, now, events)
        return self._call(s, ticket, actor, window_no, now, events)

    def _call(
        self,
        s: Session,
        ticket: Ticket,
        actor: Actor,
        window_no: int,
        now: datetime,
        events: list[QueueEvent],
    ) -> TicketRow:
        ticket.state = next_state(TicketState(ticket.state), TicketAction.CALL).value
        ticket.window_no, ticket.called_at, ticket.target_window = window_no, now, None
        ticket.first_contact_staff_no = ticket.first_contact_staff_no or actor.staff_no
        return self._record(s, ticket, "called", actor, now, window_no, events, {})

    def _change(
        self,
        s: Session,
        ticket: Ticket,
        action: TicketAction,
        actor: Actor,
        window_no: int,
        now: datetime,
        events: list,
    ) -> TicketRow:
        ticket.state = next_state(TicketState(ticket.state), action).value
        if action is TicketAction.RECALL:
            ticket.called_at = now
        if action in (TicketAction.NO_SHOW, TicketAction.FINISH):
            ticket.window_no = None
        kind = {
            TicketAction.RECALL: "recalled",
            TicketAction.START: "started",
            TicketAction.NO_SHOW: "no_show",
        }
        kind |= {TicketAction.PARK: "parked", TicketAction.FINISH: "finished"}
        return self._record(s, ticket, kind[action], actor, now, window_no, events, {})

    def _todays(self, s: Session, ticket_id: str, today: date) -> Ticket:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None or ticket.hall_id != self.device.hall_id:
            raise NotFound(ticket_id=ticket_id)
        if ticket.business_date != today:
            raise ActionRefused("ticket_of_another_day", display_no=ticket.display_no)
        return ticket

    def _record(
        self,
        s: Session,
        ticket: Ticket,
        kind: str,
        actor: Actor,
        at: datetime,
        window_no: int | None,
        events: list[QueueEvent],
        details: dict,
        *,
        at_now: datetime | None = None,
    ) -> TicketRow:
        """The ticket's event with the next sequence number, its outbox row, and the pushed event."""
        seq = (
            s.scalar(select(func.max(TicketEvent.seq)).where(TicketEvent.ticket_id == ticket.ticket_id)) or 0
        ) + 1
        s.add(
            TicketEvent(
                event_id=new_id(),
                ticket_id=ticket.ticket_id,
                seq=seq,
                kind=kind,
                at=at,
                window_no=window_no,
                staff_no=actor.staff_no,
                details=details,
            )
        )
        s.flush()
        outbox.append(
            s,
            at=at_now or at,
            op_type="ticket.event",
            entity="ticket",
            entity_id=ticket.ticket_id,
            actor=actor,
            payload=_event_payload(ticket, seq, kind, at, window_no, actor, details),
        )
        events.append(
            QueueEvent(kind, ticket.ticket_id, ticket.display_no, ticket.queue_type, window_no, at, details)
        )
        return queue_reads.ticket_row(ticket, queue_reads.type_names(s))

    def _log(
        self, s: Session, actor: Actor, kind: str, window_no: int | None, now: datetime, today: date
    ) -> None:
        row = QueueLog(
            event_id=new_id(),
            hall_id=self.device.hall_id,
            business_date=today,
            kind=kind,
            window_no=window_no,
            at=now,
            staff_no=actor.staff_no,
        )
        s.add(row)
        payload = {"business_date": today.isoformat(), "kind": kind, "window_no": window_no}
        audit.record(
            s,
            at=now,
            device_id=actor.device_id,
            action=f"queue.{kind}",
            actor=actor,
            target=str(window_no or ""),
            details=payload,
        )
        outbox.append(
            s,
            at=now,
            op_type="queue.log",
            entity="queue_log",
            entity_id=row.event_id,
            actor=actor,
            payload=payload | {"at": now.isoformat(), "hall_id": row.hall_id},
        )

    def _publish(self, events: list[QueueEvent]) -> None:
        for event in events:
            self.bus.publish(event)


def _check_priority(priority_reason: str | None) -> None:
    if priority_reason is not None and priority_reason not in PRIORITY_REASONS:
        raise InvalidInput("priority_reason", "unknown_priority")


def _clean_contact(s: Session, account_no: str | None, phone: str | None) -> tuple[str | None, str | None]:
    return clean_account_no(account_no, queue_reads.settings(s)["accounts.number_length"]), clean_phone(phone)


def _open_type(s: Session, code: str | None) -> BusinessTypeRow:
    kind = s.get(BusinessTypeRow, code) if code else None
    if kind is None or not kind.active:
        raise ActionRefused("business_type_closed", business_type=code or "")
    return kind


def _current(s: Session, hall_id: str, today: date, window_no: int) -> Ticket | None:
    return s.scalars(
        select(Ticket).where(
            Ticket.hall_id == hall_id,
            Ticket.business_date == today,
            Ticket.window_no == window_no,
            Ticket.state.in_(queue_reads.AT_WINDOW),
        )
    ).first()


def _check_at_window(ticket: Ticket, window_no: int) -> None:
    """Only the window that called a ticket acts on it: two terminals never act on the same one."""
    if ticket.window_no != window_no:
        raise ActionRefused(
            "ticket_at_other_window",
            display_no=ticket.display_no,
            window_no=ticket.window_no or 0,
            state=ticket.state,
        )


def _event_payload(
    ticket: Ticket, seq: int, kind: str, at: datetime, window_no: int | None, actor: Actor, details: dict
) -> dict:
    return {
        "ticket_id": ticket.ticket_id,
        "hall_id": ticket.hall_id,
        "business_date": ticket.business_date.isoformat(),
        "business_type": ticket.business_type,
        "queue_type": ticket.queue_type,
        "number": ticket.number,
        "display_no": ticket.display_no,
        "issuing_device_id": ticket.issuing_device_id,
        "priority_reason": ticket.priority_reason,
        "first_contact_staff_no": ticket.first_contact_staff_no,
        "manual": bool(ticket.manual),
        "seq": seq,
        "kind": kind,
        "at": at.isoformat(),
        "window_no": window_no,
        "staff_no": actor.staff_no,
        "state": ticket.state,
        "details": details,
    }
