"""电费缴费凭证 / 电费冲正凭证 (DOMAIN_RULES R4.1): an 80 mm thermal roll or an A5 landscape form."""

from io import BytesIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hallapp.domain.printouts import PaperSize, ReceiptDoc, ReprintMark
from hallapp.printing.common import (
    Cell,
    Column,
    Flow,
    MeasuringCanvas,
    draw_banner,
    draw_bold,
    draw_code128,
    draw_grid,
    draw_open_table,
    draw_rule,
    draw_table,
    draw_text,
    format_datetime,
    hotlines_text,
    label,
    method_label,
    new_canvas,
    plain_yuan,
    rmb_words,
    shrink_to_fit,
    text_width,
    yuan,
)

TITLE_PAYMENT = "电费缴费凭证"
TITLE_REVERSAL = "电费冲正凭证"
NOT_FOR_REIMBURSEMENT = "本凭证不作报销凭证"
LINE_COLUMNS = ("电费年月", "电量(kWh)", "应收(元)", "违约金(元)", "实收(元)")

# Thermal roll: 80 mm paper, 72 mm printed, as long as the content.
ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
ROLL_TOP = 5 * mm
ROLL_TAIL = 8 * mm  # blank feed past the last line so the cutter does not cut into it
ROLL_UNIT_SIZE = 10
ROLL_HALL_SIZE = 8.5
ROLL_TITLE_SIZE = 14
ROLL_BODY_SIZE = 8.5
ROLL_TABLE_SIZE = 7.5
ROLL_TOTAL_SIZE = 11
ROLL_SMALL_SIZE = 7.5
ROLL_RULE_SPACE = 1.8 * mm
ROLL_TABLE_ROW = 4.2 * mm
ROLL_COLUMN_SHARES = (0.17, 0.19, 0.22, 0.19, 0.23)
ROLL_BANNER_HEIGHT = 7 * mm
ROLL_BANNER_SIZE = 11
ROLL_BARCODE_HEIGHT = 12 * mm

# A5 landscape form.
FORM_SIZE = landscape(A5)
FORM_MARGIN = 9 * mm
FORM_UNIT_SIZE = 12
FORM_TITLE_SIZE = 19
FORM_BODY_SIZE = 9.5
FORM_SMALL_SIZE = 8
FORM_ROW = 7.5 * mm
FORM_TABLE_ROW = 7 * mm
FORM_GAP = 3 * mm
FORM_PAIRS_PER_ROW = 3
FORM_GRID_SHARES = (0.12, 0.21, 0.12, 0.21, 0.12, 0.22)
FORM_TABLE_SHARES = (0.16, 0.18, 0.22, 0.20, 0.24)
FORM_BARCODE_WIDTH = 56 * mm
FORM_BARCODE_HEIGHT = 12 * mm
FORM_STAMP_WIDTH = 40 * mm
FORM_STAMP_HEIGHT = 15 * mm
FORM_STAMP_TEXT_SIZE = 15
FORM_STAMP_TILT_DEGREES = 6
FORM_STAMP_LINE_WIDTH = 1.6
FORM_TITLE_GAP = 2 * mm  # between the unit name and the title, and the title and its rules
FORM_DOUBLE_RULE_GAP = 1.2
FORM_RULE_OVERHANG = 3 * mm
FORM_INFO_GAP = 9 * mm  # from the title rules down to the 营业厅/流水号 line
FORM_FOOT_GAP = 5 * mm
STAMP_RED = Color(0.78, 0.08, 0.08)


def render_receipt(doc: ReceiptDoc, paper: PaperSize) -> bytes:
    """The receipt as PDF bytes, on the 80 mm roll or an A5 sheet."""
    if paper is PaperSize.THERMAL_80:
        return _render_roll(doc)
    if paper is PaperSize.A5:
        return _render_form(doc)
    raise ValueError(f"receipts print on the 80 mm roll or A5, not {paper}")


# --- what the receipt says, whatever the paper ---------------------------------------------


def receipt_title(doc: ReceiptDoc) -> str:
    return TITLE_REVERSAL if doc.reverses_receipt_no else TITLE_PAYMENT


def amount_caption(doc: ReceiptDoc) -> str:
    return "冲正金额" if doc.reverses_receipt_no else "本次实收"


def time_caption(doc: ReceiptDoc) -> str:
    return "冲正时间" if doc.reverses_receipt_no else "缴费时间"


