"""Render the live display board and the satisfaction evaluator offscreen, with a busy demo queue.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_queue.py [--lang zh_CN]

Writes docs/screenshots/board-1920.png and board-1366.png (the hall TV at both sizes),
evaluator-ask.png and evaluator-reason.png (the customer's screen at 1280×800). The queue is opened,
14 tickets of four types are issued, windows 1, 3 and 4 call (window 1 finishes one, so its
evaluator asks) and window 2 is paused. No sound: the board gets no voice caller.
"""

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HALLAPP_PRINTER"] = "fake"
os.environ["HALLAPP_VOICE"] = "off"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget
from screenshots import OUT, settle

from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.queue import TicketAction
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import make_application
from ui.counter.evaluator_window import EvaluatorWindow
from ui.display.display_board import DisplayBoard
from ui.ops import CoreOps
from ui.resources import install_language

EVALUATOR_SIZE = (1280, 800)
ISSUED = (  # in the order customers came in: 6 payments, 4 business, 3 consultations, 1 green channel
    *("payment", "business", "payment", "consult", "payment", "green", "business"),
    *("payment", "consult", "business", "payment", "payment", "business", "consult"),
)


def save(widget: QWidget, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    settle(200)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def busy_queue(core: HallCore) -> None:
    """Issued tickets of four types; windows 1, 3 and 4 have called, window 2 is on a break."""
    guide = core.auth.login("G001", DEMO_PASSWORD)
    clerks = {n: core.auth.login(f"C00{min(n, 3)}", DEMO_PASSWORD) for n in (1, 2, 3, 4)}
    core.queue.set_queue_open(guide, True)
    for code in ISSUED:
        core.queue.issue(guide, code)
    core.queue.set_window_paused(clerks[2], 2, True)
    for window_no in (1, 3, 4):
        row = core.queue.call_next(clerks[window_no], window_no)
        core.queue.act(clerks[window_no], row.ticket_id, TicketAction.START, window_no)
    for window_no in (3, 4):  # finish the one served and call the next
        core.queue.call_next(clerks[window_no], window_no)


def board_shots(ops: CoreOps) -> None:
    board = DisplayBoard(
        ops, hall_name=ops.core.reference.hall_name(), notice=notice(ops.core), repeat=2, voice=None
    )
    board.show()
    wait_for(ops)
    clerk = ops.core.auth.login("C001", DEMO_PASSWORD)
    ops.core.queue.call_next(clerk, 1)  # finishes A001 and calls the next: the board shows it at once
    wait_for(ops)
    save(board, "board-1920", (1920, 1080))
    save(board, "board-1366", (1366, 768))
    board.close()


def evaluator_shots(ops: CoreOps) -> None:
    clerk = ops.core.auth.login("C001", DEMO_PASSWORD)
    evaluator = EvaluatorWindow(ops, clerk, 1, 60)
    evaluator.show()
    current = ops.core.queue.window(1).current
    ops.core.queue.act(clerk, current.ticket_id, TicketAction.START, 1)
    ops.core.queue.act(clerk, current.ticket_id, TicketAction.FINISH, 1)  # the evaluator asks
    save(evaluator, "evaluator-ask", EVALUATOR_SIZE)
    evaluator.keyPressEvent(_key(Qt.Key.Key_4))  # 不满意: asks why
    save(evaluator, "evaluator-reason", EVALUATOR_SIZE)
    evaluator.close()


def _key(key: Qt.Key):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "")


def notice(core: HallCore) -> str:
    from ui.lobby.display_page import board_notice

    return board_notice(core.settings.values())


def wait_for(ops: CoreOps) -> None:
    for _ in range(200):
        settle(30)
        if ops.in_flight == 0:
            settle(250)  # past the board's 150 ms coalescing, then its reload
            if ops.in_flight == 0:
                return


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application()
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "queue.sqlite"
        build_demo_database(path, 500, clock=FakeClock(datetime.now(UTC)))
        ops = CoreOps(HallCore.open(path))
        busy_queue(ops.core)
        board_shots(ops)
        evaluator_shots(ops)
        wait_for(ops)
        ops.shutdown()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
