"""Late-payment penalty (电费违约金), DOMAIN_RULES R3.1. Every number comes from the settings.

- Counted per day from ``start_after_due_days`` after the due date up to and including the day of
  payment (《供电营业规则》第九十八条: 从逾期之日起计算至交纳日止).
- Residents: the resident rate. Others: the current-year rate on a bill of the payment's year, the
  prior-year rate on a bill of an earlier year (当年 / 跨年度; our reading, to verify locally).
- A partial payment lowers the principal the penalty runs on from the day after it was paid; the
  penalty already paid on a bill is deducted, so nothing is charged twice.
- Per bill rounded half-up to the fen; an account total above zero but under the minimum is
  raised to the minimum (once: not if a penalty was already paid on these bills), the difference
  carried by the oldest overdue bill so the parts still add up to the total.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from hallapp.domain.money import round_half_up_fen

PERMILLE = Decimal(1000)


@dataclass(frozen=True)
class PenaltyRules:
    resident_permille: Decimal
    current_year_permille: Decimal
    prior_year_permille: Decimal
    minimum_fen: int
    start_after_due_days: int

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> "PenaltyRules":
        return cls(
            resident_permille=values["penalty.resident_permille_per_day"],
            current_year_permille=values["penalty.current_year_permille_per_day"],
            prior_year_permille=values["penalty.prior_year_permille_per_day"],
            minimum_fen=values["penalty.minimum_fen"],
            start_after_due_days=values["penalty.start_after_due_days"],
        )


@dataclass(frozen=True)
class OverdueBill:
    bill_id: str
    period: str  # YYYYMM
    due_date: date
    outstanding_fen: int  # principal owed now
    principal_paid: tuple[tuple[date, int], ...] = ()  # (day paid, fen) of earlier partial payments
    penalty_paid_fen: int = 0


def penalty_days(due_date: date, on: date, rules: PenaltyRules) -> int:
    """Days that carry a penalty when paying on ``on`` (0 until the first penalty day)."""
    return max(0, (on - due_date).days - rules.start_after_due_days + 1)


def daily_rate_permille(bill: OverdueBill, on: date, *, resident: bool, rules: PenaltyRules) -> Decimal:
    if resident:
        return rules.resident_permille
    bill_year = int(bill.period[:4])
    return rules.current_year_permille if bill_year >= on.year else rules.prior_year_permille


def bill_penalty(bill: OverdueBill, on: date, *, resident: bool, rules: PenaltyRules) -> int:
    """The penalty still due on one bill when paying on ``on``, in fen, rounded half-up.

    Each penalty day charges the principal that was owed on that day; a payment made on day d
    still counts on day d (the penalty runs up to and including the day of payment).
    """
    days = penalty_days(bill.due_date, on, rules)
    if days == 0:
        return 0
    first = on.toordinal() - days + 1
    fen_days = bill.outstanding_fen * days
    for paid_on, fen in bill.principal_paid:
        fen_days += fen * max(0, min(paid_on.toordinal(), on.toordinal()) - first + 1)
    rate = daily_rate_permille(bill, on, resident=resident, rules=rules)
    accrued = round_half_up_fen(Decimal(fen_days) * rate / PERMILLE)
    return max(0, accrued - bill.penalty_paid_fen)


def account_penalties(
    bills: Sequence[OverdueBill], on: date, *, resident: bool, rules: PenaltyRules
) -> dict[str, int]:
    """Penalty per bill id; the total respects the minimum and the parts add up to it exactly."""
    ordered = sorted(bills, key=lambda b: (b.due_date, b.period, b.bill_id))
    parts = {b.bill_id: bill_penalty(b, on, resident=resident, rules=rules) for b in ordered}
    total = sum(parts.values())
    already_charged = any(b.penalty_paid_fen for b in ordered)
    if 0 < total < rules.minimum_fen and not already_charged:
        oldest = next(b.bill_id for b in ordered if parts[b.bill_id] > 0)
        parts[oldest] += rules.minimum_fen - total
    return parts
