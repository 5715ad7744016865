"""The reversal dialog: supervisor's credentials at the counter, refusals in one sentence, printing."""

from PySide6.QtCore import Qt

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import InvalidInput
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_payment_service import TWO_BILLS
from tests.ui import test_till_page as till
from tests.ui.conftest import wait_ops
from tests.ui.test_till_page import activate, pdf_text
from ui.counter.reversal_dialog import ReversalDialog
from ui.errors import message_for
from ui.printing import OFFLINE, DocumentKind, fake_printer

owner, printers = till.owner, till.printers  # fixtures


def open_dialog(qtbot, ops, owner, clerk, paid, amount: int = 10000) -> ReversalDialog:  # type: ignore[no-untyped-def]
    dialog = ReversalDialog(
        ops,
        clerk,
        payment_id=paid.payment_id,
        receipt_no=paid.receipt_no,
        account_no="9900000001",
        amount_fen=amount,
        method="cash",
        parent=owner,
    )
    activate(qtbot, dialog)
    wait_ops(qtbot, ops)
    return dialog


def test_wrong_password_says_so_clears_it_and_changes_nothing(
    qtbot, ops, owner, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    dialog = open_dialog(qtbot, ops, owner, clerk, paid)
    dialog.reason.setText("金额输错")
    qtbot.keyClicks(dialog.staff_no, "S001")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and dialog.message.property("role") == "error"
    assert dialog.message.text().startswith("工号或密码不正确")
    assert dialog.password.text() == "" and dialog.password.property("invalid") == "true"
    assert dialog.focusWidget() is dialog.password
    assert [x.receipt_no for x in core.shifts.payments(clerk)] == [paid.receipt_no]
    assert fake_printer(DocumentKind.RECEIPT).jobs == []


def test_the_reason_is_required(qtbot, ops, owner, core, clerk, printers) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    dialog = open_dialog(qtbot, ops, owner, clerk, paid)
    qtbot.keyClicks(dialog.staff_no, "S001")
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    dialog.reverse_button.click()
    wait_ops(qtbot, ops)
    assert dialog.message.text() == message_for(InvalidInput("reason", "empty"))
    assert dialog.reason.property("invalid") == "true"
    assert len(core.shifts.payments(clerk)) == 1


def test_a_failed_print_can_be_repeated_and_the_reversal_is_not(
    qtbot, ops, owner, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    dialog = open_dialog(qtbot, ops, owner, clerk, paid)
    printer = fake_printer(DocumentKind.RECEIPT)
    printer.fail_next(OFFLINE)
    dialog.reason.setText("重复缴费")
    qtbot.keyClicks(dialog.staff_no, "S001")
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    dialog.reverse_button.click()
    wait_ops(qtbot, ops)
    assert dialog.isVisible() and dialog.print_again_button.isVisible()
    assert printer.name() in dialog.message.text()
    assert not dialog.reverse_button.isEnabled()
    reversal = dialog.result
    assert reversal is not None and reversal.amount_fen == -10000
    assert paid.receipt_no in dialog.done_line.text() and reversal.receipt_no in dialog.done_line.text()
    dialog.reverse_now()  # a second press does nothing: the payment is reversed once
    wait_ops(qtbot, ops)
    assert len(core.shifts.payments(clerk)) == 2
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.print_again_button, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    [job] = printer.jobs
    assert reversal.receipt_no in pdf_text(job.pdf)
    assert core.payments.receipt_doc(clerk, reversal.payment_id).reprint  # the print was recorded
