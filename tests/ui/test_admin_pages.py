"""Admin pages: settings with field-level errors, business types, holidays, operators."""

from datetime import date

from hallapp.domain.records import BusinessType
from tests.ui.conftest import wait_ops
from ui.admin.business_types_page import BusinessTypesPage
from ui.admin.holidays_page import HolidaysPage
from ui.admin.operators_page import OperatorsPage
from ui.admin.settings_page import SettingsPage


def show(qtbot, ops, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1150, 650)
    widget.show()
    wait_ops(qtbot, ops)
    return widget


def test_settings_page_saves_a_change_and_shows_defaults(qtbot, ops, core, admin) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, ops, SettingsPage(ops, admin))
    row = page.rows["queue.wait_target_minutes"]
    assert row.editor.text() == "15"
    assert row.default.text().startswith("默认 15")
    row.editor.setText("20")
    page.save()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert core.settings.get("queue.wait_target_minutes") == 20
    assert page.message.text() == "已保存 1 项参数。"
    assert row.editor.font().bold()  # changed from its default


def test_settings_page_marks_every_bad_field_and_saves_nothing(qtbot, ops, core, admin) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, ops, SettingsPage(ops, admin))
    page.rows["penalty.resident_permille_per_day"].editor.setText("abc")
    page.rows["security.idle_lock_minutes"].editor.setText("0")
    page.rows["hall.opening_time"].editor.setText("25:99")
    page.rows["queue.wait_target_minutes"].editor.setText("30")
    page.save()
    wait_ops(qtbot, ops)
    errors = {key: row.error.text() for key, row in page.rows.items() if not row.error.isHidden()}
    assert errors == {
        "penalty.resident_permille_per_day": "请输入数字，例如 128.50。",
        "security.idle_lock_minutes": "数值不能小于 1。",
        "hall.opening_time": "请按“时:分”输入时间，例如 08:30。",
    }
    assert page.rows["hall.opening_time"].editor.property("invalid") == "true"
    assert page.message.text() == "未保存：请更正标红的项目。"
    assert core.settings.get("queue.wait_target_minutes") == 15  # the good value was not saved either


def test_a_clerk_cannot_save_settings_whatever_the_ui_shows(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, ops, SettingsPage(ops, clerk))
    page.rows["queue.wait_target_minutes"].editor.setText("99")
    page.save()
    wait_ops(qtbot, ops)
    assert page.message.text() == "您的岗位无权办理此项，请找值班长处理。"
    assert core.settings.get("queue.wait_target_minutes") == 15


def test_business_types_add_and_refuse_a_taken_letter(qtbot, ops, core, admin) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, ops, BusinessTypesPage(ops, admin))
    assert [b.letter for b in page.model.records] == ["A", "B", "C", "V"]
    page._new()
    page.code.setText("transfer")
    page.letter.setText("a")
    page.name.setText("过户专窗")
    page._save()
    wait_ops(qtbot, ops)
    assert page.errors["letter"].text() == "该字母已被“缴费”使用，请换一个字母。"
    page.letter.setText("d")
    page._save()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert BusinessType("transfer", "D", "过户专窗", 50, True) in core.reference.business_types()
    assert "D" in [b.letter for b in page.model.records]


def test_holidays_add_and_remove(qtbot, ops, core, admin) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, ops, HolidaysPage(ops, admin))
    page.year.setValue(2026)
    wait_ops(qtbot, ops)
    before = page.model.rowCount()
    assert before > 30
    from PySide6.QtCore import QDate

    page.day.setDate(QDate(2026, 12, 31))
    page.name.setText("示例放假")
    page._save()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.model.rowCount() == before + 1
    assert date(2026, 12, 31) in core.reference.calendar()
    last = page.model.rowCount() - 1
    page.table.selectRow(last)
    page._remove()
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert date(2026, 12, 31) not in core.reference.calendar()


def test_operators_page_lists_the_hall_staff(qtbot, ops, admin) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, ops, OperatorsPage(ops, admin))
    assert sorted(o.staff_no for o in page.model.records) == ["A001", "C001", "C002", "C003", "G001", "S001"]


def test_a_setting_the_central_server_sets_is_shown_read_only(qtbot, ops, core, admin) -> None:  # type: ignore[no-untyped-def]
    from tests.core.test_sync_pull_reference import pull, setting

    pull(core, setting("penalty.minimum_fen", 200))
    listed = {v.key: v for v in core.settings.list()}
    assert listed["penalty.minimum_fen"].server_owned and not listed["queue.priority_ratio"].server_owned
    page = show(qtbot, ops, SettingsPage(ops, admin))
    owned, own = page.rows["penalty.minimum_fen"], page.rows["queue.priority_ratio"]
    assert owned.editor.text() == "200" and owned.editor.isReadOnly()
    assert owned.default.text().startswith("由中心服务器为本营业厅设定")
    assert not own.editor.isReadOnly()
