"""Working days with weekends, holidays and make-up working days (调休)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.demo.reference import HOLIDAYS_2026, WORKDAYS_2026
from hallapp.domain.calendar import DayKind, add_working_days, is_working_day, working_days_between
from tests.core.helpers import PROPERTY


def _calendar_2026() -> dict[date, DayKind]:
    cal: dict[date, DayKind] = {}
    for first, last, _ in HOLIDAYS_2026:
        day = date.fromisoformat(first)
        while day <= date.fromisoformat(last):
            cal[day] = DayKind.HOLIDAY
            day += timedelta(days=1)
    for day, _ in WORKDAYS_2026:
        cal[date.fromisoformat(day)] = DayKind.WORKDAY
    return cal


CAL = _calendar_2026()


def test_plain_weekdays_and_weekends() -> None:
    assert is_working_day(date(2026, 11, 20), {})  # Friday
    assert not is_working_day(date(2026, 11, 21), {})  # Saturday
    assert not is_working_day(date(2026, 11, 22), {})  # Sunday


def test_add_working_days_skips_the_weekend() -> None:
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1, {}) == date(2026, 11, 23)  # Monday
    assert add_working_days(friday, 5, {}) == date(2026, 11, 27)
    assert add_working_days(date(2026, 11, 21), 1, {}) == date(2026, 11, 23)  # from a Saturday


def test_add_zero_days_is_the_start_even_on_a_holiday() -> None:
    assert add_working_days(date(2026, 10, 1), 0, CAL) == date(2026, 10, 1)


def test_add_working_days_skips_a_holiday() -> None:
    # National Day week 2026-10-01..07 is off; the Wednesday before is a working day.
    assert add_working_days(date(2026, 9, 30), 1, CAL) == date(2026, 10, 8)
    assert add_working_days(date(2026, 9, 30), 1, {}) == date(2026, 10, 1)


def test_a_make_up_saturday_counts_as_a_working_day() -> None:
    friday = date(2026, 10, 9)
    assert date(2026, 10, 10).weekday() == 5
    assert add_working_days(friday, 1, CAL) == date(2026, 10, 10)
    assert add_working_days(friday, 1, {}) == date(2026, 10, 12)


def test_single_holiday_on_a_weekday() -> None:
    monday = date(2026, 11, 23)
    overrides = {date(2026, 11, 24): DayKind.HOLIDAY}
    assert add_working_days(monday, 1, overrides) == date(2026, 11, 25)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 20), -1, {})


def test_working_days_between_counts_half_open_interval_and_sign() -> None:
    friday, monday = date(2026, 11, 20), date(2026, 11, 23)
    assert working_days_between(friday, monday, {}) == 1
    assert working_days_between(monday, friday, {}) == -1
    assert working_days_between(friday, friday, {}) == 0
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 8), CAL) == 1
    assert working_days_between(date(2026, 10, 8), date(2026, 9, 30), CAL) == -1
    assert working_days_between(date(2026, 10, 9), date(2026, 10, 12), CAL) == 2  # Sat make-up + Mon


@PROPERTY
@given(
    st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_add_and_between_are_inverse(start: date, days: int) -> None:
    end = add_working_days(start, days, CAL)
    assert working_days_between(start, end, CAL) == days
    assert working_days_between(end, start, CAL) == -days
    if days:
        assert is_working_day(end, CAL)
