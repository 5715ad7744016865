"""The supervisor's daily counter log (issue 7): one business day of the hall, or a period for the
weekly review and the monthly scorecard. Supervisors and admins only (``VIEW_DAILY_LOG``).

The figures are ``domain.kpi.daily_log`` over the records ``daily_log_facts`` loads; the central
server computes the same from PostgreSQL. Drill-down rows for the ids a figure carries come from
``tickets``, ``payments``, ``applications``, ``complaints`` and ``consultations``.
"""

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from hallapp.domain.errors import ActionRefused, InvalidInput, SyncUnavailable
from hallapp.domain.kpi import daily_log
from hallapp.domain.kpi_period import check_period, rules_from
from hallapp.domain.kpi_values import DailyLog
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services.context import ServiceBase
from hallapp.services.daily_log_drill import (
    ApplicationLine,
    ComplaintLine,
    ConsultationLine,
    PaymentLine,
    TicketLine,
    application_lines,
    complaint_lines,
    consultation_lines,
    payment_lines,
    ticket_lines,
)
from hallapp.services.daily_log_facts import load_facts
from hallapp.services.settings_service import values_in
from hallapp.sync.daily_log_client import fetch_hall_log

__all__ = [
    "ApplicationLine",
    "ComplaintLine",
    "ConsultationLine",
    "DailyLogService",
    "PaymentLine",
    "TicketLine",
]


# How to reach the central server: a client to open (a context manager) and this PC's device token;
# None when this PC is standalone or not enrolled. Set by HallCore.
CentralLink = Callable[[], tuple[Callable[[], AbstractContextManager[Any]], str] | None]


class DailyLogService(ServiceBase):
    central: CentralLink = staticmethod(lambda: None)  # type: ignore[assignment]

    def whole_hall(
        self, actor: Actor, first_day: date | None = None, last_day: date | None = None
    ) -> DailyLog:
        """The log of every PC of the hall, as the central server computes it from what they pushed
        (this PC's own records only count once it has pushed them). ``ActionRefused``
        ``not_enrolled`` on a standalone PC, ``central_unreachable`` when the server does not answer."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        first_day = first_day or self.clock.business_date()
        last_day = last_day or first_day
        with self.db.read() as s:
            longest = values_in(s)["supervision.max_range_days"]
        check_period(first_day, last_day, self.clock.business_date(), longest)
        link = self.central()
        if link is None:
            raise ActionRefused("not_enrolled")
        connect, token = link
        try:
            return fetch_hall_log(connect(), token, first_day, last_day)
        except SyncUnavailable as exc:
            raise ActionRefused("central_unreachable", cause=exc.params.get("reason", "")) from None

    def day(self, actor: Actor, day: date | None = None) -> DailyLog:
        """The log of ``day`` (today's business day by default), as recorded so far."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        day = day or self.clock.business_date()
        self._not_future(day, "day")
        return self._log(day, day)

    def range(self, actor: Actor, first_day: date, last_day: date) -> DailyLog:
        """The log of ``first_day`` … ``last_day`` (both included) with a day-by-day series; at most
        ``supervision.max_range_days`` days."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        with self.db.read() as s:
            longest = values_in(s)["supervision.max_range_days"]
        check_period(first_day, last_day, self.clock.business_date(), longest)
        return self._log(first_day, last_day)

    def tickets(self, actor: Actor, ticket_ids: Sequence[str]) -> tuple[TicketLine, ...]:
        """The tickets behind a figure, in issue order."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        with self.db.read() as s:
            return ticket_lines(s, ticket_ids)

    def payments(self, actor: Actor, payment_ids: Sequence[str]) -> tuple[PaymentLine, ...]:
        """The payments and reversals behind a figure, in receipt order."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        with self.db.read() as s:
            return payment_lines(s, payment_ids)

    def applications(self, actor: Actor, application_ids: Sequence[str]) -> tuple[ApplicationLine, ...]:
        require(actor.role, Permission.VIEW_DAILY_LOG)
        with self.db.read() as s:
            return application_lines(s, application_ids)

    def complaints(self, actor: Actor, complaint_ids: Sequence[str]) -> tuple[ComplaintLine, ...]:
        """The complaints behind a figure, in the order they were received; unknown ids are left out."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        with self.db.read() as s:
            return complaint_lines(s, complaint_ids)

    def consultations(self, actor: Actor, consultation_ids: Sequence[str]) -> tuple[ConsultationLine, ...]:
        """The consultations behind a figure, in the order they were recorded; unknown ids are left out."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        with self.db.read() as s:
            return consultation_lines(s, consultation_ids)

    def _not_future(self, day: date, field: str) -> None:
        today = self.clock.business_date()
        if day > today:
            raise InvalidInput(field, "future_day", day=day.isoformat(), today=today.isoformat())

    def _log(self, first_day: date, last_day: date) -> DailyLog:
        with self.db.read() as s:
            rules = rules_from(values_in(s))
            facts = load_facts(s, self.device.hall_id, first_day, last_day)
        return daily_log(facts, rules)
