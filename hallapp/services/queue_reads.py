"""Reading the hall's queue inside a session: today's lines per business type with their wait
estimates, the windows and who stands at each, recent calls, whether the queue is open.
"""

import math
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.db.models import BusinessTypeRow, QueueLog, ServiceWindow, Ticket, TicketEvent
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.queue import TicketState, estimate_wait_minutes
from hallapp.domain.queue_views import CallView, QueueBoard, TicketRow, TypeLine, WindowView
from hallapp.services import reference_cache
from hallapp.services.settings_service import values_in

AT_WINDOW = (TicketState.CALLED.value, TicketState.SERVING.value)
RECENT_CALLS = 8


def queue_open(s: Session, hall_id: str, day: date) -> bool:
    """Open when today's latest open/close entry is an opening."""
    return reference_cache.cached(s, f"open:{hall_id}:{day}", partial(_queue_open, hall_id=hall_id, day=day))


def _queue_open(s: Session, hall_id: str, day: date) -> bool:
    kind = s.scalar(
        select(QueueLog.kind)
        .where(
            QueueLog.hall_id == hall_id,
            QueueLog.business_date == day,
            QueueLog.kind.in_(("queue_open", "queue_close")),
        )
        .order_by(QueueLog.at.desc(), QueueLog.event_id.desc())
        .limit(1)
    )
    return kind == "queue_open"


def not_before_last_issue(s: Session, hall_id: str, day: date, now: datetime) -> datetime:
    """``now``, or the day's latest issue time if the clock went back (set by hand, resynchronised):
    the line's order is the issue order and a clock jump must never put a newcomer first."""
    latest = s.scalar(
        select(func.max(Ticket.issued_at)).where(Ticket.hall_id == hall_id, Ticket.business_date == day)
    )
    return max(now, latest) if latest is not None else now


def paused_windows(s: Session, hall_id: str, day: date) -> frozenset[int]:
    return reference_cache.cached(
        s, f"paused:{hall_id}:{day}", partial(_paused_windows, hall_id=hall_id, day=day)
    )


def _paused_windows(s: Session, hall_id: str, day: date) -> frozenset[int]:
    rows = s.execute(
        select(QueueLog.window_no, QueueLog.kind)
        .where(
            QueueLog.hall_id == hall_id,
            QueueLog.business_date == day,
            QueueLog.kind.in_(("window_pause", "window_resume")),
        )
        .order_by(QueueLog.at, QueueLog.event_id)
    ).all()
    state: dict[int, bool] = {}
    for window_no, kind in rows:
        state[window_no] = kind == "window_pause"
    return frozenset(n for n, paused in state.items() if paused)


def waiting_count(s: Session, hall_id: str, day: date, business_type: str) -> int:
    return (
        s.scalar(
            select(func.count()).where(
                Ticket.hall_id == hall_id,
                Ticket.business_date == day,
                Ticket.queue_type == business_type,
                Ticket.state == TicketState.WAITING.value,
            )
        )
        or 0
    )


def recent_handling_minutes(
    s: Session, hall_id: str, day: date, business_type: str, sample: int
) -> list[float]:
    """Call-to-finish minutes of the type's latest ``sample`` customers today."""
    rows = s.execute(
        select(Ticket.called_at, TicketEvent.at)
        .join(TicketEvent, TicketEvent.ticket_id == Ticket.ticket_id)
        .where(
            Ticket.hall_id == hall_id,
            Ticket.business_date == day,
            Ticket.queue_type == business_type,
            TicketEvent.kind == "finished",
            Ticket.called_at.is_not(None),
        )
        .order_by(TicketEvent.at.desc())
        .limit(sample)
    ).all()
    return [max(0.0, (finished - called).total_seconds() / 60) for called, finished in rows]


def active_windows(s: Session, hall_id: str) -> list[ServiceWindow]:
    return list(
        s.scalars(
            select(ServiceWindow)
            .where(ServiceWindow.hall_id == hall_id, ServiceWindow.active.is_(True))
            .order_by(ServiceWindow.number)
        )
    )


def estimate_for(
    s: Session, hall_id: str, day: date, business_type: str, ahead: int, values: dict[str, Any]
) -> tuple[int, int]:
    """(estimated minutes for someone with ``ahead`` people before them, windows open for the type)."""
    paused = paused_windows(s, hall_id, day)
    open_windows = sum(
        1 for w in active_windows(s, hall_id) if business_type in w.business_types and w.number not in paused
    )
    recent = recent_handling_minutes(s, hall_id, day, business_type, values["queue.estimate_sample"])
    minutes = estimate_wait_minutes(ahead, open_windows, recent, values["queue.estimate_default_minutes"])
    return minutes, open_windows


