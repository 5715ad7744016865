import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.printing.sample_pdfs import a4_pdf, receipt_pdf
from ui.printing import A4, OFFLINE, THERMAL_80, FakePrinter, PrintJob, PrintPreviewDialog, preview
from ui.printing.preview import PAGE_GAP


def _open(qtbot, job: PrintJob, printer: FakePrinter) -> PrintPreviewDialog:  # type: ignore[no-untyped-def]
    dialog = PrintPreviewDialog(job, printer)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()  # shortcuts need an active window; offscreen does not activate on show
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_shows_every_page_fitted_to_the_width(qtbot, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, PrintJob("停电通知", a4_pdf(3), A4), FakePrinter())
    assert len(dialog.page_labels) == 3
    viewport = dialog.scroll.viewport().width()
    for label in dialog.page_labels:
        pixmap = label.pixmap()
        assert not pixmap.isNull()
        logical_width = pixmap.width() / pixmap.devicePixelRatio()
        assert logical_width == pytest.approx(viewport - 2 * PAGE_GAP, abs=1)
        assert pixmap.height() / pixmap.width() == pytest.approx(297 / 210, rel=0.01)
    dialog.close()


def test_ctrl_p_prints_and_closes(qtbot, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter()
    job = PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80, copies=2)
    dialog = _open(qtbot, job, printer)
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog.scroll, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert printer.jobs == [job]


def test_a_failed_print_says_why_and_stays_open(qtbot, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter("EPSON TM-T82")
    printer.fail_next(OFFLINE)
    dialog = _open(qtbot, PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80), printer)
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "EPSON TM-T82" in dialog.message.text()
    assert printer.jobs == []
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.scroll, Qt.Key.Key_Return)  # the printer is back: print again
    assert len(printer.jobs) == 1


def test_escape_closes_without_printing(qtbot, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter()
    dialog = _open(qtbot, PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80), printer)
    with qtbot.waitSignal(dialog.destroyed):  # WA_DeleteOnClose
        qtbot.keyClick(dialog.scroll, Qt.Key.Key_Escape)
    assert printer.jobs == []


class _KeyAtModal:
    """Presses a key in the modal dialog once ``preview`` has opened it."""

    def __init__(self, qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.key, self.seen = qtbot, key, None

    def press(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, self.press)
            return
        self.seen = len(dialog.page_labels)
        self.qtbot.keyClick(dialog.focusWidget() or dialog, self.key)


def test_preview_returns_whether_the_user_printed(qtbot, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    printer = FakePrinter()
    job = PrintJob("停电通知", a4_pdf(2), A4)
    escape = _KeyAtModal(qtbot, Qt.Key.Key_Escape)
    QTimer.singleShot(0, escape.press)
    assert preview(None, job, printer) is False
    assert escape.seen == 2
    enter = _KeyAtModal(qtbot, Qt.Key.Key_Return)
    QTimer.singleShot(0, enter.press)
    assert preview(None, job, printer) is True
    assert printer.jobs == [job]
