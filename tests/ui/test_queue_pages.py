"""The guide's ticket page and the clerk's serving bar, offscreen, against a real demo core."""

import pytest
from PySide6.QtCore import QSettings, Qt

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.queue import TicketState
from tests.ui.conftest import wait_ops
from tests.ui.test_workspaces import open_workspace
from ui.counter.serving_bar import WINDOW_KEY
from ui.counter.transfer_dialog import TransferDialog
from ui.lobby.ticket_page import TicketPage
from ui.printing import DocumentKind, fake_printer, reset_fake_printers


@pytest.fixture
def guide(core):  # type: ignore[no-untyped-def]
    return core.auth.login("G001", DEMO_PASSWORD)


@pytest.fixture
def ticket_page(qtbot, ops, guide):  # type: ignore[no-untyped-def]
    reset_fake_printers()
    page = TicketPage(ops, guide)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.windowHandle().requestActivate()
    wait_ops(qtbot, ops)
    return page


def press(qtbot, page, key) -> None:  # type: ignore[no-untyped-def]
    page.setFocus()
    qtbot.keyClick(page, key)


def test_guide_opens_the_queue_and_issues_with_one_key(qtbot, ops, ticket_page) -> None:
    assert ticket_page.open_button.text() == "开始取号"
    press(qtbot, ticket_page, Qt.Key.Key_1)
    wait_ops(qtbot, ops)
    assert "取号" in ticket_page.message.text()  # refused: issuing has not started
    ticket_page.open_button.click()
    wait_ops(qtbot, ops)
    assert ticket_page.open_button.text() == "停止取号"
    assert [b.text().split()[0] for b in ticket_page.type_buttons] == ["1", "2", "3", "4"]
    press(qtbot, ticket_page, Qt.Key.Key_1)
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: ticket_page.last_no.text() == "A001")
    jobs = fake_printer(DocumentKind.TICKET).jobs
    assert len(jobs) == 1 and jobs[0].paper == "thermal80" and jobs[0].pdf.startswith(b"%PDF")
    qtbot.waitUntil(lambda: ticket_page.lines.records and ticket_page.lines.records[0].waiting == 1)
    ticket_page.handle_fkey("F8")
    wait_ops(qtbot, ops)
    assert len(fake_printer(DocumentKind.TICKET).jobs) == 2


def test_account_and_priority_travel_with_the_ticket(qtbot, ops, core, ticket_page, clerk) -> None:
    ticket_page.open_button.click()
    wait_ops(qtbot, ops)
    ticket_page.account.setText("13800138000")
    ticket_page.priority.setCurrentIndex(ticket_page.priority.findData("elderly"))
    ticket_page.type_buttons[0].click()
    wait_ops(qtbot, ops)
    called = core.queue.call_next(clerk, 1)
    assert (called.phone, called.priority_reason, called.account_no) == ("13800138000", "elderly", None)
    assert ticket_page.account.text() == "" and ticket_page.priority.currentData() is None


def test_printer_offline_keeps_the_ticket(qtbot, ops, core, ticket_page) -> None:
    ticket_page.open_button.click()
    wait_ops(qtbot, ops)
    fake_printer(DocumentKind.TICKET).fail_next("offline")
    ticket_page.type_buttons[1].click()
    wait_ops(qtbot, ops)
    assert ticket_page.last_no.text() == "B001"
    assert "F8" in ticket_page.message.text()
    assert core.queue.board().lines[1].waiting == 1


def test_unreachable_hub_offers_manual_numbering(qtbot, ops, core, guide) -> None:
    core.connect_hub("http://127.0.0.1:9")  # nothing listens there
    page = TicketPage(ops, guide)
    qtbot.addWidget(page)
    page.show()
    wait_ops(qtbot, ops, timeout=10000)
    assert page.hub_banner.isVisible() and page.manual.isVisible()
    assert not page.open_button.isEnabled()
    page.manual.setChecked(True)
    page._build_type_buttons(core.queue_local.board().lines)
    page.type_buttons[0].click()
    wait_ops(qtbot, ops, timeout=10000)
    assert page.last_no.text().endswith("-A001")
    assert core.queue.status().manual_waiting == 1


