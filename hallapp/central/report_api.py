"""The central report for an administrator's token, as JSON (``domain.daily_log_json``; ``read``
gives back the PC's own values, for the app's 中心服务器 page):

- ``GET /v1/admin/report``: per hall its ``kpi_summary.Summary`` of the period and the company's,
  each with its ``series``;
- ``GET /v1/admin/report/hall/{hall_id}``: one hall's whole ``DailyLog`` of the period (windows,
  clerks, the ids behind each figure);
- ``GET /v1/sync/daily-log`` (a device's token): its own hall's whole ``DailyLog``, so a
  supervisor's PC shows what every PC of the hall recorded."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Query
from pydantic import BaseModel, StringConstraints

from hallapp.central.bodies import Answer
from hallapp.central.db import Sessions
from hallapp.central.errors import Refusal
from hallapp.central.report import hall_log, report
from hallapp.domain.daily_log_json import to_json
from hallapp.domain.errors import InvalidInput
from hallapp.domain.kpi_summary import Summary

MAX_HALLS = 1000


class ReportHall(BaseModel):
    hall_id: str
    name: str
    summary: dict[str, Any]  # a kpi_summary.Summary (domain.daily_log_json), with "series"


class ReportAnswer(Answer):
    first_day: str
    last_day: str
    halls: list[ReportHall]
    total: dict[str, Any]  # the halls' summaries merged: the company's


class HallLogAnswer(Answer):
    hall_id: str
    log: dict[str, Any]  # a kpi_values.DailyLog (domain.daily_log_json)


def register_report_route(app: FastAPI, sessions: Sessions, admin: Any) -> None:
    from hallapp.central.admin_api import HALL_PATTERN, documented

    HallQuery = Annotated[str, StringConstraints(pattern=HALL_PATTERN, max_length=16)]

    @app.get("/v1/admin/report", **documented(ReportAnswer, 400, 404))
    def central_report(
        first_day: Annotated[date, Query(alias="from")],
        last_day: Annotated[date, Query(alias="to")],
        hall: Annotated[list[HallQuery] | None, Query(max_length=MAX_HALLS)] = None,
        who: str = admin,
    ) -> dict[str, Any]:
        """Each hall's daily log of ``from`` … ``to`` (both included; all halls, or each ``hall``
        given) and the company's. 400 ``range_reversed``, ``future_day`` or ``range_too_long``
        (``supervision.max_range_days``); 404 ``unknown_hall``."""
        with refusals():
            result = report(sessions, first_day, last_day, hall)
        return {
            "first_day": result.first_day.isoformat(),
            "last_day": result.last_day.isoformat(),
            "halls": [
                {"hall_id": h.hall_id, "name": h.name, "summary": _summary(h.summary)} for h in result.halls
            ],
            "total": _summary(result.total),
        }

    @app.get("/v1/admin/report/hall/{hall_id}", **documented(HallLogAnswer, 400, 404))
    def central_hall_log(
        hall_id: HallQuery,
        first_day: Annotated[date, Query(alias="from")],
        last_day: Annotated[date, Query(alias="to")],
        who: str = admin,
    ) -> dict[str, Any]:
        """One hall's whole daily log of ``from`` … ``to``; refused as ``/v1/admin/report`` is."""
        with refusals():
            log = hall_log(sessions, hall_id, first_day, last_day)
        return {"hall_id": hall_id, "log": to_json(log)}


class DeviceHallLogAnswer(Answer):
    log: dict[str, Any]  # a kpi_values.DailyLog of the device's hall (domain.daily_log_json)


def _summary(summary: Summary) -> dict[str, Any]:
    return to_json(summary) | {"series": to_json(summary.series())}


@contextmanager
def refusals() -> Iterator[None]:
    try:
        yield
    except InvalidInput as exc:
        details = {k: v for k, v in exc.params.items() if k != "reason"}
        raise Refusal(404 if exc.reason == "unknown_hall" else 400, exc.reason, **details) from None
