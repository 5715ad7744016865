"""The daily log's Excel and PDF exports: the figures in the workbook, the pages and their numbers in
the PDF, and a folder that cannot be written (refused, nothing left behind)."""

import errno
import os
import stat
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hallapp.domain.errors import ActionRefused, PermissionDenied
from hallapp.printing.daily_log_pdf import render_daily_log_pdf
from hallapp.services.daily_log_export import DailyLogExport, write_atomically
from tests.core.daily_log_activity import busy_day

DAY0 = date(2026, 11, 20)


@pytest.fixture
def exporter(core) -> DailyLogExport:  # type: ignore[no-untyped-def]
    return DailyLogExport(core.db, core.clock, core.device)


def test_the_workbook_holds_the_figures_with_number_formats(
    core, clock, supervisor, exporter, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    busy_day(core, clock, customers=16)
    log = core.daily_log.day(supervisor)
    path = exporter.excel(supervisor, DAY0, DAY0, tmp_path / "log.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[:4] == ["汇总", "按窗口", "按业务类型", "按柜员"]
    summary = book["汇总"]
    assert summary["A1"].value == "国网示例市供电公司　营业厅柜面日志　汇总"
    assert "城东供电营业厅" in summary["A2"].value and "2026-11-20" in summary["A2"].value
    assert summary.freeze_panes == "A5"
    figures = {
        row[i].value: row[i + 1] for row in summary.iter_rows(min_row=5) for i in (0, 2) if row[i].value
    }
    assert figures["服务客户数"].value == len(log.hall.tickets.served)
    assert log.hall.money is not None
    net = figures["净收金额"]
    assert net.value == Decimal(log.hall.money.net_fen) / 100 and net.number_format == "#,##0.00"
    level = figures["服务达标率（等候不超过15分钟）"]
    assert (
        level.value == pytest.approx(log.hall.tickets.service_level.ratio) and level.number_format == "0.0%"
    )
    wait = figures["平均等候时长"]
    assert wait.number_format == "[h]:mm:ss"
    assert wait.value == timedelta(seconds=round(log.hall.tickets.waits.mean_s))  # read back as a duration
    windows = book["按窗口"]
    served = {r[0].value: r[1].value for r in windows.iter_rows(min_row=5)}
    assert served == {"全厅": len(log.hall.tickets.served)} | {
        w.name: len(w.figures.tickets.served) for w in log.windows
    }
    clerks = {r[0].value: r[1].value for r in book["按柜员"].iter_rows(min_row=5)}
    assert clerks["C001"] == "王芳" and set(clerks) == {c.staff_no for c in log.clerks}
    assert windows.column_dimensions["A"].width >= 8


def test_the_pdf_numbers_every_page_with_unit_and_title(core, clock, supervisor, exporter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    busy_day(core, clock, customers=16)
    path = exporter.pdf(supervisor, DAY0, DAY0, tmp_path / "log.pdf")
    pages = PdfReader(path).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        assert "国网示例市供电公司" in text and "营业厅柜面日志" in text and "2026-11-20" in text
    first = pages[0].extract_text()
    assert "一、汇总" in first and "服务客户数" in first


def test_a_long_period_runs_over_more_pages(core, clock, supervisor, exporter) -> None:  # type: ignore[no-untyped-def]
    busy_day(core, clock, customers=8)
    short = exporter.report(supervisor, DAY0, DAY0)
    month = exporter.report(supervisor, DAY0 - timedelta(days=59), DAY0)
    short_pages = len(PdfReader(BytesIO(render_daily_log_pdf(short))).pages)
    month_pages = PdfReader(BytesIO(render_daily_log_pdf(month))).pages
    assert len(month_pages) > short_pages
    assert "至" in month_pages[-1].extract_text()
    assert f"第 {len(month_pages)} 页 共 {len(month_pages)} 页" in month_pages[-1].extract_text()


def test_an_empty_day_says_so(core, supervisor, exporter) -> None:  # type: ignore[no-untyped-def]
    quiet = DAY0 - timedelta(days=400)
    text = (
        PdfReader(BytesIO(render_daily_log_pdf(exporter.report(supervisor, quiet, quiet))))
        .pages[0]
        .extract_text()
    )
    assert "本期间没有任何" in text and "第 1 页 共" in text


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user"
)
def test_a_read_only_folder_is_refused_and_left_empty(core, supervisor, exporter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ActionRefused) as exc:
            exporter.excel(supervisor, DAY0, DAY0, folder / "log.xlsx")
        assert exc.value.reason == "export_not_writable" and exc.value.params["folder"] == str(folder)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_folder_refusing_the_file_is_named_in_the_refusal(
    core, supervisor, exporter, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """What a read-only folder does for an ordinary user, also when the tests run as root."""

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(ActionRefused) as exc:
        exporter.pdf(supervisor, DAY0, DAY0, folder / "log.pdf")
    assert exc.value.reason == "export_not_writable" and exc.value.params["folder"] == str(folder)
    assert list(folder.iterdir()) == []


def test_a_failed_write_leaves_no_part_file_and_keeps_the_old_one(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "log.pdf"
    target.write_bytes(b"old")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ActionRefused) as exc:
        write_atomically(target, b"new content")
    assert exc.value.reason == "export_disk_full"
    assert [p.name for p in tmp_path.iterdir()] == ["log.pdf"] and target.read_bytes() == b"old"


def test_clerks_may_not_export(core, clerk, exporter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        exporter.pdf(clerk, DAY0, DAY0, tmp_path / "log.pdf")
    assert not Path(tmp_path / "log.pdf").exists()
