"""Small statistics of the daily log: durations in whole seconds, the nearest-rank percentile."""

import math
from collections.abc import Sequence
from datetime import datetime

from hallapp.domain.kpi_values import DurationStats, ServiceLevel


def seconds_between(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end``, rounded; 0 if the clock ran backwards between them."""
    return max(0, round((end - start).total_seconds()))


def nearest_rank(values: Sequence[int], percentile: int) -> int | None:
    """The smallest value with at least ``percentile`` % of the values at or below it: the value at
    rank ⌈p/100 × n⌉ of the sorted list (nearest-rank method). None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percentile * len(ordered) / 100))
    return ordered[rank - 1]


def duration_stats(entries: Sequence[tuple[str, int]], percentile: int) -> DurationStats:
    """Stats of ``(ticket_id, seconds)`` entries."""
    ids = tuple(ticket_id for ticket_id, _ in entries)
    seconds = tuple(value for _, value in entries)
    top = max(entries, key=lambda e: e[1]) if entries else None
    return DurationStats(
        ticket_ids=ids,
        seconds=seconds,
        percentile=percentile,
        percentile_s=nearest_rank(seconds, percentile),
        max_s=top[1] if top else None,
        max_ticket_id=top[0] if top else None,
    )


def service_level(entries: Sequence[tuple[str, int]], target_minutes: int) -> ServiceLevel:
    """Who of ``(ticket_id, wait seconds)`` waited at most the target (a wait of exactly the
    target counts as within)."""
    limit = target_minutes * 60
    return ServiceLevel(
        target_minutes=target_minutes,
        within=tuple(ticket_id for ticket_id, wait in entries if wait <= limit),
        counted=tuple(ticket_id for ticket_id, _ in entries),
    )
