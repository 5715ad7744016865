"""Sending a finished printout to this PC's printer for its kind, straight or through the preview."""

from PySide6.QtWidgets import QWidget

from hallapp.domain.printouts import PaperSize
from ui.ops.payments import Printout
from ui.printing import CANCELLED, DocumentKind, PrintFailed, PrintJob, preview, printer_for, receipt_paper


def receipt_paper_size() -> PaperSize:
    return PaperSize(receipt_paper())


def send(
    printout: Printout, kind: DocumentKind, *, parent: QWidget | None = None, with_preview: bool = False
) -> PrintFailed | None:
    """Print ``printout``; the failure (printer offline, out of paper, cancelled) comes back, never raised."""
    job = PrintJob(printout.title, printout.pdf, printout.paper.value)
    printer = printer_for(kind)
    if with_preview:
        return None if preview(parent, job, printer) else PrintFailed(CANCELLED, printer.name())
    try:
        printer.print_job(job)
    except PrintFailed as exc:
        return exc
    return None
