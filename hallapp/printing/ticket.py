"""排队号票: the queue ticket on a 58 mm or 80 mm thermal roll, as long as its content.

The number is the dominant element: bold, as large as the printable width allows. Everything else
is centred and either wrapped (hall name, business type, hints) or shrunk to fit, never clipped.
"""

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hallapp.domain.printouts import PaperSize, ReprintMark, TicketDoc
from hallapp.printing.common import (
    BOLD_STROKE_PER_PT,
    CELL_PADDING,
    SERVICE_HOTLINE_LABEL,
    Flow,
    MeasuringCanvas,
    draw_banner,
    draw_bold,
    draw_code128,
    fit_size,
    format_datetime,
    new_canvas,
    text_width,
    wrap_text,
)

TITLE = "排队号"
HINT = "请留意显示屏及语音叫号，过号请到引导台重新取号"
MANUAL_LINE = "人工取号 请留意工作人员叫号"
MANUAL_HINT = "叫号系统暂停，本号由工作人员现场叫号，过号请到引导台重新取号"
SOON = "即将叫号"


@dataclass(frozen=True)
class Roll:
    width: float
    margin: float  # unprinted edge on each side
    scale: float  # type sizes relative to the 80 mm roll


ROLLS = {
    PaperSize.THERMAL_58: Roll(58 * mm, 5 * mm, 0.8),  # 48 mm printable
    PaperSize.THERMAL_80: Roll(80 * mm, 4 * mm, 1.0),  # 72 mm printable
}
TOP = 4 * mm
TAIL = 8 * mm  # blank feed past the last line so the cutter does not cut into it

# Sizes on the 80 mm roll; the 58 mm roll scales them by its ``Roll.scale``.
HALL_SIZE = 11
TITLE_SIZE = 12
NUMBER_MAX_SIZE = 80  # the number is fitted to the width up to this
NUMBER_ASCENT = 0.85  # space above the baseline, as a multiple of the number's size
NUMBER_DESCENT = 0.2
TYPE_SIZE = 17
BANNER_SIZE = 13
BANNER_HEIGHT = 8 * mm
BODY_SIZE = 10.5
TIME_SIZE = 9
SMALL_SIZE = 8
SHRINK_BEFORE_WRAP = 0.75  # a line a little too long is set smaller rather than broken
CODE_SIZE = 7.5
RULE_SPACE = 1.8 * mm
BARCODE_HEIGHT = 10 * mm


def render_ticket(doc: TicketDoc, paper: PaperSize) -> bytes:
    """The ticket as PDF bytes on the 58 mm or 80 mm roll; any other paper is a ValueError."""
    roll = ROLLS.get(paper)
    if roll is None:
        raise ValueError(f"queue tickets print on the 58 mm or 80 mm thermal roll, not {paper}")
    measured = _draw(MeasuringCanvas(), doc, roll, top=0)
    height = TOP - measured + TAIL
    buffer = BytesIO()
    canvas = new_canvas(buffer, (roll.width, height), f"{TITLE} {doc.display_no}")
    _draw(canvas, doc, roll, top=height - TOP)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- what the ticket says ----------------------------------------------------------------------


def ahead_text(ahead: int) -> str:
    return f"您前面还有 {ahead} 人等候"


def wait_text(minutes: int) -> str:
    return SOON if minutes <= 0 else f"预计等候约 {minutes} 分钟"


def issued_text(doc: TicketDoc) -> str:
    return f"取号时间：{format_datetime(doc.issued_at)}"


def hint_text(doc: TicketDoc) -> str:
    return MANUAL_HINT if doc.manual else HINT


def reprint_label(mark: ReprintMark) -> str:
    return f"补打号票（第{mark.count}次）"


def hotline_text(doc: TicketDoc) -> str:
    return f"{SERVICE_HOTLINE_LABEL} {doc.header.service_hotline}"


# --- layout ------------------------------------------------------------------------------------


