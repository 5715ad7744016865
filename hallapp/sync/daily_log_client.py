"""The hall's whole daily log from the central server (``GET /v1/sync/daily-log``, this PC's
device token): what every PC of the hall pushed, for the supervisor's PC of a hall with several."""

from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, Any

from hallapp.domain.daily_log_json import from_json
from hallapp.domain.errors import ActionRefused, InvalidInput, SyncUnavailable
from hallapp.domain.kpi_values import DailyLog

if TYPE_CHECKING:
    import httpx

PERIOD_REFUSALS = ("range_reversed", "future_day", "range_too_long")


def fetch_hall_log(
    client: AbstractContextManager["httpx.Client"], token: str, first_day: date, last_day: date
) -> DailyLog:
    """Raises ``SyncUnavailable`` when the server cannot be reached or fails, ``InvalidInput`` for a
    period it refuses, ``ActionRefused("device_refused")`` when it no longer takes this PC's token."""
    import httpx

    params = {"from": first_day.isoformat(), "to": last_day.isoformat()}
    try:
        with client as http:
            answer = http.get(
                "/v1/sync/daily-log", params=params, headers={"Authorization": f"Bearer {token}"}
            )
    except httpx.HTTPError as exc:
        raise SyncUnavailable(reason=type(exc).__name__) from None
    body = _json(answer)
    error = str(body.get("error", ""))
    if answer.status_code == 400 and error in PERIOD_REFUSALS:
        details = {k: v for k, v in body.items() if k not in ("error", "message", "reason")}
        raise InvalidInput("last_day", error, **details)
    if answer.status_code in (401, 403):
        raise ActionRefused("device_refused", status=answer.status_code)
    if answer.status_code != 200 or not isinstance(body.get("log"), dict):
        raise SyncUnavailable(reason=f"http_{answer.status_code}")
    try:
        return from_json(body["log"])
    except (KeyError, TypeError, ValueError):
        raise SyncUnavailable(reason="malformed_answer") from None


def _json(answer: Any) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
