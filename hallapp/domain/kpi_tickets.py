"""A ticket's events replayed into what the daily log counts: time in a line (waits), time at a
window (handling), who sent it on, who finished it (docs/kpi.md, "Tickets").

- A wait runs from the issue (or a transfer) to the next call; a recall does not end or restart it.
- Handling runs from "started" (or the call, when the clerk finished without pressing start) to
  the park, transfer or finish; time parked is neither waiting nor handling.
- A wait that ends in a no-show is not a customer's wait: it is kept apart (``no_show_waits``).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from hallapp.domain.kpi_facts import TicketFact
from hallapp.domain.kpi_stats import seconds_between


# Named tuples, not dataclasses: a busy day makes tens of thousands of them.
class Stint(NamedTuple):
    """Where and by whom: a window and the clerk at it."""

    window_no: int | None
    staff_no: str | None


class Wait(NamedTuple):
    at: Stint  # the window that called
    seconds: int
    called_at: datetime


class Handling(NamedTuple):
    at: Stint
    seconds: int


class Line(NamedTuple):
    """Time spent in a line; ``left`` None: still waiting when the records end."""

    entered: datetime
    left: datetime | None


@dataclass(frozen=True)
class TicketRun:
    ticket: TicketFact
    waits: tuple[Wait, ...]
    no_show_waits: tuple[Wait, ...]
    handlings: tuple[Handling, ...]
    lines: tuple[Line, ...]
    transfers: tuple[Stint, ...]  # who sent it on, once per transfer
    finished: Stint | None
    finished_at: datetime | None
    no_show: Stint | None
    held: Stint | None  # called, served or parked here when the records end

    @property
    def unfinished(self) -> bool:
        return self.finished is None and self.no_show is None

    @property
    def total_wait_s(self) -> int:
        return sum(w.seconds for w in self.waits)

    @property
    def total_handling_s(self) -> int:
        return sum(h.seconds for h in self.handlings)


class _Replay:
    def __init__(self, ticket: TicketFact, stints: dict[tuple[int | None, str | None], Stint]) -> None:
        self.ticket = ticket
        self.stints = stints
        self.in_line: datetime | None = ticket.issued_at
        self.serving: datetime | None = None
        self.stint: Stint | None = None
        self.stint_wait: Wait | None = None  # the wait this stint's call ended, if any
        self.waits: list[Wait] = []
        self.no_show_waits: list[Wait] = []
        self.handlings: list[Handling] = []
        self.lines: list[Line] = []
        self.transfers: list[Stint] = []
        self.finished: Stint | None = None
        self.finished_at: datetime | None = None
        self.no_show: Stint | None = None

    def called(self, at: datetime, here: Stint) -> None:
        self.stint_wait = None
        if self.in_line is not None:
            self.stint_wait = Wait(here, seconds_between(self.in_line, at), at)
            self.waits.append(self.stint_wait)
            self.lines.append(Line(self.in_line, at))
            self.in_line = None
        self.stint, self.serving = here, at

    def end_handling(self, at: datetime) -> None:
        if self.serving is not None and self.stint is not None:
            self.handlings.append(Handling(self.stint, seconds_between(self.serving, at)))
        self.serving = None

    def apply(self, kind: str, at: datetime, here: Stint) -> None:
        if kind == "called":
            self.called(at, here)
        elif kind == "started":
            self.serving = at
        elif kind == "parked":
            self.end_handling(at)
        elif kind == "transferred":
            self.end_handling(at)
            self.transfers.append(here)
            self.stint, self.in_line = None, at
        elif kind == "no_show":
            if self.stint_wait is not None and self.waits and self.waits[-1] is self.stint_wait:
                self.no_show_waits.append(self.waits.pop())
            self.serving, self.stint, self.no_show = None, None, here
        elif kind == "finished":
            self.end_handling(at)
            self.finished, self.finished_at, self.stint = here, at, None

    def run(self) -> TicketRun:
        for event in self.ticket.events:
            where = (event.window_no, event.staff_no)
            here = self.stints.get(where)
            if here is None:
                here = self.stints[where] = Stint(*where)
            self.apply(event.kind, event.at, here)
        if self.in_line is not None:
            self.lines.append(Line(self.in_line, None))
        return TicketRun(
            ticket=self.ticket,
            waits=tuple(self.waits),
            no_show_waits=tuple(self.no_show_waits),
            handlings=tuple(self.handlings),
            lines=tuple(self.lines),
            transfers=tuple(self.transfers),
            finished=self.finished,
            finished_at=self.finished_at,
            no_show=self.no_show,
            held=self.stint,
        )


def replay(ticket: TicketFact, stints: dict[tuple[int | None, str | None], Stint] | None = None) -> TicketRun:
    """``stints``: shared between the tickets of a day, so each window-and-clerk is one value."""
    return _Replay(ticket, {} if stints is None else stints).run()
