"""The service desk driven from the keyboard: consultations, callbacks, complaints, knowledge base.

Chinese text is inserted as an input method commits it (QTest.keyClicks takes Latin-1 only).
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from hallapp.domain.errors import ActionRefused
from hallapp.domain.ids import new_id
from hallapp.domain.service_desk import ComplaintStep
from hallapp.domain.service_desk_form import ConsultationDraft, KnowledgeDraft
from tests.ui.conftest import wait_ops
from ui.counter.service_desk_common import ToneTableModel
from ui.counter.service_desk_complaints import complaint_columns
from ui.counter.service_desk_page import ServiceDeskPage
from ui.errors import message_for

pytestmark = pytest.mark.ui
CTRL = Qt.KeyboardModifier.ControlModifier


def activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Shortcuts need an active window; offscreen windows are not activated on show."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def page(qtbot, ops, clerk) -> ServiceDeskPage:  # type: ignore[no-untyped-def]
    widget = ServiceDeskPage(ops, clerk)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    activate(qtbot, widget)
    widget.activate()
    wait_ops(qtbot, ops)
    return widget


def focused() -> QWidget:
    return QApplication.focusWidget()


def type_text(text: str) -> None:
    """Into the focused field: ASCII typed key by key, anything else committed at once."""
    widget = focused()
    if text.isascii():
        QTest.keyClicks(widget, text)
    elif isinstance(widget, QPlainTextEdit):
        widget.insertPlainText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.insert(text)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def test_a_consultation_from_the_keyboard(qtbot, ops, core, clerk, page) -> None:
    tab = page.consultations
    assert focused() is tab.customer_name
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_Down)  # channel: by phone
    press(Qt.Key.Key_Tab)
    type_text("王女士")
    press(Qt.Key.Key_Return)  # Enter moves on as Tab does
    type_text("13912345678")
    press(Qt.Key.Key_Tab)
    type_text("3200000001")
    press(Qt.Key.Key_Tab)
    assert focused() is tab.question
    type_text("峰谷电价怎么申请？")
    press(Qt.Key.Key_Tab)
    type_text("带身份证和户号到柜台办理。")
    press(Qt.Key.Key_Return, CTRL)
    wait_ops(qtbot, ops)
    [row] = core.consultations.today(clerk)
    assert (row.channel.value, row.customer_name, row.phone, row.account_no) == (
        "phone",
        "王女士",
        "13912345678",
        "3200000001",
    )
    assert [r.consultation_id for r in tab.today.records] == [row.consultation_id]
    assert row.consultation_no in tab.message.text()
    assert tab.customer_name.text() == "" and focused() is tab.customer_name  # ready for the next one


def test_field_errors_show_next_to_the_fields_and_a_callback_is_made(qtbot, ops, core, clerk, page) -> None:
    tab = page.consultations
    for _ in range(5):
        press(Qt.Key.Key_Tab)  # from the name: phone, account, question, answer, answered
    assert focused() is tab.answered
    press(Qt.Key.Key_Space)  # not answered on the spot: a callback is due
    wait_ops(qtbot, ops)
    assert tab.callback_due.isEnabled()
    press(Qt.Key.Key_Return)  # Enter on the last fields saves
    wait_ops(qtbot, ops)
    name_error = tab.errors.labels["customer_name"]
    assert name_error.isVisible() and name_error.text() == "此项不能为空，请填写。"
    assert tab.customer_name.property("invalid") == "true"
    assert tab.errors.labels["phone"].isVisible() and tab.errors.labels["question"].isVisible()
    assert focused() is tab.customer_name and core.consultations.today(clerk) == []

    type_text("刘先生")
    press(Qt.Key.Key_Tab)
    type_text("13851234567")
    tab.question.setFocus()
    type_text("电表校验结果出来了吗？")
    press(Qt.Key.Key_Return, CTRL)
    wait_ops(qtbot, ops)
    assert not name_error.isVisible()
    assert [r.customer_name for r in tab.callbacks.records] == ["刘先生"]

    tab.callback_table.setFocus()
    press(Qt.Key.Key_B, CTRL)
    dialog = tab.dialog
    activate(qtbot, dialog)
    assert focused() is dialog.note
    press(Qt.Key.Key_Return, CTRL)  # no note yet
    wait_ops(qtbot, ops)
    assert dialog.errors.labels["note"].text() == "此项不能为空，请填写。" and dialog.isVisible()
    type_text("已告知校验合格。")
    press(Qt.Key.Key_Return, CTRL)
    wait_ops(qtbot, ops)
    assert tab.callbacks.records == [] and core.consultations.open_callbacks(clerk) == []


def test_a_complaint_cannot_be_closed_before_the_follow_up(qtbot, ops, core, clerk, page) -> None:
    press(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    tab = page.complaints
    assert page.tabs.currentWidget() is tab
    press(Qt.Key.Key_N, CTRL)
    dialog = tab.dialog
    activate(qtbot, dialog)
    assert focused() is dialog.cause
    press(Qt.Key.Key_Down)  # the first cause: poor power quality
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # the channel stays "at the counter"
    type_text("冯先生")
    press(Qt.Key.Key_Tab)
    type_text("13512340005")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    type_text("晚上电压不稳，灯光忽明忽暗。")
    press(Qt.Key.Key_Return, CTRL)
    wait_ops(qtbot, ops)
    [row] = core.complaints.open_complaints(clerk)
    assert row.cause.value == "power_quality" and row.phone == "13512340005"
    activate(qtbot, page)
    qtbot.waitUntil(lambda: tab.pane.detail is not None)

    press(Qt.Key.Key_E, CTRL)  # close at once: refused, no dialog
    assert tab.message.isVisible()
    assert tab.message.text() == message_for(ActionRefused("complaint_no_followup"))
    assert core.complaints.open_complaints(clerk)[0].step is ComplaintStep.RECEIVED

    for key, note in (
        (Qt.Key.Key_L, "已致歉并记录。"),
        (Qt.Key.Key_R, "已调整线路。"),
        (Qt.Key.Key_H, "满意。"),
    ):
        press(key, CTRL)
        dialog = tab.dialog
        activate(qtbot, dialog)
        type_text(note)
        press(Qt.Key.Key_Return)  # Enter leaves the note …
        press(Qt.Key.Key_Return)  # … and confirms
        wait_ops(qtbot, ops)
        activate(qtbot, page)
    assert tab.pane.detail.row.step is ComplaintStep.FOLLOWED_UP
    assert "满意。" in tab.pane.history.toPlainText()
    press(Qt.Key.Key_E, CTRL)
    dialog = tab.dialog
    activate(qtbot, dialog)
    press(Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert core.complaints.open_complaints(clerk) == [] and tab.model.records == []
    assert tab.pane.detail.row.step is ComplaintStep.CLOSED
    assert not any(b.isEnabled() for b in tab.pane.buttons.values())


def test_a_consultation_goes_into_the_knowledge_base_and_is_found(qtbot, ops, core, clerk, page) -> None:
    draft = ConsultationDraft("counter", "王女士", "", "", "峰谷电价怎么申请？", "带身份证和户号办理。", True)
    core.consultations.record(clerk, draft, request_id=new_id())
    page.refresh()
    wait_ops(qtbot, ops)
    press(Qt.Key.Key_K, CTRL)
    knowledge = page.knowledge
    assert page.tabs.currentWidget() is knowledge
    assert knowledge.question.toPlainText() == "峰谷电价怎么申请？" and focused() is knowledge.keywords
    type_text("fenggu")
    press(Qt.Key.Key_Return)  # Enter in the last field saves
    wait_ops(qtbot, ops)
    assert [r.question for r in core.knowledge.search(clerk, "fenggu")] == ["峰谷电价怎么申请？"]

    press(Qt.Key.Key_N, CTRL)
    knowledge.question.setFocus()
    type_text("阶梯电价怎么计算？")
    press(Qt.Key.Key_Tab)
    type_text("按年用电量分三档。")
    press(Qt.Key.Key_Return, CTRL)
    wait_ops(qtbot, ops)
    press(Qt.Key.Key_F, CTRL)
    assert focused() is knowledge.query
    type_text("峰谷")
    press(Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert [r.question for r in knowledge.model.records] == ["峰谷电价怎么申请？"]


def test_a_bad_search_is_shown_under_the_search_box(qtbot, ops, page) -> None:
    page.search_knowledge()
    page.knowledge.query.setText("峰\x07谷")
    press(Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert page.knowledge.query_errors.labels["query"].isVisible()


def test_taking_an_entry_out_of_use(qtbot, ops, core, clerk, page) -> None:
    core.knowledge.add(clerk, KnowledgeDraft("过户需要哪些资料？", "身份证和产权证明。", "过户"))
    page.refresh()
    page.search_knowledge()
    wait_ops(qtbot, ops)
    page.knowledge.table.selectRow(0)
    assert page.knowledge.item_id
    press(Qt.Key.Key_D, CTRL)
    wait_ops(qtbot, ops)
    assert core.knowledge.search(clerk, "过户") == [] and page.knowledge.model.records == []


def test_the_complaint_model(qtmodeltester, page) -> None:  # type: ignore[no-untyped-def]
    model = ToneTableModel(complaint_columns())
    qtmodeltester.check(model)
