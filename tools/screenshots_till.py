"""Render the till, cash-up, reversal, notice and approvals screens offscreen at 1366×768.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_till.py [--size 1366x768] [--lang zh_CN]

Writes docs/screenshots/clerk-till.png, clerk-close-shift.png, clerk-reversal.png, clerk-notice.png
and supervisor-approvals.png. A dialog is drawn over its workspace window, where it opens.
Printers are fakes: nothing reaches a real printer.
"""

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HALLAPP_PRINTER"] = "fake"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget
from screenshots import OUT, settle, wait_idle

from hallapp.cli import FrontendOptions
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import NoticeDelivery, PaymentMethod
from hallapp.domain.ids import new_id
from hallapp.domain.payments import AccountDue, PaymentRequest
from hallapp.domain.printouts import NoticeKind
from hallapp.domain.records import Actor
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import AppController, make_application
from ui.resources import install_language


def save(window: QWidget, name: str, size: tuple[int, int], dialog: QWidget | None = None) -> None:
    """The window at ``size``; a dialog is painted over it, centred, as the clerk sees it."""
    window.resize(*size)
    settle(120)
    image = window.grab()
    if dialog is not None:
        settle(120)
        painter = QPainter(image)
        painter.fillRect(image.rect(), QColor(0, 0, 0, 70))
        shot = dialog.grab()
        corner = QPoint((image.width() - shot.width()) // 2, max(0, (image.height() - shot.height()) // 2))
        painter.drawPixmap(corner, shot)
        painter.end()
    path = OUT / f"{name}.png"
    image.save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def owing_accounts(core: HallCore, actor: Actor, count: int) -> list[AccountDue]:
    """Accounts that owe something, the longest overdue first."""
    found: dict[str, AccountDue] = {}
    for text in ("建设路", "人民路", "解放路", "中山路", "路"):
        for hit in core.accounts.search(actor, text):
            due = core.payments.due(actor, hit.account_id)
            if due.lines and due.total_fen > 0:
                found[due.account_id] = due
        if len(found) >= count:
            break
    return sorted(found.values(), key=lambda d: -d.max_days_overdue)[:count]


def take(
    core: HallCore, actor: Actor, due: AccountDue, amount: int, method: PaymentMethod, reference: str = ""
):  # type: ignore[no-untyped-def]
    due = core.payments.due(actor, due.account_id)
    request = PaymentRequest(
        request_id=new_id(),
        account_id=due.account_id,
        amount_fen=amount,
        method=method,
        expected_due_fen=due.total_fen,
        reference=reference,
        tendered_fen=amount if method is PaymentMethod.CASH else None,
    )
    return core.payments.take(actor, request)


def a_day_of_payments(core: HallCore, clerk: Actor, accounts: list[AccountDue]) -> list:
    paid = []
    plan = (
        (PaymentMethod.CASH, ""),
        (PaymentMethod.WECHAT, "134567890123456789"),
        (PaymentMethod.CASH, ""),
        (PaymentMethod.ALIPAY, "281234567890123456"),
        (PaymentMethod.CARD, "POS20261120001"),
        (PaymentMethod.CASH, ""),
    )
    for due, (method, reference) in zip(accounts, plan, strict=False):
        paid.append(take(core, clerk, due, due.total_fen, method, reference))
    return paid


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    suffix = "" if args.size == "1366x768" else f"-{args.size}"
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application()
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        build_demo_database(path, 3000, clock=FakeClock(datetime.now(UTC)))
        core = HallCore.open(path)
        controller = AppController(core, FrontendOptions(db_path=path, demo=True, smoke=True))
        wait_idle(controller)
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        accounts = owing_accounts(core, clerk, 8)
        notice_account, accounts = accounts[0], accounts[1:]
        paid = a_day_of_payments(core, clerk, accounts)
        core.reversals.reverse(
            clerk,
            paid[2].payment_id,
            request_id=new_id(),
            reason="金额输错，客户重新缴费",
            supervisor_staff_no="S001",
            supervisor_password=DEMO_PASSWORD,
        )
        core.reversals.request(clerk, paid[1].payment_id, "客户重复缴费")
        core.reversals.request(clerk, paid[3].payment_id, "缴错户号")
        core.notices.issue(clerk, notice_account.account_id, NoticeKind.REMINDER, NoticeDelivery.POST)

        controller._open_workspace(clerk, 10)
        wait_idle(controller)
        clerk_shots(controller, size, suffix, notice_account.account_id)
        controller.workspace.close()
        wait_idle(controller)

        supervisor = core.auth.login("S001", DEMO_PASSWORD)
        controller._open_workspace(supervisor, 10)
        wait_idle(controller)
        window = controller.workspace
        page = window.show_page("approvals")
        page.show_decided.setChecked(True)
        wait_idle(controller)
        page.table.selectRow(0)
        save(window, f"supervisor-approvals{suffix}", size)
        window.close()
        wait_idle(controller)
        controller.ops.shutdown()
    QCoreApplication.processEvents()
    return 0


def clerk_shots(
    controller: AppController, size: tuple[int, int], suffix: str, notice_account_id: str
) -> None:
    from ui.counter.notice_dialog import NoticeDialog

    window = controller.workspace
    page = window.show_page("till")
    wait_idle(controller)
    save(window, f"clerk-till{suffix}", size)

    page.table.selectRow(0)
    page.reverse()
    dialog = page.dialog
    wait_idle(controller)
    dialog.reason.setText("客户说金额输错了")
    dialog.staff_no.setText("S001")
    dialog.password.setText("wrong-password")
    dialog.reverse_now()
    wait_idle(controller)
    save(window, f"clerk-reversal{suffix}", size, dialog)
    dialog.reject()
    wait_idle(controller)

    page.close_shift()
    dialog = page.dialog
    dialog.spins[10000].setValue(3)
    dialog.spins[1000].setValue(2)
    dialog.spins[100].setValue(7)
    wait_idle(controller)
    save(window, f"clerk-close-shift{suffix}", size, dialog)
    dialog.reject()
    wait_idle(controller)

    notices = NoticeDialog(controller.ops, window.actor, notice_account_id, window)
    notices.open()
    wait_idle(controller)
    save(window, f"clerk-notice{suffix}", size, notices)
    notices.reject()
    wait_idle(controller)


if __name__ == "__main__":
    sys.exit(main())