def reprint_label(mark: ReprintMark) -> str:
    return f"补打凭证（第{mark.count}次）"


def method_caption(doc: ReceiptDoc) -> str:
    return "退款方式" if doc.reverses_receipt_no else "支付方式"


def _line_rows(doc: ReceiptDoc) -> list[list[str]]:
    return [
        [
            line.period,
            str(line.kwh),
            plain_yuan(line.billed_fen),
            plain_yuan(line.penalty_fen),
            plain_yuan(line.principal_fen + line.penalty_fen),
        ]
        for line in doc.lines
    ]


def _payment_fields(doc: ReceiptDoc) -> list[tuple[str, str]]:
    fields = [(method_caption(doc), method_label(doc.method))]
    if doc.reference:
        fields.append(("交易参考号", doc.reference))
    if doc.tendered_fen is not None:
        fields.append(("实收现金", yuan(doc.tendered_fen)))
    if doc.change_fen is not None:
        fields.append(("找零", yuan(doc.change_fen)))
    return fields


def _clerk(doc: ReceiptDoc) -> str:
    return f"{doc.clerk_staff_no} {doc.clerk_name}"


# --- 80 mm roll ------------------------------------------------------------------------------


def _render_roll(doc: ReceiptDoc) -> bytes:
    measured = _draw_roll(MeasuringCanvas(), doc, top=0)
    height = ROLL_TOP - measured + ROLL_TAIL
    buffer = BytesIO()
    canvas = new_canvas(buffer, (ROLL_WIDTH, height), receipt_title(doc))
    _draw_roll(canvas, doc, top=height - ROLL_TOP)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_roll(canvas: Canvas, doc: ReceiptDoc, top: float) -> float:
    """Lays the roll out from ``top`` down; returns where the content ends."""
    flow = Flow(canvas, ROLL_MARGIN, ROLL_WIDTH - ROLL_MARGIN, top)
    flow.line(doc.header.unit_name, ROLL_UNIT_SIZE, "center")
    flow.line(doc.header.hall_name, ROLL_HALL_SIZE, "center")
    flow.gap(1 * mm)
    flow.line(receipt_title(doc), ROLL_TITLE_SIZE, "center", bold=True)
    if doc.reprint:
        flow.gap(1.5 * mm)
        draw_banner(
            canvas,
            flow.left,
            flow.right,
            flow.y,
            ROLL_BANNER_HEIGHT,
            reprint_label(doc.reprint),
            ROLL_BANNER_SIZE,
        )
        flow.gap(ROLL_BANNER_HEIGHT)
        flow.line(f"补打时间：{format_datetime(doc.reprint.at)}", ROLL_BODY_SIZE, "center")
    flow.rule(ROLL_RULE_SPACE, dashed=True)
    _roll_account(flow, doc)
    flow.rule(ROLL_RULE_SPACE, dashed=True)
    widths = [share * flow.width for share in ROLL_COLUMN_SHARES]
    columns = [
        Column(title, width, "left" if i == 0 else "right")
        for i, (title, width) in enumerate(zip(LINE_COLUMNS, widths, strict=True))
    ]
    flow.y = draw_open_table(
        canvas, flow.left, flow.y, columns, _line_rows(doc), row_height=ROLL_TABLE_ROW, size=ROLL_TABLE_SIZE
    )
    flow.rule(ROLL_RULE_SPACE, dashed=True)
    _roll_amounts(flow, doc)
    flow.rule(ROLL_RULE_SPACE, dashed=True)
    for caption, value in _payment_fields(doc):
        flow.pair(caption, value, ROLL_BODY_SIZE)
    flow.field("收费员", _clerk(doc), ROLL_BODY_SIZE)
    flow.field(time_caption(doc), format_datetime(doc.paid_at), ROLL_BODY_SIZE)
    flow.gap(3 * mm)
    _roll_barcode(flow, doc.receipt_no)
    flow.rule(ROLL_RULE_SPACE, dashed=True)
    flow.line(NOT_FOR_REIMBURSEMENT, ROLL_BODY_SIZE, "center", bold=True)
    flow.line(
        hotlines_text(doc.header.service_hotline, doc.header.regulator_hotline), ROLL_SMALL_SIZE, "center"
    )
    return flow.y


