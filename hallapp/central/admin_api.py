"""The administration API of the central server: halls, one-time enrolment codes, devices and the
operators of a hall, for an administrator holding an admin token (``admin_auth``). The app's
中心服务器 page uses it (docs/operations.md, "Central administration from the app"), scripts may too.

The work is done by the same functions as the CLI (``enrolment``, ``staff``), so a hall id, a
password or a number of minutes is checked by one set of rules whichever way it arrives. Every
refusal is a 4xx answer whose ``error`` says why, and nothing is changed by it: each change is one
transaction that checks before it writes. Bodies are read with the same size limit as the device
routes and parsed strictly (unknown fields, wrong types, over-long strings: 400 ``malformed``).
"""

import logging
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from pydantic.json_schema import models_json_schema
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from hallapp.central.admin_auth import admin_guard
from hallapp.central.bodies import Answer, RefusalAnswer, Strict
from hallapp.central.db import Sessions
from hallapp.central.enrolment import (
    HALL_ID,
    MAX_CODE_MINUTES,
    create_enrolment_code,
    create_hall,
    revoke_device,
)
from hallapp.central.errors import AdminError, Refusal, malformed
from hallapp.central.middleware import read_body
from hallapp.central.report_api import register_report_route
from hallapp.central.schema import Device, Hall
from hallapp.central.schema_staff import ROLES, Operator
from hallapp.central.staff import (
    MAX_NAME,
    MAX_PASSWORD,
    OperatorView,
    add_operator,
    clean_staff_no,
    deactivate_operator,
    list_operators,
)

log = logging.getLogger(__name__)
Body = TypeVar("Body", bound=BaseModel)
ADMIN_TOKEN = "adminToken"  # the OpenAPI security scheme: Authorization: Bearer <admin token>
PREFIX = "/v1/admin"
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
HALL_PATTERN = f"^{HALL_ID.pattern}$"
MAX_NOTE = 200
DEFAULT_MINUTES = 15
# What each refusal of the administrators' functions answers; anything else is a 400.
STATUS_OF = {
    "unknown_hall": 404,
    "unknown_device": 404,
    "unknown_operator": 404,
    "hall_exists": 409,
    "staff_no_taken": 409,
    "device_already_revoked": 409,
}
REFUSALS = {
    400: "malformed, invalid_hall, invalid_minutes, bad_staff_no, bad_name, unknown_role, weak_password",
    401: "unauthenticated: no, unknown or revoked admin token (a device token is not one)",
    404: "unknown_hall, unknown_device or unknown_operator (of this hall)",
    409: "hall_exists, staff_no_taken or device_already_revoked",
    413: "body_too_large",
    503: "db_unavailable: retry after Retry-After seconds",
}

HallId = Annotated[str, Path(pattern=HALL_PATTERN, max_length=16)]


# -- bodies -----------------------------------------------------------------------------------------


class HallBody(Strict):
    hall_id: str = Field(pattern=HALL_PATTERN, max_length=16)
    name: str = Field(min_length=1, max_length=100, pattern=NO_CONTROL)


class EnrolmentCodeBody(Strict):
    minutes: int = Field(default=DEFAULT_MINUTES, ge=1, le=MAX_CODE_MINUTES)


class RevokeBody(Strict):
    note: str = Field(min_length=1, max_length=MAX_NOTE, pattern=NO_CONTROL)


class OperatorBody(Strict):
    staff_no: str = Field(min_length=1, max_length=40, pattern=NO_CONTROL)
    name: str = Field(min_length=1, max_length=MAX_NAME * 2, pattern=NO_CONTROL)
    role: Literal[ROLES]  # type: ignore[valid-type]
    password: str = Field(min_length=1, max_length=MAX_PASSWORD, pattern=r"^[^\x00]*$")


BODIES: tuple[type[BaseModel], ...] = (HallBody, EnrolmentCodeBody, RevokeBody, OperatorBody)


# -- answers (for the document; the routes build plain dicts) --------------------------------------


class AdminHall(Answer):
    hall_id: str
    name: str
    created_at: str
    active_devices: int
    active_operators: int


class AdminHalls(Answer):
    halls: list[AdminHall]


class AdminEnrolmentCode(Answer):
    code: str  # shown once: the server keeps its SHA-256 only
    hall_id: str
    expires_at: str
    minutes: int


class AdminDevice(Answer):
    device_id: str
    device_code: str
    hall_id: str
    hostname: str | None
    client_version: str | None
    status: str
    status_note: str | None
    enrolled_at: str
    last_seen_at: str | None
    last_acked_seq: int


class AdminDevices(Answer):
    devices: list[AdminDevice]


class AdminOperator(Answer):
    operator_id: str
    hall_id: str
    staff_no: str
    name: str
    role: str
    active: bool
    verifier_expires_at: str
    version: int


class AdminOperators(Answer):
    operators: list[AdminOperator]


