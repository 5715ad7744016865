"""Today's payments and cash-up: the open shift's payments and totals, F8 reprint, reversal, close."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import ActionRefused
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_payment_service import TWO_BILLS
from tests.ui.conftest import wait_ops
from ui.counter.close_shift_dialog import CloseShiftDialog
from ui.counter.reversal_dialog import ReversalDialog
from ui.counter.till_page import TillPage
from ui.errors import message_for
from ui.printing import OFFLINE, DocumentKind, PrintPreviewDialog, fake_printer, reset_fake_printers
from ui.widgets.formatting import money


@pytest.fixture
def printers(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HALLAPP_PRINTER", "fake")
    reset_fake_printers()
    yield
    reset_fake_printers()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


class AtPreview:
    """Presses a key in the print preview once it opens (it runs its own modal loop).

    A repeating timer, not a chain of single shots: the preview may open inside a callback of CoreOps.
    """

    def __init__(self, qtbot, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.key, self.pages = qtbot, key, None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.press)
        self.timer.start()

    def press(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrintPreviewDialog):
            return
        self.timer.stop()
        self.pages = len(dialog.page_labels)
        self.qtbot.keyClick(dialog.focusWidget() or dialog, self.key)


def activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Shortcuts need an active window; offscreen windows are not activated on show."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def owner(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """A parent for a dialog under test: dialogs delete themselves on close, their parent outlives them."""
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def open_till(qtbot, ops, clerk) -> TillPage:  # type: ignore[no-untyped-def]
    page = TillPage(ops, clerk)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    activate(qtbot, page)
    wait_ops(qtbot, ops)
    page.table.setFocus()
    return page


def test_lists_the_open_shift_with_totals(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    page = open_till(qtbot, ops, clerk)
    assert page.lines.rowCount() == 0
    assert not page.reprint_button.isEnabled()
    account = make_account(core, TWO_BILLS)
    cash = pay(core, clerk, account, 10000)
    wechat = pay(core, clerk, account, 5000, method="wechat", reference="134567890123456789")
    page.activate()
    wait_ops(qtbot, ops)
    assert [x.receipt_no for x in page.lines.records] == [cash.receipt_no, wechat.receipt_no]
    assert page.table.current_record().receipt_no == wechat.receipt_no  # the latest is selected
    assert page.expected_cash.text() == money(10000)
    assert page.net_total.text() == money(15000)
    assert (page.payment_count.text(), page.reversal_count.text()) == ("2", "0")
    assert page.shift is not None and "09:30" in page.status.text()
    assert page.lines.data(page.lines.index(0, 2)) == core.payments.due(clerk, account).account_no


def test_f8_reprints_and_a_printer_failure_keeps_the_reprint_possible(
    qtbot, ops, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    page = open_till(qtbot, ops, clerk)
    printer = fake_printer(DocumentKind.RECEIPT)
    printer.fail_next(OFFLINE)
    assert page.handle_fkey("F8")
    wait_ops(qtbot, ops)
    assert printer.jobs == []
    assert page.message.isVisible() and page.message.property("role") == "error"
    assert printer.name() in page.message.text()
    assert page.reprint_button.isEnabled()
    page.handle_fkey("F8")  # the printer is back
    wait_ops(qtbot, ops)
    [job] = printer.jobs
    assert job.pdf.startswith(b"%PDF")
    assert paid.receipt_no in pdf_text(job.pdf)
    assert page.message.property("role") == "muted"
    page.handle_fkey("F8")
    wait_ops(qtbot, ops)
    assert len(printer.jobs) == 2
    assert "补打" in printer.jobs[1].title  # printed once before: marked as a reprint


def test_reversal_at_the_counter_prints_and_the_till_shows_it(qtbot, ops, core, clerk, printers) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    page = open_till(qtbot, ops, clerk)
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, ReversalDialog)
    wait_ops(qtbot, ops)
    dialog.reason.setText("金额输错")  # Chinese is committed by the input method, not typed
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter moves on to the supervisor's staff no.
    assert dialog.staff_no.hasFocus() or dialog.focusWidget() is dialog.staff_no
    qtbot.keyClicks(dialog.staff_no, "S001")
    qtbot.keyClick(dialog.staff_no, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    [job] = fake_printer(DocumentKind.RECEIPT).jobs
    lines = page.lines.records
    assert len(lines) == 2
    reversal = lines[1]
    assert reversal.amount_fen == -10000 and reversal.reverses_receipt_no == paid.receipt_no
    assert lines[0].reversed_by_receipt_no == reversal.receipt_no
    assert reversal.receipt_no in pdf_text(job.pdf)
    assert page.reversal_count.text() == "1"
    assert page.expected_cash.text() == money(0)
    assert reversal.receipt_no in page.message.text()
    page.table.selectRow(0)
    assert not page.reverse_button.isEnabled()  # a reversed payment cannot be reversed again
    page.reverse()
    assert page.message.text() == message_for(ActionRefused("already_reversed", receipt_no=paid.receipt_no))


def test_cash_up_prints_the_report_and_a_second_close_is_refused(qtbot, ops, core, clerk, printers) -> None:  # type: ignore[no-untyped-def]
    pay(core, clerk, make_account(core, TWO_BILLS), 15000)
    page = open_till(qtbot, ops, clerk)
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, CloseShiftDialog)
    qtbot.keyClicks(dialog.spins[10000], "1")
    qtbot.keyClick(dialog.spins[10000], Qt.Key.Key_Return)  # Enter moves down to ¥50
    qtbot.keyClicks(dialog.spins[5000], "1")
    assert dialog.difference.text() == money(0)
    preview = AtPreview(qtbot)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # the default button: close and print
    qtbot.waitUntil(lambda: len(fake_printer(DocumentKind.FORM).jobs) == 1)
    wait_ops(qtbot, ops)
    assert preview.pages == 1
    [job] = fake_printer(DocumentKind.FORM).jobs
    assert job.pdf.startswith(b"%PDF") and "日结" in pdf_text(job.pdf)
    assert page.shift is None and page.lines.rowCount() == 0
    assert page.report_button.isVisible()
    activate(qtbot, page)  # a window manager gives the page back its focus; offscreen does not
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.message.text() == message_for(ActionRefused("no_open_shift"))
    assert core.shifts.current(clerk) is None


def test_the_clerk_workspace_has_the_till_after_payments_and_f8_reaches_it(
    qtbot, ops, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    from hallapp.domain.enums import Role
    from tests.ui.test_workspaces import open_workspace
    from ui.shell.roles import pages_for
    from ui.supervisor.approvals_page import ApprovalsPage

    keys = [spec.key for spec in pages_for(Role.CLERK)]
    assert keys.index("till") == keys.index("payments") + 1
    assert [s.key for s in pages_for(Role.SUPERVISOR)].count("approvals") == 1
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    window = open_workspace(qtbot, ops, clerk)
    page = window.show_page("till")
    wait_ops(qtbot, ops)
    assert isinstance(page, TillPage) and page.lines.rowCount() == 1
    assert window.fkey_strip.labels["F8"].property("available") == "true"
    window._on_fkey("F8")
    wait_ops(qtbot, ops)
    [job] = fake_printer(DocumentKind.RECEIPT).jobs
    assert paid.receipt_no in pdf_text(job.pdf)
    supervisor_page = next(s for s in pages_for(Role.SUPERVISOR) if s.key == "approvals").factory(
        ops, core.auth.login("S001", DEMO_PASSWORD)
    )
    qtbot.addWidget(supervisor_page)
    assert isinstance(supervisor_page, ApprovalsPage)
    wait_ops(qtbot, ops)
