"""What the three intake printouts share (登记表, 一次性告知书, 受理回执): sizes, wording, and blocks
that wrap rather than shrink (a 120-character address stays readable inside its cell).

All of them are laid out on A4 coordinates; the A5 variants are the same page scaled by 1/√2.
"""

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.units import mm

from hallapp.domain.printouts import FormField, HallHeader
from hallapp.printing.common import (
    CELL_PADDING,
    LEADING,
    Cell,
    Flow,
    MeasuringCanvas,
    PlacedString,
    chinese_date,
    draw_grid,
    draw_strings,
    draw_text,
    hotlines_text,
    label,
    text_width,
    wrap_text,
)

NO_PUBLISHED_LIMIT = "按相关规定办理"
INDENT = "\u3000\u3000"  # two ideographic spaces open a Chinese paragraph
SIGNATURE_BLANK = "________________"
DATE_BLANK = "______年____月____日"
FIELD_SHARES = (0.18, 0.32, 0.18, 0.32)  # label, value, label, value
SINGLE_LINE_SHRINK = 0.85  # a value that would have to shrink further than this wraps instead

MARGIN_X = 20 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 12 * mm
UNIT_SIZE = 14
TITLE_SIZE = 22
SECTION_SIZE = 11.5
BODY_SIZE = 10.5
TABLE_SIZE = 10
SMALL_SIZE = 8.5
ROW = 7 * mm
TABLE_ROW = 6.5 * mm
GAP = 3 * mm
BOX_LINE_WIDTH = 0.8

Block = Callable[[Flow], None]


# --- wording ---------------------------------------------------------------------------------


def committed_due_text(due_on: date | None) -> str:
    """承诺办结日期 in Chinese, or 按相关规定办理 when no limit is published (更名, 过户)."""
    return chinese_date(due_on) if due_on is not None else NO_PUBLISHED_LIMIT


def clerk_text(name: str, staff_no: str) -> str:
    return f"{name}（{staff_no}）"


def signature_text(caption: str) -> str:
    """客户签字（盖章）：________　　日期：____年__月__日, for a pen."""
    return f"{caption}：{SIGNATURE_BLANK}　　日期：{DATE_BLANK}"


# --- blocks ----------------------------------------------------------------------------------


def block_height(block: Block, width: float) -> float:
    """How tall ``block`` draws in a column ``width`` wide (it runs once on a measuring canvas)."""
    flow = Flow(MeasuringCanvas(), 0, width, 0)
    block(flow)
    return -flow.y


def heading(flow: Flow, header: HallHeader, title: str) -> None:
    """The unit name over the title, both centred."""
    flow.line(header.unit_name, UNIT_SIZE, "center")
    flow.gap(1 * mm)
    flow.line(title, TITLE_SIZE, "center", bold=True)


def section(flow: Flow, caption: str) -> None:
    flow.line(caption, SECTION_SIZE, bold=True)
    flow.gap(1 * mm)


def section_height() -> float:
    return SECTION_SIZE * LEADING + 1 * mm


def line_with_right(flow: Flow, left_text: str, right_text: str, size: float, right_size: float) -> None:
    """One line: ``left_text`` from the left edge, ``right_text`` against the right edge."""
    flow.line(left_text, size)
    baseline = flow.y + size * (LEADING - 1) / 2
    draw_text(flow.canvas, flow.right, baseline, right_text, right_size, "right")


def numbered(flow: Flow, items: Sequence[str], size: float) -> None:
    """1．2．… with the text wrapped under itself (a hanging list), the numbers right-aligned."""
    indent = 3 * size
    for index, item in enumerate(items, start=1):
        first_baseline = flow.y - size * LEADING + size * (LEADING - 1) / 2
        draw_text(flow.canvas, flow.left + indent, first_baseline, f"{index}．", size, "right")
        flow.paragraph(item, size, indent=indent)


def draw_boxed(flow: Flow, block: Block, padding: float) -> None:
    """``block`` inside a ruled frame as tall as the block turns out to be."""
    height = block_height(block, flow.width - 2 * padding) + 2 * padding
    flow.canvas.setLineWidth(BOX_LINE_WIDTH)
    flow.canvas.rect(flow.left, flow.y - height, flow.width, height, stroke=1, fill=0)
    block(Flow(flow.canvas, flow.left + padding, flow.right - padding, flow.y - padding))
    flow.gap(height)


def hall_footer(flow: Flow, header: HallHeader, page_text: str = "") -> None:
    """A rule, the hall with its address, the hotlines (and the page number at the right)."""
    flow.rule(1.5 * mm)
    flow.line(f"{header.hall_name}　地址：{header.hall_address}", SMALL_SIZE)
    hotlines = hotlines_text(header.service_hotline, header.regulator_hotline)
    if page_text:
        line_with_right(flow, hotlines, page_text, SMALL_SIZE, SMALL_SIZE)
    else:
        flow.line(hotlines, SMALL_SIZE)


# --- label | value grid ----------------------------------------------------------------------


def draw_fields(flow: Flow, fields: Sequence[FormField], size: float, row_height: float) -> None:
    """A ruled grid of label | value cells, two pairs a row; a long value gets a row of its own and
    wraps inside its cell (the row grows) rather than shrinking out of sight."""
    widths = [share * flow.width for share in FIELD_SHARES]
    for row in _pack(fields, widths, size):
        spans = (1, 1) if len(row) == 2 else (3,)
        cells: list[Cell] = []
        wrapped: list[tuple[float, list[str]]] = []  # (left of the text, its lines)
        left = flow.left
        height = row_height
        for field, span in zip(row, spans, strict=True):
            value_left = left + widths[0]
            value_width = sum(widths[1 : 1 + span])
            inner = value_width - 2 * CELL_PADDING
            lines = [field.value] if _fits(field.value, size, inner) else wrap_text(field.value, size, inner)
            cells += [label(field.label), Cell(field.value if len(lines) == 1 else "", span=span)]
            if len(lines) > 1:
                wrapped.append((value_left + CELL_PADDING, lines))
                height = max(height, len(lines) * size * LEADING + 2 * CELL_PADDING)
            left = value_left + value_width
        top = flow.y
        flow.y = draw_grid(flow.canvas, flow.left, top, widths, [cells], row_height=height, size=size)
        strings = []
        for x, lines in wrapped:
            first_top = top - (height - len(lines) * size * LEADING) / 2
            for index, line in enumerate(lines):
                baseline = first_top - (index + 1) * size * LEADING + size * (LEADING - 1) / 2
                strings.append(PlacedString(x, baseline, line, size))
        draw_strings(flow.canvas, strings)


def _pack(fields: Sequence[FormField], widths: Sequence[float], size: float) -> list[list[FormField]]:
    """The fields in order, two to a row while both values fit in a half-row cell."""
    half = widths[1] - 2 * CELL_PADDING
    rows: list[list[FormField]] = []
    pending: FormField | None = None
    for field in fields:
        if _fits(field.value, size, half):
            if pending is None:
                pending = field
                continue
            rows.append([pending, field])
        else:
            if pending is not None:
                rows.append([pending])
            rows.append([field])
        pending = None
    if pending is not None:
        rows.append([pending])
    return rows


def _fits(text: str, size: float, width: float) -> bool:
    return text_width(text, size * SINGLE_LINE_SHRINK) <= width
