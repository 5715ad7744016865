"""The cash-up dialog: counted total and difference live, a difference needs a reason, closing once."""

from itertools import pairwise

from PySide6.QtCore import Qt

from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.payments import DENOMINATIONS_FEN
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_payment_service import TWO_BILLS
from tests.ui import test_till_page as till
from tests.ui.conftest import wait_ops
from tests.ui.test_till_page import activate, pdf_text
from ui.counter.close_shift_dialog import CloseShiftDialog, denomination_label
from ui.errors import message_for
from ui.widgets.formatting import money

owner = till.owner  # fixture


def open_dialog(qtbot, ops, owner, core, clerk) -> CloseShiftDialog:  # type: ignore[no-untyped-def]
    dialog = CloseShiftDialog(ops, clerk, core.shifts.current(clerk), owner)
    activate(qtbot, dialog)
    return dialog


def test_denominations_and_tab_order(qtbot, ops, owner, core, clerk) -> None:  # type: ignore[no-untyped-def]
    pay(core, clerk, make_account(core, TWO_BILLS), 15000)
    dialog = open_dialog(qtbot, ops, owner, core, clerk)
    assert [denomination_label(d) for d in DENOMINATIONS_FEN] == [
        "¥100",
        "¥50",
        "¥20",
        "¥10",
        "¥5",
        "¥1",
        "¥0.5",
        "¥0.1",
    ]
    assert dialog.expected.text() == money(15000)
    assert dialog.focusWidget() is dialog.spins[10000]
    for current, following in pairwise(DENOMINATIONS_FEN):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.spins[following], current
    assert dialog.spins[10000].maximum() == 100_000


def test_a_difference_without_a_reason_is_refused(qtbot, ops, owner, core, clerk) -> None:  # type: ignore[no-untyped-def]
    pay(core, clerk, make_account(core, TWO_BILLS), 15000)
    dialog = open_dialog(qtbot, ops, owner, core, clerk)
    qtbot.keyClicks(dialog.spins[10000], "1")
    qtbot.keyClick(dialog.spins[10000], Qt.Key.Key_Return)
    assert dialog.counted.text() == money(10000)
    assert dialog.difference.text() == money(-5000)
    assert dialog.difference.property("tone") == "owed"  # red
    dialog.ok_button.click()
    wait_ops(qtbot, ops)
    assert dialog.isVisible()
    assert dialog.message.text() == message_for(InvalidInput("difference_reason", "empty"))
    assert dialog.reason.property("invalid") == "true"
    assert core.shifts.current(clerk) is not None  # nothing was closed
    dialog.reason.setText("少收伍拾元，已登记")
    with qtbot.waitSignal(dialog.sig_closed) as closed:
        dialog.ok_button.click()
    printout = closed.args[0]
    assert printout.pdf.startswith(b"%PDF") and "少收伍拾元" in pdf_text(printout.pdf)
    assert core.shifts.current(clerk) is None


def test_matching_count_needs_no_reason_and_closing_twice_is_refused(qtbot, ops, owner, core, clerk) -> None:  # type: ignore[no-untyped-def]
    pay(core, clerk, make_account(core, TWO_BILLS), 15000)
    first = open_dialog(qtbot, ops, owner, core, clerk)
    second = open_dialog(qtbot, ops, owner, core, clerk)  # e.g. opened again before the first finished
    for dialog in (first, second):
        dialog.spins[10000].setValue(1)
        dialog.spins[5000].setValue(1)
        assert dialog.difference.property("tone") == "clear"
    with qtbot.waitSignal(first.sig_closed):
        first.ok_button.click()
    second.ok_button.click()
    wait_ops(qtbot, ops)
    assert second.message.text() == message_for(ActionRefused("no_open_shift"))
    assert second.message.property("role") == "error"
