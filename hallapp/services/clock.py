"""Time, injectable so tests can move it (idle locks, lock-outs, business dates in hall time)."""

from datetime import UTC, date, datetime, timedelta

from hallapp.domain.hall_time import HALL_TZ, to_hall_time

__all__ = ["Clock", "FakeClock", "to_hall_time"]


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def local_now(self) -> datetime:
        return self.now().astimezone(HALL_TZ)

    def business_date(self) -> date:
        return self.local_now().date()


class FakeClock(Clock):
    """A clock tests set and advance by hand."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)

    def set(self, moment: datetime) -> None:
        self._now = moment
