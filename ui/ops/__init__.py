"""The one way widgets reach the core: work runs on a single DB worker thread, results come back
on the GUI thread, and mutations broadcast their ``Changes`` (STYLE.md rules 2 and 3).

The worker thread never holds a reference to anything of Qt: callbacks and their owner widget stay
in a table on the GUI side, keyed by a job number. Otherwise the last reference to a widget could
be dropped on the worker thread, and PySide would delete the widget there (a crash).
"""

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from hallapp.domain.records import Changes
from hallapp.services.hall_core import HallCore

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class _Job:
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[Exception], None] | None
    owner: QObject | None
    initiator: object


class CoreOps(QObject):
    """Owns the core and its worker thread. Widgets call ``run``; never the core directly."""

    sig_operation_did_execute = Signal(object, object)  # (Changes, initiator)
    _sig_finished = Signal(int, object, object)  # (job number, exception, value) from the worker

    def __init__(self, core: HallCore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hallapp-db")
        self._net = ThreadPoolExecutor(max_workers=4, thread_name_prefix="hallapp-net")
        self._queue_events = None
        self._sync = None
        self._jobs: dict[int, _Job] = {}
        self._numbers = itertools.count(1)
        self._sig_finished.connect(self._deliver)

    @property
    def in_flight(self) -> int:
        return len(self._jobs)

    def run(
        self,
        work: Callable[[HallCore], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
        initiator: object = None,
        network: bool = False,
    ) -> None:
        """Run ``work(core)`` on the DB thread; call back on the GUI thread while ``owner`` lives.

        ``work`` must capture plain values only (ids, text, an Actor), never a widget. Work that may
        wait on the network (the hall hub) goes on the network lane so it never holds up the DB thread.
        """
        number = next(self._numbers)
        self._jobs[number] = _Job(on_success, on_failure, owner, initiator)
        finished = self._sig_finished

        def done(future: Future) -> None:
            exc = future.exception()
            finished.emit(number, exc, None if exc else future.result())

        try:
            future = (self._net if network else self._pool).submit(work, self.core)
        except RuntimeError:  # shut down: the app is closing, a late timer asked for more work
            del self._jobs[number]
            return
        future.add_done_callback(done)

    def _deliver(self, number: int, exc: BaseException | None, value: Any) -> None:
        job = self._jobs.pop(number)
        if job.owner is not None and not isValid(job.owner):
            return
        if exc is not None:
            if not isinstance(exc, Exception):
                raise exc
            log.info("operation failed: %r", exc, exc_info=exc)
            if job.on_failure:
                job.on_failure(exc)
            return
        if job.on_success:
            job.on_success(value)
        changes = _changes_of(value)
        if changes is not None:
            self.sig_operation_did_execute.emit(changes, job.initiator)

    @property
    def queue_events(self):  # type: ignore[no-untyped-def]
        """The queue's pushed events as a Qt signal (``sig_event``), shared by every screen."""
        if self._queue_events is None:
            from ui.ops.queue import QueueEvents

            self._queue_events = QueueEvents(self.core, self)
        return self._queue_events

    @property
    def sync(self):  # type: ignore[no-untyped-def]
        """The central sync worker's state (``sig_status``); started on first use, if enrolled."""
        if self._sync is None:
            from ui.ops.sync import SyncBridge

            self._sync = SyncBridge(self, self)
        return self._sync

    def shutdown(self) -> None:
        if self._sync is not None:
            self._sync.stop()
        if self._queue_events is not None:
            self._queue_events.stop()
        self._net.shutdown(wait=True)
        self._pool.shutdown(wait=True)
        self.core.close()


def _changes_of(value: Any) -> Changes | None:
    """What a result says it changed: a ``Changes``, a result's ``.changes``, or a tuple ending with one."""
    if isinstance(value, tuple) and value:
        value = value[-1]
    if not isinstance(value, Changes):
        value = getattr(value, "changes", None)
    return value if isinstance(value, Changes) else None
