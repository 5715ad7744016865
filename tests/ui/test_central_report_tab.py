"""The 中心服务器 page's report tab against the real server: a hall's PC works a day and pushes it,
its administrator opens the tab from the keyboard and sees the hall and the company, steps the day
with PgUp/PgDn, and opens the hall's whole daily log with Enter."""

from contextlib import nullcontext
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont

from hallapp.central import report as central_report
from hallapp.central.admin_auth import issue_admin_token
from hallapp.domain.errors import InvalidInput
from hallapp.services.central_admin_service import central_admin_of
from tests.core.daily_log_activity import busy_day
from tests.server.test_central_report import (  # noqa: F401 - fixtures
    DAY,
    HALL2,
    _reprint_ids_counted,
    make_pc,
)
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    central_url,
    client,
    pg_url,
    sessions,
)
from tests.ui.conftest import wait_ops
from tests.ui.test_central_admin_page import SERVER, alt, connected, kept  # noqa: F401 - fixture
from ui.admin.central_messages import central_message
from ui.ops import CoreOps

pytestmark = [pytest.mark.pg, pytest.mark.ui]
SCREENSHOT = "/tmp/central_report_tab.png"


@pytest.fixture
def hall(make_pc, sessions, client, kept, hall_qapp, monkeypatch):  # type: ignore[no-untyped-def]
    """The hall PC (its busy day pushed), set to sync with the server under test; the server's
    today is that day."""
    monkeypatch.setattr(central_report, "_today", lambda: DAY)
    pc = make_pc(HALL)
    busy_day(pc.core, pc.core.clock)
    pc.push()
    pc.core.settings.update(pc.login("A001"), {"sync.server_url": SERVER})
    central_admin_of(pc.core).connect = lambda url: nullcontext(client)
    return pc


@pytest.fixture
def hall_ops(hall):  # type: ignore[no-untyped-def]
    runner = CoreOps(hall.core)
    yield runner
    runner._pool.shutdown(wait=True)
    runner._net.shutdown(wait=True)


def cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_report_tab_shows_each_hall_and_the_company(qtbot, hall, hall_ops, sessions) -> None:  # type: ignore[no-untyped-def]
    admin = hall.login("A001")
    page = connected(qtbot, hall_ops, admin, issue_admin_token(sessions, "ops"))
    tab = page.report_tab
    alt(qtbot, page, Qt.Key.Key_R)
    assert page.tabs.currentWidget() is tab
    wait_ops(qtbot, hall_ops)
    assert tab.report is not None and tab.report.first_day == DAY  # today, the PC's business day
    assert tab.first.date() == QDate(DAY) and DAY.isoformat() in tab.heading.text()
    served = len(hall.log().hall.tickets.served)
    model = tab.model
    assert cells(model, 0)[:2] == [HALL, HALL2] and model.records[2].total
    assert cells(model, 2) == [str(served), "0", str(served)] and served > 0
    total = model.index(2, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(total, QFont) and total.bold()
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert cells(model, 3)[1] == "—"  # no waits at the quiet hall
    assert tab.charts.traffic.getPlotItem().listDataItems()  # the company's hours

    page.resize(1366, 860)  # the page's room in a 1366×768-and-up window's workspace
    qtbot.wait(50)
    page.grab().save(SCREENSHOT)

    tab.table.setFocus()  # Enter on the hall opens its whole daily log
    tab.table.setCurrentIndex(tab.table.model().index(0, 2))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    wait_ops(qtbot, hall_ops)
    wait_ops(qtbot, hall_ops)
    dialog = tab.log_dialog
    assert dialog is not None and dialog.isVisible() and HALL in dialog.windowTitle()
    assert _reprint_ids_counted(dialog.log) == _reprint_ids_counted(hall.log())
    assert dialog.summary.values["served"].text() == str(served)
    assert dialog.tables["windows"].source.rowCount() == 5  # the hall and its four windows
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    page.activateWindow()  # the offscreen platform does not give the focus back by itself
    qtbot.waitUntil(page.isActiveWindow)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_PageUp)  # the day before: nothing recorded
    wait_ops(qtbot, hall_ops)
    assert tab.report.first_day == DAY - timedelta(days=1)
    assert cells(model, 2) == ["0", "0", "0"] and tab.message.isVisible()
    qtbot.keyClick(tab.table, Qt.Key.Key_PageDown)
    wait_ops(qtbot, hall_ops)
    assert tab.report.first_day == DAY and cells(model, 2)[0] == str(served)

    qtbot.keyClick(tab.table, Qt.Key.Key_PageDown)  # tomorrow: refused at once, the report stays
    wait_ops(qtbot, hall_ops)
    assert tab.message.text() == central_message(
        InvalidInput(
            "last_day",
            "future_day",
            day=(DAY + timedelta(days=1)).isoformat(),
            today=DAY.isoformat(),
        )
    )
    assert tab.message.property("role") == "error"
    assert tab.report.first_day == DAY and tab.first.date() == QDate(DAY)


def test_the_total_row_opens_nothing(qtbot, hall, hall_ops, sessions) -> None:  # type: ignore[no-untyped-def]
    page = connected(qtbot, hall_ops, hall.login("A001"), issue_admin_token(sessions, "ops"))
    tab = page.report_tab
    page.tabs.setCurrentWidget(tab)
    wait_ops(qtbot, hall_ops)
    tab.open_hall(2)
    wait_ops(qtbot, hall_ops)
    assert tab.log_dialog is None and tab.message.isVisible()
