"""Prometheus text metrics, counted per worker process (each sample carries the worker's pid).

With ``--workers N`` a scrape lands on one worker; sum over ``worker`` in the query
(``sum without (worker) (rate(hallapp_central_pushes_total[5m]))``). Counters restart at zero when a
worker restarts, which Prometheus' ``rate`` handles.
"""

import os
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
KNOWN_PATHS = (
    "/health",
    "/metrics",
    "/v1/devices/enroll",
    "/v1/sync/meta",
    "/v1/sync/push",
    "/v1/sync/pull",
    "/v1/sync/reconcile",
)


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, int]] = Counter()
        self.pushes: Counter[str] = Counter()
        self.ops: Counter[str] = Counter()
        self.enrolments: Counter[str] = Counter()
        self.pulls: Counter[str] = Counter()
        self.pulled_changes = 0
        self.push_buckets = [0] * (len(LATENCY_BUCKETS) + 1)
        self.push_seconds_sum = 0.0

    def request(self, path: str, status: int) -> None:
        with self._lock:
            self.requests[(path if path in KNOWN_PATHS else "other", status)] += 1

    def push_done(self, outcome: str, seconds: float, statuses: Iterable[str] = ()) -> None:
        with self._lock:
            self.pushes[outcome] += 1
            self.ops.update(statuses)
            self.push_buckets[bisect_left(LATENCY_BUCKETS, seconds)] += 1
            self.push_seconds_sum += seconds

    def pull_done(self, outcome: str, changes: int) -> None:
        with self._lock:
            self.pulls[outcome] += 1
            self.pulled_changes += changes

    def enrolment(self, outcome: str) -> None:
        with self._lock:
            self.enrolments[outcome] += 1

    def render(self) -> str:
        worker = f'worker="{os.getpid()}"'
        with self._lock:
            lines = _counter(
                "hallapp_central_requests_total",
                "HTTP requests by path and status (this worker).",
                {f'path="{p}",status="{s}",{worker}': n for (p, s), n in sorted(self.requests.items())},
            )
            lines += _counter(
                "hallapp_central_pushes_total",
                "Push batches by outcome: ok or the error code (this worker).",
                {f'outcome="{k}",{worker}': n for k, n in sorted(self.pushes.items())},
            )
            lines += _counter(
                "hallapp_central_ops_total",
                "Ops in answered pushes by result status (this worker).",
                {f'status="{k}",{worker}': n for k, n in sorted(self.ops.items())},
            )
            lines += _counter(
                "hallapp_central_enrolments_total",
                "Enrolment attempts by outcome (this worker).",
                {f'outcome="{k}",{worker}': n for k, n in sorted(self.enrolments.items())},
            )
            lines += _counter(
                "hallapp_central_pulls_total",
                "Pull pages by outcome: ok or the error code (this worker).",
                {f'outcome="{k}",{worker}': n for k, n in sorted(self.pulls.items())},
            )
            lines += _counter(
                "hallapp_central_pulled_changes_total",
                "Changes served by pulls (this worker).",
                {worker: self.pulled_changes},
            )
            lines += self._histogram(worker)
        return "\n".join(lines) + "\n"

    def _histogram(self, worker: str) -> list[str]:
        name = "hallapp_central_push_seconds"
        lines = [f"# HELP {name} Push handling time in seconds (this worker).", f"# TYPE {name} histogram"]
        running = 0
        for bound, count in zip((*map(str, LATENCY_BUCKETS), "+Inf"), self.push_buckets, strict=True):
            running += count
            lines.append(f'{name}_bucket{{le="{bound}",{worker}}} {running}')
        lines.append(f"{name}_sum{{{worker}}} {self.push_seconds_sum:.6f}")
        lines.append(f"{name}_count{{{worker}}} {running}")
        return lines


def _counter(name: str, help_text: str, samples: dict[str, int]) -> list[str]:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} counter"]
    lines += [f"{name}{{{labels}}} {value}" for labels, value in samples.items()]
    return lines
