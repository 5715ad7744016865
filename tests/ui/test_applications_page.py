"""The applications page and form, driven from the keyboard: every kind, field errors, printing."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallapp.demo.applications import AGENT_ID, CREDIT_CODE, PERSON_ID
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.application_form import ProofType
from tests.core.accounts_for_tests import make_account
from tests.ui import test_till_page as till
from tests.ui.conftest import wait_ops
from tests.ui.test_till_page import activate, pdf_text
from ui.counter.application_dialog import ApplicationDialog
from ui.counter.applications_page import ApplicationsPage
from ui.printing import DocumentKind, fake_printer

owner, printers = till.owner, till.printers  # fixtures


def open_dialog(qtbot, ops, owner, clerk) -> ApplicationDialog:  # type: ignore[no-untyped-def]
    dialog = ApplicationDialog(ops, clerk, owner)
    activate(qtbot, dialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a clerk does: keys for ASCII; Chinese arrives committed by the input method."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def choose(qtbot, combo, value) -> None:  # type: ignore[no-untyped-def]
    """Pick an item with the keyboard: focus the box and press Down until it shows ``value``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value


def tick_all(qtbot, fields) -> None:  # type: ignore[no-untyped-def]
    for box in fields.material_checks.values():
        box.setFocus()
        if not box.isChecked():
            qtbot.keyClick(box, Qt.Key.Key_Space)


def accept(qtbot, ops, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)


def fill_person(qtbot, f) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, f.name, "王小明")
    type_into(qtbot, f.id_no, PERSON_ID)
    type_into(qtbot, f.phone, "13912345678")
    type_into(qtbot, f.address, "示例市玄武区北京东路18号301室")


def test_resident_new_connection_from_the_keyboard_prints_form_and_receipt(
    qtbot, ops, owner, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    accepted = []
    dialog = open_dialog(qtbot, ops, owner, clerk)
    dialog.sig_accepted.connect(accepted.append)
    f = dialog.fields
    fill_person(qtbot, f)
    type_into(qtbot, f.capacity, "8")
    tick_all(qtbot, f)
    accept(qtbot, ops, dialog)
    assert len(accepted) == 1, dialog.message.text()
    jobs = fake_printer(DocumentKind.FORM).jobs
    assert [j.title.split()[0] for j in jobs] == ["用电申请登记表", "业务受理回执"]
    assert accepted[0].application_no in pdf_text(jobs[0].pdf)
    row = core.application_reads.find(clerk, accepted[0].application_no)[0]
    assert row.kind is ApplicationKind.RESIDENT_NEW and row.stage is Stage.ACCEPTED


def test_missing_fields_are_marked_and_nothing_is_stored(qtbot, ops, owner, core, clerk, printers) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ops, owner, clerk)
    f = dialog.fields
    type_into(qtbot, f.name, "王")
    type_into(qtbot, f.id_no, PERSON_ID[:-1] + ("0" if PERSON_ID[-1] != "0" else "1"))
    accept(qtbot, ops, dialog)
    assert dialog.isVisible()
    assert f.id_no.property("invalid") == "true"
    assert (
        "最后一位" in f.rows["id_no"][1].text()
        or "校验" in f.rows["id_no"][1].text()
        or f.rows["id_no"][1].text()
    )
    assert f.rows["name"][1].isVisible() and f.rows["phone"][1].isVisible()
    assert f.rows["materials"][1].isVisible()
    assert dialog.focusWidget() is not None
    assert fake_printer(DocumentKind.FORM).jobs == []
    assert core.application_reads.find(clerk, "王小明") == []


def test_organisation_with_a_failing_credit_code_needs_the_supervisor(
    qtbot, ops, owner, core, clerk, printers
) -> None:  # type: ignore[no-untyped-def]
    accepted = []
    dialog = open_dialog(qtbot, ops, owner, clerk)
    dialog.sig_accepted.connect(accepted.append)
    f = dialog.fields
    choose(qtbot, f.kind, ApplicationKind.NON_RESIDENT_NEW)
    f.organisation.setFocus()
    qtbot.keyClick(f.organisation, Qt.Key.Key_Space)
    assert f.applicant_type().value == "organisation"
    type_into(qtbot, f.name, "示例市明光食品有限公司")
    wrong = CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1")
    type_into(qtbot, f.credit_code, wrong)
    type_into(qtbot, f.legal_rep, "李明光")
    type_into(qtbot, f.agent_name, "赵经办")
    type_into(qtbot, f.agent_id_no, AGENT_ID)
    type_into(qtbot, f.phone, "13812345678")
    type_into(qtbot, f.address, "示例市江宁区科技园路66号")
    type_into(qtbot, f.capacity, "75")
    choose(qtbot, f.voltage, f.voltage.itemData(1))
    tick_all(qtbot, f)
    accept(qtbot, ops, dialog)
    assert accepted == [] and dialog.approval.isVisible()
    assert "校验" in dialog.approval.text.text() or dialog.approval.text.text()
    type_into(qtbot, dialog.approval.staff_no, "S001")
    type_into(qtbot, dialog.approval.password, DEMO_PASSWORD)
    accept(qtbot, ops, dialog)
    assert len(accepted) == 1, dialog.message.text()


