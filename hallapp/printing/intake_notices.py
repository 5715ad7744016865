"""一次性告知书 and 业务受理回执: one page each, on A4 or A5 (the A4 layout scaled down).

The body runs from the top and the hall footer sits at the bottom; a body too long for the page
(dozens of materials) is shrunk with the footer under it rather than spilling off the sheet.
"""

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from hallapp.domain.printouts import AcceptanceReceiptDoc, FormField, HallHeader, OneTimeNoticeDoc, PaperSize
from hallapp.printing.common import (
    Column,
    Flow,
    chinese_date,
    draw_code128,
    draw_table,
    format_datetime,
    new_canvas,
    shrink_to_fit,
)
from hallapp.printing.intake_common import (
    BODY_SIZE,
    GAP,
    INDENT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    ROW,
    TABLE_ROW,
    TABLE_SIZE,
    Block,
    block_height,
    clerk_text,
    committed_due_text,
    draw_fields,
    hall_footer,
    heading,
    line_with_right,
    numbered,
    section,
    signature_text,
)
from hallapp.printing.notice import PAGE_SIZES

NOTICE_TITLE = "一次性告知书"
RECEIPT_TITLE = "业务受理回执"
NOTHING = "（无）"
NUMBER_SIZE = 18
BARCODE_WIDTH = 90 * mm  # on the A4 layout; 64 mm on A5, still whole 0.25 mm modules or wider
BARCODE_HEIGHT = 14 * mm
DEADLINE_SHARES = (0.12, 0.53, 0.35)


def render_one_time_notice(doc: OneTimeNoticeDoc, paper: PaperSize = PaperSize.A4) -> bytes:
    """一次性告知书: everything still to bring, listed once, for the customer to sign for."""
    return _render_page(paper, NOTICE_TITLE, lambda flow: _notice_body(flow, doc), doc.header)


def render_acceptance_receipt(doc: AcceptanceReceiptDoc, paper: PaperSize = PaperSize.A4) -> bytes:
    """业务受理回执: the application number (also as a barcode), the committed dates, how to follow up."""
    return _render_page(paper, RECEIPT_TITLE, lambda flow: _receipt_body(flow, doc), doc.header)


def _render_page(paper: PaperSize, title: str, body: Block, header: HallHeader) -> bytes:
    if paper not in PAGE_SIZES:
        raise ValueError(f"{title} prints on A4 or A5, not {paper}")
    size = PAGE_SIZES[paper]
    buffer = BytesIO()
    canvas = new_canvas(buffer, size, title)
    width, height = A4
    top = height - MARGIN_TOP
    column = width - 2 * MARGIN_X

    def foot(flow: Flow) -> None:
        hall_footer(flow, header)

    body_height = block_height(body, column)
    foot_height = block_height(foot, column)
    available = top - MARGIN_BOTTOM
    canvas.saveState()
    canvas.scale(size[0] / width, size[0] / width)
    if body_height + GAP + foot_height <= available:
        body(Flow(canvas, MARGIN_X, width - MARGIN_X, top))
        foot(Flow(canvas, MARGIN_X, width - MARGIN_X, MARGIN_BOTTOM + foot_height))
    else:  # an unusually long list: one column, shrunk to the page
        shrink_to_fit(canvas, width / 2, top, body_height + GAP + foot_height, available)
        flow = Flow(canvas, MARGIN_X, width - MARGIN_X, top)
        body(flow)
        flow.gap(GAP)
        foot(flow)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- 一次性告知书 -------------------------------------------------------------------------------


def notice_request(doc: OneTimeNoticeDoc) -> str:
    number = f"（申请编号{doc.application_no}）" if doc.application_no else ""
    return (
        f"您办理的{doc.kind_label}业务{number}尚需补充以下资料，请一次备齐后到营业厅办理，"
        "或通过“网上国网”App上传："
    )


def notice_promise(hotline: str) -> str:
    return (
        "按照“首问负责、一次性告知”的要求，以上已将本项业务尚需的全部资料一次告知。"
        "您备齐上述资料即可办理，不会因同一原因让您再次往返。"
        f"如有疑问，请咨询营业厅工作人员或拨打供电服务热线{hotline}。"
    )


