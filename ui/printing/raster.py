"""PDF pages to pixels with PDFium (pypdfium2): one rendering path for printing and preview.

The functions here hold no Qt object, so they may run on a worker thread; ``to_qimage`` turns the
result into a QImage on the GUI thread. PDFium is not thread-safe, hence the lock.
"""

import threading
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72
MM_PER_INCH = 25.4
_pdfium_lock = threading.Lock()


@dataclass(frozen=True)
class PageSize:
    width_pt: float
    height_pt: float

    @property
    def width_mm(self) -> float:
        return self.width_pt * MM_PER_INCH / POINTS_PER_INCH

    @property
    def height_mm(self) -> float:
        return self.height_pt * MM_PER_INCH / POINTS_PER_INCH


@dataclass(frozen=True)
class RasterPage:
    size: PageSize
    dpi: float
    width: int
    height: int
    stride: int
    gray: bool  # 8-bit grey, else RGBX (4 bytes a pixel)
    pixels: bytes


def _open(pdf: bytes) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        raise ValueError(f"not a readable PDF: {exc}") from exc


def page_sizes(pdf: bytes) -> list[PageSize]:
    with _pdfium_lock:
        document = _open(pdf)
        try:
            return [PageSize(*document.get_page_size(index)) for index in range(len(document))]
        finally:
            document.close()


def render_page(pdf: bytes, index: int, dpi: float, *, crisp: bool = False) -> RasterPage:
    """Page ``index`` at ``dpi``. ``crisp``: grey without anti-aliasing, for thermal printers, whose
    drivers would dither grey edges into speckles."""
    with _pdfium_lock:
        document = _open(pdf)
        try:
            page = document[index]
            size = PageSize(page.get_width(), page.get_height())
            options = (
                {
                    "force_bitmap_format": pdfium_c.FPDFBitmap_Gray,
                    "no_smoothtext": True,
                    "no_smoothpath": True,
                    "no_smoothimage": True,
                }
                if crisp
                else {"force_bitmap_format": pdfium_c.FPDFBitmap_BGRx, "rev_byteorder": True}
            )
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, may_draw_forms=False, **options)
            try:
                return RasterPage(
                    size, dpi, bitmap.width, bitmap.height, bitmap.stride, crisp, bytes(bitmap.buffer)
                )
            finally:
                bitmap.close()
                page.close()
        finally:
            document.close()


def rasterise(pdf: bytes, dpi: float, *, crisp: bool = False) -> list[RasterPage]:
    return [render_page(pdf, index, dpi, crisp=crisp) for index in range(len(page_sizes(pdf)))]


def to_qimage(page: RasterPage) -> QImage:
    image_format = QImage.Format.Format_Grayscale8 if page.gray else QImage.Format.Format_RGBX8888
    image = QImage(page.pixels, page.width, page.height, page.stride, image_format).copy()
    dots_per_metre = round(page.dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image
