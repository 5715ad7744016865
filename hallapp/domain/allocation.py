"""How a payment is spread over what the account owes (issue 4, DOMAIN_RULES R3.1/R4.1).

Oldest bill first (by due date, then period). Within a bill the penalty is paid before the principal
unless the ``penalty.before_principal`` setting is off. What is left after every bill is settled
becomes prepayment (预收电费, 电费抄核收工作规范: 实缴大于应缴记为预收).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class BillDue:
    bill_id: str
    period: str
    due_date: date
    principal_fen: int  # outstanding principal of the bill
    penalty_fen: int  # penalty due on it today


@dataclass(frozen=True)
class Allocation:
    bill_id: str
    principal_fen: int
    penalty_fen: int

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.penalty_fen


@dataclass(frozen=True)
class PaymentPlan:
    allocations: tuple[Allocation, ...]
    to_prepaid_fen: int

    @property
    def applied_fen(self) -> int:
        return sum(a.total_fen for a in self.allocations)


def total_due(bills: Sequence[BillDue]) -> int:
    return sum(b.principal_fen + b.penalty_fen for b in bills)


def allocate(amount_fen: int, bills: Sequence[BillDue], *, penalty_first: bool = True) -> PaymentPlan:
    """Spread ``amount_fen`` (> 0) over ``bills``; every fen lands on a bill or in prepayment."""
    if amount_fen <= 0:
        raise ValueError("a payment allocates a positive amount")
    left = amount_fen
    allocations = []
    for bill in sorted(bills, key=lambda b: (b.due_date, b.period, b.bill_id)):
        if left == 0:
            break
        order = ("penalty", "principal") if penalty_first else ("principal", "penalty")
        paid = {"penalty": 0, "principal": 0}
        for part in order:
            due = bill.penalty_fen if part == "penalty" else bill.principal_fen
            paid[part] = min(left, max(due, 0))
            left -= paid[part]
        if paid["principal"] or paid["penalty"]:
            allocations.append(Allocation(bill.bill_id, paid["principal"], paid["penalty"]))
    return PaymentPlan(tuple(allocations), left)
