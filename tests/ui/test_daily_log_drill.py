"""Drilling down from the daily log's complaint and consultation counts (applications tab), offscreen:
Enter on a count opens the dialog listing the complaints or consultations behind it, in time order,
with their clerks; an admin-only permission is checked by the core, not here."""

from PySide6.QtCore import QCoreApplication, Qt

from hallapp.domain.ids import new_id
from tests.core.test_complaint_service import DRAFT
from tests.core.test_consultation_service import ASKED, OPEN
from tests.ui.conftest import wait_ops
from tests.ui.test_daily_log_page import column_of, open_page
from ui.supervisor.daily_log_page import DailyLogPage


def _drill(qtbot, ops, page: DailyLogPage, row_key: str, header: str):  # type: ignore[no-untyped-def]
    """Enter on the ``header`` count of the applications tab's row whose scope key is ``row_key``."""
    table = page.tables["applications"]
    tab = next(i for i in range(page.tabs.count()) if page.tabs.widget(i).isAncestorOf(table))
    page.tabs.setCurrentIndex(tab)
    model = page._model("applications")
    row = next(r for r in range(model.rowCount()) if model.records[r].key == row_key)
    table.setFocus()
    column = column_of(page, "applications", header)
    table.setCurrentIndex(table.proxy.mapFromSource(model.index(row, column)))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.drill_dialog
    assert dialog is not None and dialog.isVisible()
    wait_ops(qtbot, ops)
    return dialog


def test_enter_on_the_complaint_count_lists_the_complaints(
    qtbot, ops, core, clock, clerk, supervisor
) -> None:  # type: ignore[no-untyped-def]
    c2 = core.auth.login("C002", "demo1234")
    first = core.complaints.receive(c2, DRAFT, request_id=new_id())
    clock.advance(minutes=7)
    second = core.complaints.receive(clerk, DRAFT, request_id=new_id())
    core.consultations.record(clerk, ASKED, request_id=new_id())
    page = open_page(qtbot, ops, supervisor)
    complaints = column_of(page, "applications", "Complaints")
    model = page._model("applications")
    assert model.index(0, complaints).data() == "2"  # the whole hall

    dialog = _drill(qtbot, ops, page, "", "Complaints")
    assert [x.complaint_no for x in dialog.model.records] == [first.complaint_no, second.complaint_no]
    assert [x.staff_no for x in dialog.model.records] == ["C002", "C001"]
    headers = [c.header for c in dialog.model.columns]
    clerk_column = headers.index(QCoreApplication.translate("DailyLogDrill", "Clerk"))
    assert dialog.model.index(0, clerk_column).data() == "C002 李强"
    assert dialog.model.index(
        1, headers.index(QCoreApplication.translate("DailyLogDrill", "Customer"))
    ).data() == ("孙先生")
    assert "2" in dialog.caption.text() and dialog.message.isHidden()
    dialog.reject()

    dialog = _drill(qtbot, ops, page, "C001", "Complaints")  # one clerk's row: only theirs
    assert [x.complaint_no for x in dialog.model.records] == [second.complaint_no]
    dialog.reject()


def test_enter_on_the_consultation_count_lists_the_consultations(
    qtbot, ops, core, clock, clerk, supervisor
) -> None:  # type: ignore[no-untyped-def]
    answered = core.consultations.record(clerk, ASKED, request_id=new_id())
    clock.advance(minutes=3)
    pending = core.consultations.record(clerk, OPEN, request_id=new_id())
    page = open_page(qtbot, ops, supervisor)
    dialog = _drill(qtbot, ops, page, "", "Consultations")
    assert [x.consultation_no for x in dialog.model.records] == [
        answered.consultation_no,
        pending.consultation_no,
    ]
    headers = [c.header for c in dialog.model.columns]
    status = headers.index(QCoreApplication.translate("DailyLogDrill", "Status"))
    assert dialog.model.index(0, status).data() == QCoreApplication.translate("DailyLogDrill", "Answered")
    assert dialog.model.index(1, status).data() != dialog.model.index(0, status).data()
    dialog.reject()
