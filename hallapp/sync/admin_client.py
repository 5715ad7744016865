"""The PC's client of the central server's administration API (docs/operations.md, "Central
administration from the app"), and where this PC keeps an administrator's token: the OS keyring.

Every answer becomes a plain value or one of the typed errors the UI words: ``SyncUnavailable``
when the server cannot be reached or fails (5xx), ``InvalidInput`` naming the field the server
refused, ``ActionRefused`` for the rest (an unknown hall, a refused token). The token is kept per
server address, so a token for a test server is never sent to another one.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from hallapp.domain.daily_log_json import from_json, read
from hallapp.domain.errors import ActionRefused, InvalidInput, SyncUnavailable
from hallapp.domain.kpi_summary import Summary
from hallapp.domain.kpi_values import DailyLog, SeriesPoint

SERVICE = "hallapp"
TIMEOUT_S = 15.0  # the default client's (``connect``): an administrator waits for the answer
# Refusals about one input of a form: the field they belong to.
FIELD_OF = {
    "hall_exists": "hall_id",
    "invalid_hall": "name",
    "invalid_minutes": "minutes",
    "bad_staff_no": "staff_no",
    "staff_no_taken": "staff_no",
    "bad_name": "name",
    "unknown_role": "role",
    "weak_password": "password",
    "range_reversed": "last_day",  # the central report's period (= hallapp.domain.kpi_period)
    "future_day": "last_day",
    "range_too_long": "last_day",
}
KEPT_DETAILS = ("hall_id", "staff_no", "minimum", "device_code", "device", "limit", "day", "today")

if TYPE_CHECKING:  # httpx is imported when a call is made: the app starts without it
    import httpx


@dataclass(frozen=True)
class CentralHall:
    hall_id: str
    name: str
    created_at: datetime
    active_devices: int
    active_operators: int


@dataclass(frozen=True)
class IssuedEnrolmentCode:
    code: str  # shown once: the server keeps only its hash
    hall_id: str
    expires_at: datetime
    minutes: int


@dataclass(frozen=True)
class CentralDevice:
    device_id: str
    device_code: str
    hall_id: str
    hostname: str
    client_version: str
    status: str  # active | suspended | revoked | quarantined
    status_note: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    last_acked_seq: int


@dataclass(frozen=True)
class CentralOperator:
    operator_id: str
    hall_id: str
    staff_no: str
    name: str
    role: str
    active: bool
    verifier_expires_at: datetime
    version: int


@dataclass(frozen=True)
class ReportHall:
    """One hall's line of the central report: its figures of the period and their series (hours
    of a one-day period, days of a longer one)."""

    hall_id: str
    name: str
    summary: Summary

    @property
    def series(self) -> tuple[SeriesPoint, ...]:
        return self.summary.series()


@dataclass(frozen=True)
class CentralReport:
    """The central report of ``first_day`` … ``last_day``: each hall's line and the company's."""

    first_day: date
    last_day: date
    halls: tuple[ReportHall, ...]
    total: Summary

    @property
    def series(self) -> tuple[SeriesPoint, ...]:
        """The company's."""
        return self.total.series()


def connect(server_url: str) -> "httpx.Client":
    """The HTTP client for one call (closed after it, as a context manager)."""
    import httpx

    return httpx.Client(base_url=server_url, timeout=TIMEOUT_S)


