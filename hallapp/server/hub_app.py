"""The hall hub's LAN API: the single writer of the hall's queue, serving every PC of the hall.

Each request names the signed-in staff member (``X-Staff-No``) and the PC (``X-Device-Id``); the
hub checks the operator against its own copy of the hall's operators and the queue service
enforces the role. When a hall key is configured every request must carry it as a bearer token
(device tokens replace it with enrolment, issue 6). Events go out as Server-Sent Events.
"""

import asyncio
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from hallapp import __version__
from hallapp.domain.errors import (
    DatabaseUnavailable,
    HallError,
    InvalidForm,
    InvalidInput,
    NotFound,
    OperatorInactive,
    PermissionDenied,
)
from hallapp.domain.queue import TicketAction
from hallapp.domain.queue_views import QueueEvent
from hallapp.domain.records import Actor
from hallapp.services.hall_core import HallCore
from hallapp.services.queue_tickets import ManualTicket
from hallapp.sync.codec import to_json

log = logging.getLogger(__name__)
KEEPALIVE_SECONDS = 15.0
SUBSCRIBER_BACKLOG = 1000
ACTOR_TTL_SECONDS = 30.0
STATUS = {InvalidInput: 422, InvalidForm: 422, NotFound: 404, PermissionDenied: 403, OperatorInactive: 403}


class IssueBody(BaseModel):
    business_type: str = Field(max_length=24)
    priority_reason: str | None = Field(default=None, max_length=24)
    account_no: str | None = Field(default=None, max_length=40)
    phone: str | None = Field(default=None, max_length=40)


class OpenBody(BaseModel):
    open: bool


class ActBody(BaseModel):
    action: TicketAction
    window_no: int = Field(ge=1, le=999)


class TransferBody(BaseModel):
    window_no: int = Field(ge=1, le=999)
    to_type: str | None = Field(default=None, max_length=24)
    to_window: int | None = Field(default=None, ge=1, le=999)


class RateBody(BaseModel):
    score: int
    reason: str = Field(default="", max_length=400)


class PauseBody(BaseModel):
    paused: bool


class ManualBody(BaseModel):
    tickets: list[dict[str, Any]] = Field(max_length=500)


class Mailbox:
    """One open event stream. A client that stops reading is cut off; it reconnects and reloads."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[str] = asyncio.Queue(maxsize=SUBSCRIBER_BACKLOG)
        self.overflowed = False


class Subscribers:
    """Every open event stream; events cross from the service's thread into the event loop."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.mailboxes: set[Mailbox] = set()
        self.seq = 0

    def publish(self, event: QueueEvent) -> None:
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._fan_out, event)

    def _fan_out(self, event: QueueEvent) -> None:
        self.seq += 1
        message = f"id: {self.seq}\nevent: queue\ndata: {json.dumps(to_json(event), ensure_ascii=False)}\n\n"
        for mailbox in list(self.mailboxes):
            try:
                mailbox.queue.put_nowait(message)
            except asyncio.QueueFull:
                mailbox.overflowed = True
                self.mailboxes.discard(mailbox)


class ActorCache:
    """Who a staff number is, for a few seconds: one lookup per clerk, not per request. A disabled
    operator is refused again within ``ACTOR_TTL_SECONDS``."""

    def __init__(self, core: HallCore) -> None:
        self.core = core
        self._known: dict[tuple[str, str], tuple[float, Actor]] = {}

    def get(self, staff_no: str, device_id: str) -> Actor:
        key = (staff_no, device_id)
        hit = self._known.get(key)
        if hit is not None and time.monotonic() - hit[0] < ACTOR_TTL_SECONDS:
            return hit[1]
        actor = self.core.auth.actor_of(staff_no, device_id)
        self._known[key] = (time.monotonic(), actor)
        return actor


def create_hub_app(core: HallCore, *, hall_key: str | None = None) -> FastAPI:
    """The app over ``core`` (opened on the hub's database, queue embedded).

    The endpoints run the queue service on the event loop's own thread, one request after the
    other: the hub is the hall's single writer, each request takes a few milliseconds, and this
    avoids the thread hand-offs and lock contention of a thread pool (measured in bench/queue_hub.py).
    """
    subscribers = Subscribers()
    epoch = secrets.token_hex(8)  # a restarted hub has a new epoch: clients reload everything
    queue = core.queue_local
    actors = ActorCache(core)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        subscribers.loop = asyncio.get_running_loop()
        yield

    app = FastAPI(title="HallApp hall hub", version=__version__, lifespan=lifespan)
    queue.subscribe(subscribers.publish)
    _install_error_handlers(app)

    async def actor(
        x_staff_no: str = Header(max_length=20),
        x_device_id: str = Header(default="lan", max_length=36),
        authorization: str | None = Header(default=None),
    ) -> Actor:
        if hall_key and not secrets.compare_digest(authorization or "", f"Bearer {hall_key}"):
            raise PermissionDenied(reason="hall_key")
        return actors.get(x_staff_no, x_device_id)

    async def key_only(authorization: str | None = Header(default=None)) -> None:
        if hall_key and not secrets.compare_digest(authorization or "", f"Bearer {hall_key}"):
            raise PermissionDenied(reason="hall_key")

    _routes(app, core, actor, key_only, subscribers, epoch)
    return app


