"""The central server's HTTP API (docs/sync_protocol.md): health, metrics, enrolment, meta, push, pull.

Stateless between requests but for per-process metrics: every worker builds its own app from the
database URL, so any number of Uvicorn workers can share one port.
"""

import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from hallapp import __version__, failpoints
from hallapp.central.admin_api import register_admin_routes
from hallapp.central.bodies import (
    MAX_OPS,
    PROTOCOL_MAX,
    PROTOCOL_MIN,
    EnrolAnswer,
    EnrolBody,
    HealthAnswer,
    MetaAnswer,
    PullAnswer,
    PushAnswer,
    PushBody,
    ReconcileAnswer,
    RefusalAnswer,
)
from hallapp.central.db import URL_ENV, Sessions, make_engine, make_sessions
from hallapp.central.enrolment import device_for_token, enrol, server_epoch
from hallapp.central.errors import Refusal, device_revoked, malformed, unauthenticated
from hallapp.central.logs import configure_logging
from hallapp.central.metrics import Metrics
from hallapp.central.middleware import RequestLog, read_body
from hallapp.central.pull import DEFAULT_LIMIT, MAX_LIMIT, hall_scopes, pull_json
from hallapp.central.push import push
from hallapp.central.reconcile import day_report
from hallapp.central.schema import Device

log = logging.getLogger(__name__)
Body = TypeVar("Body", bound=BaseModel)
MAX_TOKEN_CHARS = 128
DEVICE_TOKEN = "deviceToken"  # the OpenAPI security scheme: Authorization: Bearer <device_token>
REQUEST_BODIES: tuple[type[BaseModel], ...] = (EnrolBody, PushBody)
REFUSALS = {
    400: "malformed: not the documented body or parameters",
    401: "unauthenticated: no or unknown device token",
    403: "device_revoked (revoked or suspended device), device_mismatch, enrolment_code_invalid",
    409: "seq_gap, history_diverged or chain_broken: nothing of the batch is applied",
    410: "cursor_expired: pull again from the beginning",
    413: "batch_too_large or body_too_large",
    426: "protocol_unsupported",
    503: "db_unavailable: retry after Retry-After seconds",
}


def create_app(url: str) -> FastAPI:
    engine = make_engine(url)
    sessions = make_sessions(engine)
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="HallApp central", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None
    )
    app.openapi = _document(app)  # type: ignore[method-assign]
    app.add_middleware(RequestLog, metrics=metrics)
    _install_error_handlers(app)
    _service_routes(app, engine, metrics)
    _device_routes(app, sessions, metrics)
    register_admin_routes(app, sessions)
    return app


def app_from_env() -> FastAPI:
    """The factory each Uvicorn worker calls (``hallapp serve --role central``)."""
    configure_logging()
    return create_app(os.environ[URL_ENV])