class AdminClient:
    """One administrator's calls over ``client`` (an ``httpx.Client`` with the server's base URL)."""

    def __init__(self, client: "httpx.Client", token: str) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}

    def halls(self) -> list[CentralHall]:
        return [_hall(h) for h in self._call("GET", "/v1/admin/halls")["halls"]]

    def add_hall(self, hall_id: str, name: str) -> CentralHall:
        return _hall(self._call("POST", "/v1/admin/halls", {"hall_id": hall_id, "name": name}))

    def issue_enrolment_code(self, hall_id: str, minutes: int) -> IssuedEnrolmentCode:
        data = self._call("POST", f"/v1/admin/halls/{_seg(hall_id)}/enrolment-codes", {"minutes": minutes})
        return IssuedEnrolmentCode(
            data["code"], data["hall_id"], datetime.fromisoformat(data["expires_at"]), data["minutes"]
        )

    def devices(self, hall_id: str | None = None) -> list[CentralDevice]:
        params = {"hall_id": hall_id} if hall_id else None
        return [_device(d) for d in self._call("GET", "/v1/admin/devices", params=params)["devices"]]

    def revoke_device(self, device: str, note: str) -> CentralDevice:
        return _device(self._call("POST", f"/v1/admin/devices/{_seg(device)}/revoke", {"note": note}))

    def operators(self, hall_id: str) -> list[CentralOperator]:
        answer = self._call("GET", f"/v1/admin/halls/{_seg(hall_id)}/operators")
        return [_operator(o) for o in answer["operators"]]

    def add_operator(
        self, hall_id: str, *, staff_no: str, name: str, role: str, password: str
    ) -> CentralOperator:
        body = {"staff_no": staff_no, "name": name, "role": role, "password": password}
        return _operator(self._call("POST", f"/v1/admin/halls/{_seg(hall_id)}/operators", body))

    def deactivate_operator(self, hall_id: str, staff_no: str) -> CentralOperator:
        return _operator(
            self._call("POST", f"/v1/admin/halls/{_seg(hall_id)}/operators/{_seg(staff_no)}/deactivate")
        )

    def report(self, first: date, last: date, hall_ids: list[str] | None = None) -> CentralReport:
        """Every hall's figures of ``first`` … ``last`` (or those of ``hall_ids``) and the company's."""
        params: dict[str, Any] = {"from": first.isoformat(), "to": last.isoformat()}
        if hall_ids:
            params["hall"] = list(hall_ids)
        data = self._call("GET", "/v1/admin/report", params=params)
        return CentralReport(
            date.fromisoformat(data["first_day"]),
            date.fromisoformat(data["last_day"]),
            tuple(ReportHall(h["hall_id"], h["name"], read(Summary, h["summary"])) for h in data["halls"]),
            read(Summary, data["total"]),
        )

    def hall_log(self, hall_id: str, first: date, last: date) -> DailyLog:
        """One hall's whole daily log of ``first`` … ``last``, as the hall's PC computes it."""
        params = {"from": first.isoformat(), "to": last.isoformat()}
        return from_json(self._call("GET", f"/v1/admin/report/hall/{_seg(hall_id)}", params=params)["log"])

    def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        params: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        import httpx

        try:
            answer = self.client.request(method, path, json=body, params=params, headers=self.headers)
        except httpx.HTTPError as exc:
            raise SyncUnavailable(reason=type(exc).__name__) from None
        if answer.status_code >= 500:
            raise SyncUnavailable(reason=f"http_{answer.status_code}")
        try:
            data = answer.json()
        except ValueError:  # not this server (a proxy's page, another program on the port)
            raise SyncUnavailable(reason="not_json") from None
        if answer.is_success and isinstance(data, dict):
            return data
        raise refusal(answer.status_code, data if isinstance(data, dict) else {})


def refusal(status: int, data: dict[str, Any]) -> Exception:
    """The typed error of a 4xx answer; its params keep the details a sentence needs."""
    error = str(data.get("error", f"http_{status}"))
    details = {key: data[key] for key in KEPT_DETAILS if key in data}
    if status == 401:
        return ActionRefused("admin_token_refused")
    if error in FIELD_OF:
        return InvalidInput(FIELD_OF[error], error, **details)
    if error == "malformed":
        return InvalidInput(None, "malformed")
    if status == 404 and error not in ("unknown_hall", "unknown_device", "unknown_operator"):
        return ActionRefused("not_an_admin_server")  # an older server, or another program
    return ActionRefused(error, **details)


def _seg(value: str) -> str:
    """One path segment, whatever it holds (a "/" or "?" cannot change the route)."""
    return quote(value, safe="")


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _hall(h: dict[str, Any]) -> CentralHall:
    return CentralHall(
        h["hall_id"],
        h["name"],
        datetime.fromisoformat(h["created_at"]),
        h["active_devices"],
        h["active_operators"],
    )


def _device(d: dict[str, Any]) -> CentralDevice:
    return CentralDevice(
        d["device_id"],
        d["device_code"],
        d["hall_id"],
        d.get("hostname") or "",
        d.get("client_version") or "",
        d["status"],
        d.get("status_note") or "",
        datetime.fromisoformat(d["enrolled_at"]),
        _when(d.get("last_seen_at")),
        d["last_acked_seq"],
    )


def _operator(o: dict[str, Any]) -> CentralOperator:
    return CentralOperator(
        o["operator_id"],
        o["hall_id"],
        o["staff_no"],
        o["name"],
        o["role"],
        o["active"],
        datetime.fromisoformat(o["verifier_expires_at"]),
        o["version"],
    )


# -- the token in the OS keyring --------------------------------------------------------------------


def _user(server_url: str) -> str:
    return f"central-admin-token:{server_url.rstrip('/')}"


def load_admin_token(server_url: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, _user(server_url))
    except Exception:  # no keyring backend here: the administrator is asked for the token again
        return None


def store_admin_token(server_url: str, token: str) -> None:
    """Raises when the OS has no secure store: the token is then kept nowhere."""
    import keyring

    keyring.set_password(SERVICE, _user(server_url), token)


def forget_admin_token(server_url: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _user(server_url))
    except Exception:  # nothing kept, or no backend: there is nothing to forget either way
        return
