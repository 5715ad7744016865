"""Why a print did not happen, and the sentence that tells the clerk what to do."""

from PySide6.QtCore import QCoreApplication

OFFLINE = "offline"
NO_PRINTER = "no_printer"
FAILED = "failed"
CANCELLED = "cancelled"
REASONS = (OFFLINE, NO_PRINTER, FAILED, CANCELLED)

translate = QCoreApplication.translate


class PrintFailed(Exception):
    def __init__(self, reason: str, printer: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown print failure reason {reason!r}")
        super().__init__(reason, printer)
        self.reason = reason
        self.printer = printer

    def message(self) -> str:
        """One sentence for the screen: what happened and what to do next."""
        if self.reason == OFFLINE:
            return translate(
                "Printing",
                "The printer “{printer}” is not responding (offline, out of paper or jammed); check it and print again.",
            ).format(printer=self.printer)
        if self.reason == NO_PRINTER:
            return translate(
                "Printing", "No printer is set up for this document; choose one in the printer settings."
            )
        if self.reason == CANCELLED:
            return translate("Printing", "Printing was cancelled; nothing was printed.")
        return translate("Printing", "The document could not be printed; check the printer and print again.")
