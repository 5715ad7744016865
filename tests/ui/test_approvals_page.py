"""Approvals: a clerk's queued reversal request is approved by a supervisor, then reversed by the clerk."""

from PySide6.QtCore import Qt

from hallapp.domain.errors import InvalidInput
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_payment_service import TWO_BILLS
from tests.ui import test_till_page as till
from tests.ui.conftest import wait_ops
from tests.ui.test_reversal_dialog import open_dialog
from tests.ui.test_till_page import activate, pdf_text
from ui.errors import message_for
from ui.printing import DocumentKind, fake_printer
from ui.supervisor.approvals_page import ApprovalsPage

owner, printers = till.owner, till.printers  # fixtures


def open_page(qtbot, ops, supervisor) -> ApprovalsPage:  # type: ignore[no-untyped-def]
    page = ApprovalsPage(ops, supervisor)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    activate(qtbot, page)
    wait_ops(qtbot, ops)
    return page


def test_queue_request_approved_then_reversed_by_the_clerk(
    qtbot, ops, owner, core, clerk, supervisor, printers
) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    page = open_page(qtbot, ops, supervisor)
    assert page.model.rowCount() == 0 and not page.approve_button.isEnabled()
    dialog = open_dialog(qtbot, ops, owner, clerk, paid)
    assert not dialog.approved_button.isVisible()
    dialog.reason.setText("客户重复缴费")
    dialog.request_button.click()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert dialog.message.property("role") == "muted"
    [row] = page.model.records  # the page refreshed on the broadcast
    assert (row.receipt_no, row.reason, row.status) == (paid.receipt_no, "客户重复缴费", "pending")
    assert page.table.current_record() == row
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.model.rowCount() == 0  # decided: gone from the waiting list
    assert paid.receipt_no in page.message.text()
    page.show_decided.setChecked(True)
    wait_ops(qtbot, ops)
    assert [r.status for r in page.model.records] == ["approved"]
    assert dialog.approved_button.isVisible()  # the clerk's dialog saw the approval
    assert supervisor.name in dialog.queue_status.text()
    with qtbot.waitSignal(dialog.finished):
        dialog.approved_button.click()
    wait_ops(qtbot, ops)
    lines = core.shifts.payments(clerk)
    assert [x.amount_fen for x in lines] == [10000, -10000]
    [job] = fake_printer(DocumentKind.RECEIPT).jobs
    assert lines[1].receipt_no in pdf_text(job.pdf)
    wait_ops(qtbot, ops)
    assert [r.status for r in page.model.records] == ["used"]


def test_refusing_needs_a_note(qtbot, ops, core, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    core.reversals.request(clerk, paid.payment_id, "金额输错")
    page = open_page(qtbot, ops, supervisor)
    assert page.approve_button.isEnabled()
    page.refuse_button.click()
    wait_ops(qtbot, ops)
    assert page.message.text() == message_for(InvalidInput("note", "empty"))
    assert page.note.property("invalid") == "true"
    assert [r.status for r in page.model.records] == ["pending"]
    page.note.setText("金额无误，不予冲正")
    page.refuse_button.click()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.model.rowCount() == 0
    [row] = core.reversals.mine(clerk)
    assert (row.status, row.decision_note) == ("refused", "金额无误，不予冲正")
