"""Halls keep China Standard Time (UTC+8, no daylight saving) whatever the PC's own time zone says,
so a business day and a printed time are the same on every PC and on the server."""

from datetime import datetime, timedelta, timezone

HALL_TZ = timezone(timedelta(hours=8), "CST")


def to_hall_time(moment: datetime) -> datetime:
    """An aware UTC moment as the hall's wall-clock time (naive), for screens and paper."""
    return moment.astimezone(HALL_TZ).replace(tzinfo=None)