@pytest.fixture
def clerk_window(qtbot, ops, core, clerk):  # type: ignore[no-untyped-def]
    QSettings().setValue(WINDOW_KEY, 3)
    core.queue.set_queue_open(core.auth.login("G001", DEMO_PASSWORD), True)
    window = open_workspace(qtbot, ops, clerk)
    window.windowHandle().requestActivate()
    return window


def test_f1_calls_and_opens_the_captured_account(qtbot, ops, core, guide, clerk_window) -> None:
    account = core.accounts.search(clerk_window.actor, "王")[0].account_no
    core.queue.issue(guide, "payment", account_no=account)
    bar = clerk_window.serving_bar
    wait_ops(qtbot, ops)
    clerk_window._on_fkey("F1")
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: bar.number.text() == "A001")
    assert clerk_window.current_page() is clerk_window.pages["payments"]
    qtbot.waitUntil(lambda: clerk_window.pages["payments"].current_account_no() == account)
    clerk_window._on_fkey("F7")
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: bar.number.text() == "—")
    clerk_window._on_fkey("F1")
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: "没有" in bar.message.text())


def test_no_show_pause_and_transfer_from_the_bar(qtbot, ops, core, guide, clerk_window) -> None:
    bar = clerk_window.serving_bar
    first = core.queue.issue(guide, "payment")
    core.queue.issue(guide, "payment")
    bar.call_next()
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: bar.number.text() == "A001")
    clerk_window._on_fkey("F3")
    wait_ops(qtbot, ops)
    assert core.queue.window(3).current is None
    bar.toggle_pause()
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: "暂停" in bar.details.text())
    bar.call_next()
    wait_ops(qtbot, ops)
    assert "暂停" in bar.message.text()  # a paused window calls nobody
    bar.toggle_pause()
    wait_ops(qtbot, ops)
    bar.call_next()
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: bar.number.text() == "A002")
    bar.transfer()
    dialog = bar.findChild(TransferDialog)
    dialog.types.setCurrentIndex(dialog.types.findData("business"))
    dialog.submit()
    wait_ops(qtbot, ops)
    waiting = {line.code: line.waiting for line in core.queue.board().lines}
    assert waiting["business"] == 1 and core.queue.window(3).current is None
    assert first.ticket_id != core.queue.board().recent_calls[0]
    assert core.queue.call_next(clerk_window.actor, 4).state is TicketState.CALLED


def test_the_bar_says_when_the_hub_is_away_without_hammering_it(qtbot, ops, core, clerk) -> None:
    from ui.counter.serving_bar import ServingBar

    QSettings().setValue(WINDOW_KEY, 3)
    core.connect_hub("http://127.0.0.1:9")  # nothing listens there
    bar = ServingBar(ops, clerk)
    qtbot.addWidget(bar)
    bar.show()
    wait_ops(qtbot, ops, timeout=10000)
    assert "叫号服务器" in bar.message.text()
    qtbot.wait(300)
    assert ops.in_flight == 0  # a failed load is not retried in a loop
    bar.call_next()
    wait_ops(qtbot, ops, timeout=10000)
    assert "叫号服务器" in bar.message.text()


def test_a_captured_phone_searches_the_accounts(qtbot, ops, core, guide, clerk_window) -> None:
    core.queue.issue(guide, "payment", phone="13800138000")
    clerk_window.serving_bar.call_next()
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: clerk_window.current_page() is clerk_window.pages["accounts"])
    assert clerk_window.pages["accounts"].query.text() == "13800138000"


def test_picking_from_the_bar_when_the_hall_allows_it(qtbot, ops, core, guide, clerk_window) -> None:
    core.settings.update(core.auth.login("A001", DEMO_PASSWORD), {"queue.allow_pick": True})
    core.queue.issue(guide, "payment")
    later = core.queue.issue(guide, "payment")
    bar = clerk_window.serving_bar
    bar.reload()
    wait_ops(qtbot, ops)
    assert [t.display_no for t in bar.pickable] == ["A001", "A002"]
    bar._fill_more()
    pick_menu = next(a.menu() for a in bar.more.actions() if a.menu() is not None)
    next(a for a in pick_menu.actions() if a.text().startswith("A002")).trigger()
    wait_ops(qtbot, ops)
    assert core.queue.window(3).current.ticket_id == later.ticket_id
