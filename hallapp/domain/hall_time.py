"""Halls keep China Standard Time (UTC+8, no daylight saving) whatever the PC's own time zone says,
so a business day and a printed time are the same on every PC and on the server."""

from datetime import date, datetime, timedelta, timezone

HALL_TZ = timezone(timedelta(hours=8), "CST")


def to_hall_time(moment: datetime) -> datetime:
    """An aware moment as the hall's wall-clock time (naive), for screens and paper.

    A naive value is already hall time (services hand those out) and is returned unchanged.
    """
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(HALL_TZ).replace(tzinfo=None)


def hall_now() -> datetime:
    return to_hall_time(datetime.now(HALL_TZ))


def day_start(day: date) -> datetime:
    """Midnight starting ``day`` in the hall, as an aware moment."""
    return datetime(day.year, day.month, day.day, tzinfo=HALL_TZ)
