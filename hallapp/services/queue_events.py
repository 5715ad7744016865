"""Listeners for the hall queue's events: plain-Python hooks the UI re-emits as Qt signals and the
hub's event stream forwards to every PC. Thread-safe; a failing listener never stops the others.
"""

import logging
import threading
from collections.abc import Callable

from hallapp.domain.queue_views import QueueEvent

log = logging.getLogger(__name__)
Listener = Callable[[QueueEvent], None]


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` for every event from now on; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: QueueEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("queue event listener failed")
