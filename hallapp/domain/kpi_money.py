"""Money, cash-up and application figures of the hall or one clerk (``staff_no`` None: the hall).

Money is integer fen. A payment counts on its own business day; a reversal counts on the day it
was made (the day the money left the till), also when it reverses an earlier day's payment, so a
day's net total is what its tills held, as in the clerk's cash-up (``domain.payments.till_totals``).
"""

from collections.abc import Sequence
from datetime import date

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.kpi_facts import ApplicationFact, PaymentFact, ReprintFact, ShiftFact
from hallapp.domain.kpi_values import Applications, CashUp, MethodMoney, Money, ShiftLine


def money(
    payments: Sequence[PaymentFact],
    reprints: Sequence[ReprintFact],
    staff_no: str | None,
    first_day: date,
) -> Money:
    mine = [p for p in payments if staff_no is None or p.staff_no == staff_no]
    taken = [p for p in mine if not p.is_reversal]
    reversals = [p for p in mine if p.is_reversal]
    ids: dict[str, list[str]] = {m.value: [] for m in PaymentMethod}
    counts = dict.fromkeys(ids, 0)
    nets = dict.fromkeys(ids, 0)
    for p in mine:
        ids.setdefault(p.method, []).append(p.payment_id)
        counts[p.method] = counts.get(p.method, 0) + (0 if p.is_reversal else 1)
        nets[p.method] = nets.get(p.method, 0) + p.amount_fen
    by_method = tuple(MethodMoney(m, tuple(ids[m]), counts[m], nets[m]) for m in ids)
    return Money(
        by_method=by_method,
        payments=tuple(p.payment_id for p in taken),
        gross_fen=sum(p.amount_fen for p in taken),
        reversals=tuple(p.payment_id for p in reversals),
        reversed_fen=-sum(p.amount_fen for p in reversals),
        reversals_of_other_days=tuple(
            p.payment_id
            for p in reversals
            if p.reverses_business_date is not None and p.reverses_business_date < first_day
        ),
        reprints=tuple(r.print_id for r in reprints if staff_no is None or r.staff_no == staff_no),
    )


def cash_up(shifts: Sequence[ShiftFact], staff_no: str | None) -> CashUp:
    lines = tuple(
        ShiftLine(
            shift_id=s.shift_id,
            staff_no=s.staff_no,
            business_date=s.business_date,
            closed=s.closed_at is not None,
            expected_cash_fen=s.expected_cash_fen,
            counted_cash_fen=s.counted_cash_fen,
            difference_fen=s.difference_fen,
            difference_reason=s.difference_reason or "",
        )
        for s in shifts
        if staff_no is None or s.staff_no == staff_no
    )
    return CashUp(
        shifts=lines,
        open_shifts=tuple(line.shift_id for line in lines if not line.closed),
        with_difference=tuple(line.shift_id for line in lines if line.difference_fen),
    )


def applications(
    apps: Sequence[ApplicationFact], staff_no: str | None, first_day: date, last_day: date
) -> Applications:
    """Accepted and due count for the clerk who accepted; completed for the clerk who archived."""

    def accepted_here(a: ApplicationFact) -> bool:
        return staff_no is None or a.accepted_by == staff_no

    def within(day: date | None) -> bool:
        return day is not None and first_day <= day <= last_day

    completed = [a for a in apps if a.completed and within(a.closed_on)]
    return Applications(
        accepted=tuple(a.application_id for a in apps if accepted_here(a) and within(a.accepted_on)),
        completed=tuple(
            a.application_id for a in completed if staff_no is None or a.completed_by == staff_no
        ),
        due=tuple(
            a.application_id
            for a in apps
            if accepted_here(a) and within(a.due_on) and (a.closed_on is None or a.closed_on >= a.due_on)
        ),
        overdue=tuple(
            a.application_id
            for a in apps
            if accepted_here(a)
            and a.due_on is not None
            and a.due_on < last_day
            and a.accepted_on <= last_day
            and (a.closed_on is None or a.closed_on > last_day)
        ),
        completed_same_day=tuple(
            a.application_id
            for a in completed
            if accepted_here(a) and a.accepted_on == a.closed_on and within(a.accepted_on)
        ),
    )
