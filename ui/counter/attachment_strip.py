"""Scanned documents of an application as thumbnails; a double-click shows the page large."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from hallapp.domain.application_views import AttachmentRow
from ui.printing.raster import rasterise, to_qimage
from ui.resources import icon

THUMB = QSize(66, 88)
CELL = QSize(120, 112)
THUMB_DPI = 24
VIEW_DPI = 110


def page_image(row: AttachmentRow, data: bytes, dpi: float) -> QImage:
    """The first page of a scan as an image (PDFs through PDFium); a null image if it cannot be read."""
    if row.media_type == "application/pdf":
        try:
            return to_qimage(rasterise(data, dpi)[0])
        except Exception:  # a PDF PDFium cannot open: shown as a plain icon
            return QImage()
    return QImage.fromData(data)


class AttachmentStrip(QListWidget):
    sig_open = Signal(object)  # AttachmentRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setWrapping(False)
        self.setGridSize(CELL)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setFixedHeight(CELL.height() + 12)
        self.setSpacing(6)
        self.rows: dict[str, AttachmentRow] = {}
        self.itemActivated.connect(
            lambda item: self.sig_open.emit(self.rows[item.data(Qt.ItemDataRole.UserRole)])
        )

    def show_rows(self, rows: tuple[AttachmentRow, ...]) -> None:
        self.clear()
        self.rows = {r.attachment_id: r for r in rows}
        for row in rows:
            item = QListWidgetItem(icon("file-text"), _caption(row))
            item.setData(Qt.ItemDataRole.UserRole, row.attachment_id)
            item.setToolTip(
                f"{row.file_name}\n{row.size_bytes / 1024:.0f} KB · {row.staff}\nSHA-256 {row.sha256[:16]}…"
            )
            self.addItem(item)

    def set_thumbnail(self, row: AttachmentRow, data: bytes) -> None:
        image = page_image(row, data, THUMB_DPI)
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image).scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter = QPainter(pixmap)  # a white page needs an edge to be seen on a white list
        painter.setPen(QColor(150, 150, 150))
        painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
        painter.end()
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == row.attachment_id:
                item.setIcon(QIcon(pixmap))


def _caption(row: AttachmentRow) -> str:
    return row.file_name


class AttachmentViewer(QDialog):
    def __init__(self, row: AttachmentRow, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(row.file_name)
        picture = QLabel()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = page_image(row, data, VIEW_DPI)
        if image.isNull():
            picture.setText(self.tr("This document cannot be shown on this PC; it is kept unchanged."))
        else:
            picture.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(picture)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(820, 900)
