"""The supervisor's report on the central server (issue 7): the daily counter log of any of the
company's halls and of the company, from PostgreSQL, with the PC's KPI code.

``report`` gives each hall's figures over a period and the company's, merged from the kept hall-day
summaries (``day_summaries``; ``domain.kpi_summary``): counts, sums, money, waits with their exact
percentile, and the series. ``hall_log`` gives one hall's whole ``DailyLog`` (windows, clerks and
the ids behind every figure) from its facts (``report_facts``), as the hall's own PC shows it.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.central.day_summaries import Key, compute, day_summaries, keep, marks, pending
from hallapp.central.db import Sessions
from hallapp.central.report_facts import facts_by_hall
from hallapp.central.schema import Hall
from hallapp.central.schema_staff import GLOBAL_SCOPE, HALL_SCOPE_PREFIX, Setting
from hallapp.central.staff import KNOWN
from hallapp.domain.errors import InvalidInput
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import DayFacts, KpiRules
from hallapp.domain.kpi_period import check_period, rules_from
from hallapp.domain.kpi_summary import Summary, merge, summarize
from hallapp.domain.kpi_values import DailyLog

MAX_RANGE_DAYS = "supervision.max_range_days"


@dataclass(frozen=True)
class HallSummary:
    hall_id: str
    name: str
    summary: Summary


@dataclass(frozen=True)
class CentralReport:
    first_day: date
    last_day: date
    halls: tuple[HallSummary, ...]  # in hall id order
    total: Summary  # the halls' figures added up: the company's


def report(
    sessions: Sessions,
    first_day: date,
    last_day: date,
    hall_ids: Sequence[str] | None = None,
    *,
    today: date | None = None,
) -> CentralReport:
    """Each hall's figures of ``first_day`` … ``last_day`` and the company's (all halls, or ``hall_ids``).

    Refused as the PC refuses a range: ``range_reversed``, ``future_day`` (after ``today``, the
    hall date now by default), ``range_too_long`` (``supervision.max_range_days``, global value);
    and ``unknown_hall``."""
    today = today or _today()
    with sessions() as s:
        settings = _settings(s)
        check_period(first_day, last_day, today, settings[GLOBAL_SCOPE][MAX_RANGE_DAYS])
        names = _halls(s, hall_ids)
        rules = {hall: _rules(settings, hall) for hall in names}
        days = day_summaries(s, rules, first_day, last_day, today)
    halls = tuple(
        HallSummary(hall, name, merge(days[hall], rules[hall].wait_percentile))
        for hall, name in names.items()
    )
    company = _rules(settings, None)
    if halls:
        total = merge([h.summary for h in halls], company.wait_percentile)
    else:
        nothing = DayFacts(first_day, last_day)
        total = summarize(daily_log(nothing, company), nothing)
    return CentralReport(first_day, last_day, halls, total)


def hall_log(
    sessions: Sessions, hall_id: str, first_day: date, last_day: date, *, today: date | None = None
) -> DailyLog:
    """One hall's whole daily log of the period (windows, clerks, the ids behind every figure),
    refused as ``report`` refuses."""
    today = today or _today()
    with sessions() as s:
        settings = _settings(s)
        check_period(first_day, last_day, today, settings[GLOBAL_SCOPE][MAX_RANGE_DAYS])
        _halls(s, [hall_id])
        facts = facts_by_hall(s, [hall_id], first_day, last_day)[hall_id]
    return daily_log(facts, _rules(settings, hall_id))


def summarize_pending(sessions: Sessions, *, today: date | None = None, days: int | None = None) -> int:
    """Keep every closed day of the last ``days`` (``supervision.max_range_days`` by default) that
    is not kept fresh, a day at a time; the number of hall-days computed. For cron after midnight."""
    today = today or _today()
    with sessions() as s:
        settings = _settings(s)
        rules = {hall: _rules(settings, hall) for hall in _halls(s, None)}
        back = days if days is not None else settings[GLOBAL_SCOPE][MAX_RANGE_DAYS]
        keys = pending(s, rules, today - timedelta(days=back), today)
    by_day: dict[date, list[Key]] = defaultdict(list)
    for key in keys:
        by_day[key[1]].append(key)
    for day_keys in by_day.values():
        with sessions() as s:
            seen = marks(s, day_keys)
            keep(s, compute(s, day_keys, rules), rules, seen)
            s.commit()
    return len(keys)


def _today() -> date:
    return to_hall_time(datetime.now(UTC)).date()


def _halls(s: Session, hall_ids: Sequence[str] | None) -> dict[str, str]:
    known = dict(s.execute(select(Hall.hall_id, Hall.name).order_by(Hall.hall_id)).all())
    if hall_ids is None:
        return known
    unknown = sorted(set(hall_ids) - set(known))
    if unknown:
        raise InvalidInput("hall", "unknown_hall", hall_id=unknown[0])
    return {h: known[h] for h in sorted(set(hall_ids))}


def _settings(s: Session) -> dict[str, dict[str, Any]]:
    """Every scope's effective values: catalog default, global value, hall override."""
    values: dict[str, dict[str, Any]] = {GLOBAL_SCOPE: {d.key: d.parse(d.default) for d in KNOWN.values()}}
    rows = s.execute(select(Setting.scope, Setting.key, Setting.value).where(Setting.value.is_not(None)))
    overrides: dict[str, dict[str, Any]] = defaultdict(dict)
    for scope, key, value in rows:
        if key in KNOWN:
            overrides[scope][key] = KNOWN[key].from_json(value)
    values[GLOBAL_SCOPE] |= overrides.pop(GLOBAL_SCOPE, {})
    for scope, changed in overrides.items():
        values[scope] = values[GLOBAL_SCOPE] | changed
    return values


def _rules(settings: dict[str, dict[str, Any]], hall_id: str | None) -> KpiRules:
    scope = HALL_SCOPE_PREFIX + hall_id if hall_id else GLOBAL_SCOPE
    return rules_from(settings.get(scope, settings[GLOBAL_SCOPE]))
