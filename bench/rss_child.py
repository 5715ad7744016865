"""The client whose peak memory figure 4 reports (run by bench.memory, not by hand).

``python -m bench.rss_child DB`` reads a JSON plan on stdin ({"searches": [[text, kind], ...],
"open": [account_id, ...]}), builds the real UI stack offscreen (ui.app.make_application +
AppController with smoke options: sign-in window), signs the demo clerk in through CoreOps (the UI's
one DB worker thread) so the workspace window opens, runs every search and opening through CoreOps
too, then prints ``rss <VmHWM kB> <VmRSS kB> <ru_maxrss kB> <VmRSS after sign-in kB>`` and exits.
After the measurement it makes 100 no-op CoreOps calls and prints ``true-refs-lost <n> 100``:
how many references to True they lost (PySide6 bug, see below; 0 on a healthy stack).
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

STEP_TIMEOUT_S = 120.0
PROBE_CALLS = 100  # no-op CoreOps calls after the measurement, counting lost references to True
# PySide6 6.12.0 drops a reference to True on every Signal.emit (see bench/README.md): a process
# that emits a few thousand signals aborts with "bool_dealloc: deallocating True or False". These
# extra references (80 kB) keep this child alive long enough to be measured, and it leaves with
# os._exit so the interpreter's final GC cannot trip over the damaged count either.
_TRUE_BALLAST = [True] * 10_000


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main(argv: list[str]) -> int:
    plan = json.loads(sys.stdin.read())
    db_path = Path(argv[0])

    from PySide6.QtWidgets import QApplication

    from hallapp.cli import FrontendOptions
    from hallapp.demo.reference import DEMO_PASSWORD
    from hallapp.domain.search import SearchKind
    from hallapp.services.hall_core import HallCore
    from ui.app import AppController, make_application

    app: QApplication = make_application()
    core = HallCore.open(db_path)
    controller = AppController(core, FrontendOptions(db_path=db_path, smoke=True))
    ops = controller.ops

    def call(work):  # type: ignore[no-untyped-def]
        """Run ``work(core)`` on the DB worker like a widget would; pump Qt until it answers."""
        box: dict = {}
        ops.run(
            work, on_success=lambda v: box.setdefault("ok", v), on_failure=lambda e: box.setdefault("err", e)
        )
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while not box:
            app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError("core call did not answer")
            time.sleep(0.0005)
        if "err" in box:
            raise box["err"]
        return box["ok"]

    app.processEvents()
    actor = call(lambda c: c.auth.login("C001", DEMO_PASSWORD))
    controller._on_signed_in(actor)  # what LoginWindow's signal does: opens the workspace window
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while controller.workspace is None or ops.in_flight:
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("workspace did not open")
        time.sleep(0.001)
    app.processEvents()
    after_login = _status_kb("VmRSS")

    hits = 0
    for text, kind in plan["searches"]:
        hits += len(call(lambda c, t=text, k=kind: c.accounts.search(actor, t, SearchKind(k))))
    for account_id in plan["open"]:
        call(lambda c, a=account_id: c.accounts.open(actor, a))
    app.processEvents()

    hwm, rss = _status_kb("VmHWM"), _status_kb("VmRSS")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    true_refs = sys.getrefcount(True)
    for _ in range(PROBE_CALLS):
        call(lambda c: None)
    lost = true_refs - sys.getrefcount(True)
    ops.shutdown()
    print(f"hits {hits}", flush=True)
    print(f"true-refs-lost {lost} {PROBE_CALLS}", flush=True)
    print(f"rss {hwm} {rss} {maxrss} {after_login}", flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