def _roll_account(flow: Flow, doc: ReceiptDoc) -> None:
    flow.field("流水号", doc.receipt_no, ROLL_BODY_SIZE)
    if doc.reverses_receipt_no:
        flow.field("原凭证号", doc.reverses_receipt_no, ROLL_BODY_SIZE)
    flow.field("户号", doc.account_no, ROLL_BODY_SIZE)
    flow.field("户名", doc.holder, ROLL_BODY_SIZE)
    flow.field("用电地址", doc.address, ROLL_BODY_SIZE)


def _roll_amounts(flow: Flow, doc: ReceiptDoc) -> None:
    flow.pair("应收电费", yuan(doc.due_fen), ROLL_BODY_SIZE)
    flow.pair("违约金", yuan(doc.penalty_fen), ROLL_BODY_SIZE)
    flow.pair(amount_caption(doc), yuan(doc.amount_fen), ROLL_TOTAL_SIZE, bold=True)
    flow.field("金额大写", rmb_words(doc.amount_fen), ROLL_BODY_SIZE)
    flow.pair("其中转预收", yuan(doc.to_prepaid_fen), ROLL_BODY_SIZE)
    flow.pair("预收余额", yuan(doc.prepaid_after_fen), ROLL_BODY_SIZE)
    flow.pair("尚欠金额", yuan(doc.arrears_after_fen), ROLL_BODY_SIZE)


def _roll_barcode(flow: Flow, receipt_no: str) -> None:
    # The quiet zones may fall on the unprinted edges of the roll: that paper is blank too.
    flow.gap(ROLL_BARCODE_HEIGHT)
    draw_code128(flow.canvas, receipt_no, ROLL_WIDTH / 2, flow.y, ROLL_WIDTH, ROLL_BARCODE_HEIGHT)
    flow.line(receipt_no, ROLL_BODY_SIZE, "center")


# --- A5 landscape form -----------------------------------------------------------------------


def _render_form(doc: ReceiptDoc) -> bytes:
    width, height = FORM_SIZE
    needed = -_draw_form(MeasuringCanvas(), doc, top=0)
    buffer = BytesIO()
    canvas = new_canvas(buffer, FORM_SIZE, receipt_title(doc))
    top = height - FORM_MARGIN
    shrink_to_fit(canvas, width / 2, top, needed, top - FORM_MARGIN)
    _draw_form(canvas, doc, top=top)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_form(canvas: Canvas, doc: ReceiptDoc, top: float) -> float:
    left, right = FORM_MARGIN, FORM_SIZE[0] - FORM_MARGIN
    width = right - left
    y = _form_heading(canvas, doc, left, right, top)
    grid = [share * width for share in FORM_GRID_SHARES]
    y = draw_grid(canvas, left, y, grid, _form_account_rows(doc), row_height=FORM_ROW, size=FORM_BODY_SIZE)
    columns = [
        Column(title, share * width, "center" if i == 0 else "right")
        for i, (title, share) in enumerate(zip(LINE_COLUMNS, FORM_TABLE_SHARES, strict=True))
    ]
    y = draw_table(
        canvas, left, y - FORM_GAP, columns, _line_rows(doc), row_height=FORM_TABLE_ROW, size=FORM_BODY_SIZE
    )
    y = draw_grid(
        canvas, left, y - FORM_GAP, grid, _form_amount_rows(doc), row_height=FORM_ROW, size=FORM_BODY_SIZE
    )
    hotlines = hotlines_text(doc.header.service_hotline, doc.header.regulator_hotline)
    foot = y - FORM_FOOT_GAP
    draw_text(canvas, left, foot, hotlines, FORM_SMALL_SIZE)
    draw_text(canvas, right, foot, "收费单位（章）", FORM_SMALL_SIZE, "right")
    return foot - FORM_SMALL_SIZE / 2


