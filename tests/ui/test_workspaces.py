"""Each role lands in its own workspace with real navigation, F-keys, status bar and lock."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from shiboken6 import isValid

from hallapp.db.models import AuditEvent
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import Role
from tests.ui.conftest import wait_ops
from ui.shell.roles import pages_for
from ui.shell.workspace_window import WorkspaceWindow


def open_workspace(qtbot, ops, actor, idle_minutes: int = 10, register: bool = True) -> WorkspaceWindow:  # type: ignore[no-untyped-def]
    window = WorkspaceWindow(
        ops, actor, hall_name="城东供电营业厅", device_code="H000101", idle_minutes=idle_minutes
    )
    if register:  # a window the test signs out deletes itself; qtbot must not close it again
        qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wait_ops(qtbot, ops)
    return window


@pytest.mark.parametrize(
    ("staff_no", "role", "first_page"),
    [
        ("G001", Role.GUIDE, "排队取号"),
        ("C001", Role.CLERK, "账户查询"),
        ("S001", Role.SUPERVISOR, "营业日志"),
        ("A001", Role.ADMIN, "业务参数"),
    ],
)
def test_each_role_gets_its_workspace(qtbot, ops, core, staff_no, role, first_page) -> None:  # type: ignore[no-untyped-def]
    actor = core.auth.login(staff_no, DEMO_PASSWORD)
    window = open_workspace(qtbot, ops, actor)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0] == first_page
    assert len(titles) == len(pages_for(role))
    assert window.statusBar().isVisible()
    status = " ".join(label.text() for label in window.statusBar().findChildren(type(window.clock)))
    assert "城东供电营业厅" in status and actor.name in status and "待上传" in status
    image = window.grab()
    assert image.width() == 1366 and image.height() == 768


def test_the_supervisor_starts_on_the_daily_log(qtbot, ops, supervisor) -> None:  # type: ignore[no-untyped-def]
    from ui.supervisor.daily_log_page import DailyLogPage

    window = open_workspace(qtbot, ops, supervisor)
    assert window.nav.currentRow() == 0
    assert isinstance(window.current_page(), DailyLogPage)
    assert {"daily", "approvals", "sync_notices", "scorecard", "audit", "accounts"} == set(window.pages)


def test_f4_goes_to_account_search_from_any_page(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    window = open_workspace(qtbot, ops, clerk)
    assert window.nav.currentRow() == 0
    window._on_fkey("F4")
    assert window.current_page() is window.pages["accounts"]
    assert window.focusWidget() is window.pages["accounts"].query
    assert window.fkey_strip.labels["F4"].property("available") == "true"
    assert window.fkey_strip.labels["F1"].property("available") == "true"  # the queue keys work everywhere
    assert window.fkey_strip.labels["F8"].property("available") == "false"


def test_idle_time_locks_and_only_the_own_password_unlocks(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    window = open_workspace(qtbot, ops, clerk)
    window.show_page("payments")
    window.idle._timer.setInterval(30)
    window.idle._timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    window._on_fkey("F4")  # function keys do nothing behind the lock
    assert window.current_page() is not window.pages["accounts"]
    overlay = window.lock_overlay
    overlay.password.setText("not-my-password")
    overlay.unlock_button.click()
    wait_ops(qtbot, ops)
    assert window.locked and "工号或密码不正确" in overlay.error.text()
    overlay.password.setText(DEMO_PASSWORD)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert not window.locked
    with core.db.read() as s:
        actions = [a for (a,) in s.query(AuditEvent.action).order_by(AuditEvent.seq)]
    assert actions[-3:] == ["session.lock", "session.unlock.failed", "session.unlock"]


def test_f12_locks_and_sign_out_returns(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    window = open_workspace(qtbot, ops, clerk, register=False)
    window._on_fkey("F12")
    assert window.locked
    assert window.lock_overlay.findChild(QLineEdit) is window.lock_overlay.password
    with qtbot.waitSignal(window.sig_signed_out, timeout=5000):
        window.lock_overlay.sig_switch_user.emit()
    qtbot.waitUntil(lambda: not isValid(window), timeout=5000)  # Qt deleted it on close, not the GC


def test_the_lock_screen_hides_what_is_behind_it(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    window = open_workspace(qtbot, ops, clerk)
    window.lock("manual")
    image = window.lock_overlay.grab().toImage()
    corner = image.pixelColor(5, 5)
    assert corner.alpha() == 255 and corner.name() == "#00352e"


def test_f5_takes_the_open_account_to_the_payment_page(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    window = open_workspace(qtbot, ops, clerk)
    search = window.show_page("accounts")
    search.query.setText("3200000001")
    search.search()
    wait_ops(qtbot, ops)
    assert search.current_account_no() == "3200000001"
    window._on_fkey("F5")
    wait_ops(qtbot, ops)
    payments = window.current_page()
    assert payments is window.pages["payments"]
    assert payments.due is not None and payments.due.account_no == "3200000001"
    assert window.fkey_strip.labels["F5"].property("available") == "true"
