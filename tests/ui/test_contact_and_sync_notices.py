"""A clerk changes a customer's contact details from the keyboard; a supervisor reads the central
server's sync notices and marks them read."""

import json
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from sqlalchemy import select

from hallapp.db.models import Customer, Outbox
from hallapp.sync.pull_notices import APPLY
from tests.ui.conftest import wait_ops
from tests.ui.test_account_search import make_page, scan
from ui.counter.account_search_page import ACCOUNT
from ui.supervisor.sync_notices_page import SyncNoticesPage

ACCOUNT_NO = "3200000012"


def open_contact(qtbot, ops, clerk):  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, ACCOUNT_NO)
    assert page.stack.currentIndex() == ACCOUNT
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    qtbot.waitUntil(
        lambda: getattr(page, "contact_dialog", None) is not None and page.contact_dialog.isVisible()
    )
    return page, page.contact_dialog


def test_ctrl_e_changes_the_phone_and_only_the_change_travels(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    page, dialog = open_contact(qtbot, ops, clerk)
    assert dialog.inputs["phone"].hasFocus()
    dialog.inputs["phone"].selectAll()
    qtbot.keyClicks(dialog.inputs["phone"], "139 1234 5678")
    qtbot.keyClick(dialog.inputs["phone"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    customer_id = page.view.detail and _customer_id(core, page.view.detail.account_id)
    with core.db.read() as s:
        assert s.get_one(Customer, customer_id).phone == "13912345678"
        op = s.scalars(select(Outbox).where(Outbox.op_type == "customer.patch")).one()
    payload = json.loads(op.payload)
    assert payload["fields"] == {"phone": "13912345678"} and op.base_version is not None
    wait_ops(qtbot, ops)
    assert page.view.detail is not None and page.view.fields["phone"].text() == "13912345678"


def test_a_wrong_email_is_marked_and_nothing_is_saved(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    _page, dialog = open_contact(qtbot, ops, clerk)
    qtbot.keyClicks(dialog.inputs["email"], "not an address")
    qtbot.keyClick(dialog.inputs["email"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    assert dialog.isVisible()
    assert dialog.inputs["email"].property("invalid") == "true"
    assert "name@example.cn" in dialog.errors["email"].text()
    with core.db.read() as s:
        assert s.scalars(select(Outbox).where(Outbox.op_type == "customer.patch")).all() == []
    dialog.reject()


def _customer_id(core, account_id: str) -> str:  # type: ignore[no-untyped-def]
    from hallapp.db.models import Account

    with core.db.read() as s:
        return s.get_one(Account, account_id).customer_id


def _notice(core, notice_id: str, **data) -> None:  # type: ignore[no-untyped-def]
    change = {"entity": "conflict_notice", "entity_id": notice_id, "entity_version": 1, "op": "upsert"}
    change["data"] = {"created_at": datetime(2026, 11, 23, 3, 0, tzinfo=UTC).isoformat(), **data}
    with core.db.write() as s:
        assert APPLY["conflict_notice"](s, change) == 1
        assert APPLY["conflict_notice"](s, change) == 0  # the same notice pulled again: kept once


def test_the_supervisor_reads_the_notices_and_marks_them_read(qtbot, ops, core, supervisor) -> None:  # type: ignore[no-untyped-def]
    _notice(
        core,
        "n-1",
        kind="contact_overwritten",
        account_no=ACCOUNT_NO,
        field="phone",
        lost_value="13900000001",
        won_value="13900000002",
        won_hall_id="H0002",
    )
    _notice(
        core,
        "n-2",
        kind="application_review",
        account_no=ACCOUNT_NO,
        reason="open_application",
        application_no="AH000002-0000017",
        blocking_application_no="AH000001-0000034",
    )
    page = SyncNoticesPage(ops, supervisor)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    wait_ops(qtbot, ops)
    assert page.model.rowCount() == 2
    texts = [page.model.index(r, 3).data() for r in range(2)]
    assert any("13900000001" in t and "13900000002" in t and "H0002" in t for t in texts)
    assert any("AH000001-0000034" in t for t in texts)
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.model.rowCount() == 1
    assert core.sync_notices.unread_count(supervisor) == 1
    page.show_read.setChecked(True)
    wait_ops(qtbot, ops)
    assert page.model.rowCount() == 2
