"""The one way widgets reach the core: work runs on a single DB worker thread, results come back
on the GUI thread, and mutations broadcast their ``Changes`` (STYLE.md rules 2 and 3).
"""

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from hallapp.domain.records import Changes
from hallapp.services.hall_core import HallCore

log = logging.getLogger(__name__)
T = TypeVar("T")


class CoreOps(QObject):
    """Owns the core and its worker thread. Widgets call ``run``; never the core directly."""

    sig_operation_did_execute = Signal(object, object)  # (Changes, initiator)
    _sig_finished = Signal(object)  # (callback, ok, value) posted from the worker

    def __init__(self, core: HallCore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hallapp-db")
        self._sig_finished.connect(self._deliver)
        self.in_flight = 0

    def run(
        self,
        work: Callable[[HallCore], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
        initiator: object = None,
    ) -> None:
        """Run ``work(core)`` on the DB thread; call back on the GUI thread while ``owner`` lives."""
        self.in_flight += 1

        def done(future: Future) -> None:
            exc = future.exception()
            self._sig_finished.emit(
                (on_success, on_failure, owner, initiator, exc, None if exc else future.result())
            )

        self._pool.submit(work, self.core).add_done_callback(done)

    def _deliver(self, packet: tuple) -> None:
        on_success, on_failure, owner, initiator, exc, value = packet
        self.in_flight -= 1
        if owner is not None and not isValid(owner):
            return
        if exc is not None:
            if not isinstance(exc, Exception):
                raise exc
            log.info("operation failed: %r", exc, exc_info=exc)
            if on_failure:
                on_failure(exc)
            return
        changes = _changes_in(value)
        if on_success:
            on_success(value)
        if changes is not None:
            self.sig_operation_did_execute.emit(changes, initiator)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
        self.core.close()


def _changes_in(value: Any) -> Changes | None:
    if isinstance(value, Changes):
        return value
    if isinstance(value, tuple) and value and isinstance(value[-1], Changes):
        return value[-1]
    return None
