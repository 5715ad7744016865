"""Late-payment penalty (电费违约金), DOMAIN_RULES R3.1. Every number comes from the settings.

- Counted per day from ``start_after_due_days`` after the due date up to and including the day of
  payment (《供电营业规则》第九十八条: 从逾期之日起计算至交纳日止).
- Residents: the resident rate every day. Others: the current-year rate on the days that fall in
  the bill's own year, the prior-year rate on days in a later year (当年 / 跨年度 欠费; our reading,
  to verify locally). A day's rate never changes afterwards, so a settled bill stays settled.
- A partial payment lowers the principal the penalty runs on from the day after it was paid; the
  penalty already paid on a bill is deducted, so nothing is charged twice.
- Per bill rounded half-up to the fen. The minimum applies to what the bills in play (owing
  principal or penalty, or paid on today) have accrued in all: under it, it is raised to it, the
  difference carried by the oldest such bill. So a part-payment cannot dodge the minimum, a settled
  bill is not charged it twice, and paying part of the debt today does not raise what is left today.
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
    last_paid_on: date | None = None  # the last business day anything was paid on the bill


def penalty_days(due_date: date, on: date, rules: PenaltyRules) -> int:
    """Days that carry a penalty when paying on ``on`` (0 until the first penalty day)."""
    return max(0, (on - due_date).days - rules.start_after_due_days + 1)


def _rated_spans(first: int, last: int, bill: OverdueBill, *, resident: bool, rules: PenaltyRules):  # type: ignore[no-untyped-def]
    """(first day, last day, rate) spans of the penalty days, as ordinals."""
    if resident:
        return [(first, last, rules.resident_permille)]
    next_year = date(int(bill.period[:4]) + 1, 1, 1).toordinal()
    spans = []
    if first < next_year:
        spans.append((first, min(last, next_year - 1), rules.current_year_permille))
    if last >= next_year:
        spans.append((max(first, next_year), last, rules.prior_year_permille))
    return spans


def accrued_penalty(bill: OverdueBill, on: date, *, resident: bool, rules: PenaltyRules) -> int:
    """All the penalty a bill has accrued up to ``on`` (paid or not), in fen, rounded half-up.

    Each penalty day charges the principal that was owed on that day; a payment made on day d
    still counts on day d (the penalty runs up to and including the day of payment).
    """
    days = penalty_days(bill.due_date, on, rules)
    if days == 0:
        return 0
    last = on.toordinal()
    total = Decimal(0)
    for start, end, rate in _rated_spans(last - days + 1, last, bill, resident=resident, rules=rules):
        fen_days = bill.outstanding_fen * (end - start + 1)
        for paid_on, fen in bill.principal_paid:
            fen_days += fen * max(0, min(paid_on.toordinal(), end) - start + 1)
        total += Decimal(fen_days) * rate
    return round_half_up_fen(total / PERMILLE)


def bill_penalty(bill: OverdueBill, on: date, *, resident: bool, rules: PenaltyRules) -> int:
    """The penalty still due on one bill when paying on ``on`` (accrued less what was paid), before the minimum."""
    return max(0, accrued_penalty(bill, on, resident=resident, rules=rules) - bill.penalty_paid_fen)


def account_penalties(
    bills: Sequence[OverdueBill], on: date, *, resident: bool, rules: PenaltyRules
) -> dict[str, int]:
    """Penalty due per bill id, with the minimum applied; the parts add up to the total exactly."""
    ordered = sorted(bills, key=lambda b: (b.due_date, b.period, b.bill_id))
    accrued = {b.bill_id: accrued_penalty(b, on, resident=resident, rules=rules) for b in ordered}
    in_play = [
        b
        for b in ordered
        if b.outstanding_fen > 0 or accrued[b.bill_id] > b.penalty_paid_fen or b.last_paid_on == on
    ]
    total = sum(accrued[b.bill_id] for b in in_play)
    if 0 < total < rules.minimum_fen:
        oldest = next(b.bill_id for b in in_play if accrued[b.bill_id] > 0)
        accrued[oldest] += rules.minimum_fen - total
    return {b.bill_id: max(0, accrued[b.bill_id] - b.penalty_paid_fen) for b in ordered}
