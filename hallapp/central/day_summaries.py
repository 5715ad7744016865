"""Kept hall-day summaries (issue 7): each closed day (before today, hall time) of each hall is
summarized once with the PC's KPI code (``domain.kpi_summary``) and kept in ``hall_day_summary``
with the settings it was computed with (``hallapp central summarize``, from cron); a period's
report merges the kept days.

A kept day is taken as it is unless its records changed since (the triggers of central migration
0007 mark the day in ``hall_day_dirty``) or the hall's settings differ from those it was computed
with; then, and for a day never kept, the report computes it from the facts (slower, the same
figures). Today is always computed and never kept.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import BigInteger, String, and_, any_, bindparam, delete, exists, func, select, tuple_
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import Session

from hallapp.central.report_facts import facts_by_hall
from hallapp.central.schema_hall_facts import HallDayDirtyRow, HallDaySummaryRow
from hallapp.domain.daily_log_json import read, to_json
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import KpiRules
from hallapp.domain.kpi_summary import Summary, summarize

Key = tuple[str, date]


def day_summaries(
    s: Session, rules: dict[str, KpiRules], first: date, last: date, today: date
) -> dict[str, list[Summary]]:
    """Every day of ``first`` … ``last`` of every hall in ``rules`` (hall id → its settings), in day
    order: the kept ones that are fresh, the others computed (and not kept: a report only reads;
    ``hallapp central summarize`` keeps)."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    kept = _kept(s, rules, first, min(last, today - timedelta(days=1)))
    missing = [(hall, day) for day in days for hall in rules if (hall, day) not in kept]
    found = kept | compute(s, missing, rules)
    return {hall: [found[(hall, day)] for day in days] for hall in rules}


def compute(s: Session, keys: Sequence[Key], rules: dict[str, KpiRules]) -> dict[Key, Summary]:
    """The summaries of ``keys`` from the hall facts, one day's halls at a time."""
    halls_by_day: dict[date, list[str]] = defaultdict(list)
    for hall, day in keys:
        halls_by_day[day].append(hall)
    made: dict[Key, Summary] = {}
    for day, halls in sorted(halls_by_day.items()):
        for hall, facts in facts_by_hall(s, halls, day, day).items():
            made[(hall, day)] = summarize(daily_log(facts, rules[hall]), facts)
    return made


def keep(s: Session, summaries: dict[Key, Summary], rules: dict[str, KpiRules], seen: Sequence[int]) -> None:
    """Store closed days' summaries and delete the marks ``seen`` before their facts were read; a
    mark written since (a change the summary may have missed) stays, and the day is computed again."""
    if summaries:
        rows = [
            {
                "hall_id": h,
                "business_date": d,
                "rules": to_json(rules[h]),
                "summary": to_json(summary, derived=False),
            }
            for (h, d), summary in summaries.items()
        ]
        statement = insert(HallDaySummaryRow)
        fresh = {
            "rules": statement.excluded.rules,
            "summary": statement.excluded.summary,
            "computed_at": func.now(),
        }
        s.execute(
            statement.on_conflict_do_update(index_elements=["hall_id", "business_date"], set_=fresh), rows
        )
    if seen:
        s.execute(
            delete(HallDayDirtyRow).where(
                HallDayDirtyRow.mark_id == any_(bindparam("seen", list(seen), type_=ARRAY(BigInteger)))
            )
        )


def marks(s: Session, keys: Sequence[Key]) -> list[int]:
    """The marks now on ``keys`` (read before their facts)."""
    if not keys:
        return []
    d = HallDayDirtyRow
    return list(s.scalars(select(d.mark_id).where(tuple_(d.hall_id, d.business_date).in_(list(keys)))))


def pending(s: Session, rules: dict[str, KpiRules], first: date, today: date) -> list[Key]:
    """Closed days from ``first`` on of the halls in ``rules`` that were never kept, are marked
    changed, or were kept with other settings; in day order."""
    d, r = HallDayDirtyRow, HallDaySummaryRow
    marked = s.execute(
        select(d.hall_id, d.business_date).where(d.business_date >= first, d.business_date < today)
    )
    current = {hall: to_json(value) for hall, value in rules.items()}
    kept = s.execute(
        select(r.hall_id, r.business_date, r.rules).where(r.business_date >= first, r.business_date < today)
    )
    fresh = {(hall, day) for hall, day, used in kept if current.get(hall) == used}
    days = [first + timedelta(days=n) for n in range((today - first).days)]
    keys = {(hall, day) for day in days for hall in rules if (hall, day) not in fresh}
    keys |= {(hall, day) for hall, day in marked if hall in rules}
    return sorted(keys, key=lambda k: (k[1], k[0]))


def _kept(s: Session, rules: dict[str, KpiRules], first: date, last: date) -> dict[Key, Summary]:
    if last < first:
        return {}
    r = HallDaySummaryRow
    marked = exists().where(
        and_(HallDayDirtyRow.hall_id == r.hall_id, HallDayDirtyRow.business_date == r.business_date)
    )
    rows = s.execute(
        select(r.hall_id, r.business_date, r.rules, r.summary).where(
            r.hall_id == any_(bindparam("kept_halls", list(rules), type_=ARRAY(String))),
            r.business_date.between(first, last),
            ~marked,
        )
    )
    current: dict[str, Any] = {hall: to_json(value) for hall, value in rules.items()}
    return {(hall, day): read(Summary, summary) for hall, day, used, summary in rows if used == current[hall]}