def _routes(
    app: FastAPI, core: HallCore, actor: Callable, key_only: Callable, subscribers: Subscribers, epoch: str
) -> None:
    queue = core.queue_local
    Who = Depends(actor)
    Key = Depends(key_only)

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok", "version": __version__, "epoch": epoch, "hall_id": core.device.hall_id}

    @app.get("/queue/board", dependencies=[Key])
    async def board() -> Any:
        return to_json(queue.board())

    @app.get("/queue/windows/{window_no}", dependencies=[Key])
    async def window(window_no: int) -> Any:
        return to_json(queue.window(window_no))

    @app.get("/queue/windows/{window_no}/waiting", dependencies=[Key])
    async def waiting(window_no: int, limit: int = Query(default=30, ge=1, le=200)) -> Any:
        return to_json(queue.waiting(window_no, limit))

    @app.get("/queue/windows/{window_no}/parked", dependencies=[Key])
    async def parked(window_no: int) -> Any:
        return to_json(queue.parked(window_no))

    @app.post("/queue/open")
    async def set_open(body: OpenBody, who: Actor = Who) -> Any:
        return to_json(queue.set_queue_open(who, body.open))

    @app.post("/queue/tickets")
    async def issue(body: IssueBody, who: Actor = Who) -> Any:
        return to_json(queue.issue(who, **body.model_dump()))

    @app.post("/queue/windows/{window_no}/call-next")
    async def call_next(window_no: int, who: Actor = Who) -> Any:
        return {"ticket": to_json(queue.call_next(who, window_no))}

    @app.post("/queue/windows/{window_no}/pause")
    async def pause(window_no: int, body: PauseBody, who: Actor = Who) -> Any:
        return to_json(queue.set_window_paused(who, window_no, body.paused))

    @app.post("/queue/tickets/{ticket_id}/act")
    async def act(ticket_id: str, body: ActBody, who: Actor = Who) -> Any:
        return to_json(queue.act(who, ticket_id, body.action, body.window_no))

    @app.post("/queue/tickets/{ticket_id}/transfer")
    async def transfer(ticket_id: str, body: TransferBody, who: Actor = Who) -> Any:
        moved = queue.transfer(who, ticket_id, body.window_no, to_type=body.to_type, to_window=body.to_window)
        return to_json(moved)

    @app.post("/queue/tickets/{ticket_id}/rate")
    async def rate(ticket_id: str, body: RateBody, who: Actor = Who) -> Any:
        return to_json(queue.rate(who, ticket_id, body.score, body.reason))

    @app.post("/queue/manual")
    async def merge(body: ManualBody, who: Actor = Who) -> Any:
        tickets = [ManualTicket.from_json(t) for t in body.tickets]
        return {"held": queue.merge_manual(who, tickets)}

    @app.get("/queue/events", dependencies=[Key])
    async def events(request: Request) -> StreamingResponse:
        return StreamingResponse(_stream(request, subscribers, epoch), media_type="text/event-stream")


async def _stream(request: Request, subscribers: Subscribers, epoch: str) -> AsyncIterator[str]:
    mailbox = Mailbox()
    subscribers.mailboxes.add(mailbox)
    try:
        hello = {"kind": "connected", "details": {"epoch": epoch}}
        yield f"event: queue\ndata: {json.dumps(hello)}\n\n"
        while not mailbox.overflowed and not await request.is_disconnected():
            try:
                yield await asyncio.wait_for(mailbox.queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                yield ": keep-alive\n\n"
    finally:
        subscribers.mailboxes.discard(mailbox)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HallError)
    async def hall_error(_request: Request, exc: HallError) -> JSONResponse:
        status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 409)
        if isinstance(exc, DatabaseUnavailable):
            status = 503
        return JSONResponse({"error": exc.code, "field": exc.field, "params": to_json(exc.params)}, status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        field = str(first.get("loc", ["", "body"])[-1])
        body = {"error": "invalid_input", "field": field, "params": {"reason": "malformed"}}
        return JSONResponse(body, 422)
