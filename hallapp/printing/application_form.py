"""用电申请登记表: the A4 form the customer signs at intake, with the application number as a barcode.

The form runs down the page in blocks (heading, 客户信息, 用电需求, 申请资料, 备注, 承诺书, signatures);
a block that does not fit on what is left of a page starts the next one, and the materials table
breaks between rows with its header repeated. Every page carries the hall footer; a form of more
than one page is numbered 第 x 页 / 共 y 页.
"""

from collections.abc import Sequence
from io import BytesIO
from math import floor

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hallapp.domain.printouts import ApplicationFormDoc, FormField, MaterialLine, MaterialState
from hallapp.printing.common import (
    Column,
    Flow,
    MeasuringCanvas,
    chinese_date,
    draw_code128,
    draw_table,
    draw_text,
    format_datetime,
    new_canvas,
    page_number_text,
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
    SECTION_SIZE,
    SMALL_SIZE,
    TABLE_ROW,
    TABLE_SIZE,
    Block,
    block_height,
    clerk_text,
    committed_due_text,
    draw_boxed,
    draw_fields,
    hall_footer,
    heading,
    line_with_right,
    section,
    section_height,
    signature_text,
)

TITLE = "用电申请登记表"
STATE_LABELS = {
    MaterialState.BROUGHT: "已收",
    MaterialState.DEFERRED: "容缺后补",
    MaterialState.MISSING: "未提供",
    MaterialState.OPTIONAL: "如适用",
}
PROMISE_TITLE = "客户承诺书"
PROMISE_TEXT = (
    "本人（单位）因用电地址权属证明暂未提供，申请先行受理。本人（单位）承诺在供电企业装表接电前补齐上述资料，"
    "并对所提供资料的真实性负责；如未按期补齐，供电企业可暂停办理。"
)
CUSTOMER_SIGNATURE = "客户签字（盖章）"
MATERIAL_COLUMNS = (("序号", 0.10, "center"), ("资料名称", 0.72, "left"), ("状态", 0.18, "center"))

PAGE_WIDTH, PAGE_HEIGHT = A4
WIDTH = PAGE_WIDTH - 2 * MARGIN_X
BARCODE_BOX = 62 * mm  # the barcode's share of the number band, quiet zones included
BARCODE_HEIGHT = 13 * mm
NOTE_ROW = 1.6 * ROW  # room to write a remark by hand when there is none
MIN_ROWS_BEFORE_BREAK = 3  # fewer material rows than this left at the foot of a page: turn first


def render_application_form(doc: ApplicationFormDoc) -> bytes:
    """The form as PDF bytes: one A4 page normally, more when the content runs long."""
    pages = _layout(MeasuringCanvas(), doc, total=0)
    buffer = BytesIO()
    canvas = new_canvas(buffer, A4, f"{TITLE} {doc.application_no}")
    _layout(canvas, doc, total=pages)
    canvas.save()
    return buffer.getvalue()


def material_state_label(state: MaterialState) -> str:
    return STATE_LABELS[state]


def _layout(canvas: Canvas, doc: ApplicationFormDoc, total: int) -> int:
    """Draws the whole form; returns how many pages it took."""
    pages = _Pages(canvas, doc, total)
    pages.place(lambda flow: _heading(flow, doc))
    pages.gap(GAP)
    pages.place(lambda flow: _field_section(flow, "一、客户信息", doc.applicant))
    pages.gap(GAP)
    pages.place(lambda flow: _field_section(flow, "二、用电需求", doc.supply))
    pages.gap(GAP)
    columns = [Column(title, share * WIDTH, align) for title, share, align in MATERIAL_COLUMNS]
    pages.table("三、申请资料", columns, _material_rows(doc.materials))
    pages.gap(GAP)
    pages.place(lambda flow: _note(flow, doc))
    pages.gap(GAP)
    if doc.promise_signed:
        pages.place(_promise)
        pages.gap(GAP)
    pages.place(lambda flow: _signatures(flow, doc))
    return pages.finish()


