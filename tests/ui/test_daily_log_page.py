"""The supervisor's daily counter log page, offscreen: today's figures after a busy morning, the
previous/next day keys, drilling down to the tickets behind a figure, an empty day, a future day
refused with its sentence, and the exports going through the core."""

from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QDate, Qt

from hallapp.domain.errors import InvalidInput
from tests.core.daily_log_activity import busy_day
from tests.ui.conftest import wait_ops
from ui.supervisor import daily_log_export_flow
from ui.supervisor.daily_log_messages import daily_log_message
from ui.supervisor.daily_log_page import DailyLogPage

DAY0 = date(2026, 11, 20)


def open_page(qtbot, ops, actor) -> DailyLogPage:  # type: ignore[no-untyped-def]
    page = DailyLogPage(ops, actor)
    qtbot.addWidget(page)
    page.resize(1180, 640)
    page.show()
    wait_ops(qtbot, ops)
    return page


def column_of(page: DailyLogPage, key: str, header: str) -> int:
    title = QCoreApplication.translate("DailyLogPage", header)
    return [c.header for c in page._model(key).columns].index(title)


def test_today_with_activity_by_window_and_clerk(qtbot, ops, core, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    day = busy_day(core, clock, customers=16)
    page = open_page(qtbot, ops, supervisor)
    assert page.first.date() == QDate(DAY0) and page.stack.currentIndex() == 0
    assert page.summary.values["served"].text() == str(len(day.served))
    assert page.summary.values["money"].text() == "¥2,000.00"  # ¥2,125.00 taken less the reversed ¥125.00
    windows = page._model("windows")
    served = column_of(page, "windows", "Served")
    by_window = {
        windows.index(r, 0).data(): windows.index(r, served).data() for r in range(windows.rowCount())
    }
    assert (
        by_window["1号窗口"] == str(len(day.by_window[1])) and len(by_window) == 5
    )  # the hall and 4 windows
    clerks = page._model("clerks")
    assert [clerks.index(r, 0).data() for r in range(clerks.rowCount())] == ["C001", "C002", "C003"]


def test_enter_on_a_figure_lists_the_tickets_behind_it(qtbot, ops, core, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    day = busy_day(core, clock, customers=16)
    page = open_page(qtbot, ops, supervisor)
    table = page.tables["windows"]
    hall_row = table.proxy.mapFromSource(page._model("windows").index(0, 0)).row()
    table.setFocus()
    table.setCurrentIndex(table.proxy.index(hall_row, column_of(page, "windows", "No-shows")))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.drill_dialog
    assert dialog is not None and dialog.isVisible()
    wait_ops(qtbot, ops)
    expected = [t.display_no for t in core.daily_log.tickets(supervisor, day.no_shows)]
    assert [line.display_no for line in dialog.model.records] == expected and expected
    assert {line.state for line in dialog.model.records} == {"no_show"}
    dialog.reject()


def test_page_keys_step_days_and_a_quiet_day_shows_the_empty_state(
    qtbot, ops, core, clock, supervisor
) -> None:  # type: ignore[no-untyped-def]
    busy_day(core, clock, customers=8)
    page = open_page(qtbot, ops, supervisor)
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_PageUp)
    wait_ops(qtbot, ops)
    assert page.log is not None and page.log.first_day == DAY0 - timedelta(days=1)
    assert page.first.date() == QDate(DAY0 - timedelta(days=1))
    qtbot.keyClick(page.tabs, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    wait_ops(qtbot, ops)
    assert page.log.first_day == DAY0 and page.stack.currentIndex() == 0
    quiet = DAY0 - timedelta(days=400)
    page.first.setDate(QDate(quiet))
    page.show_chosen()
    wait_ops(qtbot, ops)
    assert page.log.empty and page.stack.currentIndex() == 1
    assert quiet.isoformat() in page.empty_text.text()


def test_a_future_day_is_refused_with_its_sentence(qtbot, ops, supervisor) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ops, supervisor)
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_PageDown)
    wait_ops(qtbot, ops)
    tomorrow = DAY0 + timedelta(days=1)
    refusal = InvalidInput("day", "future_day", day=tomorrow.isoformat(), today=DAY0.isoformat())
    assert page.message.text() == daily_log_message(refusal) and page.message.property("role") == "error"
    assert page.first.date() == QDate(DAY0) and page.log is not None and page.log.first_day == DAY0


def test_a_period_is_read_as_a_range(qtbot, ops, supervisor) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ops, supervisor)
    page.first.setDate(QDate(DAY0 - timedelta(days=6)))
    page.period.setChecked(True)
    page.last.setDate(QDate(DAY0))
    page.show_chosen()
    wait_ops(qtbot, ops)
    assert page.log is not None and (page.log.first_day, page.log.last_day) == (
        DAY0 - timedelta(days=6),
        DAY0,
    )
    assert len(page.log.series) == 7


def test_export_buttons_have_the_core_write_the_files(
    qtbot, ops, core, clock, supervisor, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    busy_day(core, clock, customers=8)
    page = open_page(qtbot, ops, supervisor)
    asked: list[tuple[str, Path]] = []

    def choose(_parent, kind: str, suggested: Path) -> Path:  # type: ignore[no-untyped-def]
        asked.append((kind, suggested))
        return tmp_path / ("log.xlsx" if kind == "excel" else "log.pdf")

    monkeypatch.setattr(daily_log_export_flow, "ask_save_path", choose)
    page.excel_button.click()
    wait_ops(qtbot, ops)
    assert load_workbook(tmp_path / "log.xlsx").sheetnames[0] == "汇总"
    assert str(tmp_path / "log.xlsx") in page.message.text()
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ops)
    assert "第 1 页 共" in PdfReader(tmp_path / "log.pdf").pages[0].extract_text()
    assert [kind for kind, _ in asked] == ["excel", "pdf"]
    assert asked[1][1].parent == tmp_path  # the dialog opens in the folder used last


def test_a_refused_folder_gets_one_sentence(qtbot, ops, supervisor, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ops, supervisor)
    missing = tmp_path / "gone" / "log.pdf"
    monkeypatch.setattr(daily_log_export_flow, "ask_save_path", lambda *_args: missing)
    page.export_pdf()
    wait_ops(qtbot, ops)
    assert page.message.property("role") == "error"
    assert str(missing.parent) in page.message.text() and not missing.parent.exists()


def test_every_pc_of_the_hall_on_a_standalone_pc_says_why_not(qtbot, ops, core, supervisor) -> None:  # type: ignore[no-untyped-def]
    from hallapp.domain.errors import ActionRefused

    core.daily_log.central = lambda: None  # a standalone PC: no server, no token
    page = open_page(qtbot, ops, supervisor)
    shown = page.log
    page.whole.setChecked(True)
    page.show_chosen()
    wait_ops(qtbot, ops)
    assert page.message.text() == daily_log_message(ActionRefused("not_enrolled"))
    assert "“" in page.message.text() or "Every PC" in page.message.text()
    assert page.log is shown  # the PC's own figures stay on screen