def _notice_body(flow: Flow, doc: OneTimeNoticeDoc) -> None:
    heading(flow, doc.header, NOTICE_TITLE)
    flow.gap(6 * mm)
    flow.paragraph(f"{doc.applicant_name}：", BODY_SIZE)
    flow.gap(1 * mm)
    flow.paragraph(INDENT + notice_request(doc), BODY_SIZE)
    flow.gap(2 * mm)
    numbered(flow, doc.to_bring or (NOTHING,), BODY_SIZE)
    flow.gap(2 * mm)
    if doc.bring_by is not None:
        flow.paragraph(f"{INDENT}请于{chinese_date(doc.bring_by)}前补齐。", BODY_SIZE)
        flow.gap(1 * mm)
    flow.paragraph(INDENT + notice_promise(doc.header.service_hotline), BODY_SIZE)
    flow.gap(10 * mm)
    line_with_right(
        flow,
        f"告知人：{clerk_text(doc.clerk_name, doc.clerk_staff_no)}",
        f"告知日期：{chinese_date(doc.printed_at.date())}",
        BODY_SIZE,
        BODY_SIZE,
    )
    flow.gap(8 * mm)
    flow.line(signature_text("客户签收"), BODY_SIZE)


# --- 业务受理回执 -------------------------------------------------------------------------------


def progress_text(hotline: str) -> str:
    return f"可凭申请编号通过营业厅、{hotline} 或“网上国网”App查询进度、催办。"


def _receipt_body(flow: Flow, doc: AcceptanceReceiptDoc) -> None:
    heading(flow, doc.header, RECEIPT_TITLE)
    flow.gap(5 * mm)
    flow.line(f"申请编号：{doc.application_no}", NUMBER_SIZE, "center", bold=True)
    flow.gap(3 * mm + BARCODE_HEIGHT)
    centre = (flow.left + flow.right) / 2
    draw_code128(flow.canvas, doc.application_no, centre, flow.y, BARCODE_WIDTH, BARCODE_HEIGHT)
    flow.gap(5 * mm)
    fields = (
        FormField("业务类型", doc.kind_label),
        FormField("受理日期", chinese_date(doc.accepted_on)),
        FormField("客户名称", doc.applicant_name),
        FormField("用电地址", doc.address),
        FormField("承诺办结日期", committed_due_text(doc.committed_due_on)),
    )
    draw_fields(flow, fields, TABLE_SIZE, ROW)
    if doc.deadlines:
        flow.gap(GAP)
        section(flow, "办理环节及承诺时限")
        columns = [
            Column(title, share * flow.width, "center")
            for title, share in zip(("序号", "环节", "承诺完成日期"), DEADLINE_SHARES, strict=True)
        ]
        rows = [
            [str(index), stage.stage_label, chinese_date(stage.due_on)]
            for index, stage in enumerate(doc.deadlines, start=1)
        ]
        flow.y = draw_table(
            flow.canvas, flow.left, flow.y, columns, rows, row_height=TABLE_ROW, size=TABLE_SIZE
        )
    if doc.deferred:
        flow.gap(GAP)
        section(flow, "容缺后补资料")
        _deferred(flow, doc.deferred)
    flow.gap(GAP)
    flow.paragraph(INDENT + progress_text(doc.header.service_hotline), BODY_SIZE)
    flow.gap(10 * mm)
    line_with_right(
        flow,
        f"受理人：{clerk_text(doc.clerk_name, doc.clerk_staff_no)}",
        f"打印时间：{format_datetime(doc.printed_at)}",
        BODY_SIZE,
        BODY_SIZE,
    )
    flow.gap(6 * mm)
    flow.line(f"{doc.header.unit_name}{doc.header.hall_name}（盖章）", BODY_SIZE, "right")


def _deferred(flow: Flow, materials: Sequence[str]) -> None:
    numbered(flow, materials, BODY_SIZE)
    flow.gap(1 * mm)
    flow.paragraph("以上资料已签署客户承诺书先行受理，请按承诺在装表接电前补齐。", BODY_SIZE)
