"""Arrears notices: what is overdue, which notice may go out, issue and print, record the signature."""

from PySide6.QtCore import Qt

from hallapp.domain.enums import NoticeDelivery, NoticeOutcome
from hallapp.domain.errors import InvalidInput
from hallapp.domain.printouts import NoticeKind
from tests.core.accounts_for_tests import make_account
from tests.core.test_payment_service import TWO_BILLS
from tests.ui import test_till_page as till
from tests.ui.conftest import wait_ops
from tests.ui.test_till_page import AtPreview, activate, pdf_pages, pdf_text
from ui.counter.notice_dialog import NoticeDialog, OutcomeDialog
from ui.errors import message_for
from ui.printing import DocumentKind, fake_printer
from ui.widgets.formatting import label

owner, printers = till.owner, till.printers  # fixtures


def open_dialog(qtbot, ops, owner, clerk, account_id: str) -> NoticeDialog:  # type: ignore[no-untyped-def]
    dialog = NoticeDialog(ops, clerk, account_id, owner)
    activate(qtbot, dialog)
    wait_ops(qtbot, ops)
    return dialog


def test_shows_the_arrears_and_which_notices_are_allowed(qtbot, ops, owner, core, clerk) -> None:  # type: ignore[no-untyped-def]
    overdue = open_dialog(qtbot, ops, owner, clerk, make_account(core, TWO_BILLS))
    assert overdue.overdue.rowCount() == 2  # 39 and 8 days overdue on 2026-11-20
    assert overdue.reminder.isEnabled() and overdue.cut_plan.isEnabled()
    assert overdue.selected_kind() is NoticeKind.CUT_PLAN
    assert "2026-11-23" in overdue.cut_plan_note.text() and "2026-11-27" in overdue.cut_plan_note.text()
    recent = open_dialog(qtbot, ops, owner, clerk, make_account(core, [("202610", 20000, TWO_BILLS[1][2])]))
    assert recent.reminder.isEnabled() and not recent.cut_plan.isEnabled()
    assert "30" in recent.cut_plan_note.text()  # says why: not overdue long enough
    assert recent.selected_kind() is NoticeKind.REMINDER
    post = recent.delivery.findData(NoticeDelivery.POST.value)
    assert recent.delivery.itemText(post) == label(NoticeDelivery.POST)


def test_issue_prints_two_pages_then_a_refusal_is_recorded(qtbot, ops, owner, core, clerk, printers) -> None:  # type: ignore[no-untyped-def]
    account_id = make_account(core, TWO_BILLS)
    dialog = open_dialog(qtbot, ops, owner, clerk, account_id)
    dialog.delivery.setCurrentIndex(dialog.delivery.findData(NoticeDelivery.IN_PERSON.value))
    preview = AtPreview(qtbot)
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: len(fake_printer(DocumentKind.FORM).jobs) == 1)
    wait_ops(qtbot, ops)
    [job] = fake_printer(DocumentKind.FORM).jobs
    assert preview.pages == 2 and pdf_pages(job.pdf) == 2  # customer copy and archive copy
    [row] = dialog.notices.records
    assert row.kind is NoticeKind.CUT_PLAN and row.outcome is NoticeOutcome.PENDING
    assert row.notice_no in pdf_text(job.pdf)
    assert dialog.outcome_button.isEnabled()
    qtbot.keyClick(
        dialog.notice_table, Qt.Key.Key_Return
    )  # Enter on a notice: its signature, not a new notice
    outcome = dialog.outcome_dialog
    assert isinstance(outcome, OutcomeDialog)
    outcome.refused.setChecked(True)
    outcome.ok_button.click()
    wait_ops(qtbot, ops)
    assert outcome.message.text() == message_for(InvalidInput("outcome_note", "empty"))
    outcome.name.setText("社区网格员李明")
    with qtbot.waitSignal(outcome.finished):
        outcome.ok_button.click()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    [row] = dialog.notices.records
    assert (row.outcome, row.outcome_note) == (NoticeOutcome.REFUSED, "社区网格员李明")
    assert core.notices.for_account(clerk, account_id)[0].outcome is NoticeOutcome.REFUSED
    assert not dialog.outcome_button.isEnabled()  # recorded once


def test_a_cancelled_preview_leaves_the_notice_printable(qtbot, ops, owner, core, clerk, printers) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ops, owner, clerk, make_account(core, TWO_BILLS))
    escape = AtPreview(qtbot, Qt.Key.Key_Escape)
    dialog.issue_button.click()
    qtbot.waitUntil(dialog.print_again_button.isVisible)
    wait_ops(qtbot, ops)
    assert fake_printer(DocumentKind.FORM).jobs == []
    assert escape.pages == 2 and dialog.message.property("role") == "error"
    enter = AtPreview(qtbot)
    dialog.print_again_button.click()
    assert enter.pages == 2 and len(fake_printer(DocumentKind.FORM).jobs) == 1
    assert dialog.notices.rowCount() == 1  # issued once
