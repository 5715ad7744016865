"""The monthly scorecard's values (docs/scorecard.md): per clerk, each item's figures, the deductions
that explain its points, and the records behind it for drill-down."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from hallapp.domain.kpi_facts import ComplaintFact
from hallapp.domain.kpi_values import ShiftLine
from hallapp.domain.scorecard_rules import ScorecardRules

POINT = Decimal("0.1")  # points are shown and added to one decimal place


def points(value: Decimal | int) -> Decimal:
    return Decimal(value).quantize(POINT, rounding=ROUND_HALF_UP)


class Item(StrEnum):
    WAITS = "waits"
    HANDLING = "handling"
    SATISFACTION = "satisfaction"
    COMPLAINTS = "complaints"
    ERRORS = "errors"
    FEES = "fees"


@dataclass(frozen=True)
class Measure:
    """One figure of an item: ``unit`` is s (seconds), count, percent or fen; None: nothing to measure."""

    name: str
    value: int | Decimal | None
    unit: str


@dataclass(frozen=True)
class Deduction:
    """``units`` (minutes, percentage points or cases) × ``rate`` points each = ``points``."""

    reason: str
    units: Decimal
    rate: Decimal
    points: Decimal


@dataclass(frozen=True)
class Records:
    """The records behind an item: ``kind`` is ticket, payment, application, complaint or shift;
    ``seconds``, when given, is each ticket's wait or handling over the limit (same order as ids)."""

    kind: str
    role: str
    ids: tuple[str, ...]
    seconds: tuple[int, ...] = ()


@dataclass(frozen=True)
class ItemScore:
    item: Item
    weight: int
    scored: bool  # False: nothing to measure this month; its weight goes to the clerk's other items
    measures: tuple[Measure, ...]
    deductions: tuple[Deduction, ...]
    records: tuple[Records, ...]

    @property
    def points(self) -> Decimal | None:
        """The weight less the deductions, never below 0; None when not scored."""
        if not self.scored:
            return None
        return max(points(0), points(self.weight - sum((d.points for d in self.deductions), Decimal(0))))

    def measure(self, name: str) -> int | Decimal | None:
        return next(m.value for m in self.measures if m.name == name)


@dataclass(frozen=True)
class ClerkCard:
    staff_no: str
    name: str
    active: bool  # False: the clerk has left; scored for the days they worked
    worked: bool  # False: no activity in the month: not scored (total None)
    items: tuple[ItemScore, ...]
    complaints: tuple[ComplaintFact, ...]  # attributed to the clerk (the complaints item)
    shifts: tuple[ShiftLine, ...]  # the clerk's cash-ups with a difference

    @property
    def scored_weight(self) -> int:
        return sum(i.weight for i in self.items if i.scored)

    @property
    def total(self) -> Decimal | None:
        """Points earned × 100 ÷ the weights of the items scored; None when not scored."""
        if not self.worked or not self.scored_weight:
            return None
        earned = sum((i.points or Decimal(0) for i in self.items if i.scored), Decimal(0))
        return points(earned * 100 / self.scored_weight)

    def item(self, item: Item) -> ItemScore:
        return next(i for i in self.items if i.item is item)


@dataclass(frozen=True)
class MonthScorecard:
    year: int
    month: int
    first_day: date
    last_day: date  # the month's last day, or today while the month runs
    complete: bool  # False: the month is still running; scored as recorded so far
    rules: ScorecardRules
    cards: tuple[ClerkCard, ...]
