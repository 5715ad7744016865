"""催缴电费通知单 / 欠电费停电计划通知书, in duplicate: page 1 客户联, page 2 存根联 with a 送达回执."""

from datetime import date
from io import BytesIO

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hallapp.domain.printouts import NoticeDoc, NoticeKind, PaperSize
from hallapp.printing.common import (
    Cell,
    Column,
    Flow,
    MeasuringCanvas,
    chinese_date,
    draw_grid,
    draw_rule,
    draw_table,
    draw_text,
    format_date,
    hotlines_text,
    label,
    new_canvas,
    plain_yuan,
    rmb_words,
    shrink_to_fit,
    text_width,
    yuan,
)

TITLES = {NoticeKind.REMINDER: "催缴电费通知单", NoticeKind.CUT_PLAN: "欠电费停电计划通知书"}
CUSTOMER_COPY = "第一联 客户联"
ARCHIVE_COPY = "第二联 存根联"
COPIES_NOTE = "本通知一式两联：第一联交客户，第二联由供电企业存档。"
LEGAL_BASIS = "《电力供应与使用条例》第三十九条和《供电营业规则》第六十六、六十七条"
INDENT = "\u3000\u3000"  # two ideographic spaces open a Chinese paragraph
DELIVERY_METHODS = "□直接送达　　□留置送达　　□邮寄送达　　□其他"
BLANK_DATE = "　　　　年　　月　　日"
LINE_COLUMNS = (
    ("电费年月", 0.15, "center"),
    ("缴费截止日", 0.18, "center"),
    ("逾期天数", 0.13, "right"),
    ("欠费金额(元)", 0.19, "right"),
    ("违约金(元)", 0.16, "right"),
    ("小计(元)", 0.19, "right"),
)
PAGE_SIZES = {PaperSize.A4: A4, PaperSize.A5: A5}

MARGIN_X = 20 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 14 * mm
UNIT_SIZE = 14
TITLE_SIZE = 22
BODY_SIZE = 11
TABLE_SIZE = 10
SMALL_SIZE = 8.5
COPY_LABEL_SIZE = 10
ROW = 7.5 * mm
RECEIPT_ROW = 11 * mm
GAP = 3 * mm
INFO_SHARES = (0.15, 0.35, 0.15, 0.35)


def render_notice(doc: NoticeDoc, paper: PaperSize = PaperSize.A4) -> bytes:
    """Two pages: the customer's copy and the archive copy with the delivery receipt."""
    if doc.kind is NoticeKind.CUT_PLAN:
        _cut_window(doc)
    if paper not in PAGE_SIZES:
        raise ValueError(f"notices print on A4 or A5, not {paper}")
    size = PAGE_SIZES[paper]
    buffer = BytesIO()
    canvas = new_canvas(buffer, size, TITLES[doc.kind])
    for copy in (CUSTOMER_COPY, ARCHIVE_COPY):
        _draw_page(canvas, doc, size[0] / A4[0], copy)
    canvas.save()
    return buffer.getvalue()


def notice_title(doc: NoticeDoc) -> str:
    return TITLES[doc.kind]


def _draw_page(canvas: Canvas, doc: NoticeDoc, scale: float, copy: str) -> None:
    """The body from the top; the delivery receipt (archive copy) and the footer at the bottom.

    The page is laid out on A4 and scaled to the paper (A5 is A4 at 1/√2), so both look alike.
    """
    width, height = A4
    top = height - MARGIN_TOP
    body_height = top - _draw_body(MeasuringCanvas(), doc, width, top, copy)
    foot_height = -_draw_foot(MeasuringCanvas(), doc, width, 0, copy)
    available = top - MARGIN_BOTTOM
    canvas.saveState()
    canvas.scale(scale, scale)
    if body_height + GAP + foot_height <= available:
        _draw_body(canvas, doc, width, top, copy)
        _draw_foot(canvas, doc, width, MARGIN_BOTTOM + foot_height, copy)
    else:  # very many periods: one continuous column, shrunk to the page
        shrink_to_fit(canvas, width / 2, top, body_height + GAP + foot_height, available)
        bottom = _draw_body(canvas, doc, width, top, copy)
        _draw_foot(canvas, doc, width, bottom - GAP, copy)
    canvas.restoreState()
    canvas.showPage()


