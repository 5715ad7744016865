"""The display board has no controls and readable type; the table-model template passes Qt's tester."""

from datetime import date

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from hallapp.domain.enums import BillState
from hallapp.domain.records import BillRow, BusinessType
from tests.ui.conftest import wait_ops
from ui.counter.account_tables import bill_columns
from ui.display.display_board import DisplayBoard
from ui.lobby.display_page import DisplayControlPage
from ui.widgets.record_table_model import RecordTableModel


def test_board_shows_hall_types_and_notice_without_controls(qtbot, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    board = DisplayBoard(
        hall_name="城东供电营业厅",
        business_types=[BusinessType("payment", "A", "缴费", 10, True)],
        notice="每月17日至29日为缴费高峰期",
    )
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    texts = [label.text() for label in board.findChildren(QLabel)]
    assert "城东供电营业厅" in texts and "A  缴费" in texts
    assert "每月17日至29日" in board.notice.text()
    assert not board.findChildren(QAbstractButton) and not board.findChildren(QLineEdit)
    assert board.width() == 1920  # the scrolling notice never widens the window
    title = next(label for label in board.findChildren(QLabel) if label.text() == "城东供电营业厅")
    assert title.fontInfo().pixelSize() >= 36


def test_guide_opens_the_board_with_settings_in_the_notice(qtbot, ops, guide) -> None:  # type: ignore[no-untyped-def]
    page = DisplayControlPage(ops, guide)
    qtbot.addWidget(page)
    page.open_board()
    wait_ops(qtbot, ops)
    assert page.board is not None and page.board.isVisible()
    qtbot.addWidget(page.board)
    assert "17" in page.board._notice_text and "95598" in page.board._notice_text


def test_record_table_model_passes_qt_model_tester(qtmodeltester, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    model = RecordTableModel(bill_columns())
    model.set_records(
        [
            BillRow("b1", "202610", 120, 6456, 0, date(2026, 11, 12), BillState.UNPAID),
            BillRow("b2", "202609", 80, 4304, 4304, date(2026, 10, 12), BillState.PAID),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "¥64.56"


def test_garbage_is_collected_on_the_gui_thread_only(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    import gc

    from ui import gc_guard

    collector = gc_guard.install(hall_qapp)
    assert not gc.isenabled()
    for _ in range(collector.threshold[0] + 10):
        cycle: list = []
        cycle.append(cycle)
    before = gc.get_count()[0]
    collector.check()
    assert gc.get_count()[0] < before
