"""Late-payment penalty (R3.1): hand-computed cases and exactness properties."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.penalty import OverdueBill, PenaltyRules, account_penalties, bill_penalty, penalty_days
from hallapp.domain.settings_catalog import CATALOG

RULES = PenaltyRules.from_settings({d.key: d.parse(d.default) for d in CATALOG})


def bill(bill_id: str, period: str, due: date, owed: int) -> OverdueBill:
    return OverdueBill(bill_id, period, due, owed)


def test_defaults_come_from_the_settings_catalog() -> None:
    assert PenaltyRules(Decimal(1), Decimal(2), Decimal(3), 100, 1) == RULES


def test_no_penalty_on_or_before_the_due_date_then_one_day_after() -> None:
    due = date(2026, 11, 12)
    assert penalty_days(due, due, RULES) == 0
    assert penalty_days(due, due + timedelta(days=1), RULES) == 1
    assert penalty_days(due, date(2026, 11, 22), RULES) == 10


def test_resident_one_permille_per_day() -> None:
    # ¥382.00 owed, 10 days late: 38200 × 1‰ × 10 = 382 fen
    assert (
        bill_penalty(
            bill("b", "202610", date(2026, 11, 12), 38_200), date(2026, 11, 22), resident=True, rules=RULES
        )
        == 382
    )


def test_rounds_half_up_to_the_fen() -> None:
    # 3850 × 1‰ × 1 = 3.85 fen -> 4; 3849 × 1‰ × 1 = 3.849 -> 4; 3449 -> 3.449 -> 3
    due, on = date(2026, 11, 12), date(2026, 11, 13)
    assert [
        bill_penalty(bill("b", "202610", due, f), on, resident=True, rules=RULES) for f in (3850, 3849, 3449)
    ] == [4, 4, 3]


def test_non_resident_current_and_prior_year_rates() -> None:
    on = date(2026, 2, 10)
    current = bill("c", "202601", date(2026, 2, 5), 100_000)  # 5 days × 2‰ = 1000 fen
    prior = bill("p", "202512", date(2026, 1, 12), 100_000)  # 29 days × 3‰ = 8700 fen
    assert bill_penalty(current, on, resident=False, rules=RULES) == 1_000
    assert bill_penalty(prior, on, resident=False, rules=RULES) == 8_700


def test_minimum_is_applied_to_the_account_total_on_the_oldest_bill() -> None:
    on = date(2026, 11, 14)
    bills = [bill("new", "202610", date(2026, 11, 12), 2_000), bill("old", "202609", date(2026, 10, 12), 300)]
    parts = account_penalties(bills, on, resident=True, rules=RULES)
    # old: 300 × 1‰ × 33 = 9.9 -> 10; new: 2000 × 1‰ × 2 = 4; total 14 < 100 -> old carries 90 more
    assert parts == {"old": 96, "new": 4}
    assert sum(parts.values()) == RULES.minimum_fen


def test_nothing_overdue_means_no_minimum_either() -> None:
    parts = account_penalties(
        [bill("b", "202610", date(2026, 11, 12), 5_000)], date(2026, 11, 1), resident=True, rules=RULES
    )
    assert parts == {"b": 0}


@given(
    owed=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8),
    days_late=st.lists(st.integers(min_value=-30, max_value=800), min_size=8, max_size=8),
    resident=st.booleans(),
)
def test_parts_add_up_and_never_go_below_the_minimum(
    owed: list[int], days_late: list[int], resident: bool
) -> None:
    on = date(2026, 11, 22)
    bills = [
        bill(
            f"b{i}",
            f"{(on - timedelta(days=d)).year}{(on - timedelta(days=d)).month:02d}",
            on - timedelta(days=d),
            f,
        )
        for i, (f, d) in enumerate(zip(owed, days_late, strict=False))
    ]
    parts = account_penalties(bills, on, resident=resident, rules=RULES)
    total = sum(parts.values())
    plain = sum(bill_penalty(b, on, resident=resident, rules=RULES) for b in bills)
    assert all(v >= 0 for v in parts.values())
    assert total == (max(plain, RULES.minimum_fen) if plain else 0)


@given(owed=st.integers(min_value=1, max_value=10**8), days=st.integers(min_value=1, max_value=1000))
def test_penalty_grows_with_lateness(owed: int, days: int) -> None:
    due = date(2026, 1, 5)
    earlier = bill_penalty(
        bill("b", "202512", due, owed), due + timedelta(days=days), resident=True, rules=RULES
    )
    later = bill_penalty(
        bill("b", "202512", due, owed), due + timedelta(days=days + 1), resident=True, rules=RULES
    )
    assert later >= earlier
