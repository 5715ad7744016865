"""日结轧账单: one clerk's shift on A4 — summary, cash count and signatures, then every payment.

Page 1 carries the summary and the signatures; the payment list follows, continuing over as many
pages as it needs with its header repeated. Every page is numbered 第 x 页 / 共 y 页 and carries
the outbox chain head, so a loose page can be matched to its report.
"""

from collections.abc import Sequence
from io import BytesIO
from math import floor

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hallapp.domain.printouts import CashCount, ShiftPaymentLine, ShiftReport
from hallapp.printing.common import (
    Cell,
    Column,
    Flow,
    MeasuringCanvas,
    draw_grid,
    draw_rule,
    draw_table,
    draw_text,
    format_datetime,
    label,
    method_label,
    new_canvas,
    page_number_text,
    plain_yuan,
    rmb_words,
    shrink_to_fit,
    text_width,
    yuan,
)

TITLE = "日结轧账单"
NONE = "—"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 16 * mm
FOOTER_BASELINE = 8 * mm
UNIT_SIZE = 12
TITLE_SIZE = 20
SECTION_SIZE = 11
BODY_SIZE = 9.5
LIST_SIZE = 8.5
SMALL_SIZE = 6.5
ROW = 6.5 * mm
LIST_ROW = 5.4 * mm
GAP = 3 * mm
SIGNATURE_GAP = 12 * mm
INFO_SHARES = (0.12, 0.21, 0.12, 0.21, 0.12, 0.22)
SIDE_BY_SIDE_GAP = 6 * mm
METHOD_SHARES = (0.40, 0.20, 0.40)
CASH_SHARES = (0.30, 0.30, 0.40)
LIST_COLUMNS = (
    ("序号", 0.07, "right"),
    ("凭证号", 0.21, "left"),
    ("时间", 0.11, "center"),
    ("户号", 0.14, "left"),
    ("支付方式", 0.13, "center"),
    ("金额(元)", 0.13, "right"),
    ("备注", 0.21, "left"),
)
SIGNATURES = ("收费员签字：", "复核人（值班长）签字：", "日期：")
SIGNATURE_SHARES = (0.32, 0.43, 0.25)
SIGNATURE_SPACING = 6 * mm


def render_shift_report(doc: ShiftReport) -> bytes:
    """The report as PDF bytes: any number of payments, zero included."""
    rows = _list_rows(doc)
    summary_bottom = max(MARGIN_BOTTOM, _draw_summary(MeasuringCanvas(), doc, PAGE_HEIGHT - MARGIN_TOP))
    pages = _paginate(
        len(rows), _rows_fitting(summary_bottom - _section_height()), _rows_fitting(_continued_top())
    )
    buffer = BytesIO()
    canvas = new_canvas(buffer, A4, f"{TITLE} {doc.shift_no}")
    total = len(pages)
    for number, chunk in enumerate(pages, start=1):
        if number == 1:
            _first_page(canvas, doc, rows[chunk.start : chunk.stop], summary_bottom)
        else:
            _continued_page(canvas, doc, rows[chunk.start : chunk.stop])
        _footer(canvas, doc, number, total)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- pagination ------------------------------------------------------------------------------


def _rows_fitting(top: float) -> int:
    """Payment rows that fit below ``top`` under a table header, above the bottom margin."""
    return max(0, floor((top - MARGIN_BOTTOM) / LIST_ROW) - 1)


def _paginate(rows: int, first: int, others: int) -> list[range]:
    """Row ranges per page; page 1 always exists, even with nothing listed on it."""
    pages = [range(0, min(rows, first))]
    start = pages[0].stop
    while start < rows:
        pages.append(range(start, min(rows, start + others)))
        start += others
    return pages


def _section_height() -> float:
    return GAP + SECTION_SIZE * 1.45 + 1 * mm


def _continued_top() -> float:
    return PAGE_HEIGHT - MARGIN_TOP - BODY_SIZE * 1.45 - 2 * GAP


# --- page 1: summary and signatures ----------------------------------------------------------


