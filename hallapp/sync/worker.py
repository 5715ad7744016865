"""The background sync worker: pushes the outbox, then pulls the hall's master data, backs off
with jitter while the central server is away, and reports its state. It never blocks the caller.
"""

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from hallapp.domain.settings_catalog import default_value
from hallapp.sync.pull import Puller
from hallapp.sync.push import Pusher, SyncStopped, SyncUnavailable

IDLE_S = 15.0  # look again this often even when nobody asked
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 300.0
DEFAULT_SKEW_WARN_S = float(default_value("sync.clock_skew_warn_seconds"))


class SyncState(StrEnum):
    STANDALONE = "standalone"  # no central server configured (the demo, a one-PC test)
    ONLINE = "online"
    OFFLINE = "offline"  # the server does not answer: retrying
    STOPPED = "stopped"  # refused for a reason a person must look at


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    pending: int
    last_success_at: datetime | None
    since: datetime | None = None  # offline or stopped since
    reason: str = ""
    clock_offset_s: float | None = None  # the server's clock minus this PC's (None: not known yet)
    clock_skewed: bool = False  # off by more than the setting sync.clock_skew_warn_seconds


def backoff_seconds(failures: int, rng: random.Random) -> float:
    """Exponential back-off with full jitter: a random wait up to 1, 2, 4 … s, at most 5 minutes."""
    ceiling = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** min(failures, 20))
    return rng.uniform(BACKOFF_FIRST_S / 2, ceiling)


class SyncWorker:
    def __init__(
        self,
        pusher: Pusher,
        on_status: Callable[[SyncStatus], None],
        *,
        puller: Puller | None = None,
        rng: random.Random | None = None,
        sleep: Callable[[threading.Event, float], bool] | None = None,
        skew_warn_s: float = DEFAULT_SKEW_WARN_S,
    ) -> None:
        self.pusher = pusher
        self.skew_warn_s = skew_warn_s
        self.puller = puller
        self.on_status = on_status
        self.rng = rng or random.Random()
        self._wait = sleep or (lambda event, seconds: event.wait(seconds))
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0
        self.status = SyncStatus(SyncState.OFFLINE, 0, None)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hallapp-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Something new is in the outbox: push soon instead of at the next idle look."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run_once(self) -> float:
        """One round: push what is pending; returns how long to wait before the next round."""
        now = datetime.now(UTC)
        try:
            outcome = self.pusher.push_all()
            if not outcome.sent:  # nothing to send: still ask, so "online" means the server answers
                self.pusher.heartbeat()  # (and the clocks are compared again)
            if self.puller is not None:  # then the hall's master data (a page at a time, resumable)
                self.puller.pull_all()
        except SyncUnavailable as exc:
            self.failures += 1
            since = self.status.since if self.status.state is SyncState.OFFLINE else now
            self._report(SyncState.OFFLINE, since=since, reason=str(exc.params.get("reason", "")))
            return backoff_seconds(self.failures, self.rng)
        except SyncStopped as exc:
            since = self.status.since if self.status.state is SyncState.STOPPED else now
            self._report(SyncState.STOPPED, since=since, reason=str(exc.params.get("reason", "")))
            return BACKOFF_MAX_S
        self.failures = 0
        self._report(SyncState.ONLINE, pending=outcome.pending, success=now)
        return IDLE_S

    def _report(
        self,
        state: SyncState,
        *,
        pending: int | None = None,
        success: datetime | None = None,
        since: datetime | None = None,
        reason: str = "",
    ) -> None:
        if pending is None:
            pending = self.pusher.pending()
        offset = self.pusher.clock_offset_s
        last = success or self.status.last_success_at
        skewed = offset is not None and abs(offset) > self.skew_warn_s
        self.status = SyncStatus(state, pending, last, since, reason, offset, skewed)
        self.on_status(self.status)

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.run_once()
            self._wake.clear()
            started = time.monotonic()
            while not self._stop.is_set() and time.monotonic() - started < delay:
                if self._wait(self._wake, delay - (time.monotonic() - started)):
                    break  # woken: push now
