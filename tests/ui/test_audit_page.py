"""The audit trail page (filters, paging, details, the chain check in one sentence) and the admin's
retention page (preview, confirmation naming count and cut-off, refusals), offscreen."""

import sqlite3
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import InvalidInput, PermissionDenied
from tests.core.helpers import audit_rows
from tests.core.test_retention_service import _at, _confirm_all, _consultations
from tests.ui.conftest import wait_ops
from ui.admin.retention_page import RetentionPage
from ui.errors import message_for
from ui.supervisor.audit_messages import audit_message
from ui.supervisor.audit_page import AuditPage

DAY0 = date(2026, 11, 20)


def open_audit(qtbot, ops, actor) -> AuditPage:  # type: ignore[no-untyped-def]
    page = AuditPage(ops, actor)
    qtbot.addWidget(page)
    page.resize(1180, 640)
    page.show()
    wait_ops(qtbot, ops)
    return page


def test_today_newest_first_with_details_and_filters(qtbot, ops, core, clock, supervisor, clerk) -> None:  # type: ignore[no-untyped-def]
    clock.advance(minutes=1)
    core.auth.lock(clerk, reason="idle")
    page = open_audit(qtbot, ops, supervisor)
    assert page.start.date() == QDate(DAY0) == page.end.date()  # the hall's today, from the core
    seqs = [r.seq for r in page.model.records]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == len(audit_rows(core))
    newest = page.table.current_record()
    assert newest.action == "session.lock" and "idle" in page.details.toPlainText()
    page.category.setCurrentIndex(page.category.findData("sign_in"))
    page.staff_no.setText("s001")
    qtbot.keyClick(page.staff_no, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert {(r.action, r.staff_no) for r in page.model.records} == {("login", "S001")}


def test_load_more_appends_older_events(qtbot, ops, core, clock, supervisor, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {"audit.page_rows": 20})
    for _ in range(25):
        clock.advance(seconds=10)
        core.auth.lock(admin)
    page = open_audit(qtbot, ops, supervisor)
    assert page.model.rowCount() == 20 and page.more_button.isEnabled()
    page.more_button.click()
    wait_ops(qtbot, ops)
    seqs = [r.seq for r in page.model.records]
    assert len(seqs) == len(audit_rows(core)) and seqs == sorted(seqs, reverse=True)
    assert not page.more_button.isEnabled()


def test_verifying_shows_one_sentence_green_then_red(qtbot, ops, core, demo_path, supervisor, clerk) -> None:  # type: ignore[no-untyped-def]
    page = open_audit(qtbot, ops, supervisor)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    assert page.verify_result.isVisible() and page.verify_result.property("tone") is None
    victim = audit_rows(core)[1]
    with sqlite3.connect(demo_path) as conn:
        conn.execute("UPDATE audit_event SET target = 'x' WHERE seq = ?", (victim.seq,))
    conn.close()
    page.verify_button.click()
    wait_ops(qtbot, ops)
    assert page.verify_result.property("tone") == "danger"
    assert str(victim.seq) in page.verify_result.text() and "09:30:00" in page.verify_result.text()
    assert audit_rows(core)[-1].action == "audit.verify"


def test_a_reversed_range_gets_its_sentence(qtbot, ops, supervisor) -> None:  # type: ignore[no-untyped-def]
    page = open_audit(qtbot, ops, supervisor)
    page.start.setDate(QDate(DAY0))
    page.end.setDate(QDate(DAY0 - timedelta(days=1)))
    page.search_button.click()
    wait_ops(qtbot, ops)
    assert page.message.text() == audit_message(InvalidInput("start", "audit_range_reversed"))
    assert page.message.property("role") == "error"


def test_a_clerk_is_refused_by_the_core(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = open_audit(qtbot, ops, clerk)
    assert page.model.rowCount() == 0
    assert page.message.text() == message_for(PermissionDenied())


def open_retention(qtbot, ops, actor) -> RetentionPage:  # type: ignore[no-untyped-def]
    page = RetentionPage(ops, actor)
    qtbot.addWidget(page)
    page.resize(1180, 640)
    page.show()
    wait_ops(qtbot, ops)
    return page


def _select(page: RetentionPage, key: str) -> None:
    row = next(n for n, r in enumerate(page.model.records) if r.record_class == key)
    page.table.selectRow(row)
    page.table.setCurrentIndex(page.table.proxy.index(row, 0))


def _old_consultations(core, clock) -> None:  # type: ignore[no-untyped-def]
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    _consultations(core, clerk, clock)
    clock.set(_at(DAY0 + timedelta(days=1 + 365)))
    _confirm_all(core)


def test_admin_deletes_one_class_after_confirming(qtbot, ops, core, clock, admin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _old_consultations(core, clock)
    page = open_retention(qtbot, ops, admin)
    assert {r.record_class for r in page.model.records} == {
        "consultation",
        "complaint",
        "queue",
        "payment",
        "audit",
    }
    _select(page, "consultation")
    assert page.purge_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda question: asked.append(question) or False)
    page.purge_button.click()
    wait_ops(qtbot, ops)
    assert len(asked) == 1 and "1" in asked[0] and "2026-11-21" in asked[0]
    assert next(r for r in page.model.records if r.record_class == "consultation").deletable == 1
    monkeypatch.setattr(page, "confirm", lambda question: True)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert "2026-11-21" in page.message.text() and page.message.property("role") == "muted"
    assert next(r for r in page.model.records if r.record_class == "consultation").deletable == 0
    assert not page.purge_button.isEnabled()
    assert audit_rows(core)[-1].action == "retention.purge"


def test_a_supervisor_may_look_but_not_delete(qtbot, ops, core, clock, supervisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _old_consultations(core, clock)
    page = open_retention(qtbot, ops, supervisor)
    _select(page, "consultation")
    monkeypatch.setattr(page, "confirm", lambda question: True)
    page.purge_button.click()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.message.text() == message_for(PermissionDenied())
    assert next(r for r in page.model.records if r.record_class == "consultation").deletable == 1