def documented(
    answer: type[BaseModel] | None,
    *refusals: int,
    status: int = 200,
    body: type[BaseModel] | None = None,
    device: bool = False,
) -> dict[str, Any]:
    """A route's keyword arguments that make the OpenAPI document say what it really takes and answers.

    The routes read their bodies and tokens themselves (strict parsing, size limits before reading),
    which FastAPI cannot see; this changes the document only, never what a route does. Each status
    a route can answer must be listed: the fuzz test fails on an undocumented one.
    """
    responses: dict[int | str, dict[str, Any]] = {
        code: {"model": RefusalAnswer, "description": REFUSALS[code]} for code in refusals
    }
    if answer is not None:
        responses[status] = {"model": answer, "description": "OK"}
    extra: dict[str, Any] = {}
    if body is not None:
        schema = {"$ref": f"#/components/schemas/{body.__name__}"}
        extra["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    if device:
        extra["security"] = [{DEVICE_TOKEN: []}]
    return {"responses": responses, "openapi_extra": extra}


def _document(app: FastAPI) -> Any:
    """FastAPI's document plus the request bodies' schemas and the device token scheme, less the 422
    answers it adds for query parameters (this app answers 400 malformed instead)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, routes=app.routes)
            _, defs = models_json_schema(
                [(model, "validation") for model in REQUEST_BODIES],
                ref_template="#/components/schemas/{model}",
            )
            components = doc.setdefault("components", {})
            schemas = components.setdefault("schemas", {})
            schemas.update(defs["$defs"])
            for unused in ("HTTPValidationError", "ValidationError"):
                schemas.pop(unused, None)
            schemes = components.setdefault("securitySchemes", {})
            schemes[DEVICE_TOKEN] = {"type": "http", "scheme": "bearer"}
            for operations in doc.get("paths", {}).values():
                for operation in operations.values():
                    _documented_answers_only(operation.get("responses", {}))
            app.openapi_schema = doc
        return app.openapi_schema

    return openapi


def _documented_answers_only(responses: dict[str, Any]) -> None:
    """Drop the 422 FastAPI adds for query parameters, and what it guesses from a route's return
    annotation (``dict[str, Any]``) beside a documented answer's schema."""
    responses.pop("422", None)
    for response in responses.values():
        for content in response.get("content", {}).values():
            schema = content.get("schema", {})
            if "$ref" in schema:
                content["schema"] = {"$ref": schema["$ref"]}


def parse(model: type[Body], raw: bytes) -> Body:
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise malformed() from exc


def _service_routes(app: FastAPI, engine: Engine, metrics: Metrics) -> None:
    health_answers: dict[int | str, dict[str, Any]] = {
        code: {"model": HealthAnswer, "description": "database ok / unavailable"} for code in (200, 503)
    }

    @app.get("/health", responses=health_answers)
    def health() -> JSONResponse:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError:
            log.warning("health: database unavailable")
            return JSONResponse({"status": "error", "db": "unavailable"}, 503)
        return JSONResponse({"status": "ok", "db": "ok"})

    @app.get("/metrics", response_class=PlainTextResponse)
    def metrics_text() -> PlainTextResponse:
        body = metrics.render() + _oldest_transaction(engine)
        return PlainTextResponse(body, media_type="text/plain; version=0.0.4")


OLDEST_XACT_SQL = text("""
SELECT coalesce(max(extract(epoch FROM now() - xact_start)), 0)
FROM pg_stat_activity
WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
""")


def _oldest_transaction(engine: Engine) -> str:
    """Age of the oldest writing transaction (any database of the cluster: transaction ids are
    cluster-wide): while it runs, pulls see nothing newer (§4.4, §4.7)."""
    name = "hallapp_central_oldest_xact_seconds"
    try:
        with engine.connect() as conn:
            seconds = float(conn.scalar(OLDEST_XACT_SQL) or 0)
    except SQLAlchemyError:
        return ""
    return (
        f"# HELP {name} Age of the oldest transaction holding a transaction id; it holds back every pull.\n"
        f"# TYPE {name} gauge\n{name} {seconds:.3f}\n"
    )


def _device_routes(app: FastAPI, sessions: Sessions, metrics: Metrics) -> None:
    def known_device(request: Request) -> Device:
        """Any enrolled device that is not revoked or suspended (a quarantined one may read meta)."""
        scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
            raise unauthenticated()
        device = device_for_token(sessions, token.strip())
        if device is None:
            raise unauthenticated()
        request.state.device_id = device.device_id
        if device.status in ("revoked", "suspended"):
            log.warning("refused %s device %s on %s", device.status, device.device_id, request.url.path)
            raise device_revoked(device.status)
        return device

    Known = Depends(known_device)

    def active_device(device: Device = Known) -> Device:
        if device.status != "active":
            log.warning("refused %s device %s on push", device.status, device.device_id)
            raise device_revoked(device.status)
        return device

    Active = Depends(active_device)

    @app.post(
        "/v1/devices/enroll",
        status_code=201,
        **documented(EnrolAnswer, 400, 403, 413, 503, status=201, body=EnrolBody),
    )
    async def enroll(request: Request) -> JSONResponse:
        body = parse(EnrolBody, await read_body(request))
        try:
            done = await run_in_threadpool(
                enrol,
                sessions,
                body.enrolment_code,
                hostname=body.hostname,
                client_version=body.client_version,
            )
        except Refusal:
            metrics.enrolment("refused")
            log.warning("enrolment refused: code unknown, used or expired")
            raise
        metrics.enrolment("ok")
        request.state.device_id = done.device_id
        log.info("device %s (%s) enrolled in hall %s", done.device_id, done.device_code, done.hall_id)
        return JSONResponse(asdict(done), 201)

    @app.get("/v1/sync/meta", **documented(MetaAnswer, 401, 403, 503, device=True))
    def meta(device: Device = Known) -> dict[str, Any]:
        return {
            "server_epoch": server_epoch(sessions),
            "server_time": datetime.now(UTC).isoformat(),
            "protocol_min": PROTOCOL_MIN,
            "protocol_max": PROTOCOL_MAX,
            "device_id": device.device_id,
            "device_status": device.status,
            "last_acked_seq": device.last_acked_seq,
            "last_chain_hash": device.last_chain_hash,
        }

    _reconcile_route(app, sessions, Known)
    _daily_log_route(app, sessions, Known)
    _pull_route(app, sessions, metrics, Known)

    @app.post(
        "/v1/sync/push",
        **documented(PushAnswer, 400, 401, 403, 409, 413, 426, 503, body=PushBody, device=True),
    )
    async def push_batch(request: Request, device: Device = Active) -> dict[str, Any]:
        body = parse(PushBody, await read_body(request))
        if len(body.ops) > MAX_OPS:
            raise Refusal(413, "batch_too_large", limit=MAX_OPS)
        if not PROTOCOL_MIN <= body.protocol_version <= PROTOCOL_MAX:
            raise Refusal(426, "protocol_unsupported", protocol_min=PROTOCOL_MIN, protocol_max=PROTOCOL_MAX)
        if body.device_id != device.device_id:
            raise Refusal(403, "device_mismatch")
        started = time.perf_counter()
        try:
            answer = await run_in_threadpool(push, sessions, body)
        except Refusal as exc:
            metrics.push_done(exc.body["error"], time.perf_counter() - started)
            raise
        failpoints.hit("server.after_commit_before_response")  # committed; the answer is lost
        statuses = [r["status"] for r in answer["results"]]
        metrics.push_done("ok", time.perf_counter() - started, statuses)
        return answer


def _pull_route(app: FastAPI, sessions: Sessions, metrics: Metrics, known: Any) -> None:
    @app.get("/v1/sync/pull", **documented(PullAnswer, 400, 401, 403, 410, 503, device=True))
    def pull_page(
        request: Request,
        cursor: str | None = Query(None),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
        device: Device = known,
    ) -> Response:
        """Master-data changes of the device's hall and the global scope after ``cursor`` (§4.7),
        answered as ``pull_json`` writes them (never decoded and encoded again here)."""
        for name in ("cursor", "limit"):
            if len(request.query_params.getlist(name)) > 1:  # the framework would take the last one
                raise Refusal(400, "malformed", field=name)
        try:
            body, count = pull_json(sessions, hall_scopes(device.hall_id), cursor, limit)
        except Refusal as exc:
            metrics.pull_done(exc.body["error"], 0)
            raise
        metrics.pull_done("ok", count)
        return Response(body, media_type="application/json")


def _reconcile_route(app: FastAPI, sessions: Sessions, known: Any) -> None:
    @app.get("/v1/sync/reconcile", **documented(ReconcileAnswer, 400, 401, 403, 503, device=True))
    def reconcile(
        business_date: str = Query(json_schema_extra={"format": "date"}), device: Device = known
    ) -> dict[str, Any]:
        """What the server holds of this device on a business day, with each shift's check (§4.13)."""
        try:
            day = date.fromisoformat(business_date)
        except ValueError:
            raise Refusal(400, "malformed", field="business_date") from None
        with sessions() as s:
            return day_report(s, s.get(Device, device.device_id), day)


def _daily_log_route(app: FastAPI, sessions: Sessions, known: Any) -> None:
    from hallapp.central.report import hall_log
    from hallapp.central.report_api import DeviceHallLogAnswer, refusals
    from hallapp.domain.daily_log_json import to_json

    @app.get("/v1/sync/daily-log", **documented(DeviceHallLogAnswer, 400, 401, 403, 503, device=True))
    def device_hall_log(
        first_day: Annotated[date, Query(alias="from")],
        last_day: Annotated[date, Query(alias="to")],
        device: Device = known,
    ) -> dict[str, Any]:
        """The daily log of the device's hall over ``from`` … ``to`` from what all its PCs pushed, so
        a supervisor's PC sees the whole hall; refused as ``/v1/admin/report`` is."""
        with refusals():
            log = hall_log(sessions, device.hall_id, first_day, last_day)
        return {"log": to_json(log)}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(Refusal)
    async def refused(_request: Request, exc: Refusal) -> JSONResponse:
        return JSONResponse(exc.body, exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "malformed"}, 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return JSONResponse({"error": codes.get(exc.status_code, "http_error")}, exc.status_code)

    @app.exception_handler(OperationalError)
    async def database_down(_request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", exc.orig)
        return JSONResponse({"error": "db_unavailable"}, 503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"error": "internal"}, 500)
