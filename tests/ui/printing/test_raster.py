import math

import pytest
from PySide6.QtGui import QImage

from tests.ui.printing.sample_pdfs import RECEIPT_SIZE_MM, a4_pdf, chinese_only_pdf, receipt_pdf
from ui.printing import page_sizes, rasterise, render_page, to_qimage

MM_PER_INCH = 25.4


def test_page_sizes_are_the_pdf_pages_in_points_and_mm() -> None:
    [size] = page_sizes(receipt_pdf())
    assert size.width_mm == pytest.approx(RECEIPT_SIZE_MM[0], abs=0.01)
    assert size.height_mm == pytest.approx(RECEIPT_SIZE_MM[1], abs=0.01)
    a4_pages = page_sizes(a4_pdf(3))
    assert len(a4_pages) == 3
    assert [(round(s.width_pt), round(s.height_pt)) for s in a4_pages] == [(595, 842)] * 3


@pytest.mark.parametrize("dpi", [96, 203, 300])
def test_rasterised_page_is_mm_times_dpi(dpi: int) -> None:
    [page] = rasterise(receipt_pdf(), dpi)
    assert page.width == math.ceil(RECEIPT_SIZE_MM[0] / MM_PER_INCH * dpi)
    assert page.height == math.ceil(RECEIPT_SIZE_MM[1] / MM_PER_INCH * dpi)
    assert page.dpi == dpi


def test_every_page_is_rasterised() -> None:
    pages = rasterise(a4_pdf(3), 50)
    assert len(pages) == 3
    assert {(p.width, p.height) for p in pages} == {
        (math.ceil(210 / MM_PER_INCH * 50), math.ceil(297 / MM_PER_INCH * 50))
    }


def _dark_pixels(image: QImage) -> int:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(
        1 for y in range(gray.height()) for x in range(gray.width()) if gray.pixelColor(x, y).value() < 128
    )


def test_embedded_chinese_font_is_drawn(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    image = to_qimage(render_page(chinese_only_pdf(), 0, 150))
    assert (image.width(), image.height()) == (
        math.ceil(60 / MM_PER_INCH * 150),
        math.ceil(20 / MM_PER_INCH * 150),
    )
    assert image.format() == QImage.Format.Format_RGBX8888
    assert image.pixelColor(2, 2).value() == 255  # the margin stays white
    assert _dark_pixels(image) > 500  # six hanzi at 14 pt, 150 dpi


def test_crisp_rendering_is_black_and_white_grey(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    page = render_page(chinese_only_pdf(), 0, 203, crisp=True)
    assert page.gray
    assert set(page.pixels) <= {0, 255}  # no anti-aliased edges for a thermal head to dither
    image = to_qimage(page)
    assert image.format() == QImage.Format.Format_Grayscale8
    assert round(image.dotsPerMeterX() * MM_PER_INCH / 1000) == 203


def test_not_a_pdf_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a readable PDF"):
        page_sizes(b"%PDF-1.4 broken")
