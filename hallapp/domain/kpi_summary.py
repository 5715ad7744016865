"""A hall's daily-log figures as numbers that add up, for the central report over many halls and
days (issue 7; docs/kpi.md, "The central report").

A hall-day's ``DailyLog`` is summarized once (``summarize``) and kept; a period's figures, and the
company's, are merged from the kept days (``merge``). A summary holds counts, sums and the waits
and handling times in whole seconds, so the nearest-rank percentile of a month is exact, and no
ids: the records behind a figure are read per hall.

For one hall, merging its days gives what ``summarize`` gives of ``daily_log`` over the period
(tested); across halls, the longest line is the longest in any hall and the service level counts
each customer against their own hall's target.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain

from hallapp.domain.kpi_facts import DayFacts
from hallapp.domain.kpi_series import daily, merged
from hallapp.domain.kpi_values import DailyLog, DurationStats, SeriesPoint
from hallapp.domain.queue_views import RATING_LEVELS


@dataclass(frozen=True)
class Durations:
    """Whole seconds, ascending (merging is concatenating and sorting, which runs at C speed)."""

    seconds: tuple[int, ...] = ()

    @classmethod
    def of(cls, seconds: Iterable[int]) -> "Durations":
        return cls(tuple(sorted(seconds)))

    @property
    def count(self) -> int:
        return len(self.seconds)

    @property
    def total_s(self) -> int:
        return sum(self.seconds)

    @property
    def mean_s(self) -> float | None:
        return self.total_s / len(self.seconds) if self.seconds else None

    @property
    def max_s(self) -> int | None:
        return self.seconds[-1] if self.seconds else None

    def percentile_s(self, percentile: int) -> int | None:
        """The nearest-rank percentile, as ``kpi_stats.nearest_rank``."""
        if not self.seconds:
            return None
        return self.seconds[max(1, math.ceil(percentile * len(self.seconds) / 100)) - 1]


@dataclass(frozen=True)
class MethodTotal:
    method: str
    rows: int  # payments and reversals
    payments: int
    net_fen: int


@dataclass(frozen=True)
class Summary:
    first_day: date
    last_day: date
    wait_percentile: int
    served: int
    served_by_type: tuple[tuple[str, int], ...]  # (business type, customers), by type
    waits: Durations
    handling: Durations
    within_target: int  # waits no longer than the target (of the hall the customer waited in)
    no_shows: int
    transfers: int
    unfinished: int
    ratings: tuple[int, ...]  # how many of each score, in RATING_LEVELS order (5 … 1)
    bad_ratings: int
    bad_reasons: tuple[tuple[str, int], ...]  # (reason, how often), most frequent first
    pauses: int
    pause_s: int
    by_method: tuple[MethodTotal, ...]
    payments: int
    gross_fen: int
    reversals: int
    reversed_fen: int
    earlier_reversals: tuple[tuple[date, int], ...]  # reversals of payments of days before first_day
    reprints: int
    shifts: int
    open_shifts: int
    shifts_with_difference: int
    difference_fen: int
    accepted: int
    completed: int
    due: int
    overdue: int  # open past their date at the end of last_day
    completed_same_day: int
    complaints: int
    consultations: int
    hours: tuple[SeriesPoint, ...]  # every kept hour, in time order
    empty: bool

    @property
    def wait_percentile_s(self) -> int | None:
        return self.waits.percentile_s(self.wait_percentile)

    @property
    def handling_percentile_s(self) -> int | None:
        return self.handling.percentile_s(self.wait_percentile)

    @property
    def service_level(self) -> float | None:
        counted = self.waits.count
        return self.within_target / counted if counted else None

    @property
    def rated(self) -> int:
        return sum(self.ratings)

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.reversed_fen

    @property
    def reversals_of_other_days(self) -> int:
        return sum(count for _, count in self.earlier_reversals)

    @property
    def same_day_rate(self) -> float | None:
        return self.completed_same_day / self.accepted if self.accepted else None

    def series(self) -> tuple[SeriesPoint, ...]:
        """One day: its hours, with no hour missing between the first and the last; a period: its days."""
        if self.first_day != self.last_day:
            return daily(self.hours, self.first_day, self.last_day)
        if not self.hours:
            return ()
        by_start = {p.start: p for p in self.hours}
        first, last = self.hours[0].start, self.hours[-1].start
        count = int((last - first) / timedelta(hours=1)) + 1
        starts = [first + timedelta(hours=n) for n in range(count)]
        return tuple(by_start.get(start) or merged(start, ()) for start in starts)


def summarize(log: DailyLog, facts: DayFacts) -> Summary:
    """The hall figures of ``log`` (computed from ``facts``) as a summary; ``hours`` is the day's
    series for one day, and empty for a period (its series is of days)."""
    hall = log.hall
    tickets, money, apps, cash_up = hall.tickets, hall.money, hall.applications, hall.cash_up
    assert money is not None and apps is not None and cash_up is not None
    by_id = {p.payment_id: p for p in facts.payments}
    earlier = Counter(
        d for d in (by_id[i].reverses_business_date for i in money.reversals_of_other_days) if d is not None
    )
    bad = hall.satisfaction.bad
    return Summary(
        first_day=log.first_day,
        last_day=log.last_day,
        wait_percentile=log.wait_percentile,
        served=len(tickets.served),
        served_by_type=tuple((t.business_type, len(t.ticket_ids)) for t in tickets.served_by_type),
        waits=_durations(tickets.waits),
        handling=_durations(tickets.handling),
        within_target=len(tickets.service_level.within),
        no_shows=len(tickets.no_shows),
        transfers=len(tickets.transfers),
        unfinished=len(tickets.unfinished),
        ratings=tuple(len(r.ticket_ids) for r in hall.satisfaction.distribution),
        bad_ratings=len(bad),
        bad_reasons=_ranked(Counter(b.reason for b in bad if b.reason)),
        pauses=len(hall.pauses.event_ids),
        pause_s=hall.pauses.seconds,
        by_method=tuple(
            MethodTotal(m.method, len(m.payment_ids), m.count, m.net_fen) for m in money.by_method
        ),
        payments=len(money.payments),
        gross_fen=money.gross_fen,
        reversals=len(money.reversals),
        reversed_fen=money.reversed_fen,
        earlier_reversals=tuple(sorted(earlier.items())),
        reprints=len(money.reprints),
        shifts=len(cash_up.shifts),
        open_shifts=len(cash_up.open_shifts),
        shifts_with_difference=len(cash_up.with_difference),
        difference_fen=cash_up.difference_fen,
        accepted=len(apps.accepted),
        completed=len(apps.completed),
        due=len(apps.due),
        overdue=len(apps.overdue),
        completed_same_day=len(apps.completed_same_day),
        complaints=len(hall.complaints or ()),
        consultations=len(hall.consultations or ()),
        hours=log.series if log.first_day == log.last_day else (),
        empty=log.empty,
    )


def merge(parts: Sequence[Summary], wait_percentile: int) -> Summary:
    """Summaries added up: the days of a period (of one hall or many) or the halls of a period.

    The period runs from the first part's first day to the last part's last day; what is open at its
    end (overdue applications) is the last day's."""
    if not parts:
        raise ValueError("nothing to merge")
    first = min(p.first_day for p in parts)
    last = max(p.last_day for p in parts)
    ends = [p for p in parts if p.last_day == last]
    types: dict[str, int] = defaultdict(int)
    reasons: Counter[str] = Counter()
    earlier: Counter[date] = Counter()
    methods: dict[str, list[int]] = {}
    for p in parts:
        for code, count in p.served_by_type:
            types[code] += count
        reasons.update(dict(p.bad_reasons))
        earlier.update({day: count for day, count in p.earlier_reversals if day < first})
        for m in p.by_method:
            row = methods.setdefault(m.method, [0, 0, 0])
            row[0], row[1], row[2] = row[0] + m.rows, row[1] + m.payments, row[2] + m.net_fen
    hours: dict[datetime, list[SeriesPoint]] = defaultdict(list)
    for p in parts:
        for point in p.hours:
            hours[point.start].append(point)

    def total(name: str, among: Sequence[Summary] = parts) -> int:
        return sum(getattr(p, name) for p in among)

    return Summary(
        first_day=first,
        last_day=last,
        wait_percentile=wait_percentile,
        served=total("served"),
        served_by_type=tuple(sorted(types.items())),
        waits=_merged_durations(p.waits for p in parts),
        handling=_merged_durations(p.handling for p in parts),
        within_target=total("within_target"),
        no_shows=total("no_shows"),
        transfers=total("transfers"),
        unfinished=total("unfinished"),
        ratings=tuple(sum(p.ratings[i] for p in parts) for i in range(len(RATING_LEVELS))),
        bad_ratings=total("bad_ratings"),
        bad_reasons=_ranked(reasons),
        pauses=total("pauses"),
        pause_s=total("pause_s"),
        by_method=tuple(MethodTotal(m, *row) for m, row in methods.items()),
        payments=total("payments"),
        gross_fen=total("gross_fen"),
        reversals=total("reversals"),
        reversed_fen=total("reversed_fen"),
        earlier_reversals=tuple(sorted(earlier.items())),
        reprints=total("reprints"),
        shifts=total("shifts"),
        open_shifts=total("open_shifts"),
        shifts_with_difference=total("shifts_with_difference"),
        difference_fen=total("difference_fen"),
        accepted=total("accepted"),
        completed=total("completed"),
        due=total("due"),
        overdue=total("overdue", ends),
        completed_same_day=total("completed_same_day"),
        complaints=total("complaints"),
        consultations=total("consultations"),
        hours=tuple(merged(start, hours[start]) for start in sorted(hours)),
        empty=all(p.empty for p in parts),
    )


def _durations(stats: DurationStats) -> Durations:
    return Durations.of(stats.seconds)


def _merged_durations(parts: Iterable[Durations]) -> Durations:
    return Durations(tuple(sorted(chain.from_iterable(d.seconds for d in parts))))


def _ranked(tally: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(tally.items(), key=lambda item: (-item[1], item[0])))
