"""The day through the hours (a range: through the days), for the charts: tickets issued, the
longest line, waits of the customers called, customers finished per window, money collected.

Buckets are hall time. A day's series covers the opening hours (settings ``hall.opening_time`` …
``hall.closing_time``), widened to any hour with records, so a day with nothing has its opening
hours at zero and a ticket served after midnight shows in the hour it was served.
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
DAY = timedelta(days=1)


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
    step = HOUR if first_day == last_day else DAY
    width = int(step.total_seconds())
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
    starts = _span(buckets.keys(), rules, first_day, last_day, step)
    queue_max = _queue_max(runs, starts, step)
    return tuple(_point(start, buckets.get(start) or _Bucket(), queue_max[start]) for start in starts)


def _span(
    keys: Iterable[datetime], rules: KpiRules, first_day: date, last_day: date, step: timedelta
) -> list[datetime]:
    if step == DAY:
        first, last = datetime.combine(first_day, time()), datetime.combine(last_day, time())
    else:
        first = datetime.combine(first_day, rules.opening_time.replace(minute=0))
        closing = datetime.combine(first_day, rules.closing_time)
        last = closing.replace(minute=0) - (HOUR if closing.minute == 0 else timedelta(0))
    present = list(keys)
    if present:
        first, last = min(first, *present), max(last, *present)
    starts = []
    moment = first
    while moment <= last:
        starts.append(moment)
        moment += step
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
        wait_mean_s=sum(bucket.waits) / len(bucket.waits) if bucket.waits else None,
        wait_max_s=max(bucket.waits) if bucket.waits else None,
        served_by_window=tuple(sorted(bucket.served.items())),
        collected_fen=bucket.collected_fen,
        payments=bucket.payments,
    )