def _draw_body(canvas: Canvas, doc: NoticeDoc, width: float, top: float, copy: str) -> float:
    flow = Flow(canvas, MARGIN_X, width - MARGIN_X, top)
    _heading(flow, doc, copy)
    _account(flow, doc)
    _arrears(flow, doc)
    flow.gap(GAP)
    for paragraph in _request(doc):
        flow.paragraph(paragraph, BODY_SIZE)
    _how_to_pay(flow, doc)
    _signature(flow, doc)
    return flow.y


def _draw_foot(canvas: Canvas, doc: NoticeDoc, width: float, top: float, copy: str) -> float:
    flow = Flow(canvas, MARGIN_X, width - MARGIN_X, top)
    if copy == ARCHIVE_COPY:
        _delivery_receipt(flow)
    flow.rule(GAP)
    flow.paragraph(f"营业厅地址：{doc.header.hall_address}", SMALL_SIZE)
    flow.paragraph(
        hotlines_text(doc.header.service_hotline, doc.header.regulator_hotline) + "　　" + COPIES_NOTE,
        SMALL_SIZE,
    )
    return flow.y


def _heading(flow: Flow, doc: NoticeDoc, copy: str) -> None:
    box_width = text_width(copy, COPY_LABEL_SIZE) + 4 * mm
    box_height = COPY_LABEL_SIZE * 1.9
    flow.canvas.setLineWidth(0.8)
    flow.canvas.rect(flow.right - box_width, flow.y - box_height, box_width, box_height, stroke=1, fill=0)
    baseline = flow.y - box_height / 2 - COPY_LABEL_SIZE * 0.36
    draw_text(flow.canvas, flow.right - box_width / 2, baseline, copy, COPY_LABEL_SIZE, "center")
    draw_text(flow.canvas, flow.left, baseline, f"编号：{doc.notice_no}", COPY_LABEL_SIZE)
    flow.gap(box_height + 2 * mm)
    flow.line(doc.header.unit_name, UNIT_SIZE, "center")
    flow.gap(1 * mm)
    flow.line(notice_title(doc), TITLE_SIZE, "center", bold=True)
    flow.gap(4 * mm)
    flow.line(f"尊敬的{doc.holder}客户：", BODY_SIZE)
    flow.gap(1 * mm)


def _account(flow: Flow, doc: NoticeDoc) -> None:
    widths = [share * flow.width for share in INFO_SHARES]
    rows = [
        [label("户号"), Cell(doc.account_no), label("户名"), Cell(doc.holder)],
        [label("用电地址"), Cell(doc.address, span=3)],
    ]
    flow.y = draw_grid(flow.canvas, flow.left, flow.y, widths, rows, row_height=ROW, size=TABLE_SIZE)
    flow.gap(GAP)


def _arrears(flow: Flow, doc: NoticeDoc) -> None:
    total = doc.outstanding_fen + doc.penalty_fen
    flow.paragraph(
        f"{INDENT}经核查，截至{chinese_date(doc.as_of)}，您户尚欠电费{yuan(doc.outstanding_fen)}、"
        f"电费违约金{yuan(doc.penalty_fen)}，合计{yuan(total)}。明细如下：",
        BODY_SIZE,
    )
    flow.gap(2 * mm)
    columns = [Column(title, share * flow.width, align) for title, share, align in LINE_COLUMNS]
    rows = [
        [
            line.period,
            format_date(line.due_date),
            str(line.days_overdue),
            plain_yuan(line.outstanding_fen),
            plain_yuan(line.penalty_fen),
            plain_yuan(line.outstanding_fen + line.penalty_fen),
        ]
        for line in doc.lines
    ]
    rows.append(
        ["合计", "", "", plain_yuan(doc.outstanding_fen), plain_yuan(doc.penalty_fen), plain_yuan(total)]
    )
    flow.y = draw_table(flow.canvas, flow.left, flow.y, columns, rows, row_height=ROW, size=TABLE_SIZE)
    flow.gap(1 * mm)
    flow.paragraph(
        f"注：违约金计算至{chinese_date(doc.as_of)}，自逾期之日起按日累加，实际金额以缴费当日计算为准。",
        SMALL_SIZE,
    )
    flow.gap(1 * mm)
    flow.field("应交合计（大写）", f"{rmb_words(total)}　　（小写）{yuan(total)}", BODY_SIZE)


