"""A PC's way to the hall hub: the queue calls over HTTP, the hub's events over one long-lived
Server-Sent-Events stream on a background thread, and manual numbering while the hub is away.

It offers the same methods as the embedded QueueService, so the UI does not care which it has.
Errors come back as the same typed core errors; a hub that does not answer is HubUnavailable.
"""

import json
import logging
import random
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, TypeVar

import httpx

from hallapp.domain.errors import (
    ActionRefused,
    ApprovalRequired,
    HallError,
    HubUnavailable,
    InvalidInput,
    NotFound,
    OperatorInactive,
    PermissionDenied,
)
from hallapp.domain.queue import TicketAction
from hallapp.domain.queue_views import HubMode, HubStatus, QueueBoard, QueueEvent, TicketRow, WindowView
from hallapp.domain.records import Actor
from hallapp.services.clock import Clock
from hallapp.services.queue_events import EventBus, Listener
from hallapp.services.queue_service import QueueService
from hallapp.sync.codec import from_json, to_json

log = logging.getLogger(__name__)
T = TypeVar("T")
CALL_TIMEOUT = httpx.Timeout(5.0, connect=2.0)
STREAM_TIMEOUT = httpx.Timeout(5.0, connect=2.0, read=40.0)  # the hub sends a keep-alive every 15 s
BACKOFF_FIRST, BACKOFF_MAX = 0.5, 10.0


