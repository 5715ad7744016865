"""Printing on the counter PC: PDF bytes from the core, rasterised with PDFium, painted on a QPrinter."""

from ui.printing.choice import (
    DocumentKind,
    PrinterSettingsDialog,
    choose_printer,
    choose_receipt_paper,
    choose_ticket_paper,
    chosen_printer_name,
    edit_printer_settings,
    fake_printer,
    printer_for,
    receipt_paper,
    reset_fake_printers,
    ticket_paper,
    uses_fake_printers,
)
from ui.printing.failure import CANCELLED, FAILED, NO_PRINTER, OFFLINE, PrintFailed
from ui.printing.fake_printer import FakePrinter
from ui.printing.job import A4, A5, THERMAL_80, PrintJob
from ui.printing.preview import PrintPreviewDialog, preview
from ui.printing.printer import Printer, QtPrinter
from ui.printing.raster import PageSize, RasterPage, page_sizes, rasterise, render_page, to_qimage

__all__ = [
    "A4",
    "A5",
    "CANCELLED",
    "FAILED",
    "NO_PRINTER",
    "OFFLINE",
    "THERMAL_80",
    "DocumentKind",
    "FakePrinter",
    "PageSize",
    "PrintFailed",
    "PrintJob",
    "PrintPreviewDialog",
    "Printer",
    "PrinterSettingsDialog",
    "QtPrinter",
    "RasterPage",
    "choose_printer",
    "choose_receipt_paper",
    "choose_ticket_paper",
    "chosen_printer_name",
    "edit_printer_settings",
    "fake_printer",
    "page_sizes",
    "preview",
    "printer_for",
    "rasterise",
    "receipt_paper",
    "render_page",
    "reset_fake_printers",
    "ticket_paper",
    "to_qimage",
    "uses_fake_printers",
]