def _draw(canvas: Canvas, doc: TicketDoc, roll: Roll, top: float) -> float:
    """Lays the ticket out from ``top`` down; returns where the content ends."""
    scale = roll.scale
    flow = Flow(canvas, roll.margin, roll.width - roll.margin, top)
    _centred(flow, doc.header.hall_name, HALL_SIZE * scale)
    flow.line(TITLE, TITLE_SIZE * scale, "center")
    if doc.reprint:
        _reprint(flow, doc.reprint, scale)
    _number(flow, doc.display_no, NUMBER_MAX_SIZE * scale)
    _centred(flow, doc.business_type_name, TYPE_SIZE * scale, bold=True)
    if doc.priority_label:
        flow.gap(1.5 * mm)
        _banner(flow, doc.priority_label, BANNER_SIZE * scale, BANNER_HEIGHT * scale)
    if doc.manual:
        flow.gap(1 * mm)
        _centred(flow, MANUAL_LINE, BODY_SIZE * scale, bold=True)
    flow.rule(RULE_SPACE, dashed=True)
    flow.line(ahead_text(doc.ahead), BODY_SIZE * scale, "center")
    flow.line(wait_text(doc.wait_minutes), BODY_SIZE * scale, "center")
    flow.line(issued_text(doc), TIME_SIZE * scale, "center")
    if doc.barcode:
        flow.gap(2 * mm)
        _barcode(flow, doc.barcode, scale)
    flow.rule(RULE_SPACE, dashed=True)
    for clause in clauses(hint_text(doc), SMALL_SIZE * scale, flow.width):
        _centred(flow, clause, SMALL_SIZE * scale)
    flow.line(hotline_text(doc), BODY_SIZE * scale, "center")
    return flow.y


def number_size(text: str, max_size: float, width: float) -> float:
    """The largest size up to ``max_size`` at which the bold number, outline included, fits."""
    per_point = text_width(text, 1) + BOLD_STROKE_PER_PT
    return min(max_size, width / per_point)


def _number(flow: Flow, text: str, max_size: float) -> None:
    size = number_size(text, max_size, flow.width)
    flow.gap(size * NUMBER_ASCENT)
    draw_bold(flow.canvas, (flow.left + flow.right) / 2, flow.y, text, size, "center")
    flow.gap(size * NUMBER_DESCENT)


def clauses(text: str, size: float, width: float) -> list[str]:
    """``text`` whole if it fits on one line, else one piece per clause (ending in ，)."""
    if text_width(text, size) <= width:
        return [text]
    pieces = text.split("，")
    return [piece + "，" for piece in pieces[:-1]] + pieces[-1:]


def _centred(flow: Flow, text: str, size: float, *, bold: bool = False) -> None:
    """Centred lines, shrunk a little or else wrapped (a bold line leaves room for its outline)."""
    room = flow.width - (size * BOLD_STROKE_PER_PT if bold else 0)
    size = max(fit_size(text, size, room), size * SHRINK_BEFORE_WRAP)
    for line in wrap_text(text, size, room):
        flow.line(line, size, "center", bold=bold)


def _banner(flow: Flow, text: str, size: float, height: float) -> None:
    """White on black, one bar per wrapped line."""
    for line in wrap_text(text, size, flow.width - 2 * CELL_PADDING):
        draw_banner(flow.canvas, flow.left, flow.right, flow.y, height, line, size)
        flow.gap(height)


def _reprint(flow: Flow, mark: ReprintMark, scale: float) -> None:
    flow.gap(1 * mm)
    _banner(flow, reprint_label(mark), BANNER_SIZE * scale, BANNER_HEIGHT * scale)
    flow.line(f"补打时间：{format_datetime(mark.at)}", TIME_SIZE * scale, "center")


def _barcode(flow: Flow, payload: str, scale: float) -> None:
    # Bars and quiet zones both inside the printable width: 58 mm heads print nothing beyond it.
    height = BARCODE_HEIGHT * scale
    flow.gap(height)
    draw_code128(flow.canvas, payload, (flow.left + flow.right) / 2, flow.y, flow.width, height)
    flow.line(payload, CODE_SIZE * scale, "center")
