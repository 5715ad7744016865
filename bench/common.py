"""Shared by the benchmarks: the report (figures, comments, targets), statistics, paths."""

import math
import os
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Decimals per unit, so every value is a plain number (never 1e-05 style).
_DECIMALS = {"s": 3, "ms": 3, "MB": 1, "ratio": 2, "count": 0}


@dataclass(frozen=True)
class Target:
    limit: float
    label: str  # e.g. "≤30 ms (issue #2)"


@dataclass
class Report:
    """Writes figures to stdout as they come; remembers them for the summary and for later benches."""

    out: object = field(default_factory=lambda: sys.stdout)
    figures: dict[str, tuple[float, str]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def figure(self, name: str, value: float, unit: str, target: Target | None = None) -> None:
        decimals = _DECIMALS.get(unit, 3)
        if not math.isfinite(value):
            self.comment(f"{name}: no value ({value})")
            return
        self.figures[name] = (value, unit)
        self._line(f"figure {name} {value:.{decimals}f} {unit}")
        if target is not None:
            self.check(name, value, unit, target)

    def check(self, name: str, value: float, unit: str, target: Target) -> None:
        if value <= target.limit:
            self.comment(f"target met: {name} {value:.3g} {unit} (target {target.label})")
        else:
            factor = value / target.limit if target.limit else math.inf
            message = f"{name} {value:.4g} {unit} > target {target.label} ({factor:.1f}x over)"
            self.missed.append(message)
            self.comment(f"target missed: {message}")

    def comment(self, text: str) -> None:
        for line in text.splitlines() or [""]:
            self._line(f"# {line}".rstrip())

    def error(self, bench: str, exc: BaseException) -> None:
        message = f"{bench}: {type(exc).__name__}: {exc}"
        self.errors.append(message)
        self.comment(f"error: {message}")

    def _line(self, line: str) -> None:
        print(line, file=self.out, flush=True)  # type: ignore[arg-type]


def progress(text: str) -> None:
    """Progress for the human watching: stderr, so stdout stays figures and comments only."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def p95(samples: Sequence[float]) -> float:
    return percentile(samples, 95)


def percentile(samples: Sequence[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default, 'inclusive' quantiles)."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples) if samples else math.nan


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline > 0 else math.nan


def child_env(**extra: str) -> dict[str, str]:
    """Environment for child Pythons: the repo importable, Qt offscreen, the caller's env otherwise."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def warm_file(path: Path) -> None:
    """Read a file once so it sits in the OS page cache ("warm cache" measurements)."""
    with open(path, "rb") as f:
        while f.read(16 << 20):
            pass
