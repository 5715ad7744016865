"""The administrator's counter-windows page: change what a window serves and in which order."""

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_ops
from ui.admin.windows_page import WindowsPage


def open_page(qtbot, ops, admin) -> WindowsPage:  # type: ignore[no-untyped-def]
    page = WindowsPage(ops, admin)
    qtbot.addWidget(page)
    page.show()
    wait_ops(qtbot, ops)
    return page


def test_reorder_and_save_what_a_window_serves(qtbot, ops, core, admin) -> None:
    page = open_page(qtbot, ops, admin)
    assert [w.number for w in page.model.records] == [1, 2, 3, 4]
    page.table.selectRow(2)  # window 3: payment, business
    wait_ops(qtbot, ops)
    assert [page.types.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)] == ["payment", "business"]
    page.types.setCurrentRow(1)
    page._move(-1)  # business first
    page._save()
    wait_ops(qtbot, ops)
    assert core.windows.windows()[2].business_types == ("business", "payment")
    assert page.message.text() == "已保存。"


def test_a_window_serving_nothing_is_refused_next_to_the_list(qtbot, ops, core, admin) -> None:
    page = open_page(qtbot, ops, admin)
    page._new()
    assert page.number.value() == 5
    page._save()
    wait_ops(qtbot, ops)
    assert page.errors["business_types"].isVisible()
    assert "至少" in page.errors["business_types"].text()
    assert [w.number for w in core.windows.windows()] == [1, 2, 3, 4]
    page.types.item(0).setCheckState(Qt.CheckState.Checked)
    page._save()
    wait_ops(qtbot, ops)
    assert [w.number for w in core.windows.windows()] == [1, 2, 3, 4, 5]
