"""Print preview: the pages as they will come out of the printer (the same PDFium rasterising),
fitted to the window width; 打印 (Ctrl+P or Enter) prints, 关闭 (Esc) closes."""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.printing.failure import PrintFailed
from ui.printing.job import ROLL_WIDTH_MM, PrintJob
from ui.printing.printer import Printer
from ui.printing.raster import rasterise, to_qimage
from ui.widgets.labels import say, styled

translate = QCoreApplication.translate

PREVIEW_DPI = 150  # sharp enough for fit-width on a 1080p screen; more on high-DPI screens, up to
MAX_PREVIEW_DPI = 200  # an A4 page is 15 MB of pixels at 200 dpi, kept while the preview is open
PAGE_GAP = 16
RECEIPT_WINDOW = QSize(520, 820)
SHEET_WINDOW = QSize(900, 980)


class PrintPreviewDialog(QDialog):
    def __init__(self, job: PrintJob, printer: Printer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("PrintPreview")
        self.setWindowTitle(translate("Printing", "Print preview: {title}").format(title=job.title))
        self.job = job
        self.printer = printer
        dpi = min(MAX_PREVIEW_DPI, PREVIEW_DPI * max(1.0, self.devicePixelRatioF()))
        self.images: list[QImage] = [to_qimage(page) for page in rasterise(job.pdf, dpi)]
        self.page_labels: list[QLabel] = []
        self.scroll = self._pages()
        self._viewport = self.scroll.viewport()
        self._viewport.installEventFilter(self)
        summary = translate("Printing", "Printer: {printer} · pages: {pages} · copies: {copies}").format(
            printer=printer.name(), pages=len(self.images), copies=job.copies
        )
        self.summary = styled(summary, "muted")
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        self.print_button = QPushButton(translate("Printing", "Print"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_now)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())
        self.resize(self._window_size())
        self.scroll.setFocus()

    def _pages(self) -> QScrollArea:
        sheet = QWidget()
        sheet.setObjectName("PreviewSheet")
        sheet.setStyleSheet("#PreviewSheet { background: #8A9794; }")
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        sheet_layout.setSpacing(PAGE_GAP)
        for number in range(1, len(self.images) + 1):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setAccessibleName(
                translate("Printing", "Page {number} of {count}").format(
                    number=number, count=len(self.images)
                )
            )
            sheet_layout.addWidget(label)
            self.page_labels.append(label)
        sheet_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(sheet)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        return scroll

    def _buttons(self) -> QDialogButtonBox:
        self.print_button.setProperty("role", "primary")
        self.print_button.setDefault(True)
        self.print_button.setToolTip(translate("Printing", "Print (Ctrl+P or Enter)"))
        self.print_button.clicked.connect(self.print_now)
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.setToolTip(translate("Printing", "Close without printing (Esc)"))
        buttons.rejected.connect(self.reject)
        return buttons

    def _window_size(self) -> QSize:
        wanted = RECEIPT_WINDOW if self.job.paper in ROLL_WIDTH_MM else SHEET_WINDOW
        screen = self.screen() or QGuiApplication.primaryScreen()
        return wanted.boundedTo(screen.availableGeometry().size() * 0.92) if screen else wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self._fit_width()
        return super().eventFilter(watched, event)

    def _fit_width(self) -> None:
        width = self.scroll.viewport().width() - 2 * PAGE_GAP
        if width <= 0:
            return
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.page_labels, self.images, strict=True):
            pixmap = QPixmap.fromImage(
                image.scaledToWidth(round(width * ratio), Qt.TransformationMode.SmoothTransformation)
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def print_now(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.printer.print_job(self.job)
        except PrintFailed as exc:
            say(self.message, exc.message(), ok=False)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


def preview(parent: QWidget | None, job: PrintJob, printer: Printer) -> bool:
    """Show the preview modally; True if the user printed (and the printer took the job)."""
    return PrintPreviewDialog(job, printer, parent).exec() == QDialog.DialogCode.Accepted
