"""Payment allocation: oldest first, penalty before principal (or not), overpayment to prepayment."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.allocation import Allocation, BillDue, allocate, total_due

OLD = BillDue("old", "202609", date(2026, 10, 12), 5_000, 300)
NEW = BillDue("new", "202610", date(2026, 11, 12), 4_000, 100)


def test_full_payment_settles_everything() -> None:
    plan = allocate(9_400, [NEW, OLD])
    assert plan.allocations == (Allocation("old", 5_000, 300), Allocation("new", 4_000, 100))
    assert plan.to_prepaid_fen == 0


def test_partial_payment_goes_to_the_oldest_bill_penalty_first() -> None:
    plan = allocate(2_000, [NEW, OLD])
    assert plan.allocations == (Allocation("old", 1_700, 300),)


def test_principal_first_when_the_setting_says_so() -> None:
    plan = allocate(5_100, [NEW, OLD], penalty_first=False)
    assert plan.allocations == (Allocation("old", 5_000, 100),)


def test_overpayment_becomes_prepayment() -> None:
    plan = allocate(10_000, [OLD, NEW])
    assert plan.to_prepaid_fen == 600 and plan.applied_fen == 9_400


def test_paying_with_nothing_owed_is_all_prepayment() -> None:
    plan = allocate(5_000, [])
    assert plan.allocations == () and plan.to_prepaid_fen == 5_000


@pytest.mark.parametrize("amount", [0, -1])
def test_only_positive_amounts(amount: int) -> None:
    with pytest.raises(ValueError):
        allocate(amount, [OLD])


bills_strategy = st.lists(
    st.builds(
        lambda i, days, principal, penalty: BillDue(
            f"b{i}", "202601", date(2026, 1, 1) + timedelta(days=days), principal, penalty
        ),
        st.integers(0, 10**6),
        st.integers(0, 400),
        st.integers(0, 10**7),
        st.integers(0, 10**5),
    ),
    max_size=12,
    unique_by=lambda b: b.bill_id,
)


@given(amount=st.integers(1, 10**9), bills=bills_strategy, penalty_first=st.booleans())
def test_every_fen_lands_once_and_older_bills_settle_first(
    amount: int, bills: list[BillDue], penalty_first: bool
) -> None:
    plan = allocate(amount, bills, penalty_first=penalty_first)
    assert plan.applied_fen + plan.to_prepaid_fen == amount
    by_id = {b.bill_id: b for b in bills}
    for a in plan.allocations:
        assert 0 <= a.principal_fen <= by_id[a.bill_id].principal_fen
        assert 0 <= a.penalty_fen <= by_id[a.bill_id].penalty_fen
    assert plan.to_prepaid_fen == max(0, amount - total_due(bills))
    paid = [a.bill_id for a in plan.allocations]
    ordered = [
        b.bill_id
        for b in sorted(bills, key=lambda b: (b.due_date, b.period, b.bill_id))
        if b.principal_fen + b.penalty_fen
    ]
    assert paid == ordered[: len(paid)]  # a prefix in age order
    for a in plan.allocations[:-1]:  # every bill but the last one touched is settled in full
        assert a.total_fen == by_id[a.bill_id].principal_fen + by_id[a.bill_id].penalty_fen
