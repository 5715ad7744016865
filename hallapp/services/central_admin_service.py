"""Administering the central server from this PC (the admin page 中心服务器): halls, one-time
enrolment codes, devices and the operators of a hall, through the server's administration API
(``hallapp.sync.admin_client``).

Only an administrator of this PC may (``Permission.MANAGE_OPERATORS``), checked here whatever the
UI shows; the central report (``report``, ``hall_log``) supervisors may read too
(``Permission.VIEW_DAILY_LOG``). The server then checks its own admin token. The token is typed once and kept in the OS
keyring for that server address, never in SQLite or a file; it is kept only after the server
accepted it. What a person typed is checked here first, so a mistake is marked on its field at
once; the server checks again with its own rules (a hall's minimum password length is the
server's setting) and its refusals come back as the same typed errors.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from hallapp.domain.enums import Role
from hallapp.domain.errors import ActionRefused, InvalidForm, InvalidInput
from hallapp.domain.kpi_values import DailyLog
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.settings_catalog import BY_KEY
from hallapp.domain.staff_rules import check_password, clean_staff_no
from hallapp.domain.text import has_control_chars, normalize
from hallapp.services.context import ServiceBase
from hallapp.services.settings_service import SettingsService
from hallapp.sync import admin_client, state
from hallapp.sync.admin_client import (
    AdminClient,
    CentralDevice,
    CentralHall,
    CentralOperator,
    CentralReport,
    IssuedEnrolmentCode,
)

if TYPE_CHECKING:
    import httpx

SERVER_SETTING = "sync.server_url"
MAX_CODE_MINUTES = 7 * 24 * 60  # = hallapp.central.enrolment.MAX_CODE_MINUTES
DEFAULT_CODE_MINUTES = 15
MAX_TOKEN = 128
MAX_HALL_NAME = 100
MAX_NOTE = 200
MAX_OPERATOR_NAME = 40
HALL_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")  # = hallapp.central.enrolment.HALL_ID
SERVER_URL = "server_url"  # = hallapp.sync.enrol.SERVER_URL; not imported: it loads httpx at start
Connect = Callable[[str], AbstractContextManager["httpx.Client"]]


@dataclass(frozen=True)
class CentralConnection:
    server_url: str  # "" when this PC has none set
    has_token: bool  # a token for this address is in the keyring


@dataclass(frozen=True)
class OperatorForm:
    staff_no: str
    name: str
    role: str
    password: str
    password_again: str


class CentralAdminService(ServiceBase):
    def __init__(  # type: ignore[no-untyped-def]
        self, *args, settings: SettingsService, connect: Connect = admin_client.connect, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.settings = settings
        self.connect = connect  # tests hand in the server under test

    def connection(self, actor: Actor) -> CentralConnection:
        """The address this PC syncs with (the setting, else where it enrolled), and whether a token
        for it is kept."""
        require(actor.role, Permission.MANAGE_OPERATORS)
        url = self.settings.get(SERVER_SETTING)
        if not url:
            with self.db.read() as s:
                url = state.get(s, SERVER_URL)
        return CentralConnection(url, bool(url and admin_client.load_admin_token(url)))

    def sign_in(self, actor: Actor, server_url: str, token: str) -> list[CentralHall]:
        """Try ``token`` on the server; keep it only once the server took it. Returns the halls."""
        require(actor.role, Permission.MANAGE_OPERATORS)
        url, token = _checked_url(server_url), _checked_token(token)
        with self.connect(url) as client:
            halls = AdminClient(client, token).halls()
        try:
            admin_client.store_admin_token(url, token)
        except Exception:  # no secure store on this PC: the token is kept nowhere
            raise ActionRefused("no_keyring") from None
        return halls

    def forget_token(self, actor: Actor, server_url: str) -> None:
        require(actor.role, Permission.MANAGE_OPERATORS)
        admin_client.forget_admin_token(_checked_url(server_url))

    def halls(self, actor: Actor, server_url: str) -> list[CentralHall]:
        with self._admin(actor, server_url) as admin:
            return admin.halls()

    def add_hall(self, actor: Actor, server_url: str, hall_id: str, name: str) -> CentralHall:
        hall_id, name = _checked_hall(hall_id, name)
        with self._admin(actor, server_url) as admin:
            return admin.add_hall(hall_id, name)

    def issue_enrolment_code(
        self, actor: Actor, server_url: str, hall_id: str, minutes: int
    ) -> IssuedEnrolmentCode:
        if minutes < 1:
            raise InvalidInput("minutes", "below_minimum", limit="1")
        if minutes > MAX_CODE_MINUTES:
            raise InvalidInput("minutes", "above_maximum", limit=str(MAX_CODE_MINUTES))
        with self._admin(actor, server_url) as admin:
            return admin.issue_enrolment_code(_checked_hall_id(hall_id), minutes)

    def devices(self, actor: Actor, server_url: str, hall_id: str | None = None) -> list[CentralDevice]:
        with self._admin(actor, server_url) as admin:
            return admin.devices(_checked_hall_id(hall_id) if hall_id else None)

    def revoke_device(self, actor: Actor, server_url: str, device: str, note: str) -> CentralDevice:
        """The PC of ``device`` (id or code) can no longer sync; ``note`` says why, for the record."""
        note = _checked_text("note", note, MAX_NOTE)
        with self._admin(actor, server_url) as admin:
            return admin.revoke_device(device, note)

    def operators(self, actor: Actor, server_url: str, hall_id: str) -> list[CentralOperator]:
        with self._admin(actor, server_url) as admin:
            return admin.operators(_checked_hall_id(hall_id))

    def add_operator(
        self, actor: Actor, server_url: str, hall_id: str, form: OperatorForm
    ) -> CentralOperator:
        """A new operator of ``hall_id``; the hall's PCs can sign them in after their next sync."""
        clean = _checked_operator(form)
        with self._admin(actor, server_url) as admin:
            return admin.add_operator(_checked_hall_id(hall_id), **clean)

    def deactivate_operator(
        self, actor: Actor, server_url: str, hall_id: str, staff_no: str
    ) -> CentralOperator:
        staff_no = clean_staff_no(staff_no)
        with self._admin(actor, server_url) as admin:
            return admin.deactivate_operator(_checked_hall_id(hall_id), staff_no)

    def report(
        self, actor: Actor, server_url: str, first: date | None = None, last: date | None = None
    ) -> CentralReport:
        """Every hall's daily-log figures of ``first`` … ``last`` (both included; today's business
        day by default) and the company's. Supervisors and administrators (``VIEW_DAILY_LOG``); the
        period is checked here as the server checks it (its longest period is the server's setting,
        checked there)."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        first = first or self.clock.business_date()
        last = last or first
        self._check_period(first, last)
        with self._admin(actor, server_url, Permission.VIEW_DAILY_LOG) as admin:
            return admin.report(first, last)

    def hall_log(self, actor: Actor, server_url: str, hall_id: str, first: date, last: date) -> DailyLog:
        """One hall's whole daily log of the period, computed by the server from its records."""
        require(actor.role, Permission.VIEW_DAILY_LOG)
        self._check_period(first, last)
        hall_id = _checked_hall_id(hall_id)
        with self._admin(actor, server_url, Permission.VIEW_DAILY_LOG) as admin:
            return admin.hall_log(hall_id, first, last)

    def _check_period(self, first: date, last: date) -> None:
        """The refusals of ``hallapp.domain.kpi_period.check_period`` this PC can tell at once."""
        today = self.clock.business_date()
        if last < first:
            raise InvalidInput("last_day", "range_reversed")
        if last > today:
            raise InvalidInput("last_day", "future_day", day=last.isoformat(), today=today.isoformat())

    @contextmanager
    def _admin(
        self, actor: Actor, server_url: str, permission: Permission = Permission.MANAGE_OPERATORS
    ) -> Iterator[AdminClient]:
        require(actor.role, permission)
        url = _checked_url(server_url)
        token = admin_client.load_admin_token(url)
        if not token:
            raise ActionRefused("admin_token_missing")
        with self.connect(url) as client:
            yield AdminClient(client, token)


