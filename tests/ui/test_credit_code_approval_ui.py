"""A credit code failing its check character, sent from the form to the supervisor's queue, refused
there with a reason the clerk then sees, corrected at the counter; and both kinds in one queue."""

from dataclasses import replace

from PySide6.QtCore import Qt

from hallapp.demo.applications import AGENT_ID, CREDIT_CODE, organisation_new
from hallapp.domain.application_flow import ApplicationKind, Hold, Stage
from hallapp.domain.ids import new_id
from tests.core import test_credit_code_approval as credit
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_payment_service import TWO_BILLS
from tests.ui import test_till_page as till
from tests.ui.conftest import wait_ops
from tests.ui.test_applications_page import accept, choose, open_dialog, tick_all, type_into
from tests.ui.test_approvals_page import open_page
from tests.ui.test_till_page import activate
from ui.counter.application_tables import enum_text
from ui.counter.applications_page import ApplicationsPage
from ui.supervisor.approval_messages import approval_message, kind_label

owner, printers = till.owner, till.printers  # fixtures
WRONG = credit.WRONG


def fill_organisation(qtbot, f, code: str) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, f.kind, ApplicationKind.NON_RESIDENT_NEW)
    f.organisation.setFocus()
    qtbot.keyClick(f.organisation, Qt.Key.Key_Space)
    type_into(qtbot, f.name, "示例市明光食品有限公司")
    type_into(qtbot, f.credit_code, code)
    type_into(qtbot, f.legal_rep, "李明光")
    type_into(qtbot, f.agent_name, "赵经办")
    type_into(qtbot, f.agent_id_no, AGENT_ID)
    type_into(qtbot, f.phone, "13812345678")
    type_into(qtbot, f.address, "示例市江宁区科技园路66号")
    type_into(qtbot, f.capacity, "75")
    choose(qtbot, f.voltage, f.voltage.itemData(1))
    tick_all(qtbot, f)


def test_the_clerk_sends_the_code_to_the_queue_from_the_keyboard(
    qtbot, ops, owner, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    accepted = []
    dialog = open_dialog(qtbot, ops, owner, clerk)
    dialog.sig_accepted.connect(accepted.append)
    fill_organisation(qtbot, dialog.fields, WRONG)
    accept(qtbot, ops, dialog)
    box = dialog.approval
    assert accepted == [] and box.isVisible() and box.send_button.isVisible()
    box.queue_reason.setFocus()
    qtbot.keyClick(box.queue_reason, Qt.Key.Key_Return)  # no reason yet
    wait_ops(qtbot, ops)
    assert accepted == [] and box.queue_reason.property("invalid") == "true"
    assert dialog.message.isVisible() and box.queue_reason.hasFocus()
    type_into(qtbot, box.queue_reason, "执照原件代码如此")
    qtbot.keyClick(box.queue_reason, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert len(accepted) == 1, dialog.message.text()
    held = core.application_reads.detail(clerk, accepted[0].application_id)
    assert held.row.hold == Hold.CREDIT_CODE_PENDING and held.row.stage is Stage.ACCEPTED


def test_refused_in_the_queue_then_corrected_at_the_counter(
    qtbot, ops, owner, core, clerk, supervisor, printers
) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    core.reversals.request(clerk, paid.payment_id, "金额输错")
    done = core.applications.submit(
        clerk, replace(organisation_new(), credit_code=WRONG), request_id=new_id(), queue_reason="执照如此"
    )
    page = open_page(qtbot, ops, supervisor)
    texts = {page.model.records[n].kind: _row_texts(page, n) for n in range(page.model.rowCount())}
    assert set(texts) == {"payment_reversal", "credit_code_override"}
    assert kind_label("credit_code_override") in texts["credit_code_override"]
    assert {done.application_no, "示例市明光食品有限公司", WRONG} <= set(texts["credit_code_override"])
    assert paid.receipt_no in texts["payment_reversal"]
    row = next(
        n for n in range(page.model.rowCount()) if page.model.records[n].kind == "credit_code_override"
    )
    view_row = page.table.proxy.mapFromSource(page.model.index(row, 0)).row()
    page.table.selectRow(view_row)
    page.table.setCurrentIndex(page.table.proxy.index(view_row, 0))
    page.note.setText("校验位不符，请核对执照")
    page.refuse_button.click()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert done.application_no in page.message.text()
    assert [r.kind for r in page.model.records] == ["payment_reversal"]

    apps = ApplicationsPage(ops, clerk)
    qtbot.addWidget(apps)
    apps.resize(1366, 700)
    activate(qtbot, apps)
    apps.activate()
    wait_ops(qtbot, ops)
    assert [r.application_no for r in apps.held.records] == [done.application_no]
    assert "（1）" in apps.tabs.tabText(3)
    apps.open(done.application_id)
    wait_ops(qtbot, ops)
    pane = apps.detail
    assert pane.hold.isVisible() and "校验位不符，请核对执照" in pane.hold.text()
    assert supervisor.name in pane.hold.text() and pane.correction.isVisible()
    buttons = [b.text() for b in pane.stage_buttons]
    assert len(buttons) == 2 and not any(enum_text(Stage.SURVEY) in b for b in buttons)  # not past 受理
    pane.correction.code.setFocus()
    pane.correction.code.selectAll()
    qtbot.keyClicks(pane.correction.code, CREDIT_CODE)
    qtbot.keyClick(pane.correction.code, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert not pane.correction.isVisible() and not pane.hold.isVisible()
    assert pane.detail.row.hold is None and pane.detail.form["credit_code"] == CREDIT_CODE
    assert apps.held.rowCount() == 0


def test_moving_a_held_application_on_says_why_not(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    from hallapp.domain.errors import ActionRefused

    done = core.applications.submit(
        clerk, replace(organisation_new(), credit_code=WRONG), request_id=new_id(), queue_reason="执照如此"
    )
    apps = ApplicationsPage(ops, clerk)
    qtbot.addWidget(apps)
    activate(qtbot, apps)
    apps.open(done.application_id)
    wait_ops(qtbot, ops)
    version = apps.detail.detail.row.version
    apps._advance(done.application_id, Stage.SURVEY, "", False)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    expected = approval_message(ActionRefused("credit_code_unconfirmed", application_no=done.application_no))
    assert apps.message.text() == expected and done.application_no in expected
    assert apps.detail.detail.row.version == version


def _row_texts(page, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.index(n, c).data() for c in range(page.model.columnCount())]