class _Pages:
    """Places blocks down the page and turns the page when the next block does not fit."""

    def __init__(self, canvas: Canvas, doc: ApplicationFormDoc, total: int) -> None:
        self.canvas = canvas
        self.doc = doc
        self.total = total
        self.number = 1
        self.bottom = MARGIN_BOTTOM + block_height(self._footer, WIDTH) + GAP
        self.flow = self._new_flow()
        self.fresh = True  # nothing placed on this page yet but the continued heading

    @property
    def room(self) -> float:
        return self.flow.y - self.bottom

    def place(self, block: Block) -> None:
        height = block_height(block, WIDTH)
        if height > self.room and not self.fresh:
            self.turn()
        top, room = self.flow.y, self.room
        self.canvas.saveState()
        shrink_to_fit(self.canvas, PAGE_WIDTH / 2, top, height, room)  # a block taller than a page
        block(self.flow)
        self.canvas.restoreState()
        self.flow.y = top - min(height, room)
        self.fresh = False

    def table(self, caption: str, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
        """A section caption over a table that breaks between rows, its header repeated."""
        start, title = 0, caption
        while start < len(rows):
            fit = floor((self.room - section_height()) / TABLE_ROW) - 1  # the header takes a row
            if fit < min(len(rows) - start, MIN_ROWS_BEFORE_BREAK) and not self.fresh:
                self.turn()
                continue
            chunk = rows[start : start + max(1, fit)]
            start += len(chunk)
            self.place(lambda flow, title=title, chunk=chunk: _table(flow, title, columns, chunk))
            if start < len(rows):
                self.turn()
                title = f"{caption}（续）"

    def gap(self, height: float) -> None:
        if not self.fresh:
            self.flow.gap(min(height, self.room))

    def turn(self) -> None:
        self._finish_page()
        self.number += 1
        self.flow = self._new_flow()
        _continued_heading(self.flow, self.doc)
        self.fresh = True

    def finish(self) -> int:
        self._finish_page()
        return self.number

    def _new_flow(self) -> Flow:
        return Flow(self.canvas, MARGIN_X, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - MARGIN_TOP)

    def _finish_page(self) -> None:
        self._footer(Flow(self.canvas, MARGIN_X, PAGE_WIDTH - MARGIN_X, self.bottom - GAP))
        self.canvas.showPage()

    def _footer(self, flow: Flow) -> None:
        page = page_number_text(self.number, self.total) if self.total > 1 else ""
        hall_footer(flow, self.doc.header, page)


# --- blocks ----------------------------------------------------------------------------------


def _heading(flow: Flow, doc: ApplicationFormDoc) -> None:
    """Unit and title, then the number, kind and date at the left and the barcode at the right."""
    heading(flow, doc.header, TITLE)
    flow.gap(3 * mm)
    top = flow.y
    info = Flow(flow.canvas, flow.left, flow.right - BARCODE_BOX - 2 * mm, top)
    info.field("申请编号", doc.application_no, BODY_SIZE)
    info.field("业务类型", doc.kind_label, BODY_SIZE)
    info.field("受理日期", chinese_date(doc.accepted_on), BODY_SIZE)
    centre = flow.right - BARCODE_BOX / 2
    bars_bottom = top - BARCODE_HEIGHT
    draw_code128(flow.canvas, doc.application_no, centre, bars_bottom, BARCODE_BOX, BARCODE_HEIGHT)
    number_baseline = bars_bottom - SMALL_SIZE * 1.2
    draw_text(flow.canvas, centre, number_baseline, doc.application_no, SMALL_SIZE, "center")
    flow.y = min(info.y, number_baseline - SMALL_SIZE * 0.4)


def _continued_heading(flow: Flow, doc: ApplicationFormDoc) -> None:
    line_with_right(flow, f"{TITLE}（续）", f"申请编号：{doc.application_no}", BODY_SIZE, BODY_SIZE)
    flow.rule(1.5 * mm)
    flow.gap(GAP)


def _field_section(flow: Flow, caption: str, fields: Sequence[FormField]) -> None:
    section(flow, caption)
    draw_fields(flow, fields, TABLE_SIZE, ROW)


def _table(flow: Flow, caption: str, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    section(flow, caption)
    flow.y = draw_table(flow.canvas, flow.left, flow.y, columns, rows, row_height=TABLE_ROW, size=TABLE_SIZE)


def _material_rows(materials: Sequence[MaterialLine]) -> list[list[str]]:
    if not materials:
        return [["", "（无）", ""]]
    return [
        [str(index), line.label, material_state_label(line.state)]
        for index, line in enumerate(materials, start=1)
    ]


def _note(flow: Flow, doc: ApplicationFormDoc) -> None:
    section(flow, "四、备注")
    draw_fields(flow, [FormField("备注", doc.note)], TABLE_SIZE, NOTE_ROW)
    flow.gap(GAP)
    flow.line(f"承诺办结日期：{committed_due_text(doc.committed_due_on)}", BODY_SIZE, bold=True)


def _promise(flow: Flow) -> None:
    def inside(box: Flow) -> None:
        box.line(PROMISE_TITLE, SECTION_SIZE + 1, "center", bold=True)
        box.gap(1 * mm)
        box.paragraph(INDENT + PROMISE_TEXT, BODY_SIZE)
        box.gap(4 * mm)
        box.line(signature_text(CUSTOMER_SIGNATURE), BODY_SIZE, "right")

    draw_boxed(flow, inside, 3 * mm)


def _signatures(flow: Flow, doc: ApplicationFormDoc) -> None:
    flow.gap(4 * mm)
    flow.line(signature_text(CUSTOMER_SIGNATURE), BODY_SIZE)
    flow.gap(3 * mm)
    line_with_right(
        flow,
        f"受理人：{clerk_text(doc.clerk_name, doc.clerk_staff_no)}",
        f"打印时间：{format_datetime(doc.printed_at)}",
        BODY_SIZE,
        SMALL_SIZE,
    )
