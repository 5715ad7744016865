"""Render every screen offscreen at real size and save PNGs to docs/screenshots/.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--size 1366x768] [--lang zh_CN]
"""

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HALLAPP_PRINTER", "fake")
os.environ.setdefault("HALLAPP_VOICE", "off")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from hallapp.cli import FrontendOptions
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import AppController, make_application
from ui.resources import install_language

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(ms: int = 250) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_idle(controller: AppController) -> None:
    for _ in range(200):
        settle(30)
        if controller.ops.in_flight == 0:
            settle(80)
            return


def shoot(widget: QWidget, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    settle(120)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    suffix = "" if args.size == "1366x768" else f"-{args.size}"
    OUT.mkdir(parents=True, exist_ok=True)
    settings_dir = tempfile.mkdtemp(prefix="hallapp-shots-settings-")  # never the user's own choices
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = make_application()
    QSettings().setValue("counter/window_no", 3)
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        build_demo_database(path, 3000, clock=FakeClock(datetime.now(UTC)))
        core = HallCore.open(path)
        seed_queue(core)
        controller = AppController(core, FrontendOptions(db_path=path, demo=True, smoke=True))
        wait_idle(controller)
        shoot(controller.login, f"login{suffix}", size)
        for staff_no, shots in (
            ("C001", clerk_shots),
            ("G001", guide_shots),
            ("S001", supervisor_shots),
            ("A001", admin_shots),
        ):
            actor = core.auth.login(staff_no, DEMO_PASSWORD)
            controller._open_workspace(actor, 10)
            wait_idle(controller)
            shots(controller, size, suffix)
            controller.workspace.close()
            wait_idle(controller)
        controller.ops.shutdown()
    QCoreApplication.processEvents()
    return 0


def seed_queue(core: HallCore) -> None:
    """A morning in the hall: issuing open, a dozen tickets, two windows already serving."""
    guide = core.auth.login("G001", DEMO_PASSWORD)
    core.queue.set_queue_open(guide, True)
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    account_no = core.accounts.search(clerk, "建设路")[0].account_no
    kinds = ["payment"] * 6 + ["business"] * 3 + ["consult"] * 2 + ["green"]
    for index, kind in enumerate(kinds):
        reason = "elderly" if index == 4 else None
        account = account_no if index == 1 else None  # A002: called at window 3, its account opens
        core.queue.issue(guide, kind, priority_reason=reason, account_no=account)
    for staff_no, window_no in (("C002", 1), ("C003", 2)):
        core.queue.call_next(core.auth.login(staff_no, DEMO_PASSWORD), window_no)


def clerk_shots(controller: AppController, size: tuple[int, int], suffix: str) -> None:
    window = controller.workspace
    shoot(window, f"clerk-workspace{suffix}", size)
    window.serving_bar.call_next()
    wait_idle(controller)
    settle(300)
    wait_idle(controller)
    shoot(window, f"clerk-serving{suffix}", size)
    page = window.show_page("accounts")
    page.query.setText("建设路")
    page.search()
    wait_idle(controller)
    shoot(window, f"clerk-account-search{suffix}", size)
    hits = page.hits.records
    page.query.setText(hits[0].account_no if hits else "3200000001")
    page.search()
    wait_idle(controller)
    shoot(window, f"clerk-account-view{suffix}", size)
    owing = next((h.account_no for h in hits[1:]), hits[0].account_no if hits else "3200000001")
    page.query.setText("１２３")
    page.search()
    wait_idle(controller)
    page.handle_escape()
    shoot(window, f"clerk-search-error{suffix}", size)
    payment_shots(controller, owing, size, suffix)
    window.lock("manual")
    wait_idle(controller)
    shoot(window, f"lock-screen{suffix}", size)


def payment_shots(controller: AppController, account_no: str, size: tuple[int, int], suffix: str) -> None:
    window = controller.workspace
    page = window.show_page("payments")
    page.open_account_no(account_no)
    wait_idle(controller)
    page.form.tendered.setText("500")
    shoot(window, f"clerk-payment{suffix}", size)
    page.confirm()
    wait_idle(controller)
    shoot(window, f"clerk-payment-done{suffix}", size)


def guide_shots(controller: AppController, size: tuple[int, int], suffix: str) -> None:
    window = controller.workspace
    tickets = window.show_page("tickets")
    wait_idle(controller)
    tickets.account.setText("13800138000")
    tickets.type_buttons[0].click()
    wait_idle(controller)
    settle(300)
    wait_idle(controller)
    shoot(window, f"guide-workspace{suffix}", size)
    page = window.show_page("display")
    shoot(window, f"guide-display-control{suffix}", size)
    page.open_board()
    wait_idle(controller)
    shoot(page.board, f"display-board{suffix}", (1920, 1080) if not suffix else size)
    page.board.close()


def supervisor_shots(controller: AppController, size: tuple[int, int], suffix: str) -> None:
    shoot(controller.workspace, f"supervisor-workspace{suffix}", size)


def admin_shots(controller: AppController, size: tuple[int, int], suffix: str) -> None:
    window = controller.workspace
    shoot(window, f"admin-settings{suffix}", size)
    page = window.pages["settings"]
    page.rows["arrears.cut_lead_min_days"].editor.setText("9")
    page.rows["penalty.resident_permille_per_day"].editor.setText("abc")
    page.save()
    wait_idle(controller)
    shoot(window, f"admin-settings-errors{suffix}", size)
    window.show_page("business_types")
    wait_idle(controller)
    shoot(window, f"admin-business-types{suffix}", size)
    window.show_page("windows")
    wait_idle(controller)
    shoot(window, f"admin-windows{suffix}", size)
    window.show_page("holidays")
    wait_idle(controller)
    shoot(window, f"admin-holidays{suffix}", size)
    window.show_page("operators")
    wait_idle(controller)
    shoot(window, f"admin-operators{suffix}", size)


if __name__ == "__main__":
    sys.exit(main())
