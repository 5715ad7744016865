"""营业厅柜面日志 on A4 landscape, for filing: every page carries the unit name, the title, the hall
and period, and 第 x 页 共 y 页 (H-06, 000:L93). Tables run on over pages with their header repeated.

Laid out in two passes: first the pieces are placed on pages, then drawn knowing the page count.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hallapp.printing.common import (
    Column,
    draw_bold,
    draw_rule,
    draw_table,
    draw_text,
    format_datetime,
    new_canvas,
)
from hallapp.printing.daily_log_tables import (
    TITLE,
    DailyLogReport,
    Kind,
    ReportTable,
    report_tables,
    value_text,
)

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN_X = 15 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm
FOOTER_BASELINE = 8 * mm
UNIT_SIZE = 11
TITLE_SIZE = 18
INFO_SIZE = 9.5
SECTION_SIZE = 11
TABLE_SIZE = 8.5
ROW = 5.6 * mm
GAP = 3 * mm
HEADER_HEIGHT = 26 * mm  # unit, title, info line and the rule under them
SECTION_HEIGHT = SECTION_SIZE * 1.6
BODY_TOP = PAGE_HEIGHT - MARGIN_TOP - HEADER_HEIGHT
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
EMPTY_TEXT = "（无记录）"
KEEP_WHOLE_ROWS = 12
EMPTY_PERIOD_TEXT = "本期间没有任何取号、收费、受理、投诉或咨询记录。"


def page_number_text(page: int, pages: int) -> str:
    return f"第 {page} 页 共 {pages} 页"


@dataclass(frozen=True)
class Piece:
    """One thing drawn on a page at ``top``: a section heading, a table slice or a note."""

    top: float
    heading: str = ""
    table: ReportTable | None = None
    rows: tuple[int, int] = (0, 0)  # the slice of the table's rows on this page
    note: str = ""


def render_daily_log_pdf(report: DailyLogReport) -> bytes:
    pages = layout(report_tables(report), empty=report.log.empty)
    buffer = BytesIO()
    canvas = new_canvas(buffer, (PAGE_WIDTH, PAGE_HEIGHT), f"{TITLE} {report.period}")
    for number, pieces in enumerate(pages, start=1):
        _header(canvas, report)
        for piece in pieces:
            _draw(canvas, piece)
        draw_text(
            canvas, PAGE_WIDTH / 2, FOOTER_BASELINE, page_number_text(number, len(pages)), INFO_SIZE, "center"
        )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- layout ----------------------------------------------------------------------------------


def layout(tables: Sequence[ReportTable], *, empty: bool) -> list[list[Piece]]:
    pages: list[list[Piece]] = [[]]
    y = BODY_TOP
    if empty:
        pages[0].append(Piece(y, note=EMPTY_PERIOD_TEXT))
        y -= SECTION_HEIGHT + GAP
    for number, table in enumerate(tables, start=1):
        heading = f"{_chinese_number(number)}、{table.title}"
        start = 0
        while True:
            room = int((y - SECTION_HEIGHT - MARGIN_BOTTOM) // ROW) - 1  # rows under the header row
            left = len(table.rows) - start
            wanted = left if left <= KEEP_WHOLE_ROWS else 2  # a short table is never split
            if room < max(1, wanted) and y < BODY_TOP:
                pages.append([])
                y = BODY_TOP
                continue
            title = heading if start == 0 else f"{heading}（续）"
            if not table.rows:
                pages[-1].append(Piece(y, heading=title, table=table, note=EMPTY_TEXT))
                y -= SECTION_HEIGHT + ROW + GAP
                break
            stop = min(len(table.rows), start + room)
            pages[-1].append(Piece(y, heading=title, table=table, rows=(start, stop)))
            y -= SECTION_HEIGHT + ROW * (stop - start + 1) + GAP
            start = stop
            if start >= len(table.rows):
                break
    return pages


def _chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"


# --- drawing ---------------------------------------------------------------------------------


def _header(canvas: Canvas, report: DailyLogReport) -> None:
    top = PAGE_HEIGHT - MARGIN_TOP
    draw_text(canvas, PAGE_WIDTH / 2, top - UNIT_SIZE, report.unit_name, UNIT_SIZE, "center")
    draw_bold(canvas, PAGE_WIDTH / 2, top - UNIT_SIZE - TITLE_SIZE * 1.25, TITLE, TITLE_SIZE, "center")
    info_y = top - HEADER_HEIGHT + 3 * mm
    draw_text(canvas, MARGIN_X, info_y, f"营业厅：{report.hall_name}", INFO_SIZE)
    draw_text(canvas, PAGE_WIDTH / 2, info_y, f"统计期间：{report.period}", INFO_SIZE, "center")
    draw_text(
        canvas,
        PAGE_WIDTH - MARGIN_X,
        info_y,
        f"制表时间：{format_datetime(report.made_at)}",
        INFO_SIZE,
        "right",
    )
    draw_rule(canvas, MARGIN_X, PAGE_WIDTH - MARGIN_X, info_y - 2 * mm)


def _draw(canvas: Canvas, piece: Piece) -> None:
    if piece.table is None:
        draw_text(canvas, MARGIN_X, piece.top - SECTION_SIZE * 1.2, piece.note, SECTION_SIZE)
        return
    draw_bold(canvas, MARGIN_X, piece.top - SECTION_SIZE * 1.2, piece.heading, SECTION_SIZE)
    top = piece.top - SECTION_HEIGHT
    if piece.note:
        draw_text(canvas, MARGIN_X + 2 * mm, top - ROW * 0.7, piece.note, TABLE_SIZE)
        return
    columns = _columns(piece.table)
    start, stop = piece.rows
    rows = [[value_text(v) for v in row] for row in piece.table.rows[start:stop]]
    draw_table(canvas, MARGIN_X, top, columns, rows, row_height=ROW, size=TABLE_SIZE)


def _columns(table: ReportTable) -> list[Column]:
    total = sum(c.width_mm for c in table.columns) * mm
    scale = min(1.0, BODY_WIDTH / total)
    kinds = [row[i].kind for i in range(len(table.columns)) for row in table.rows[:1]] or [
        Kind.TEXT for _ in table.columns
    ]
    return [
        Column(c.title, c.width_mm * mm * scale, "left" if kind is Kind.TEXT else "right")
        for c, kind in zip(table.columns, kinds, strict=True)
    ]