class HubClient:
    def __init__(self, url: str, local: QueueService, clock: Clock, *, hall_key: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.local = local  # this PC's own database: manual tickets while the hub is away
        self.clock = clock
        headers = {"Authorization": f"Bearer {hall_key}"} if hall_key else {}
        self._http = httpx.Client(base_url=self.url, headers=headers, timeout=CALL_TIMEOUT)
        self.bus = EventBus()
        self._lock = threading.Lock()
        self._status = HubStatus(HubMode.OFFLINE, self.url, since=None)  # None: still connecting
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._stream: httpx.Response | None = None

    # -- connection ---------------------------------------------------------------------------
    def status(self) -> HubStatus:
        with self._lock:
            status = self._status
        return HubStatus(status.mode, status.url, status.since, len(self.local.pending_manual()))

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Listen to the hub's events; the first listener starts the stream thread."""
        unsubscribe = self.bus.subscribe(listener)
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._listen, name="hallapp-hub-events", daemon=True)
                self._thread.start()
        return unsubscribe

    def close(self) -> None:
        self._stop.set()
        response = self._stream
        if response is not None:
            response.close()  # wakes the event thread out of its read
        self._http.close()

    # -- the queue ----------------------------------------------------------------------------
    def issue(self, actor: Actor, business_type: str, **extra: Any) -> TicketRow:
        body = {"business_type": business_type} | {k: v for k, v in extra.items() if v is not None}
        return self._call(TicketRow, "POST", "/queue/tickets", actor, body)

    def call_next(self, actor: Actor, window_no: int) -> TicketRow | None:
        data = self._request("POST", f"/queue/windows/{window_no}/call-next", actor, None)
        return None if data["ticket"] is None else from_json(TicketRow, data["ticket"])

    def act(self, actor: Actor, ticket_id: str, action: TicketAction, window_no: int) -> TicketRow:
        body = {"action": TicketAction(action).value, "window_no": window_no}
        return self._call(TicketRow, "POST", f"/queue/tickets/{ticket_id}/act", actor, body)

    def transfer(
        self,
        actor: Actor,
        ticket_id: str,
        window_no: int,
        *,
        to_type: str | None = None,
        to_window: int | None = None,
    ) -> TicketRow:
        body = {"window_no": window_no, "to_type": to_type, "to_window": to_window}
        return self._call(TicketRow, "POST", f"/queue/tickets/{ticket_id}/transfer", actor, body)

    def rate(self, actor: Actor, ticket_id: str, score: int, reason: str = "") -> TicketRow:
        body = {"score": score, "reason": reason}
        return self._call(TicketRow, "POST", f"/queue/tickets/{ticket_id}/rate", actor, body)

    def set_queue_open(self, actor: Actor, open_: bool) -> QueueBoard:
        return self._call(QueueBoard, "POST", "/queue/open", actor, {"open": open_})

    def set_window_paused(self, actor: Actor, window_no: int, paused: bool) -> WindowView:
        return self._call(WindowView, "POST", f"/queue/windows/{window_no}/pause", actor, {"paused": paused})

    def board(self) -> QueueBoard:
        return self._call(QueueBoard, "GET", "/queue/board", None, None)

    def window(self, window_no: int) -> WindowView:
        return self._call(WindowView, "GET", f"/queue/windows/{window_no}", None, None)

    def parked(self, window_no: int) -> list[TicketRow]:
        return self._call(list[TicketRow], "GET", f"/queue/windows/{window_no}/parked", None, None)

    def waiting(self, window_no: int, limit: int = 30) -> list[TicketRow]:
        return self._call(
            list[TicketRow], "GET", f"/queue/windows/{window_no}/waiting?limit={limit}", None, None
        )

    # -- manual numbering ---------------------------------------------------------------------
    def issue_manual(self, actor: Actor, business_type: str, **extra: Any) -> TicketRow:
        return self.local.issue_manual(actor, business_type, **extra)

    def merge_pending(self, actor: Actor) -> int:
        """Hand this PC's manual tickets to the hub; returns how many it now holds."""
        pending = self.local.pending_manual()
        if not pending:
            return 0
        data = self._request("POST", "/queue/manual", actor, {"tickets": [t.to_json() for t in pending]})
        held = [str(i) for i in data["held"]]
        self.local.mark_merged(held)
        return len(held)

    # -- HTTP ---------------------------------------------------------------------------------
    def _call(self, cls: Any, method: str, path: str, actor: Actor | None, body: dict | None) -> Any:
        return from_json(cls, self._request(method, path, actor, body))

    def _request(self, method: str, path: str, actor: Actor | None, body: dict | None) -> Any:
        headers = {"X-Staff-No": actor.staff_no, "X-Device-Id": actor.device_id} if actor else {}
        try:
            response = self._http.request(method, path, json=to_json(body) if body else None, headers=headers)
        except httpx.TimeoutException as exc:
            self._went_offline()
            raise HubUnavailable(reason="timeout", url=self.url) from exc
        except httpx.TransportError as exc:
            self._went_offline()
            raise HubUnavailable(reason="unreachable", url=self.url) from exc
        if response.status_code >= 500:
            raise HubUnavailable(reason="server_error", url=self.url, status=response.status_code)
        try:
            data = response.json()
        except ValueError:
            raise HubUnavailable(reason="protocol", url=self.url) from None
        if response.status_code >= 400:
            raise error_from(data)
        return data

    # -- events -------------------------------------------------------------------------------
    def _listen(self) -> None:
        delay = BACKOFF_FIRST
        while not self._stop.is_set():
            try:
                for event in self._events():
                    delay = BACKOFF_FIRST
                    if event.kind == "connected":
                        self._set_status(HubMode.ONLINE)
                    self.bus.publish(event)
            except (httpx.HTTPError, ValueError, RuntimeError, HallError) as exc:
                log.info("hall hub event stream: %r", exc)
            if self._stop.is_set():
                return
            self._went_offline()
            self._stop.wait(delay * random.uniform(0.5, 1.5))
            delay = min(BACKOFF_MAX, delay * 2)

    def _events(self) -> Iterator[QueueEvent]:
        with self._http.stream("GET", "/queue/events", timeout=STREAM_TIMEOUT) as response:
            self._stream = response
            if response.status_code != 200:
                raise ValueError(f"event stream answered {response.status_code}")
            for line in response.iter_lines():
                if self._stop.is_set():
                    return
                if line.startswith("data:"):
                    yield from_json(QueueEvent, json.loads(line[5:]))

    def _went_offline(self) -> None:
        with self._lock:
            was_online = self._status.mode is HubMode.ONLINE
        if was_online:
            self._set_status(HubMode.OFFLINE)
            self.bus.publish(QueueEvent("disconnected", at=self.clock.now()))

    def _set_status(self, mode: HubMode) -> None:
        with self._lock:
            if self._status.mode is not mode:
                since: datetime | None = self.clock.now() if mode is HubMode.OFFLINE else None
                self._status = HubStatus(mode, self.url, since)


ERRORS: dict[str, type[HallError]] = {
    "not_found": NotFound,
    "permission_denied": PermissionDenied,
    "operator_inactive": OperatorInactive,
}


def error_from(data: Any) -> HallError:
    """The typed core error the hub's JSON answer describes."""
    if not isinstance(data, dict) or not isinstance(data.get("params"), dict):
        return HubUnavailable(reason="protocol")
    code, field, params = data.get("error"), data.get("field"), dict(data["params"])
    if code in ("invalid_input", "invalid_form"):
        return InvalidInput(field, str(params.pop("reason", "malformed")), **params)
    if code in ("action_refused", "approval_required"):
        cls = ApprovalRequired if code == "approval_required" else ActionRefused
        return cls(str(params.pop("reason", "refused")), **params)
    return ERRORS.get(str(code), HallError)(field, **params)