def board(s: Session, hall_id: str, day: date, now: datetime, values: dict[str, Any]) -> QueueBoard:
    types = list(
        s.scalars(
            select(BusinessTypeRow)
            .where(BusinessTypeRow.active.is_(True))
            .order_by(BusinessTypeRow.sort_order)
        )
    )
    names = {t.code: t.name for t in s.scalars(select(BusinessTypeRow))}
    waiting = s.execute(
        select(Ticket.queue_type, func.count(), func.min(Ticket.issued_at))
        .where(
            Ticket.hall_id == hall_id, Ticket.business_date == day, Ticket.state == TicketState.WAITING.value
        )
        .group_by(Ticket.queue_type)
    ).all()
    counts = {code: (n, oldest) for code, n, oldest in waiting}
    lines = []
    for t in types:
        n, oldest = counts.get(t.code, (0, None))
        estimate, open_windows = estimate_for(s, hall_id, day, t.code, n, values)
        longest = math.floor((now - oldest).total_seconds() / 60) if oldest is not None else 0
        lines.append(TypeLine(t.code, t.letter, t.name, n, max(0, longest), estimate, open_windows))
    return QueueBoard(
        business_date=day,
        open=queue_open(s, hall_id, day),
        lines=tuple(lines),
        windows=windows(s, hall_id, day, names),
        recent_calls=recent_calls(s, hall_id, day),
        as_of=to_hall_time(now),
    )


def windows(s: Session, hall_id: str, day: date, names: dict[str, str]) -> tuple[WindowView, ...]:
    paused = paused_windows(s, hall_id, day)
    current = {
        t.window_no: t
        for t in s.scalars(
            select(Ticket).where(
                Ticket.hall_id == hall_id, Ticket.business_date == day, Ticket.state.in_(AT_WINDOW)
            )
        )
    }
    return tuple(
        WindowView(
            w.number,
            w.name,
            tuple(w.business_types),
            w.number in paused,
            ticket_row(current[w.number], names) if w.number in current else None,
        )
        for w in active_windows(s, hall_id)
    )


def recent_calls(s: Session, hall_id: str, day: date) -> tuple[CallView, ...]:
    rows = s.execute(
        select(Ticket.display_no, TicketEvent.window_no, TicketEvent.at)
        .join(TicketEvent, TicketEvent.ticket_id == Ticket.ticket_id)
        .where(
            Ticket.hall_id == hall_id,
            Ticket.business_date == day,
            TicketEvent.kind.in_(("called", "recalled")),
        )
        .order_by(TicketEvent.at.desc(), TicketEvent.event_id.desc())
        .limit(RECENT_CALLS)
    ).all()
    return tuple(CallView(no, window_no, to_hall_time(at)) for no, window_no, at in rows)


def parked_at(s: Session, hall_id: str, day: date, window_no: int, names: dict[str, str]) -> list[TicketRow]:
    rows = s.scalars(
        select(Ticket)
        .where(
            Ticket.hall_id == hall_id,
            Ticket.business_date == day,
            Ticket.state == TicketState.PARKED.value,
            Ticket.window_no == window_no,
        )
        .order_by(Ticket.issued_at)
    )
    return [ticket_row(t, names) for t in rows]


def type_names(s: Session) -> dict[str, str]:
    """Business type names (cached: see reference_cache)."""
    return reference_cache.cached(s, "type_names", _load_type_names)


def _load_type_names(s: Session) -> dict[str, str]:
    return {t.code: t.name for t in s.scalars(select(BusinessTypeRow))}


def settings(s: Session) -> dict[str, Any]:
    """The settings (cached: see reference_cache; the queue never changes them)."""
    return reference_cache.cached(s, "settings", values_in)


def ticket_row(ticket: Ticket, names: dict[str, str], *, ahead: int = 0, wait_minutes: int = 0) -> TicketRow:
    return TicketRow(
        ticket_id=ticket.ticket_id,
        display_no=ticket.display_no,
        business_type=ticket.queue_type,
        state=TicketState(ticket.state),
        priority_reason=ticket.priority_reason,
        account_no=ticket.account_no,
        issued_at=to_hall_time(ticket.issued_at),
        ahead=ahead,
        wait_minutes=wait_minutes,
        window_no=ticket.window_no,
        called_at=to_hall_time(ticket.called_at) if ticket.called_at else None,
        phone=ticket.phone,
        business_type_name=names.get(ticket.queue_type, ticket.queue_type),
        manual=bool(ticket.manual),
        rating=ticket.rating,
        business_date=ticket.business_date,
    )


def waiting_for(
    s: Session, hall_id: str, day: date, window_no: int, business_types: tuple[str, ...], limit: int
) -> list[TicketRow]:
    """The tickets a window could call, oldest first (for halls that let clerks pick)."""
    rows = s.scalars(
        select(Ticket)
        .where(
            Ticket.hall_id == hall_id,
            Ticket.business_date == day,
            Ticket.state == TicketState.WAITING.value,
            Ticket.queue_type.in_(business_types),
            (Ticket.target_window.is_(None)) | (Ticket.target_window == window_no),
        )
        .order_by(Ticket.issued_at, Ticket.ticket_id)
        .limit(limit)
    )
    names = type_names(s)
    return [ticket_row(t, names) for t in rows]
