"""Spawning child Pythons and reading their wall time, probe line and peak RSS (wait4 rusage)."""

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.common import PYTHON, REPO, child_env

QT_HELLO = (
    "from PySide6.QtWidgets import QApplication,QLabel; "
    "a=QApplication([]); l=QLabel('x'); l.show(); a.processEvents()"
)
# The same, then its own peak RSS. The parent cannot use wait4's ru_maxrss for this: Linux folds
# the spawning parent's RSS into a child's ru_maxrss (the child's pre-exec mm is the parent's, with
# vfork even shared), so a 50 MB child of a 150 MB parent reports 150 MB.
QT_HELLO_HWM = (
    QT_HELLO
    + "; print('hwm', [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0])"
)
CHILD_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class ChildRun:
    wall_s: float  # Popen -> marker line (or -> exit when no marker is awaited)
    exit_wall_s: float  # Popen -> exit
    marker: str | None  # the rest of the marker line, e.g. "1.234" after "login-visible "
    stdout: list[str]
    maxrss_mb: float  # wait4's ru_maxrss: max(child's peak, parent's RSS at spawn), see QT_HELLO_HWM
    returncode: int


class ChildFailed(RuntimeError):
    pass


def spawn(
    args: Sequence[str],
    *,
    marker: str | None = None,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout_s: float = CHILD_TIMEOUT_S,
) -> ChildRun:
    """Run ``[python, *args]``; time it to the first stdout line starting with ``marker``."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [PYTHON, *args],
            cwd=REPO,
            env=env or child_env(),
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
        )
        killer = threading.Timer(timeout_s, proc.kill)
        killer.start()
        try:
            if stdin is not None:
                assert proc.stdin is not None
                proc.stdin.write(stdin)
                proc.stdin.close()
            assert proc.stdout is not None
            lines: list[str] = []
            found: str | None = None
            wall = None
            for raw in proc.stdout:
                line = raw.rstrip("\n")
                lines.append(line)
                if marker and found is None and line.startswith(marker):
                    wall = time.perf_counter() - started
                    found = line[len(marker) :].strip()
            _, status, usage = os.wait4(proc.pid, 0)
            exit_wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            killer.cancel()
        if proc.returncode != 0 or (marker and found is None):
            err.seek(0)
            tail = err.read()[-2000:]
            raise ChildFailed(
                f"{' '.join(args)[:120]} exited {proc.returncode}"
                + (f", no '{marker}' line" if marker and found is None else "")
                + f"; stderr tail: {tail!r}"
            )
    return ChildRun(
        wall_s=wall if wall is not None else exit_wall,
        exit_wall_s=exit_wall,
        marker=found,
        stdout=lines,
        maxrss_mb=usage.ru_maxrss / 1024,
        returncode=proc.returncode,
    )


def qt_hello() -> ChildRun:
    """The bare-Qt baseline: interpreter + PySide6 import + one shown label, then exit."""
    return spawn(["-c", QT_HELLO])


def qt_hello_hwm_mb() -> float:
    """Peak RSS (VmHWM, read by the child itself) of the bare-Qt baseline."""
    return int(spawn(["-c", QT_HELLO_HWM], marker="hwm").marker or "0") / 1024