def register_admin_routes(app: FastAPI, sessions: Sessions) -> None:
    """Add the ``/v1/admin`` routes to ``app`` and their bodies and token scheme to its document."""
    admin = Depends(admin_guard(sessions))
    _hall_routes(app, sessions, admin)
    _device_routes(app, sessions, admin)
    _operator_routes(app, sessions, admin)
    register_report_route(app, sessions, admin)
    _document_admin(app)


def documented(
    answer: type[BaseModel], *refusals: int, status: int = 200, body: type[BaseModel] | None = None
) -> dict[str, Any]:
    """What the document says of an admin route: its answer, refusals, body and the admin token."""
    responses: dict[int | str, dict[str, Any]] = {
        code: {"model": RefusalAnswer, "description": REFUSALS[code]} for code in (401, 503, *refusals)
    }
    responses[status] = {"model": answer, "description": "OK"}
    extra: dict[str, Any] = {"security": [{ADMIN_TOKEN: []}]}
    if body is not None:
        schema = {"$ref": f"#/components/schemas/{body.__name__}"}
        extra["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    return {"responses": responses, "openapi_extra": extra, "tags": ["administration"]}


async def parsed(model: type[Body], request: Request) -> Body:
    """The body, size-limited while it is read, then validated strictly."""
    raw = await read_body(request)
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise malformed() from exc


async def call_admin(work: Any, *args: Any, **kwargs: Any) -> Any:
    """Run an administrator's function off the event loop; its refusal becomes a 4xx answer."""
    try:
        return await run_in_threadpool(work, *args, **kwargs)
    except AdminError as exc:
        raise refusal(exc) from None


def refusal(exc: AdminError) -> Refusal:
    details = dict(exc.params)
    sentence = getattr(exc, "sentence", None)
    if sentence:
        details["message"] = sentence  # the staff rules' own Chinese sentence, for scripts and logs
    return Refusal(STATUS_OF.get(exc.code, 400), exc.code, **details)


# -- halls and enrolment codes ----------------------------------------------------------------------


def _hall_routes(app: FastAPI, sessions: Sessions, admin: Any) -> None:
    @app.get(f"{PREFIX}/halls", **documented(AdminHalls))
    def halls(who: str = admin) -> dict[str, Any]:
        with sessions() as s:
            return {"halls": _halls(s)}

    @app.post(
        f"{PREFIX}/halls", status_code=201, **documented(AdminHall, 400, 409, 413, status=201, body=HallBody)
    )
    async def add_hall(request: Request, who: str = admin) -> JSONResponse:
        body = await parsed(HallBody, request)
        await call_admin(create_hall, sessions, body.hall_id, body.name)
        log.info("admin %s added hall %s", who, body.hall_id)
        with sessions() as s:
            return JSONResponse(_halls(s, body.hall_id)[0], 201)

    @app.post(
        f"{PREFIX}/halls/{{hall_id}}/enrolment-codes",
        status_code=201,
        **documented(AdminEnrolmentCode, 400, 404, 413, status=201, body=EnrolmentCodeBody),
    )
    async def enrolment_code(request: Request, hall_id: HallId, who: str = admin) -> JSONResponse:
        body = await parsed(EnrolmentCodeBody, request)
        issued = await call_admin(create_enrolment_code, sessions, hall_id, minutes=body.minutes)
        log.info("admin %s issued an enrolment code for hall %s (%d min)", who, hall_id, body.minutes)
        answer = {
            "code": issued.code,
            "hall_id": issued.hall_id,
            "expires_at": issued.expires_at.isoformat(),
            "minutes": body.minutes,
        }
        return JSONResponse(answer, 201)


def _halls(s: Session, hall_id: str | None = None) -> list[dict[str, Any]]:
    devices = (
        select(func.count())
        .where(Device.hall_id == Hall.hall_id, Device.status == "active")
        .scalar_subquery()
    )
    operators = (
        select(func.count()).where(Operator.hall_id == Hall.hall_id, Operator.active).scalar_subquery()
    )
    query = select(Hall, devices, operators).order_by(Hall.hall_id)
    if hall_id is not None:
        query = query.where(Hall.hall_id == hall_id)
    return [
        {
            "hall_id": hall.hall_id,
            "name": hall.name,
            "created_at": hall.created_at.isoformat(),
            "active_devices": active_devices,
            "active_operators": active_operators,
        }
        for hall, active_devices, active_operators in s.execute(query)
    ]


def _require_hall(s: Session, hall_id: str) -> None:
    if s.get(Hall, hall_id) is None:
        raise Refusal(404, "unknown_hall", hall_id=hall_id)


# -- devices ----------------------------------------------------------------------------------------


def _device_routes(app: FastAPI, sessions: Sessions, admin: Any) -> None:
    @app.get(f"{PREFIX}/devices", **documented(AdminDevices, 400, 404))
    def devices(
        hall_id: str | None = Query(None, pattern=HALL_PATTERN, max_length=16), who: str = admin
    ) -> dict[str, Any]:
        """Every device, or a hall's; the revoked ones too (their status says so)."""
        query = select(Device).order_by(Device.hall_id, Device.device_code)
        with sessions() as s:
            if hall_id is not None:
                _require_hall(s, hall_id)
                query = query.where(Device.hall_id == hall_id)
            return {"devices": [_device(d) for d in s.scalars(query)]}

    @app.post(
        f"{PREFIX}/devices/{{device}}/revoke",
        **documented(AdminDevice, 400, 404, 409, 413, body=RevokeBody),
    )
    async def revoke(
        request: Request,
        device: Annotated[str, Path(min_length=1, max_length=36, pattern=NO_CONTROL)],
        who: str = admin,
    ) -> dict[str, Any]:
        """By device id or device code. The device gets 403 from its next request on; a revoked
        device is refused (409), so the first note, the reason, is kept."""
        body = await parsed(RevokeBody, request)
        with sessions() as s:
            found = s.scalars(
                select(Device).where(or_(Device.device_id == device, Device.device_code == device))
            ).first()
        if found is None:
            raise Refusal(404, "unknown_device", device=device)
        if found.status == "revoked":
            raise Refusal(409, "device_already_revoked", device_code=found.device_code)
        row = await call_admin(revoke_device, sessions, found.device_id, note=f"{body.note.strip()} ({who})")
        log.warning("admin %s revoked device %s (%s)", who, row.device_code, row.device_id)
        return _device(row)


def _device(d: Device) -> dict[str, Any]:
    return {
        "device_id": d.device_id,
        "device_code": d.device_code,
        "hall_id": d.hall_id,
        "hostname": d.hostname,
        "client_version": d.client_version,
        "status": d.status,
        "status_note": d.status_note,
        "enrolled_at": d.enrolled_at.isoformat(),
        "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
        "last_acked_seq": d.last_acked_seq,
    }


# -- operators --------------------------------------------------------------------------------------


def _operator_routes(app: FastAPI, sessions: Sessions, admin: Any) -> None:
    path = f"{PREFIX}/halls/{{hall_id}}/operators"

    @app.get(path, **documented(AdminOperators, 400, 404))
    def operators(hall_id: HallId, who: str = admin) -> dict[str, Any]:
        with sessions() as s:
            _require_hall(s, hall_id)
        return {"operators": [_operator(op) for op in list_operators(sessions, hall_id)]}

    @app.post(
        path, status_code=201, **documented(AdminOperator, 400, 404, 409, 413, status=201, body=OperatorBody)
    )
    async def add(request: Request, hall_id: HallId, who: str = admin) -> JSONResponse:
        """The password is checked by the hall's rules (``security.min_password_length``), as by the CLI."""
        b = await parsed(OperatorBody, request)
        op = await call_admin(add_operator, sessions, hall_id, b.staff_no, b.name, b.role, b.password)
        log.info("admin %s added operator %s to hall %s", who, op.staff_no, hall_id)
        return JSONResponse(_operator(op), 201)

    @app.post(f"{path}/{{staff_no}}/deactivate", **documented(AdminOperator, 400, 404))
    async def deactivate(
        hall_id: HallId,
        staff_no: Annotated[str, Path(min_length=1, max_length=40, pattern=NO_CONTROL)],
        who: str = admin,
    ) -> dict[str, Any]:
        """Only an operator of this hall: a typo in the hall cannot stop someone elsewhere."""
        staff_no = await call_admin(clean_staff_no, staff_no)
        with sessions() as s:
            _require_hall(s, hall_id)
            hall_of = s.scalar(select(Operator.hall_id).where(Operator.staff_no == staff_no))
        if hall_of != hall_id:
            raise Refusal(404, "unknown_operator", staff_no=staff_no, hall_id=hall_id)
        op = await call_admin(deactivate_operator, sessions, staff_no)
        log.info("admin %s deactivated operator %s of hall %s", who, staff_no, hall_id)
        return _operator(op)


def _operator(op: OperatorView) -> dict[str, Any]:
    return {
        "operator_id": op.operator_id,
        "hall_id": op.hall_id,
        "staff_no": op.staff_no,
        "name": op.name,
        "role": op.role,
        "active": op.active,
        "verifier_expires_at": op.verifier_expires_at.isoformat(),
        "version": op.version,
    }


# -- the document -----------------------------------------------------------------------------------


def _document_admin(app: FastAPI) -> None:
    """The app's document (``app.openapi``) plus the admin bodies' schemas and the admin token scheme.

    The routes read their bodies themselves (size limit first), so FastAPI cannot see them; this
    wraps whatever builds the document and adds what the admin routes refer to.
    """
    build = app.openapi

    def openapi() -> dict[str, Any]:
        doc = build()
        components = doc.setdefault("components", {})
        schemes = components.setdefault("securitySchemes", {})
        if ADMIN_TOKEN not in schemes:
            schemes[ADMIN_TOKEN] = {"type": "http", "scheme": "bearer"}
            _, defs = models_json_schema(
                [(model, "validation") for model in BODIES], ref_template="#/components/schemas/{model}"
            )
            components.setdefault("schemas", {}).update(defs["$defs"])
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
