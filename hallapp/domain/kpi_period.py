"""What the PC's daily log and the central report share besides the KPI code: the rules read from a
hall's settings, and which periods may be asked for."""

from datetime import date
from typing import Any

from hallapp.domain.errors import InvalidInput
from hallapp.domain.kpi_facts import KpiRules
from hallapp.domain.queue_views import BAD_RATING_MAX


def rules_from(values: dict[str, Any]) -> KpiRules:
    """The KPI rules from a hall's effective settings (key → value)."""
    return KpiRules(
        wait_target_minutes=values["queue.wait_target_minutes"],
        wait_percentile=values["supervision.wait_percentile"],
        bad_rating_max=BAD_RATING_MAX,
        opening_time=values["hall.opening_time"],
        closing_time=values["hall.closing_time"],
    )


def check_period(first: date, last: date, today: date, longest: int) -> None:
    """``first`` … ``last`` both included: not reversed, not ending in the future, at most
    ``longest`` days (``supervision.max_range_days``)."""
    if last < first:
        raise InvalidInput("last_day", "range_reversed")
    if last > today:
        raise InvalidInput("last_day", "future_day", day=last.isoformat(), today=today.isoformat())
    if (last - first).days + 1 > longest:
        raise InvalidInput("last_day", "range_too_long", limit=longest)
