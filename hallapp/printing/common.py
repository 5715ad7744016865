"""What every printout shares: the embedded CJK font, canvases, text fitting, grids, barcodes, labels.

All text is drawn with one TrueType font (WenQuanYi Zen Hei subset) so it is embedded in every PDF;
the subset has no bold face, so headings are "bold" by stroking the glyph outlines as well.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from io import BytesIO
from typing import Literal

import barcode
from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from hallapp.domain.capital_amount import capital_amount
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.money import format_fen
from hallapp.paths import resources_dir

FONT_NAME = "WenQuanYiZenHei"
FONT_FILE = ("fonts", "wqy-zenhei-subset.ttf")
PDF_CREATOR = "HallApp"

FILL_AND_STROKE = 2  # PDF text render mode
BOLD_STROKE_PER_PT = 0.035  # outline stroke that makes a regular face look bold
CELL_PADDING = 1.5 * mm
MIN_FONT_SIZE = 5.0
LABEL_FILL = Color(0.92, 0.92, 0.92)
RULE_WIDTH = 0.6
GRID_WIDTH = 0.5

# Code128 module widths tried in turn: 3, 2 and 1.5 dots of a 203 dpi thermal head (8 dots/mm).
BARCODE_MODULES_MM = (0.375, 0.25, 0.1875)
BARCODE_QUIET_MODULES = 10

Align = Literal["left", "right", "center"]

METHOD_LABELS = {
    PaymentMethod.CASH: "现金",
    PaymentMethod.CARD: "银行卡",
    PaymentMethod.WECHAT: "微信支付",
    PaymentMethod.ALIPAY: "支付宝",
    PaymentMethod.PREPAID: "预收电费抵扣",
}

SERVICE_HOTLINE_LABEL = "供电服务热线"
REGULATOR_HOTLINE_LABEL = "能源监管热线"


# --- font and canvas -------------------------------------------------------------------------


@cache
def register_font() -> str:
    """Register the bundled CJK TrueType font with reportlab once per process; returns its name."""
    path = resources_dir().joinpath(*FONT_FILE)
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path)))
    return FONT_NAME


def new_canvas(buffer: BytesIO, pagesize: tuple[float, float], title: str) -> Canvas:
    """A canvas with fixed metadata (invariant=1) so the same document gives the same bytes."""
    font = register_font()
    canvas = Canvas(buffer, pagesize=pagesize, invariant=1, pageCompression=1, initialFontName=font)
    canvas.setTitle(title)
    canvas.setAuthor(PDF_CREATOR)
    canvas.setCreator(PDF_CREATOR)
    canvas.setSubject(title)
    return canvas


class MeasuringCanvas:
    """Takes every drawing call and draws nothing: a layout runs on it once to learn its height.

    Every method returns the measuring canvas itself, so text objects it hands out ignore calls too.
    """

    def __getattr__(self, name: str):
        return self._ignore

    def _ignore(self, *args, **kwargs) -> "MeasuringCanvas":
        del args, kwargs
        return self


# --- text ------------------------------------------------------------------------------------


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, register_font(), size)


def fit_size(text: str, size: float, width: float, minimum: float = MIN_FONT_SIZE) -> float:
    """The largest font size up to ``size`` at which ``text`` fits in ``width``."""
    natural = text_width(text, size)
    if natural <= width:
        return size
    return max(minimum, size * width / natural)


def wrap_text(text: str, size: float, width: float) -> list[str]:
    """Break CJK text anywhere, keep amounts and ASCII words whole, never start a line with ，。）."""
    lines: list[list[str]] = []
    line: list[str] = []
    for token in _tokens(text, size, width):
        if not line or text_width("".join(line) + token, size) <= width:
            line.append(token)
        elif token in _NO_LINE_START and len(line) > 1:
            lines.append(line[:-1])  # carry the last word over with the punctuation
            line = [line[-1], token]
        else:
            lines.append(line)
            line = [token.lstrip()]
    lines.append(line)
    return ["".join(words).rstrip() for words in lines]


_NO_LINE_START = set("，。、；：？！）》」』,.;:?!)")
_CURRENCY = set("¥￥")


def _tokens(text: str, size: float, width: float) -> list[str]:
    """Single characters, except ¥ amounts and runs of printable ASCII that fit on one line."""
    tokens: list[str] = []
    for ch in text:
        previous = tokens[-1] if tokens else ""
        joins = _is_word_char(ch) and previous and all(_is_word_char(c) or c in _CURRENCY for c in previous)
        if joins and text_width(previous + ch, size) <= width:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, align: Align = "left", *, mode: int = 0
) -> None:
    """One line of text anchored at ``x`` by its left end, right end or centre."""
    canvas.setFont(FONT_NAME, size)
    if align == "right":
        canvas.drawRightString(x, y, text, mode=mode)
    elif align == "center":
        canvas.drawCentredString(x, y, text, mode=mode)
    else:
        canvas.drawString(x, y, text, mode=mode)


def draw_bold(canvas: Canvas, x: float, y: float, text: str, size: float, align: Align = "left") -> None:
    """Text filled and outlined (PDF render mode 2), which reads as bold with a single-weight font."""
    canvas.saveState()
    canvas.setLineWidth(size * BOLD_STROKE_PER_PT)
    draw_text(canvas, x, y, text, size, align, mode=FILL_AND_STROKE)
    canvas.restoreState()


@dataclass(frozen=True)
class PlacedString:
    """A line of text, its left end and baseline, and the font size it is drawn at."""

    x: float
    y: float
    text: str
    size: float


def draw_fitted(
    canvas: Canvas, x: float, y: float, text: str, size: float, width: float, align: Align
) -> None:
    """One line in a box ``width`` wide starting at ``x``, shrunk rather than clipped."""
    draw_strings(canvas, [fitted_string(x, y, text, size, width, align)])


def fitted_string(x: float, y: float, text: str, size: float, width: float, align: Align) -> PlacedString:
    """Where ``text`` starts and at what size so it fits and aligns in a box ``width`` wide."""
    natural = text_width(text, size)
    if natural > width:
        fitted = max(MIN_FONT_SIZE, size * width / natural)
        natural *= fitted / size
        size = fitted
    offset = {"left": 0.0, "right": width - natural, "center": (width - natural) / 2}[align]
    return PlacedString(x + offset, y, text, size)


def draw_strings(canvas: Canvas, strings: Sequence[PlacedString]) -> None:
    """Many left-anchored strings in one PDF text object (far cheaper than one drawString each)."""
    text_object = canvas.beginText()
    current_size = None
    for placed in strings:
        if not placed.text:
            continue
        if placed.size != current_size:
            text_object.setFont(FONT_NAME, placed.size)
            current_size = placed.size
        text_object.setTextOrigin(placed.x, placed.y)
        text_object.textOut(placed.text)
    canvas.drawText(text_object)


def baseline_in(top: float, height: float, size: float) -> float:
    """The baseline that centres one line of ``size`` text vertically in a box below ``top``."""
    return top - height / 2 - size * 0.36


# --- grids -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    span: int = 1
    align: Align = "left"
    label: bool = False  # a caption cell: shaded and centred


def label(text: str, span: int = 1) -> Cell:
    return Cell(text, span, "center", label=True)


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: Align = "left"


def draw_grid(
    canvas: Canvas,
    x: float,
    top: float,
    widths: Sequence[float],
    rows: Sequence[Sequence[Cell]],
    *,
    row_height: float,
    size: float,
) -> float:
    """A ruled form: each row a list of cells spanning grid columns. Returns the bottom edge."""
    canvas.setLineWidth(GRID_WIDTH)
    for row in rows:
        column = 0
        for cell in row:
            left = x + sum(widths[:column])
            width = sum(widths[column : column + cell.span])
            _draw_cell(canvas, left, top, width, row_height, cell, size)
            column += cell.span
        top -= row_height
    return top


def _draw_cell(
    canvas: Canvas, left: float, top: float, width: float, height: float, cell: Cell, size: float
) -> None:
    if cell.label:
        canvas.setFillColor(LABEL_FILL)
        canvas.rect(left, top - height, width, height, stroke=1, fill=1)
        canvas.setFillColor(black)
    else:
        canvas.rect(left, top - height, width, height, stroke=1, fill=0)
    inner = width - 2 * CELL_PADDING
    draw_fitted(
        canvas, left + CELL_PADDING, baseline_in(top, height, size), cell.text, size, inner, cell.align
    )


def draw_table(
    canvas: Canvas,
    x: float,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    row_height: float,
    size: float,
) -> float:
    """A ruled table with a shaded header row; returns the bottom edge."""
    bottom = top - row_height * (len(rows) + 1)
    edges = [x]
    for column in columns:
        edges.append(edges[-1] + column.width)
    canvas.setFillColor(LABEL_FILL)
    canvas.rect(x, top - row_height, edges[-1] - x, row_height, stroke=0, fill=1)
    canvas.setFillColor(black)
    canvas.setLineWidth(GRID_WIDTH)
    canvas.grid(edges, [top - row_height * index for index in range(len(rows) + 2)])
    strings = []
    for index, row in enumerate([[column.title for column in columns], *rows]):
        baseline = baseline_in(top - row_height * index, row_height, size)
        for left, text, column in zip(edges[:-1], row, columns, strict=True):
            align = "center" if index == 0 else column.align
            inner = column.width - 2 * CELL_PADDING
            strings.append(fitted_string(left + CELL_PADDING, baseline, text, size, inner, align))
    draw_strings(canvas, strings)
    return bottom


def draw_open_table(
    canvas: Canvas,
    x: float,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    row_height: float,
    size: float,
) -> float:
    """A table without vertical lines (thermal rolls): header, a rule, the rows. Returns the bottom."""
    for index, row in enumerate([[column.title for column in columns], *rows]):
        baseline = baseline_in(top, row_height, size)
        left = x
        for text, column in zip(row, columns, strict=True):
            draw_fitted(canvas, left, baseline, text, size, column.width, column.align)
            left += column.width
        top -= row_height
        if index == 0:
            draw_rule(canvas, x, left, top + row_height * 0.1)
    return top


def draw_rule(canvas: Canvas, left: float, right: float, y: float, *, dashed: bool = False) -> None:
    canvas.saveState()
    canvas.setLineWidth(RULE_WIDTH)
    if dashed:
        canvas.setDash(2, 1.5)
    canvas.line(left, y, right, y)
    canvas.restoreState()


def draw_banner(
    canvas: Canvas, left: float, right: float, top: float, height: float, text: str, size: float
) -> None:
    """White text on a black bar: survives monochrome thermal and laser printing."""
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.rect(left, top - height, right - left, height, stroke=0, fill=1)
    canvas.setFillColor(white)
    inner = right - left - 2 * CELL_PADDING
    draw_fitted(canvas, left + CELL_PADDING, baseline_in(top, height, size), text, size, inner, "center")
    canvas.restoreState()


# --- barcode ---------------------------------------------------------------------------------


def code128_modules(text: str) -> str:
    """The Code128 bar pattern of ``text``: '1' a dark module, '0' a light one, no quiet zones."""
    return barcode.get_barcode_class("code128")(text).build()[0]


def barcode_module_width(modules: int, max_width: float) -> float:
    """The widest standard module for which the bars plus both quiet zones fit in ``max_width``."""
    total = modules + 2 * BARCODE_QUIET_MODULES
    for module_mm in BARCODE_MODULES_MM:
        if total * module_mm * mm <= max_width:
            return module_mm * mm
    return max_width / total


def draw_code128(
    canvas: Canvas, text: str, centre_x: float, bottom: float, max_width: float, height: float
) -> None:
    """Bars as filled rectangles (one per run of dark modules) centred on ``centre_x``."""
    pattern = code128_modules(text)
    module = barcode_module_width(len(pattern), max_width)
    left = centre_x - len(pattern) * module / 2
    canvas.saveState()
    canvas.setFillColor(black)
    start = None
    for index, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit == "0" and start is not None:
            canvas.rect(left + start * module, bottom, (index - start) * module, height, stroke=0, fill=1)
            start = None
    canvas.restoreState()


# --- values ----------------------------------------------------------------------------------


def yuan(fen: int) -> str:
    """¥1,234.56 (lower-case amount with the ¥ symbol, R4.2 rule 5)."""
    return format_fen(fen)


def plain_yuan(fen: int) -> str:
    """1,234.56 for table cells whose header already says 元."""
    return format_fen(fen, symbol=False)


def rmb_words(fen: int) -> str:
    """人民币 + capital numerals; a negative (reversal) amount reads 人民币负… ."""
    if fen < 0:
        return "人民币负" + capital_amount(-fen)
    return "人民币" + capital_amount(fen)


def method_label(method: PaymentMethod) -> str:
    return METHOD_LABELS[method]


def format_datetime(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def format_date(day: date) -> str:
    return day.strftime("%Y-%m-%d")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def hotlines_text(service: str, regulator: str) -> str:
    return f"{SERVICE_HOTLINE_LABEL} {service}    {REGULATOR_HOTLINE_LABEL} {regulator}"


def page_number_text(page: int, pages: int) -> str:
    return f"第 {page} 页 / 共 {pages} 页"


# --- flowing text ----------------------------------------------------------------------------

LEADING = 1.45  # line height as a multiple of the font size


class Flow:
    """A cursor running down a column from ``top``: each call draws below the previous one."""

    def __init__(self, canvas: Canvas, left: float, right: float, top: float) -> None:
        self.canvas = canvas
        self.left = left
        self.right = right
        self.y = top

    @property
    def width(self) -> float:
        return self.right - self.left

    def gap(self, height: float) -> None:
        self.y -= height

    def line(self, text: str, size: float, align: Align = "left", *, bold: bool = False) -> None:
        self.y -= size * LEADING
        anchor = {"left": self.left, "right": self.right, "center": (self.left + self.right) / 2}[align]
        draw = draw_bold if bold else draw_text
        draw(
            self.canvas,
            anchor,
            self.y + size * (LEADING - 1) / 2,
            text,
            fit_size(text, size, self.width),
            align,
        )

    def paragraph(self, text: str, size: float, *, indent: float = 0, align: Align = "left") -> None:
        """Wrapped text; ``indent`` is added before every line (a hanging list item uses it)."""
        for line in wrap_text(text, size, self.width - indent):
            self.y -= size * LEADING
            anchor = self.left + indent if align == "left" else (self.left + self.right) / 2
            draw_text(self.canvas, anchor, self.y + size * (LEADING - 1) / 2, line, size, align)

    def field(self, caption: str, value: str, size: float) -> None:
        """caption：value, the value wrapped under itself rather than under the caption."""
        head = f"{caption}："
        indent = text_width(head, size)
        for index, line in enumerate(wrap_text(value, size, self.width - indent)):
            self.y -= size * LEADING
            baseline = self.y + size * (LEADING - 1) / 2
            if index == 0:
                draw_text(self.canvas, self.left, baseline, head, size)
            draw_text(self.canvas, self.left + indent, baseline, line, size)

    def pair(self, caption: str, value: str, size: float, *, bold: bool = False) -> None:
        """Caption on the left, value right-aligned on the right edge (amounts line up)."""
        self.y -= size * LEADING
        baseline = self.y + size * (LEADING - 1) / 2
        value_size = fit_size(value, size, self.width - text_width(caption, size) - size)
        draw_text(self.canvas, self.left, baseline, caption, size)
        (draw_bold if bold else draw_text)(self.canvas, self.right, baseline, value, value_size, "right")

    def rule(self, space: float, *, dashed: bool = False) -> None:
        """A horizontal rule with ``space`` above and below it."""
        self.y -= space
        draw_rule(self.canvas, self.left, self.right, self.y, dashed=dashed)
        self.y -= space


def shrink_to_fit(canvas: Canvas, anchor_x: float, anchor_y: float, needed: float, available: float) -> None:
    """Scale what follows about the anchor so ``needed`` points of height fit in ``available``.

    Only content far longer than usual (dozens of bill periods) is shrunk; callers save and
    restore the canvas state around it.
    """
    if needed <= available:
        return
    scale = available / needed
    canvas.translate(anchor_x * (1 - scale), anchor_y * (1 - scale))
    canvas.scale(scale, scale)
