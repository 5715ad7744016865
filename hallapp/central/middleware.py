"""The outermost layer: refuse an oversized body before reading it, log one JSON line per request."""

import logging
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hallapp.central.bodies import MAX_OPS, MAX_PUSH_BYTES, MAX_SMALL_BODY_BYTES
from hallapp.central.errors import Refusal
from hallapp.central.metrics import Metrics

ACCESS = logging.getLogger("hallapp.central.access")
PUSH_PATH = "/v1/sync/push"


def body_limit(path: str) -> int:
    return MAX_PUSH_BYTES if path == PUSH_PATH else MAX_SMALL_BODY_BYTES


def too_large(path: str) -> Refusal:
    if path == PUSH_PATH:
        return Refusal(413, "batch_too_large", limit=MAX_OPS, max_bytes=MAX_PUSH_BYTES)
    return Refusal(413, "body_too_large", max_bytes=MAX_SMALL_BODY_BYTES)


async def read_body(request: Request) -> bytes:
    """The body, refused with 413 as soon as it passes the limit (also without Content-Length)."""
    limit, size, chunks = body_limit(request.url.path), 0, []
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(request.url.path)
        chunks.append(chunk)
    return b"".join(chunks)


class RequestLog:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, seen = time.perf_counter(), {"status": 500}
        scope.setdefault("state", {})

        async def send_seen(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            await send(message)

        try:
            declared = _content_length(scope)
            if declared is not None and declared > body_limit(scope["path"]):
                refusal = too_large(scope["path"])
                await JSONResponse(refusal.body, refusal.status)(scope, receive, send_seen)
            else:
                await self.app(scope, receive, send_seen)
        finally:
            self._log(scope, seen["status"], time.perf_counter() - started)

    def _log(self, scope: Scope, status: int, seconds: float) -> None:
        fields: dict[str, Any] = {
            "method": scope["method"],
            "path": scope["path"],
            "status": status,
            "ms": round(seconds * 1000, 1),
        }
        device_id = scope["state"].get("device_id")
        if device_id:
            fields["device_id"] = device_id
        ACCESS.info("request", extra={"fields": fields})
        self.metrics.request(scope["path"], status)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