def central_admin_of(core: Any) -> CentralAdminService:
    """The core's service (``core.central_admin``); made here on first use while ``HallCore`` does
    not build it itself."""
    service = getattr(core, "central_admin", None)
    if service is None:
        service = CentralAdminService(core.db, core.clock, core.device, settings=core.settings)
        core.central_admin = service
    return service


# -- what a person typed ----------------------------------------------------------------------------


def _checked_url(raw: str) -> str:
    try:
        url = BY_KEY[SERVER_SETTING].parse(raw)
    except InvalidInput as exc:
        raise InvalidInput(
            "server_url", exc.reason, **{k: v for k, v in exc.params.items() if k != "reason"}
        ) from None
    if not url:
        raise InvalidInput("server_url", "empty")
    return str(url)


def _checked_token(raw: str) -> str:
    token = raw.strip()
    if not token:
        raise InvalidInput("token", "empty")
    if len(token) > MAX_TOKEN or has_control_chars(token) or any(ch.isspace() for ch in token):
        raise InvalidInput("token", "bad_admin_token")
    return token


def _checked_hall_id(raw: str) -> str:
    hall_id = raw.strip()
    if not hall_id:
        raise InvalidInput("hall_id", "empty")
    if not HALL_ID.fullmatch(hall_id):
        raise InvalidInput("hall_id", "bad_hall_id")
    return hall_id


def _checked_text(field: str, raw: str, limit: int) -> str:
    if has_control_chars(raw):
        raise InvalidInput(field, "control_chars")
    text = normalize(raw)
    if not text:
        raise InvalidInput(field, "empty")
    if len(text) > limit:
        raise InvalidInput(field, "too_long", limit=limit)
    return text


def _checked_hall(hall_id: str, name: str) -> tuple[str, str]:
    """Both fields at once: each wrong one is marked."""
    hall_id, name = _each(
        {
            "hall_id": lambda: _checked_hall_id(hall_id),
            "name": lambda: _checked_text("name", name, MAX_HALL_NAME),
        }
    )
    return hall_id, name


def _checked_role(raw: str) -> str:
    if raw not in {role.value for role in Role}:
        raise InvalidInput("role", "unknown_choice")
    return raw


def _checked_password(form: OperatorForm) -> str:
    return check_password(form.password)


def _checked_again(form: OperatorForm) -> str:
    if form.password_again != form.password:
        raise InvalidInput("password_again", "passwords_differ")
    return ""


def _checked_operator(form: OperatorForm) -> dict[str, str]:
    staff_no, name, role, password, _ = _each(
        {
            "staff_no": lambda: clean_staff_no(form.staff_no),
            "name": lambda: _checked_text("name", form.name, MAX_OPERATOR_NAME),
            "role": lambda: _checked_role(form.role),
            "password": lambda: _checked_password(form),
            "password_again": lambda: _checked_again(form),
        }
    )
    return {"staff_no": staff_no, "name": name, "role": role, "password": password}


def _each(checks: dict[str, Callable[[], str]]) -> tuple[str, ...]:
    """Every check run; all that fail are raised together (one InvalidForm), in the form's order."""
    values: list[str] = []
    errors: dict[str, InvalidInput] = {}
    for field, check in checks.items():
        try:
            values.append(check())
        except InvalidInput as exc:
            errors[field] = exc
    if errors:
        raise InvalidForm(errors)
    return tuple(values)
