"""Printout tests: the PDFs are read back with pypdf; helpers shared by the three test modules."""

import re
from io import BytesIO

from pypdf import PdfReader

FONT_FAMILY = "WenQuanYiZenHei"


def read_pdf(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in read_pdf(pdf).pages]


def compact(text: str) -> str:
    """Text without whitespace or the full-width colon, so 户号：\\n330… and 户号 330… compare equal."""
    return re.sub(r"\s+", "", text).replace("：", "")


def embedded_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(BaseFont, has FontFile2) for every font any page uses."""
    fonts = []
    for page in read_pdf(pdf).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.append((str(font["/BaseFont"]), embedded))
    return fonts


def assert_only_embedded_cjk_font(pdf: bytes) -> None:
    fonts = embedded_fonts(pdf)
    assert fonts, "no fonts: the text was not drawn"
    for base_font, embedded in fonts:
        assert base_font.endswith("+" + FONT_FAMILY), base_font  # a subset of the bundled font
        assert embedded, f"{base_font} is not embedded"
