"""The supervisor's daily counter log (issue 7): one business day of the hall, or a period for the
weekly review and the monthly scorecard. Supervisors and admins only (``VIEW_DAILY_LOG``).

The figures are ``domain.kpi.daily_log`` over the records ``daily_log_facts`` loads; the central
server computes the same from PostgreSQL. Drill-down rows for the ids a figure carries come from
``tickets``, ``payments``, ``applications``, ``complaints`` and ``consultations``.
"""

from collections.abc import Sequence
from datetime import date

from hallapp.domain.errors import InvalidInput
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

__all__ = [
    "ApplicationLine",
    "ComplaintLine",
    "ConsultationLine",
    "DailyLogService",
    "PaymentLine",
    "TicketLine",
]


class DailyLogService(ServiceBase):
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
