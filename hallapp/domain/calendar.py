"""Working days: weekends and holidays off, except official make-up working days (调休)."""

from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # an official day off that would be a working day
    WORKDAY = "workday"  # a weekend day that is a make-up working day


def is_working_day(day: date, overrides: Mapping[date, DayKind]) -> bool:
    kind = overrides.get(day)
    if kind is DayKind.HOLIDAY:
        return False
    if kind is DayKind.WORKDAY:
        return True
    return day.weekday() < 5


def add_working_days(start: date, days: int, overrides: Mapping[date, DayKind]) -> date:
    """The date ``days`` working days after ``start`` (start itself does not count)."""
    if days < 0:
        raise ValueError("days must be >= 0")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, overrides):
            remaining -= 1
    return current


def working_days_between(start: date, end: date, overrides: Mapping[date, DayKind]) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start, overrides)
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        count += is_working_day(current, overrides)
    return count
