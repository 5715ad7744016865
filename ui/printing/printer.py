"""Printers: the protocol the app prints through, and the real one, which paints rasterised PDF
pages onto a QPrinter. QPrinter is not thread-safe: print on the GUI thread."""

import logging
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ui.printing.failure import FAILED, NO_PRINTER, OFFLINE, PrintFailed
from ui.printing.job import ROLL_WIDTH_MM, PrintJob
from ui.printing.raster import MM_PER_INCH, PageSize, page_sizes, render_page, to_qimage

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

MAX_DPI = 300  # an A4 page at 300 dpi is 35 MB of pixels; printers gain nothing visible above it
_BROKEN_STATES = (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)


@runtime_checkable
class Printer(Protocol):
    def name(self) -> str: ...

    def is_ready(self) -> bool: ...

    def print_job(self, job: PrintJob) -> None:
        """Print every page ``job.copies`` times, or raise PrintFailed."""


def page_layout_for(paper: str, size: PageSize) -> QPageLayout:
    """The paper to ask the driver for: an 80 mm roll as long as the PDF page, else the PDF's own
    size (A4 and A5 are recognised as such, so the driver picks the right tray)."""
    zero = QMarginsF(0, 0, 0, 0)
    if paper in ROLL_WIDTH_MM:
        width = ROLL_WIDTH_MM[paper]
        roll = QSizeF(width, size.height_mm)
        page_size = QPageSize(
            roll, QPageSize.Unit.Millimeter, f"Roll {width:.0f} mm", QPageSize.SizeMatchPolicy.ExactMatch
        )
        return QPageLayout(page_size, QPageLayout.Orientation.Portrait, zero, QPageLayout.Unit.Millimeter)
    landscape = size.width_pt > size.height_pt
    short, long = sorted((size.width_pt, size.height_pt))
    page_size = QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, zero, QPageLayout.Unit.Millimeter)


def target_rect(paper_px: QRectF, size: PageSize, resolution: float) -> QRectF:
    """Where a PDF page goes on the paper, in device pixels: true size when it fits (centred
    across, at the top), else shrunk to fit."""
    width = size.width_mm / MM_PER_INCH * resolution
    height = size.height_mm / MM_PER_INCH * resolution
    scale = min(1.0, paper_px.width() / width, paper_px.height() / height)
    width, height = width * scale, height * scale
    return QRectF(paper_px.x() + (paper_px.width() - width) / 2, paper_px.y(), width, height)


class QtPrinter:
    """A system printer by name ("" = the system default), or a PDF file (tests, "print to file")."""

    def __init__(self, printer_name: str = "", *, pdf_file: str | Path | None = None) -> None:
        self.printer_name = printer_name
        self.pdf_file = Path(pdf_file) if pdf_file is not None else None

    def _info(self) -> QPrinterInfo:
        if self.printer_name:
            return QPrinterInfo.printerInfo(self.printer_name)
        return QPrinterInfo.defaultPrinter()

    def name(self) -> str:
        if self.pdf_file is not None:
            return self.pdf_file.name
        info = self._info()
        if info.isNull():
            return self.printer_name or translate("Printing", "No printer")
        return info.description() or info.printerName()

    def is_ready(self) -> bool:
        if self.pdf_file is not None:
            return True
        info = self._info()
        return not info.isNull() and info.state() not in _BROKEN_STATES

    def _qprinter(self) -> QPrinter:
        if self.pdf_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.pdf_file))
            return printer
        info = self._info()
        if info.isNull():
            raise PrintFailed(NO_PRINTER, self.printer_name)
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def print_job(self, job: PrintJob) -> None:
        try:
            sizes = page_sizes(job.pdf)
        except ValueError as exc:
            log.error("cannot print %r: %s", job.title, exc)
            raise PrintFailed(FAILED, self.name()) from exc
        if not sizes:
            raise PrintFailed(FAILED, self.name())
        printer = self._qprinter()
        printer.setDocName(job.title)
        printer.setFullPage(True)
        printer.setCopyCount(1)  # copies are painted: many receipt drivers ignore the copy count
        if not printer.setPageLayout(page_layout_for(job.paper, sizes[0])):
            log.warning("printer %s refused the page layout for %s", self.name(), job.paper)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(OFFLINE, self.name())
        try:
            self._paint(painter, printer, job, sizes)
        except BaseException:
            printer.abort()
            raise
        finally:
            painter.end()
        if printer.printerState() in _BROKEN_STATES:
            raise PrintFailed(OFFLINE, self.name())

    def _paint(self, painter: QPainter, printer: QPrinter, job: PrintJob, sizes: list[PageSize]) -> None:
        resolution = printer.resolution()
        dpi = min(resolution, MAX_DPI)
        paper = QRectF(printer.pageLayout().fullRectPixels(resolution))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, dpi != resolution)
        first = True
        for _copy in range(job.copies):
            for index, size in enumerate(sizes):
                if not first and not printer.newPage():
                    raise PrintFailed(OFFLINE, self.name())
                first = False
                if printer.printerState() in _BROKEN_STATES:
                    raise PrintFailed(OFFLINE, self.name())
                page = render_page(job.pdf, index, dpi, crisp=job.paper in ROLL_WIDTH_MM)
                painter.drawImage(target_rect(paper, size, resolution), to_qimage(page))
