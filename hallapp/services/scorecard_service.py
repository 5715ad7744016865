"""The monthly 100-point scorecard per clerk and the week's problem list (issue 7; 000:L189;
docs/scorecard.md). Supervisors and admins only (``VIEW_DAILY_LOG``).

Both are computed from the same records and KPI definitions as the daily counter log
(``daily_log_facts.load_facts`` → ``domain.kpi.daily_log``), then scored by ``domain.scorecard``
and listed by ``domain.scorecard_problems``. Drill-down rows come from ``core.daily_log``.
"""

import calendar
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from hallapp.db.models import Operator
from hallapp.domain.enums import Role
from hallapp.domain.errors import InvalidInput
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_facts import ClerkFact, DayFacts
from hallapp.domain.kpi_period import rules_from
from hallapp.domain.kpi_values import DailyLog
from hallapp.domain.permissions import Permission, require
from hallapp.domain.queue_views import BAD_RATING_MAX
from hallapp.domain.records import Actor
from hallapp.domain.scorecard import month_scorecard
from hallapp.domain.scorecard_problems import WeekProblems, week_problems
from hallapp.domain.scorecard_rules import scorecard_rules
from hallapp.domain.scorecard_values import MonthScorecard
from hallapp.services.context import ServiceBase
from hallapp.services.daily_log_facts import load_facts
from hallapp.services.settings_service import values_in

__all__ = ["ScorecardService", "month_bounds", "week_bounds"]

FIRST_YEAR = 2000  # no hall kept records in this system before it


class ScorecardService(ServiceBase):
    def month(self, actor: Actor, year: int, month: int) -> MonthScorecard:
        """The scorecard of every clerk for ``year``-``month``; the running month as recorded so far."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        today = self.clock.business_date()
        first, last = month_bounds(year, month, today)
        with self.db.read() as s:
            values = values_in(s)
            facts = load_facts(s, self.device.hall_id, first, min(last, today))
            roster = tuple(
                ClerkFact(staff_no, name, True)
                for staff_no, name in s.execute(
                    select(Operator.staff_no, Operator.name).where(
                        Operator.role == Role.CLERK.value, Operator.active.is_(True)
                    )
                )
            )
        log = _log(facts, values)
        return month_scorecard(
            log,
            facts,
            scorecard_rules(values, BAD_RATING_MAX),
            roster,
            year=year,
            month=month,
            complete=last < today,
        )

    def week(self, actor: Actor, day: date) -> WeekProblems:
        """The problems of the Monday–Sunday week (hall time) holding ``day``; the running week so far."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        today = self.clock.business_date()
        monday, sunday = week_bounds(day, today)
        with self.db.read() as s:
            values = values_in(s)
            facts = load_facts(s, self.device.hall_id, monday, min(sunday, today))
        return week_problems(
            _log(facts, values),
            facts,
            wait_target_minutes=values["queue.wait_target_minutes"],
            complete=sunday < today,
        )


def month_bounds(year: Any, month: Any, today: date) -> tuple[date, date]:
    """The first and last day of the month, or ``InvalidInput("month", …)``: bad_month, future_month."""
    if not _is_int(year) or not _is_int(month) or not (1 <= month <= 12) or not (FIRST_YEAR <= year <= 9999):
        raise InvalidInput("month", "bad_month", year=str(year), month=str(month))
    first = date(year, month, 1)
    if first > today:
        raise InvalidInput("month", "future_month", month=f"{year}-{month:02}", today=today.isoformat())
    return first, date(year, month, calendar.monthrange(year, month)[1])


def week_bounds(day: Any, today: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day`` (any day of it: normalised to its Monday), or
    ``InvalidInput("week", …)``: bad_week, future_week."""
    if not isinstance(day, date) or day.year < FIRST_YEAR:
        raise InvalidInput("week", "bad_week", day=str(day))
    monday = (day.date() if hasattr(day, "date") else day) - timedelta(days=day.weekday())
    if monday > today:
        raise InvalidInput("week", "future_week", monday=monday.isoformat(), today=today.isoformat())
    return monday, monday + timedelta(days=6)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _log(facts: DayFacts, values: dict[str, Any]) -> DailyLog:
    return daily_log(facts, rules_from(values))
