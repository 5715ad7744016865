"""The daily counter log's figures (docs/kpi.md). Every figure keeps the ids of the records behind
it (tickets, payments, …) so a screen can drill down; a count is the length of its ids."""

from dataclasses import dataclass
from datetime import date, datetime

Ids = tuple[str, ...]


@dataclass(frozen=True)
class DurationStats:
    """Durations in whole seconds over ``ticket_ids`` (one entry per duration, in the same order)."""

    ticket_ids: Ids
    seconds: tuple[int, ...]
    percentile: int  # which percentile ``percentile_s`` is (nearest rank)
    percentile_s: int | None
    max_s: int | None
    max_ticket_id: str | None

    @property
    def count(self) -> int:
        return len(self.seconds)

    @property
    def total_s(self) -> int:
        return sum(self.seconds)

    @property
    def mean_s(self) -> float | None:
        return self.total_s / self.count if self.seconds else None


@dataclass(frozen=True)
class ServiceLevel:
    """Share of ``counted`` whose wait was at most ``target_minutes``; None when nobody was counted."""

    target_minutes: int
    within: Ids
    counted: Ids

    @property
    def ratio(self) -> float | None:
        return len(self.within) / len(self.counted) if self.counted else None


@dataclass(frozen=True)
class TypeCount:
    business_type: str
    ticket_ids: Ids


@dataclass(frozen=True)
class TicketFigures:
    served: Ids  # finished here (hall: finished anywhere)
    served_by_type: tuple[TypeCount, ...]  # by the type as issued, in code order
    waits: DurationStats
    handling: DurationStats
    service_level: ServiceLevel
    no_shows: Ids
    transfers: Ids  # sent on to another line or window (hall: tickets transferred at least once)
    unfinished: Ids  # still waiting, called, served or parked when the day's records end


@dataclass(frozen=True)
class RatingCount:
    score: int
    ticket_ids: Ids


@dataclass(frozen=True)
class BadRating:
    ticket_id: str
    display_no: str
    score: int
    reason: str
    window_no: int | None
    staff_no: str | None


@dataclass(frozen=True)
class Satisfaction:
    distribution: tuple[RatingCount, ...]  # 5 … 1, every score present
    bad: tuple[BadRating, ...]

    @property
    def rated(self) -> int:
        return sum(len(r.ticket_ids) for r in self.distribution)


@dataclass(frozen=True)
class Pauses:
    event_ids: Ids  # the queue_log rows that paused
    seconds: int


@dataclass(frozen=True)
class MethodMoney:
    method: str
    payment_ids: Ids  # payments and reversals in this method
    count: int  # payments, not reversals
    net_fen: int


@dataclass(frozen=True)
class Money:
    by_method: tuple[MethodMoney, ...]  # every method, in PaymentMethod order
    payments: Ids  # payments (not reversals) of the day
    gross_fen: int
    reversals: Ids  # reversals made this day
    reversed_fen: int  # positive: what the reversals took back
    reversals_of_other_days: Ids  # reversals of this day whose payment was of an earlier day
    reprints: Ids  # receipt_print rows (reprints only)

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.reversed_fen


@dataclass(frozen=True)
class ShiftLine:
    shift_id: str
    staff_no: str
    business_date: date
    closed: bool
    expected_cash_fen: int | None
    counted_cash_fen: int | None
    difference_fen: int | None
    difference_reason: str


@dataclass(frozen=True)
class CashUp:
    shifts: tuple[ShiftLine, ...]
    open_shifts: Ids
    with_difference: Ids

    @property
    def difference_fen(self) -> int:
        return sum(line.difference_fen or 0 for line in self.shifts)


@dataclass(frozen=True)
class Applications:
    accepted: Ids
    completed: Ids  # archived in the period
    due: Ids  # committed date in the period, not closed before that date
    overdue: Ids  # committed date passed and still open at the end of the period
    completed_same_day: Ids  # accepted and archived on the same day in the period

    @property
    def same_day_rate(self) -> float | None:
        return len(self.completed_same_day) / len(self.accepted) if self.accepted else None


@dataclass(frozen=True)
class Figures:
    """One scope's figures: the hall, a window or a clerk. A window has no money, cash-up,
    applications, complaints or consultations (they are not recorded per window): None there."""

    tickets: TicketFigures
    satisfaction: Satisfaction
    pauses: Pauses
    money: Money | None
    cash_up: CashUp | None
    applications: Applications | None
    complaints: Ids | None
    consultations: Ids | None


@dataclass(frozen=True)
class WindowLog:
    window_no: int
    name: str
    figures: Figures


@dataclass(frozen=True)
class ClerkLog:
    staff_no: str
    name: str  # "" when the staff number is not among the operators
    active: bool  # False: the clerk has left; the figures stay under their name
    figures: Figures


@dataclass(frozen=True)
class SeriesPoint:
    """One hour (a day in a range's series); ``start`` is hall time."""

    start: datetime
    issued: int
    queue_max: int  # most customers waiting in a line at once
    called: int  # calls out of a line, no-shows included
    waited: int  # of those called, the customers who came
    wait_total_s: int  # their waits
    wait_max_s: int | None
    served_by_window: tuple[tuple[int, int], ...]  # (window_no, customers finished)
    collected_fen: int  # net of reversals
    payments: int

    @property
    def wait_mean_s(self) -> float | None:
        return self.wait_total_s / self.waited if self.waited else None


@dataclass(frozen=True)
class DailyLog:
    first_day: date
    last_day: date
    wait_target_minutes: int
    wait_percentile: int
    hall: Figures
    windows: tuple[WindowLog, ...]
    clerks: tuple[ClerkLog, ...]
    series: tuple[SeriesPoint, ...]
    empty: bool  # nothing at all was recorded in the period
