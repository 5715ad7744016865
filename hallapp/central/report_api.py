"""``GET /v1/admin/report``: the central report (``report``) for an administrator's token, as JSON:
per hall its ``DailyLog`` and the company's total, each as ``domain.daily_log_json.to_json`` gives
it (``from_json`` reads it back into the PC's own values, for the app's 中心服务器 page)."""

from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Query
from pydantic import BaseModel, StringConstraints

from hallapp.central.bodies import Answer
from hallapp.central.db import Sessions
from hallapp.central.errors import Refusal
from hallapp.central.report import report
from hallapp.domain.daily_log_json import to_json
from hallapp.domain.errors import InvalidInput

MAX_HALLS = 1000


class ReportHall(BaseModel):
    hall_id: str
    name: str
    log: dict[str, Any]  # a DailyLog (domain.daily_log_json)


class ReportAnswer(Answer):
    first_day: str
    last_day: str
    halls: list[ReportHall]
    total: dict[str, Any]  # a DailyLog over every hall's records; no per-window part


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
        try:
            result = report(sessions, first_day, last_day, hall)
        except InvalidInput as exc:
            details = {k: v for k, v in exc.params.items() if k != "reason"}
            raise Refusal(404 if exc.reason == "unknown_hall" else 400, exc.reason, **details) from None
        return {
            "first_day": result.first_day.isoformat(),
            "last_day": result.last_day.isoformat(),
            "halls": [{"hall_id": h.hall_id, "name": h.name, "log": to_json(h.log)} for h in result.halls],
            "total": to_json(result.total),
        }
