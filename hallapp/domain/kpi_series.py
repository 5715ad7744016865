"""The day through the hours (a range: through the days), for the charts: tickets issued, the
longest line, waits of the customers called, customers finished per window, money collected.

Buckets are hall time. A day's series covers the opening hours (settings ``hall.opening_time`` …
``hall.closing_time``), widened to any hour with records, so a day with nothing has its opening
hours at zero and a ticket served after midnight shows in the hour it was served. A range's day is
the sum of the hours falling on it (``daily``), the same sum the central report makes of kept days.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.kpi_facts import KpiRules, PaymentFact
from hallapp.domain.kpi_tickets import TicketRun
from hallapp.domain.kpi_values import SeriesPoint

OFFSET_S = HALL_TZ.utcoffset(None).total_seconds()  # type: ignore[union-attr]
EPOCH = datetime(1970, 1, 1)
HOUR = timedelta(hours=1)


@dataclass
class _Bucket:
    issued: int = 0
    called: int = 0
    waits: list[int] = field(default_factory=list)
    served: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    collected_fen: int = 0
    payments: int = 0


def series(
    runs: Sequence[TicketRun],
    payments: Sequence[PaymentFact],
    rules: KpiRules,
    first_day: date,
    last_day: date,
) -> tuple[SeriesPoint, ...]:
    """A day's hours; a range's days, each the sum of its business days' hours (``daily``)."""
    if first_day == last_day:
        return hourly(runs, payments, rules, first_day)
    runs_by_day: dict[date, list[TicketRun]] = defaultdict(list)
    payments_by_day: dict[date, list[PaymentFact]] = defaultdict(list)
    for run in runs:
        runs_by_day[run.ticket.business_date].append(run)
    for p in payments:
        payments_by_day[p.business_date].append(p)
    hours = [
        point
        for day in sorted(set(runs_by_day) | set(payments_by_day))
        for point in hourly(runs_by_day[day], payments_by_day[day], rules, day)
    ]
    return daily(hours, first_day, last_day)


def hourly(
    runs: Sequence[TicketRun], payments: Sequence[PaymentFact], rules: KpiRules, day: date
) -> tuple[SeriesPoint, ...]:
    """The hours of one business day's tickets and payments."""
    width = int(HOUR.total_seconds())
    starts_by_index: dict[int, datetime] = {}

    def key(moment: datetime) -> datetime:
        """The bucket's start in hall time; arithmetic on the timestamp, as the hall keeps no DST."""
        index = int(moment.timestamp() + OFFSET_S) // width
        start = starts_by_index.get(index)
        if start is None:
            start = starts_by_index[index] = EPOCH + timedelta(seconds=index * width)
        return start

    buckets: dict[datetime, _Bucket] = defaultdict(_Bucket)
    for run in runs:
        buckets[key(run.ticket.issued_at)].issued += 1
        for wait in run.waits:
            bucket = buckets[key(wait.called_at)]
            bucket.called += 1
            bucket.waits.append(wait.seconds)
        for wait in run.no_show_waits:
            buckets[key(wait.called_at)].called += 1
        if run.finished is not None and run.finished_at is not None and run.finished.window_no is not None:
            buckets[key(run.finished_at)].served[run.finished.window_no] += 1
    for p in payments:
        bucket = buckets[key(p.paid_at)]
        bucket.collected_fen += p.amount_fen
        bucket.payments += 0 if p.is_reversal else 1
    starts = _span(buckets.keys(), rules, day)
    queue_max = _queue_max(runs, starts, HOUR)
    return tuple(_point(start, buckets.get(start) or _Bucket(), queue_max[start]) for start in starts)


def daily(hours: Iterable[SeriesPoint], first_day: date, last_day: date) -> tuple[SeriesPoint, ...]:
    """Hours summed into days of hall time (the longest line: the day's longest hour), one point
    for every day of ``first_day`` … ``last_day`` and any other day with hours."""
    by_day: dict[date, list[SeriesPoint]] = defaultdict(list)
    for point in hours:
        by_day[point.start.date()].append(point)
    first, last = min(first_day, *by_day, first_day), max(last_day, *by_day, last_day)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return tuple(merged(datetime.combine(day, time()), by_day.get(day, ())) for day in days)


def merged(start: datetime, points: Iterable[SeriesPoint]) -> SeriesPoint:
    """Points added up (the longest line and the longest wait: the longest of them)."""
    served: dict[int, int] = defaultdict(int)
    issued = queue_max = called = waited = wait_total = collected = paid = 0
    wait_max: int | None = None
    for p in points:
        issued += p.issued
        queue_max = max(queue_max, p.queue_max)
        called += p.called
        waited += p.waited
        wait_total += p.wait_total_s
        if p.wait_max_s is not None:
            wait_max = p.wait_max_s if wait_max is None else max(wait_max, p.wait_max_s)
        for window_no, count in p.served_by_window:
            served[window_no] += count
        collected += p.collected_fen
        paid += p.payments
    return SeriesPoint(
        start=start,
        issued=issued,
        queue_max=queue_max,
        called=called,
        waited=waited,
        wait_total_s=wait_total,
        wait_max_s=wait_max,
        served_by_window=tuple(sorted((w, c) for w, c in served.items() if c)),
        collected_fen=collected,
        payments=paid,
    )


def _span(keys: Iterable[datetime], rules: KpiRules, day: date) -> list[datetime]:
    first = datetime.combine(day, rules.opening_time.replace(minute=0))
    closing = datetime.combine(day, rules.closing_time)
    last = closing.replace(minute=0) - (HOUR if closing.minute == 0 else timedelta(0))
    present = list(keys)
    if present:
        first, last = min(first, *present), max(last, *present)
    starts = []
    moment = first
    while moment <= last:
        starts.append(moment)
        moment += HOUR
    return starts


def _queue_max(runs: Sequence[TicketRun], starts: list[datetime], step: timedelta) -> dict[datetime, int]:
    """The most customers waiting in a line at once within each bucket (a leave before a join at
    the same moment)."""
    changes = sorted(
        (moment.timestamp(), delta)
        for run in runs
        for line in run.lines
        for moment, delta in ((line.entered, 1), (line.left, -1))
        if moment is not None
    )
    result: dict[datetime, int] = {}
    level, i = 0, 0
    for start in starts:
        end = (start + step - EPOCH).total_seconds() - OFFSET_S
        highest = level
        while i < len(changes) and changes[i][0] < end:
            level += changes[i][1]
            highest = max(highest, level)
            i += 1
        result[start] = highest
    return result


def _point(start: datetime, bucket: _Bucket, queue_max: int) -> SeriesPoint:
    return SeriesPoint(
        start=start,
        issued=bucket.issued,
        queue_max=queue_max,
        called=bucket.called,
        waited=len(bucket.waits),
        wait_total_s=sum(bucket.waits),
        wait_max_s=max(bucket.waits) if bucket.waits else None,
        served_by_window=tuple(sorted(bucket.served.items())),
        collected_fen=bucket.collected_fen,
        payments=bucket.payments,
    )
