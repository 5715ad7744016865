"""Enrolling this PC with the central server: a one-time code from the administrator gives the PC
its device identity (id and receipt prefix) and its device token (docs/sync_protocol.md).

Only a PC that has not issued any number yet can take a new identity: receipt and application
numbers carry the device code, and a printed number must never be issued twice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from sqlalchemy import select

from hallapp.db.engine import Database
from hallapp.db.models import DeviceIdentity, NumberSeries
from hallapp.domain.canonical import canonical_json
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.text import has_control_chars, normalize
from hallapp.sync import state
from hallapp.sync.push import SyncUnavailable

CODE_CHARS = frozenset("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
CODE_LENGTH = 10
CENTRAL_HALL = "central_hall_id"
SERVER_URL = "server_url"  # where this PC enrolled; the setting sync.server_url can point elsewhere


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    device_code: str
    central_hall_id: str
    server_epoch: str


def clean_code(raw: str) -> str:
    if has_control_chars(raw):
        raise InvalidInput("code", "control_chars")
    code = normalize(raw).replace(" ", "").replace("-", "").upper()
    if not code:
        raise InvalidInput("code", "empty")
    if len(code) != CODE_LENGTH or not set(code) <= CODE_CHARS:
        raise InvalidInput("code", "bad_enrolment_code", length=CODE_LENGTH)
    return code


def enrol(
    db: Database,
    client: httpx.Client,
    raw_code: str,
    *,
    hostname: str,
    client_version: str,
    keep_token: Callable[[str, str], None],
) -> Enrolled:
    code = clean_code(raw_code)
    _check_fresh(db)
    body = {"enrolment_code": code, "hostname": hostname[:100], "client_version": client_version}
    try:
        answer = client.post("/v1/devices/enroll", content=canonical_json(body))
    except httpx.HTTPError as exc:
        raise SyncUnavailable(reason=type(exc).__name__) from None
    if answer.status_code == 403:
        raise InvalidInput("code", "enrolment_code_invalid")
    if answer.status_code != 201:
        raise SyncUnavailable(reason=f"http_{answer.status_code}")
    data = answer.json()
    enrolled = Enrolled(data["device_id"], data["device_code"], data["hall_id"], data["server_epoch"])
    keep_token(enrolled.device_id, data["device_token"])  # first: without it the identity is useless
    _take_identity(db, enrolled, str(client.base_url).rstrip("/"))
    return enrolled


def _check_fresh(db: Database) -> None:
    with db.read() as s:
        used = s.scalars(select(NumberSeries).where(NumberSeries.next_value > 1)).first()
    if used is not None:
        raise ActionRefused("enrol_after_numbers", series=used.series)


def _take_identity(db: Database, enrolled: Enrolled, server_url: str) -> None:
    with db.write() as s:
        identity = s.get(DeviceIdentity, 1)
        identity.device_id = enrolled.device_id
        identity.device_code = enrolled.device_code
        identity.key_ref = f"hallapp/device-token:{enrolled.device_id}"
        identity.server_epoch = enrolled.server_epoch
        identity.enrolled_at = datetime.now(UTC)
        for series in s.scalars(select(NumberSeries)):
            series.prefix = enrolled.device_code
        state.put(s, CENTRAL_HALL, enrolled.central_hall_id)
        state.put(s, SERVER_URL, server_url)
