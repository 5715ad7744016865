"""The records the daily counter log is computed from, as plain values.

A hall PC loads them from SQLite and the central server from PostgreSQL; ``domain.kpi`` computes
the same figures from either. Times are aware (UTC) moments; clerks are named by staff number.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time


@dataclass(frozen=True)
class TicketEventFact:
    """One ``ticket_event``: issued, called, recalled, started, parked, transferred, no_show,
    finished or rated, in sequence order."""

    kind: str
    at: datetime
    window_no: int | None = None
    staff_no: str | None = None


@dataclass(frozen=True)
class TicketFact:
    ticket_id: str
    display_no: str
    business_date: date  # the day it was issued: the day it counts on
    business_type: str  # as issued (a transfer changes the line, not this)
    issued_at: datetime
    events: tuple[TicketEventFact, ...]
    rating: int | None = None
    rating_reason: str | None = None


@dataclass(frozen=True)
class QueueLogFact:
    """The queue opened or closed, a window paused or resumed."""

    event_id: str
    business_date: date
    kind: str  # queue_open, queue_close, window_pause, window_resume
    at: datetime
    window_no: int | None
    staff_no: str


@dataclass(frozen=True)
class PaymentFact:
    payment_id: str
    receipt_no: str
    business_date: date  # the till's day: a reversal counts on the day it was made
    paid_at: datetime
    method: str
    amount_fen: int  # negative for a reversal
    staff_no: str
    reverses_payment_id: str | None = None
    reverses_business_date: date | None = None  # the reversed payment's own day
    reversed_by_payment_id: str | None = None  # a later reversal of this payment, any day

    @property
    def is_reversal(self) -> bool:
        return self.reverses_payment_id is not None


@dataclass(frozen=True)
class ReprintFact:
    print_id: str
    payment_id: str
    printed_at: datetime
    staff_no: str


@dataclass(frozen=True)
class ShiftFact:
    shift_id: str
    staff_no: str
    business_date: date
    closed_at: datetime | None
    expected_cash_fen: int | None
    counted_cash_fen: int | None
    difference_reason: str | None = None

    @property
    def difference_fen(self) -> int | None:
        """Counted minus expected cash (negative: short); None while the shift is open."""
        if self.closed_at is None or self.expected_cash_fen is None or self.counted_cash_fen is None:
            return None
        return self.counted_cash_fen - self.expected_cash_fen


@dataclass(frozen=True)
class ApplicationFact:
    application_id: str
    application_no: str
    kind: str
    status: str
    accepted_on: date  # first accepted (a returned one coming back keeps this day)
    accepted_by: str
    due_on: date | None  # the committed completion date; None: no published limit
    closed_on: date | None  # archived or cancelled
    completed_by: str | None = None  # who archived it; None if not archived

    @property
    def completed(self) -> bool:
        return self.status == "archived" and self.closed_on is not None


@dataclass(frozen=True)
class ComplaintFact:
    complaint_id: str
    complaint_no: str
    business_date: date
    staff_no: str
    cause: str


@dataclass(frozen=True)
class ConsultationFact:
    consultation_id: str
    consultation_no: str
    business_date: date
    staff_no: str
    answered: bool


@dataclass(frozen=True)
class ClerkFact:
    staff_no: str
    name: str
    active: bool  # False: left (deactivated) and still named in the log


@dataclass(frozen=True)
class WindowFact:
    window_no: int
    name: str


@dataclass(frozen=True)
class KpiRules:
    """The settings the figures depend on (``queue.wait_target_minutes``, ``supervision.*``)."""

    wait_target_minutes: int
    wait_percentile: int
    bad_rating_max: int
    opening_time: time
    closing_time: time


@dataclass(frozen=True)
class DayFacts:
    """Everything one hall did from ``first_day`` to ``last_day`` (one day for the daily log).

    Applications are those accepted, closed or due in the period, or open and overdue in it.
    """

    first_day: date
    last_day: date
    tickets: tuple[TicketFact, ...] = ()
    queue_log: tuple[QueueLogFact, ...] = ()
    payments: tuple[PaymentFact, ...] = ()
    reprints: tuple[ReprintFact, ...] = ()
    shifts: tuple[ShiftFact, ...] = ()
    applications: tuple[ApplicationFact, ...] = ()
    complaints: tuple[ComplaintFact, ...] = ()
    consultations: tuple[ConsultationFact, ...] = ()
    clerks: tuple[ClerkFact, ...] = ()
    windows: tuple[WindowFact, ...] = field(default=())