def _request(doc: NoticeDoc) -> list[str]:
    pay_by = chinese_date(doc.pay_by)
    if doc.kind is NoticeKind.REMINDER:
        return [
            f"{INDENT}请您于{pay_by}前交清上述电费及违约金。电费违约金自逾期之日起按日累加计收，直至交清之日止。"
            "逾期仍未交清的，我公司将依法依规按程序对您户中止供电，由此造成的损失由您自行承担。如您已交清，请忽略本通知。"
        ]
    cut_from, cut_to = _cut_window(doc)
    return [
        f"{INDENT}您户上述电费已逾期，经催交仍未交清。依据{LEGAL_BASIS}的规定，"
        f"如您在{pay_by}前仍未交清上述电费及违约金，我公司将于{chinese_date(cut_from)}至"
        f"{chinese_date(cut_to)}期间对您户中止供电（停电）。",
        f"{INDENT}交清欠费及违约金后，我公司将按规定及时恢复供电。如您已交清，请忽略本通知。",
    ]


def _cut_window(doc: NoticeDoc) -> tuple[date, date]:
    if doc.cut_from is None or doc.cut_to is None:
        raise ValueError("a cut plan notice needs its cut window (cut_from, cut_to)")
    return doc.cut_from, doc.cut_to


def _how_to_pay(flow: Flow, doc: NoticeDoc) -> None:
    header = doc.header
    flow.gap(1.5 * mm)
    flow.line("缴费方式：", BODY_SIZE)
    items = (
        f"1．到{header.hall_name}（{header.hall_address}）柜台缴纳，可使用现金、银行卡、微信或支付宝；",
        "2．通过“网上国网”App、微信或支付宝生活缴费等线上渠道缴纳；",
        f"3．如有疑问，请拨打供电服务热线{header.service_hotline}；对供电服务的投诉和建议，"
        f"可拨打能源监管热线{header.regulator_hotline}。",
    )
    for item in items:
        flow.paragraph(item, BODY_SIZE, indent=2 * BODY_SIZE)


def _signature(flow: Flow, doc: NoticeDoc) -> None:
    flow.gap(6 * mm)
    top = flow.y
    signer = Flow(flow.canvas, flow.left + flow.width * 0.5, flow.right, top)
    signer.line(f"{doc.header.unit_name}{doc.header.hall_name}（盖章）", BODY_SIZE, "center")
    signer.line(chinese_date(doc.issued_at.date()), BODY_SIZE, "center")
    clerk = Flow(flow.canvas, flow.left, flow.left + flow.width * 0.5, top)
    clerk.line(f"经办人：{doc.clerk_staff_no} {doc.clerk_name}", BODY_SIZE)
    flow.y = min(signer.y, clerk.y)
    flow.gap(GAP)


def _delivery_receipt(flow: Flow) -> None:
    draw_rule(flow.canvas, flow.left, flow.right, flow.y, dashed=True)
    flow.gap(GAP)
    flow.line("送 达 回 执", BODY_SIZE + 2, "center", bold=True)
    flow.gap(2 * mm)
    widths = [share * flow.width for share in INFO_SHARES]
    rows = [
        [label("签收人签字"), Cell(""), label("签收日期"), Cell(BLANK_DATE)],
        [label("拒签见证人"), Cell(""), label("拒签原因"), Cell("")],
        [label("送达方式"), Cell(DELIVERY_METHODS, span=3)],
        [label("送达日期"), Cell(BLANK_DATE), label("送达人"), Cell("")],
    ]
    flow.y = draw_grid(flow.canvas, flow.left, flow.y, widths, rows, row_height=RECEIPT_ROW, size=TABLE_SIZE)
    flow.gap(1 * mm)
