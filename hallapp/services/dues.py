"""What an account owes on a day: outstanding bills with their penalty (DOMAIN_RULES R3.1)."""

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hallapp.db.models import Account, Bill, Customer, Payment, PaymentAllocation
from hallapp.domain.enums import AccountStatus, TariffCategory
from hallapp.domain.errors import AccountNotFound
from hallapp.domain.payments import AccountDue, DueLine
from hallapp.domain.penalty import OverdueBill, PenaltyRules, account_penalties


def load_due(s: Session, account_id: str, on: date, values: dict[str, Any]) -> AccountDue:
    row = s.execute(
        select(Account, Customer.name)
        .join(Customer, Customer.customer_id == Account.customer_id)
        .where(Account.account_id == account_id)
    ).first()
    if row is None:
        raise AccountNotFound(account_id=account_id)
    account, holder = row
    # Unpaid bills, and paid bills whose principal was paid late here: their penalty may still be owed
    # (when the principal is paid before the penalty and the money ran out in between).
    paid_late = (
        select(PaymentAllocation.bill_id)
        .join(Payment, Payment.payment_id == PaymentAllocation.payment_id)
        .where(Payment.account_id == account_id, Payment.business_date > Bill.due_date)
        .where(PaymentAllocation.bill_id == Bill.bill_id)
        .exists()
    )
    bills = s.scalars(
        select(Bill)
        .where(Bill.account_id == account_id, or_(Bill.paid_fen < Bill.amount_fen, paid_late))
        .order_by(Bill.due_date, Bill.period)
    ).all()
    history = _payment_history(s, [b.bill_id for b in bills])
    overdue = [
        OverdueBill(
            b.bill_id,
            b.period,
            b.due_date,
            b.amount_fen - b.paid_fen,
            tuple(history.principal[b.bill_id]),
            history.penalty[b.bill_id],
            history.last_day.get(b.bill_id),
        )
        for b in bills
    ]
    resident = TariffCategory(account.tariff).is_resident  # 居民 by tariff, not by who holds it
    penalties = account_penalties(overdue, on, resident=resident, rules=PenaltyRules.from_settings(values))
    lines = tuple(
        DueLine(
            bill_id=b.bill_id,
            period=b.period,
            kwh=b.kwh,
            amount_fen=b.amount_fen,
            outstanding_fen=b.amount_fen - b.paid_fen,
            due_date=b.due_date,
            days_overdue=max(0, (on - b.due_date).days),
            penalty_fen=penalties[b.bill_id],
        )
        for b in bills
        if b.paid_fen < b.amount_fen or penalties[b.bill_id] > 0
    )
    return AccountDue(
        account_id=account.account_id,
        account_no=account.account_no,
        holder=holder,
        address=account.address,
        status=AccountStatus(account.status),
        resident=resident,
        prepaid_fen=account.prepaid_fen,
        lines=lines,
        as_of=on,
        tariff=TariffCategory(account.tariff),
    )


class _History:
    def __init__(self) -> None:
        self.principal: dict[str, list[tuple[date, int]]] = defaultdict(list)
        self.penalty: dict[str, int] = defaultdict(int)
        self.last_day: dict[str, date] = {}


def _payment_history(s: Session, bill_ids: list[str]) -> _History:
    """Principal paid per bill and day, and penalty paid per bill, from this hall's own payments."""
    history = _History()
    if not bill_ids:
        return history
    rows = s.execute(
        select(
            PaymentAllocation.bill_id,
            Payment.business_date,
            func.sum(PaymentAllocation.principal_fen),
            func.sum(PaymentAllocation.penalty_fen),
        )
        .join(Payment, Payment.payment_id == PaymentAllocation.payment_id)
        .where(PaymentAllocation.bill_id.in_(bill_ids))
        .group_by(PaymentAllocation.bill_id, Payment.business_date)
    ).all()
    for bill_id, day, principal, penalty in rows:
        if principal:
            history.principal[bill_id].append((day, principal))
        history.penalty[bill_id] += penalty or 0
        history.last_day[bill_id] = max(day, history.last_day.get(bill_id, day))
    return history