def _form_heading(canvas: Canvas, doc: ReceiptDoc, left: float, right: float, top: float) -> float:
    centre = (left + right) / 2
    draw_text(canvas, centre, top - FORM_UNIT_SIZE, doc.header.unit_name, FORM_UNIT_SIZE, "center")
    title_base = top - FORM_UNIT_SIZE - FORM_TITLE_SIZE - FORM_TITLE_GAP
    title = receipt_title(doc)
    draw_bold(canvas, centre, title_base, title, FORM_TITLE_SIZE, "center")
    underline = title_base - FORM_TITLE_GAP
    half = text_width(title, FORM_TITLE_SIZE) / 2 + FORM_RULE_OVERHANG
    draw_rule(canvas, centre - half, centre + half, underline)
    draw_rule(canvas, centre - half, centre + half, underline - FORM_DOUBLE_RULE_GAP)
    bars_bottom = top - FORM_BARCODE_HEIGHT - 1 * mm
    draw_code128(
        canvas,
        doc.receipt_no,
        right - FORM_BARCODE_WIDTH / 2,
        bars_bottom,
        FORM_BARCODE_WIDTH,
        FORM_BARCODE_HEIGHT,
    )
    draw_text(
        canvas,
        right - FORM_BARCODE_WIDTH / 2,
        bars_bottom - FORM_SMALL_SIZE - 1,
        doc.receipt_no,
        FORM_SMALL_SIZE,
        "center",
    )
    if doc.reprint:
        _draw_stamp(canvas, left, top, doc.reprint)
    info = underline - FORM_INFO_GAP
    draw_text(canvas, left, info, f"营业厅：{doc.header.hall_name}", FORM_BODY_SIZE)
    draw_text(canvas, right, info, f"流水号：{doc.receipt_no}", FORM_BODY_SIZE, "right")
    return info - 2.5 * mm


def _draw_stamp(canvas: Canvas, left: float, top: float, mark: ReprintMark) -> None:
    """A red framed 补打 stamp, tilted like a hand stamp, top left."""
    canvas.saveState()
    canvas.translate(left + FORM_STAMP_WIDTH / 2 + 2 * mm, top - FORM_STAMP_HEIGHT / 2 - 1 * mm)
    canvas.rotate(FORM_STAMP_TILT_DEGREES)
    canvas.setStrokeColor(STAMP_RED)
    canvas.setFillColor(STAMP_RED)
    canvas.setLineWidth(FORM_STAMP_LINE_WIDTH)
    canvas.rect(
        -FORM_STAMP_WIDTH / 2, -FORM_STAMP_HEIGHT / 2, FORM_STAMP_WIDTH, FORM_STAMP_HEIGHT, stroke=1, fill=0
    )
    draw_bold(canvas, 0, 0.5 * mm, f"补打 第{mark.count}次", FORM_STAMP_TEXT_SIZE, "center")
    draw_text(canvas, 0, -FORM_STAMP_HEIGHT / 2 + 2 * mm, format_datetime(mark.at), FORM_SMALL_SIZE, "center")
    canvas.restoreState()


def _form_account_rows(doc: ReceiptDoc) -> list[list[Cell]]:
    rows = [
        [
            label("户号"),
            Cell(doc.account_no),
            label("户名"),
            Cell(doc.holder),
            label(time_caption(doc)),
            Cell(format_datetime(doc.paid_at)),
        ],
        [label("用电地址"), Cell(doc.address, span=5)],
    ]
    if doc.reverses_receipt_no:
        rows.append([label("原凭证号"), Cell(doc.reverses_receipt_no, span=5)])
    return rows


def _form_amount_rows(doc: ReceiptDoc) -> list[list[Cell]]:
    return [
        [
            label("应收电费"),
            _money(doc.due_fen),
            label("违约金"),
            _money(doc.penalty_fen),
            label(amount_caption(doc)),
            _money(doc.amount_fen),
        ],
        [label("金额大写"), Cell(rmb_words(doc.amount_fen), span=5)],
        [
            label("其中转预收"),
            _money(doc.to_prepaid_fen),
            label("预收余额"),
            _money(doc.prepaid_after_fen),
            label("尚欠金额"),
            _money(doc.arrears_after_fen),
        ],
        *_form_payment_rows(doc),
        [
            label("收费员"),
            Cell(_clerk(doc)),
            label("备注"),
            Cell(NOT_FOR_REIMBURSEMENT + "，发票另行开具", span=3),
        ],
    ]


def _form_payment_rows(doc: ReceiptDoc) -> list[list[Cell]]:
    """Caption/value pairs three to a row; the last value of a row takes the columns left over."""
    fields = _payment_fields(doc)
    rows = []
    for start in range(0, len(fields), FORM_PAIRS_PER_ROW):
        chunk = fields[start : start + FORM_PAIRS_PER_ROW]
        row: list[Cell] = []
        for index, (caption, value) in enumerate(chunk):
            span = 1 + 2 * (FORM_PAIRS_PER_ROW - len(chunk)) if index == len(chunk) - 1 else 1
            row += [
                label(caption),
                Cell(value, span=span, align="right" if "¥" in value else "left"),
            ]
        rows.append(row)
    return rows


def _money(fen: int) -> Cell:
    return Cell(yuan(fen), align="right")