def _first_page(canvas: Canvas, doc: ShiftReport, rows: list[list[str]], summary_bottom: float) -> None:
    top = PAGE_HEIGHT - MARGIN_TOP
    canvas.saveState()
    shrink_to_fit(canvas, PAGE_WIDTH / 2, top, top - summary_bottom, top - MARGIN_BOTTOM)
    _draw_summary(canvas, doc, top)
    canvas.restoreState()
    if doc.payments and not rows:
        return  # no room left under the summary: the list starts on page 2
    flow = Flow(canvas, MARGIN_X, PAGE_WIDTH - MARGIN_X, summary_bottom)
    flow.gap(GAP)
    flow.line("二、收费明细", SECTION_SIZE, bold=True)
    flow.gap(1 * mm)
    if rows:
        _draw_list(canvas, flow.y, rows)
    else:
        flow.line("本班次无收费记录。", BODY_SIZE)


def _draw_summary(canvas: Canvas, doc: ShiftReport, top: float) -> float:
    flow = Flow(canvas, MARGIN_X, PAGE_WIDTH - MARGIN_X, top)
    flow.line(doc.header.unit_name, UNIT_SIZE, "center")
    flow.line(TITLE, TITLE_SIZE, "center", bold=True)
    flow.gap(GAP)
    widths = [share * flow.width for share in INFO_SHARES]
    flow.y = draw_grid(canvas, flow.left, flow.y, widths, _info_rows(doc), row_height=ROW, size=BODY_SIZE)
    flow.gap(GAP)
    flow.line("一、收费汇总", SECTION_SIZE, bold=True)
    flow.gap(1 * mm)
    flow.y = _method_and_cash_tables(canvas, doc, flow)
    flow.gap(GAP)
    flow.y = draw_grid(canvas, flow.left, flow.y, widths, _total_rows(doc), row_height=ROW, size=BODY_SIZE)
    flow.gap(1.5 * mm)
    reversed_nos = "、".join(doc.reversed_receipt_nos) or "无"
    flow.paragraph(
        f"作废凭证号（被冲正的原凭证，共{len(doc.reversed_receipt_nos)}张）：{reversed_nos}", BODY_SIZE
    )
    _signatures(flow)
    return flow.y


def _info_rows(doc: ShiftReport) -> list[list[Cell]]:
    return [
        [
            label("营业厅"),
            Cell(doc.header.hall_name),
            label("营业日期"),
            Cell(doc.business_date.isoformat()),
            label("班次号"),
            Cell(doc.shift_no),
        ],
        [
            label("收费员"),
            Cell(f"{doc.clerk_staff_no} {doc.clerk_name}"),
            label("设备编号"),
            Cell(doc.device_code),
            label("开班时间"),
            Cell(format_datetime(doc.opened_at)),
        ],
        [
            label("首张凭证号"),
            Cell(doc.first_receipt_no or NONE),
            label("末张凭证号"),
            Cell(doc.last_receipt_no or NONE),
            label("轧账时间"),
            Cell(format_datetime(doc.closed_at)),
        ],
    ]


def _method_and_cash_tables(canvas: Canvas, doc: ShiftReport, flow: Flow) -> float:
    half = (flow.width - SIDE_BY_SIDE_GAP) / 2
    methods = [
        Column(title, share * half, align)
        for title, share, align in zip(
            ("支付方式", "笔数", "金额(元)"), METHOD_SHARES, ("center", "right", "right"), strict=True
        )
    ]
    method_rows = [
        [method_label(total.method), str(total.count), plain_yuan(total.total_fen)] for total in doc.by_method
    ]
    method_rows.append(
        ["合计", str(sum(total.count for total in doc.by_method)), plain_yuan(doc.net_total_fen)]
    )
    cash = [
        Column(title, share * half, align)
        for title, share, align in zip(
            ("现金面额", "张/枚", "金额(元)"), CASH_SHARES, ("center", "right", "right"), strict=True
        )
    ]
    cash_rows = [
        [_denomination(count), str(count.pieces), plain_yuan(count.total_fen)] for count in doc.counted
    ]
    cash_rows.append(["实点现金合计", "", plain_yuan(doc.counted_cash_fen)])
    left_bottom = draw_table(canvas, flow.left, flow.y, methods, method_rows, row_height=ROW, size=BODY_SIZE)
    right_bottom = draw_table(
        canvas, flow.left + half + SIDE_BY_SIDE_GAP, flow.y, cash, cash_rows, row_height=ROW, size=BODY_SIZE
    )
    return min(left_bottom, right_bottom)