@pytest.mark.parametrize("owner_changes", [False, True])
def test_name_change_or_transfer_is_decided_by_one_question(
    qtbot, ops, owner, core, clerk, printers, owner_changes
) -> None:  # type: ignore[no-untyped-def]
    account_id = make_account(core, [])
    with core.db.read() as s:
        from hallapp.db.models import Account

        number = s.get(Account, account_id).account_no
    accepted = []
    dialog = open_dialog(qtbot, ops, owner, clerk)
    dialog.sig_accepted.connect(accepted.append)
    f = dialog.fields
    choose(qtbot, f.kind, ApplicationKind.NAME_CHANGE)
    assert f.owner_changes.isVisibleTo(dialog) and not f.capacity.isVisibleTo(dialog)
    if owner_changes:
        f.owner_changes.setFocus()
        qtbot.keyClick(f.owner_changes, Qt.Key.Key_Space)
    assert f.arrears_assumed.isVisibleTo(dialog) is owner_changes
    fill_person(qtbot, f)
    type_into(qtbot, f.account_no, number)
    choose(qtbot, f.proof, ProofType.MISSING)  # 一证受理: the proof follows, against the promise
    tick_all(qtbot, f)
    accept(qtbot, ops, dialog)
    assert len(accepted) == 1, dialog.message.text()
    row = core.application_reads.find(clerk, accepted[0].application_no)[0]
    assert row.kind is (ApplicationKind.TRANSFER if owner_changes else ApplicationKind.NAME_CHANGE)
    titles = [j.title.split()[0] for j in fake_printer(DocumentKind.FORM).jobs]
    assert titles == ["用电申请登记表", "业务受理回执", "一次性告知书"]


@pytest.mark.parametrize("kind", [ApplicationKind.RESIDENT_INCREASE, ApplicationKind.NON_RESIDENT_INCREASE])
def test_increase_on_an_account(qtbot, ops, owner, core, clerk, printers, kind) -> None:  # type: ignore[no-untyped-def]
    account_id = make_account(core, [])
    with core.db.read() as s:
        from hallapp.db.models import Account

        number = s.get(Account, account_id).account_no
    accepted = []
    dialog = open_dialog(qtbot, ops, owner, clerk)
    dialog.sig_accepted.connect(accepted.append)
    f = dialog.fields
    choose(qtbot, f.kind, kind)
    fill_person(qtbot, f)
    type_into(qtbot, f.account_no, number)
    type_into(qtbot, f.capacity, "12")
    if kind is ApplicationKind.NON_RESIDENT_INCREASE:  # a shop run by a person: a non-residential tariff
        assert f.tariff.currentData() != "resident"
    tick_all(qtbot, f)
    accept(qtbot, ops, dialog)
    assert len(accepted) == 1, dialog.message.text()
    assert core.application_reads.find(clerk, accepted[0].application_no)[0].kind is kind


def test_the_page_finds_moves_and_attaches(qtbot, ops, core, clerk, clock, printers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hallapp.demo.applications import person_new

    done = core.applications.submit(clerk, person_new(), request_id="r-page-1")
    clock.advance(days=5)  # Wednesday the 25th: the plan reply is due today
    page = ApplicationsPage(ops, clerk)
    qtbot.addWidget(page)
    activate(qtbot, page)
    page.activate()
    wait_ops(qtbot, ops)
    assert done.application_no in [r.application_no for r in page.due_soon.records]
    type_into(qtbot, page.query, done.application_no)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.detail.detail is not None and page.detail.detail.row.application_no == done.application_no
    assert len(page.detail.stage_buttons) == 3  # survey, return, cancel
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    wait_ops(qtbot, ops)
    assert page.detail.detail.row.stage is Stage.SURVEY
    type_into(qtbot, page.detail.note, "客户来电催问")
    qtbot.keyClick(page.detail.note, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    assert page.detail.detail.row.expedite_count == 1 and page.detail.note.text() == ""
    assert page.detail.detail.events[-1].kind == "expedite"
    scan = tmp_path / "户口本.png"
    from PySide6.QtGui import QImage

    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    image.save(str(scan))
    page._attach(done.application_id, str(scan))
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.detail.strip.count() == 1
    assert not page.detail.strip.item(0).icon().isNull()
    page._attach(done.application_id, str(scan))  # the same scan again
    wait_ops(qtbot, ops)
    assert "已" in page.message.text() or page.message.property("role") == "error"
    assert len(core.application_reads.detail(clerk, done.application_id).attachments) == 1
    QApplication.processEvents()
