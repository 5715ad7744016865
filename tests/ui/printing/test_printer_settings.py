from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog

from ui.printing import (
    DocumentKind,
    PrinterSettingsDialog,
    QtPrinter,
    choose_printer,
    chosen_printer_name,
    printer_for,
)


def test_choice_is_stored_per_kind(printing_settings: QSettings) -> None:
    assert chosen_printer_name(DocumentKind.RECEIPT) == ""  # the system default
    choose_printer(DocumentKind.RECEIPT, "EPSON TM-T82")
    choose_printer(DocumentKind.FORM, "HP LaserJet M1136")
    assert chosen_printer_name(DocumentKind.RECEIPT) == "EPSON TM-T82"
    assert chosen_printer_name(DocumentKind.FORM) == "HP LaserJet M1136"
    assert QSettings().value("printing/receipt_printer") == "EPSON TM-T82"


def test_printer_for_uses_the_choice(printing_settings: QSettings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HALLAPP_PRINTER")
    choose_printer(DocumentKind.FORM, "HP LaserJet M1136")
    printer = printer_for(DocumentKind.FORM)
    assert isinstance(printer, QtPrinter)
    assert printer.printer_name == "HP LaserJet M1136"
    assert not printer.is_ready()  # no such printer on the test machine


def _open(qtbot) -> PrinterSettingsDialog:  # type: ignore[no-untyped-def]
    dialog = PrinterSettingsDialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_dialog_shows_the_system_default_and_a_missing_printer(qtbot, printing_settings) -> None:  # type: ignore[no-untyped-def]
    choose_printer(DocumentKind.RECEIPT, "EPSON TM-T82")
    dialog = _open(qtbot)
    receipts, forms = dialog.combos[DocumentKind.RECEIPT], dialog.combos[DocumentKind.FORM]
    assert receipts.currentData() == "EPSON TM-T82"
    assert "EPSON TM-T82" in receipts.currentText()  # marked as not connected
    assert forms.currentData() == ""
    assert forms.itemText(0) == QCoreApplication.translate("Printing", "System default printer")
    assert dialog.focusWidget() is receipts
    dialog.close()


def test_keyboard_change_and_enter_stores(qtbot, printing_settings) -> None:  # type: ignore[no-untyped-def]
    choose_printer(DocumentKind.RECEIPT, "EPSON TM-T82")
    dialog = _open(qtbot)
    receipts: QComboBox = dialog.combos[DocumentKind.RECEIPT]
    qtbot.keyClick(receipts, Qt.Key.Key_Home)  # the system default is the first entry
    assert receipts.currentData() == ""
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(receipts, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert chosen_printer_name(DocumentKind.RECEIPT) == ""


def test_escape_keeps_the_old_choice(qtbot, printing_settings) -> None:  # type: ignore[no-untyped-def]
    choose_printer(DocumentKind.RECEIPT, "EPSON TM-T82")
    dialog = _open(qtbot)
    dialog.combos[DocumentKind.RECEIPT].setCurrentIndex(0)
    with qtbot.waitSignal(dialog.destroyed):  # WA_DeleteOnClose
        qtbot.keyClick(dialog.combos[DocumentKind.RECEIPT], Qt.Key.Key_Escape)
    assert chosen_printer_name(DocumentKind.RECEIPT) == "EPSON TM-T82"


def test_paper_layouts_are_chosen_in_the_dialog(qtbot, printing_settings) -> None:  # type: ignore[no-untyped-def]
    from ui.printing import receipt_paper, ticket_paper

    dialog = _open(qtbot)
    assert (dialog.receipt_paper.currentData(), dialog.ticket_paper.currentData()) == (
        "thermal80",
        "thermal80",
    )
    dialog.receipt_paper.setCurrentIndex(dialog.receipt_paper.findData("a5"))
    dialog.ticket_paper.setCurrentIndex(dialog.ticket_paper.findData("thermal58"))
    dialog.accept()
    assert (receipt_paper(), ticket_paper()) == ("a5", "thermal58")
