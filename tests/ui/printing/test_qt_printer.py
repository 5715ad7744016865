"""QtPrinter through a QPrinter writing a PDF file: the same QPainter path as a real printer."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.ui.printing.sample_pdfs import a4_landscape_pdf, a4_pdf, a5_pdf, receipt_pdf
from ui.printing import (
    A4,
    A5,
    NO_PRINTER,
    OFFLINE,
    THERMAL_80,
    PrintFailed,
    PrintJob,
    QtPrinter,
    RasterPage,
    rasterise,
)
from ui.printing.failure import FAILED

MM_PER_POINT = 25.4 / 72


def _printed(qt_pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in mm of every page of the printer's output."""
    reader = PdfReader(qt_pdf)
    return [
        (float(p.mediabox.width) * MM_PER_POINT, float(p.mediabox.height) * MM_PER_POINT)
        for p in reader.pages
    ]


def _print(tmp_path: Path, job: PrintJob) -> list[tuple[float, float]]:
    out = tmp_path / "printed.pdf"
    QtPrinter(pdf_file=out).print_job(job)
    return _printed(out)


def test_a4_pages_and_copies(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = _print(tmp_path, PrintJob("停电通知", a4_pdf(2), A4, copies=2))
    assert len(pages) == 4
    for width, height in pages:
        assert (width, height) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))


def test_a5_page(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [(width, height)] = _print(tmp_path, PrintJob("业务受理单", a5_pdf(), A5))
    assert (width, height) == (pytest.approx(148, abs=0.5), pytest.approx(210, abs=0.5))


def test_landscape_report_stays_landscape(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [(width, height)] = _print(tmp_path, PrintJob("班次日结报表", a4_landscape_pdf(), A4))
    assert (width, height) == (pytest.approx(297, abs=0.5), pytest.approx(210, abs=0.5))


def test_receipt_is_an_80_mm_page_as_long_as_the_pdf(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = _print(tmp_path, PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80, copies=2))
    assert len(pages) == 2
    for width, height in pages:
        assert (width, height) == (pytest.approx(80, abs=0.2), pytest.approx(160, abs=0.2))


def _dark_pixels(page: RasterPage) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(page.height)
        for x in range(page.width)
        if page.pixels[y * page.stride + 4 * x + 1] < 128
    ]


def _box(pixels: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    xs, ys = [x for x, _ in pixels], [y for _, y in pixels]
    return min(xs), min(ys), max(xs), max(ys)


def test_printed_page_looks_like_the_pdf(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Position, scale and content: the printer's output, rasterised again, has as much ink as the
    source in the same box (±1 px at 50 dpi). Qt rounds page sizes to whole points, so the printed
    page may be a fraction of a millimetre longer."""
    source = receipt_pdf()
    out = tmp_path / "printed.pdf"
    QtPrinter(pdf_file=out).print_job(PrintJob("电费缴费凭证", source, THERMAL_80))
    [expected] = rasterise(source, 50)
    [actual] = rasterise(out.read_bytes(), 50)
    assert actual.width == expected.width
    assert actual.height - expected.height in (0, 1)
    printed, drawn = _dark_pixels(actual), _dark_pixels(expected)
    assert len(drawn) > 1000
    assert len(printed) == pytest.approx(len(drawn), rel=0.15)
    for printed_edge, drawn_edge in zip(_box(printed), _box(drawn), strict=True):
        assert abs(printed_edge - drawn_edge) <= 1


def test_a_printer_that_is_not_there(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    printer = QtPrinter("No Such Printer 42")
    assert not printer.is_ready()
    assert printer.name() == "No Such Printer 42"
    with pytest.raises(PrintFailed) as failure:
        printer.print_job(PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80))
    assert failure.value.reason == NO_PRINTER
    assert failure.value.message()


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_printer_that_cannot_start_is_offline(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = QtPrinter(pdf_file=tmp_path / "no such folder" / "out.pdf")
    with pytest.raises(PrintFailed) as failure:
        printer.print_job(PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80))
    assert failure.value.reason == OFFLINE
    assert failure.value.printer == "out.pdf"


def test_a_broken_pdf_fails_before_touching_the_printer(hall_qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"
    with pytest.raises(PrintFailed) as failure:
        QtPrinter(pdf_file=out).print_job(PrintJob("坏文件", b"not a pdf", A4))
    assert failure.value.reason == FAILED
    assert not out.exists()