def _total_rows(doc: ShiftReport) -> list[list[Cell]]:
    return [
        [
            label("缴费笔数"),
            _right(f"{doc.payment_count} 笔"),
            label("冲正笔数"),
            _right(f"{doc.reversal_count} 笔"),
            label("净收合计"),
            _right(yuan(doc.net_total_fen)),
        ],
        [label("净收合计大写"), Cell(rmb_words(doc.net_total_fen), span=5)],
        [
            label("应收现金"),
            _right(yuan(doc.expected_cash_fen)),
            label("实点现金"),
            _right(yuan(doc.counted_cash_fen)),
            label("差额"),
            _right(_difference(doc.difference_fen)),
        ],
        [label("差额原因"), Cell(doc.difference_reason or NONE, span=5)],
    ]


def _signatures(flow: Flow) -> None:
    """Caption and a line to sign on, three across; the columns share the width by caption length."""
    flow.gap(SIGNATURE_GAP)
    left = flow.left
    for caption, share in zip(SIGNATURES, SIGNATURE_SHARES, strict=True):
        right = left + share * flow.width
        draw_text(flow.canvas, left, flow.y, caption, BODY_SIZE)
        draw_rule(flow.canvas, left + text_width(caption, BODY_SIZE), right - SIGNATURE_SPACING, flow.y - 1.5)
        left = right
    flow.gap(GAP)


def _denomination(count: CashCount) -> str:
    fen = count.denomination_fen
    if fen % 100 == 0:
        return f"{fen // 100}元"
    if fen % 10 == 0:
        return f"{fen // 10}角"
    return f"{fen}分"


def _difference(fen: int) -> str:
    if fen > 0:
        return f"{yuan(fen)}（长款）"
    if fen < 0:
        return f"{yuan(fen)}（短款）"
    return yuan(0)


def _right(text: str) -> Cell:
    return Cell(text, align="right")


# --- the payment list ------------------------------------------------------------------------


def _list_rows(doc: ShiftReport) -> list[list[str]]:
    """One row per payment and a closing 合计 row; nothing at all for an empty shift."""
    if not doc.payments:
        return []
    reversed_here = set(doc.reversed_receipt_nos)
    rows = [_payment_row(index, line, doc, reversed_here) for index, line in enumerate(doc.payments, start=1)]
    rows.append(["", "合计", "", "", "", plain_yuan(doc.net_total_fen), ""])
    return rows


def _payment_row(index: int, line: ShiftPaymentLine, doc: ShiftReport, reversed_here: set[str]) -> list[str]:
    same_day = line.at.date() == doc.business_date
    time = line.at.strftime("%H:%M:%S" if same_day else "%m-%d %H:%M")
    if line.reverses_receipt_no:
        remark = f"冲正 {line.reverses_receipt_no}"
    elif line.receipt_no in reversed_here:
        remark = "已冲正（作废）"
    else:
        remark = ""
    return [
        str(index),
        line.receipt_no,
        time,
        line.account_no,
        method_label(line.method),
        plain_yuan(line.amount_fen),
        remark,
    ]


def _draw_list(canvas: Canvas, top: float, rows: Sequence[Sequence[str]]) -> None:
    width = PAGE_WIDTH - 2 * MARGIN_X
    columns = [Column(title, share * width, align) for title, share, align in LIST_COLUMNS]
    draw_table(canvas, MARGIN_X, top, columns, rows, row_height=LIST_ROW, size=LIST_SIZE)


def _continued_page(canvas: Canvas, doc: ShiftReport, rows: list[list[str]]) -> None:
    top = PAGE_HEIGHT - MARGIN_TOP
    heading = f"{TITLE}（续）　{doc.header.hall_name}　班次号 {doc.shift_no}　收费员 {doc.clerk_staff_no} {doc.clerk_name}　营业日期 {doc.business_date.isoformat()}"
    flow = Flow(canvas, MARGIN_X, PAGE_WIDTH - MARGIN_X, top)
    flow.line(heading, BODY_SIZE)
    flow.rule(GAP)
    _draw_list(canvas, _continued_top(), rows)


def _footer(canvas: Canvas, doc: ShiftReport, page: int, pages: int) -> None:
    draw_text(canvas, MARGIN_X, FOOTER_BASELINE, f"链头哈希 {doc.chain_head}", SMALL_SIZE)
    draw_text(
        canvas, PAGE_WIDTH - MARGIN_X, FOOTER_BASELINE, page_number_text(page, pages), BODY_SIZE, "right"
    )
