"""The scorecard page offscreen: the month's cards after a slow, badly rated customer; the clerk's
items and the records behind one; PgUp/PgDn through months; sorting; the week's problems; a refusal."""

import pytest
from PySide6.QtCore import Qt

from hallapp.domain.scorecard_problems import ProblemKind
from hallapp.domain.scorecard_values import Item
from tests.core.test_scorecard_service import slow_customer
from tests.ui.conftest import wait_ops
from tests.ui.test_till_page import activate
from ui.supervisor.scorecard_page import ScorecardPage

TOTAL_COLUMN = 8


@pytest.fixture
def scored(core):  # type: ignore[no-untyped-def]
    return core


def open_page(qtbot, ops, actor) -> ScorecardPage:  # type: ignore[no-untyped-def]
    page = ScorecardPage(ops, actor)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    activate(qtbot, page)
    wait_ops(qtbot, ops)
    return page


def test_month_cards_detail_and_drill_down(qtbot, ops, scored, clock, guide, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    ticket, _complaint = slow_customer(scored, clock, guide, clerk)
    page = open_page(qtbot, ops, supervisor)
    assert page.caption.text() == "2026-11" and not page.next.isEnabled()
    staff = [c.staff_no for c in page.model.records]
    assert "C001" in staff and page.message.isHidden()
    page._select("C001")
    assert "C001" in page.detail.title.text()
    assert [i.item for i in page.detail.items.records] == list(Item)
    assert page.detail.current_item().item is Item.WAITS
    assert page.detail.group.count() == 2 and "(1)" in page.detail.group.itemText(0)
    wait_ops(qtbot, ops)
    assert [line.number for line in page.detail.lines.records] == [ticket.display_no]
    complaints_row = list(Item).index(Item.COMPLAINTS)
    page.detail.item_table.selectRow(complaints_row)
    assert len(page.detail.lines.records) == 1  # from the card itself: no core call

    page.table.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.AscendingOrder)
    totals = [page.table.proxy.index(r, TOTAL_COLUMN).data() for r in range(page.table.proxy.rowCount())]
    scored_totals = [float(t) for t in totals if t.replace(".", "").isdigit()]
    assert scored_totals == sorted(scored_totals) and scored_totals

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp)
    wait_ops(qtbot, ops)
    assert page.caption.text() == "2026-10" and page.next.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown)
    wait_ops(qtbot, ops)
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown)  # no month after this one
    wait_ops(qtbot, ops)
    assert page.caption.text() == "2026-11"


def test_the_weeks_problems_tab(qtbot, ops, scored, clock, guide, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    ticket, _complaint = slow_customer(scored, clock, guide, clerk)
    page = open_page(qtbot, ops, supervisor)
    page.tabs.setCurrentIndex(1)
    wait_ops(qtbot, ops)
    week = page.week
    assert week is not None and "2026-11-16" in week.caption.text()
    kinds = {(p.kind, p.record_no) for p in week.model.records}
    assert (ProblemKind.BAD_RATING, ticket.display_no) in kinds
    assert (ProblemKind.LONG_WAIT, ticket.display_no) in kinds
    assert not week.next.isEnabled()
    week.table.setFocus()
    qtbot.keyClick(week.table, Qt.Key.Key_PageUp)
    wait_ops(qtbot, ops)
    assert "2026-11-09" in week.caption.text() and week.next.isEnabled()
    assert page.caption.text() == "2026-11"  # PgUp on this tab moves the week, not the month


def test_a_clerk_gets_one_sentence(qtbot, ops, scored, clerk) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ops, clerk)
    assert page.model.rowCount() == 0
    assert page.message.isVisible() and page.message.property("role") == "error"
    assert page.message.text().endswith("。")
