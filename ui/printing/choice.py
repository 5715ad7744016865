"""Which printer each kind of document goes to on this PC (QSettings), and the dialog to choose.

Set HALLAPP_PRINTER=fake to print to in-memory FakePrinters instead (tests, the smoke run).
"""

import os
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.printing.fake_printer import FakePrinter
from ui.printing.printer import Printer, QtPrinter

translate = QCoreApplication.translate
SYSTEM_DEFAULT = ""  # stored instead of a printer name


class DocumentKind(StrEnum):
    RECEIPT = "receipt"  # payment receipts: the thermal 80 mm (or A5) receipt printer
    FORM = "form"  # notices, applications, shift reports: A4/A5
    TICKET = "ticket"  # queue tickets at the guide desk: a thermal 58 or 80 mm roll


_fakes: dict[DocumentKind, FakePrinter] = {}


def uses_fake_printers() -> bool:
    return os.environ.get("HALLAPP_PRINTER", "").strip().lower() == "fake"


def fake_printer(kind: DocumentKind) -> FakePrinter:
    """The one FakePrinter per kind that ``printer_for`` hands out under HALLAPP_PRINTER=fake."""
    if kind not in _fakes:
        _fakes[kind] = FakePrinter(f"Fake {kind.value} printer")
    return _fakes[kind]


def reset_fake_printers() -> None:
    _fakes.clear()


def _key(kind: DocumentKind) -> str:
    return f"printing/{kind.value}_printer"


def chosen_printer_name(kind: DocumentKind) -> str:
    value = QSettings().value(_key(kind), SYSTEM_DEFAULT)
    return value if isinstance(value, str) else SYSTEM_DEFAULT


def choose_printer(kind: DocumentKind, printer_name: str) -> None:
    QSettings().setValue(_key(kind), printer_name)


RECEIPT_PAPER_KEY = "printing/receipt_paper"
RECEIPT_PAPERS = ("thermal80", "a5")


def receipt_paper() -> str:
    """The receipt layout this PC prints: the 80 mm thermal roll (default) or A5 sheets."""
    value = QSettings().value(RECEIPT_PAPER_KEY, RECEIPT_PAPERS[0])
    return value if value in RECEIPT_PAPERS else RECEIPT_PAPERS[0]


def choose_receipt_paper(paper: str) -> None:
    if paper not in RECEIPT_PAPERS:
        raise ValueError(paper)
    QSettings().setValue(RECEIPT_PAPER_KEY, paper)


TICKET_PAPER_KEY = "printing/ticket_paper"
TICKET_PAPERS = ("thermal80", "thermal58")


def ticket_paper() -> str:
    """The ticket roll this PC prints on: 80 mm (default) or 58 mm."""
    value = QSettings().value(TICKET_PAPER_KEY, TICKET_PAPERS[0])
    return value if value in TICKET_PAPERS else TICKET_PAPERS[0]


def choose_ticket_paper(paper: str) -> None:
    if paper not in TICKET_PAPERS:
        raise ValueError(paper)
    QSettings().setValue(TICKET_PAPER_KEY, paper)


def printer_for(kind: DocumentKind) -> Printer:
    if uses_fake_printers():
        return fake_printer(kind)
    return QtPrinter(chosen_printer_name(kind))


def kind_labels() -> dict[DocumentKind, str]:
    return {
        DocumentKind.RECEIPT: translate("Printing", "&Receipts (thermal 80 mm or A5):"),
        DocumentKind.FORM: translate("Printing", "&Forms, notices and reports (A4/A5):"),
        DocumentKind.TICKET: translate("Printing", "&Queue tickets (thermal 58 or 80 mm):"),
    }


def paper_labels(papers: tuple[str, ...]) -> dict[str, str]:
    names = {
        "thermal80": translate("Printing", "80 mm thermal roll"),
        "thermal58": translate("Printing", "58 mm thermal roll"),
        "a5": translate("Printing", "A5 sheet"),
    }
    return {paper: names[paper] for paper in papers}


class PrinterSettingsDialog(QDialog):
    """One printer per kind of document. OK stores the choice on this PC; Esc leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("Printing", "Printer settings"))
        self.combos: dict[DocumentKind, QComboBox] = {}
        form = QFormLayout()
        available = QPrinterInfo.availablePrinterNames()
        for kind, label in kind_labels().items():
            combo = self._combo(available, chosen_printer_name(kind))
            self.combos[kind] = combo
            form.addRow(label, combo)
        self.receipt_paper = self._paper_combo(paper_labels(RECEIPT_PAPERS), receipt_paper())
        self.ticket_paper = self._paper_combo(paper_labels(TICKET_PAPERS), ticket_paper())
        form.addRow(translate("Printing", "Receipt &layout:"), self.receipt_paper)
        form.addRow(translate("Printing", "Ticket &roll:"), self.ticket_paper)
        note = QLabel(
            translate("Printing", "The choice applies to this PC only. Printers are set up in the system.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.combos[DocumentKind.RECEIPT].setFocus()

    def _combo(self, available: list[str], chosen: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(translate("Printing", "System default printer"), SYSTEM_DEFAULT)
        for name in available:
            combo.addItem(name, name)
        if chosen and chosen not in available:
            combo.addItem(translate("Printing", "{name} (not connected)").format(name=chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def _paper_combo(self, labels: dict[str, str], chosen: str) -> QComboBox:
        combo = QComboBox()
        for paper, text in labels.items():
            combo.addItem(text, paper)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def accept(self) -> None:
        for kind, combo in self.combos.items():
            choose_printer(kind, combo.currentData())
        choose_receipt_paper(self.receipt_paper.currentData())
        choose_ticket_paper(self.ticket_paper.currentData())
        super().accept()


def edit_printer_settings(parent: QWidget | None = None) -> bool:
    """Show the dialog modally; True if the user saved a choice."""
    return PrinterSettingsDialog(parent).exec() == QDialog.DialogCode.Accepted
