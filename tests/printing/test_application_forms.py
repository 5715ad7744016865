"""Intake printouts (用电申请登记表, 一次性告知书, 业务受理回执): the doc's values, the 承诺书 only when
signed, the application number as a readable barcode, and long content kept on the paper."""

from dataclasses import dataclass, replace
from datetime import date

import pytest
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from hallapp.domain.printouts import FormField, MaterialLine, MaterialState, PaperSize, StageDeadline
from hallapp.printing import (
    application_form,
    intake_notices,
    render_acceptance_receipt,
    render_application_form,
    render_one_time_notice,
)
from hallapp.printing.common import FONT_NAME, register_font, text_width
from hallapp.printing.samples import (
    sample_acceptance_receipt,
    sample_application_form,
    sample_one_time_notice,
)
from tests.printing import assert_only_embedded_cjk_font, compact, page_texts, read_pdf
from tests.printing.test_receipt import decode_code128

PAPERS = (PaperSize.A4, PaperSize.A5)
PAGE_SIZES = {PaperSize.A4: A4, PaperSize.A5: A5}
INSIDE = 8 * mm  # nothing may be drawn nearer the edge of the sheet than this
BOLD_OUTLINE = 1.5  # points a stroked ("bold") glyph may reach past its advance width
STATE_TEXT = {
    MaterialState.BROUGHT: "已收",
    MaterialState.DEFERRED: "容缺后补",
    MaterialState.MISSING: "未提供",
    MaterialState.OPTIONAL: "如适用",
}
PROMISE_FRAGMENT = "因用电地址权属证明暂未提供，申请先行受理"
LONG_ADDRESS = (
    "示例省示例市城东区建设路街道幸福里社区建设路128号幸福家园小区二期东区12幢3单元1502室（东侧入户门，"
    "电表箱位于一楼楼道北侧墙面，施工期间请提前联系物业管理处及业主本人协调进场时间，请在工作日上午九点至下午五点之间上门服务，谢谢配合）"
)
MATERIAL_NAMES = (
    "产权人（用电人）有效身份证明原件及复印件",
    "用电地址权属证明（不动产权证书、房屋产权证、购房合同等）及复印件",
    "经办人（被委托人）身份证明原件及复印件",
    "授权委托书（单位加盖公章）或直系亲属关系证明",
    "客户用电设备清单（加盖公章）",
)
MANY_MATERIALS = tuple(
    MaterialLine(f"{MATERIAL_NAMES[i % len(MATERIAL_NAMES)]}第{i + 1}份", list(MaterialState)[i % 4])
    for i in range(30)
)


def test_the_long_address_is_as_long_as_the_form_allows() -> None:
    assert len(LONG_ADDRESS) == 120  # the most the form accepts (domain ADDRESS_MAX)


def whole_text(pdf: bytes) -> str:
    return "".join(compact(text) for text in page_texts(pdf))


# --- where things are drawn ------------------------------------------------------------------------


@dataclass(frozen=True)
class Drawn:
    text: str
    x: float
    y: float
    size: float

    @property
    def right(self) -> float:
        return self.x + text_width(self.text, self.size)


def drawn_strings(pdf: bytes, page: int = 0) -> list[Drawn]:
    """Every string on a page at its place on the sheet (the page transformation applied)."""
    found: list[Drawn] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        del font
        text = text.rstrip()
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Drawn(text, x, y, size * tm[0] * cm[0]))

    read_pdf(pdf).pages[page].extract_text(visitor_text=visit)
    assert found
    return found


def filled_rects(pdf: bytes, page: int = 0) -> list[tuple[float, float, float, float]]:
    """Every ``re`` on a page as (x, y, width, height) on the sheet (scale and translate only)."""
    reader = read_pdf(pdf)
    stream = ContentStream(reader.pages[page].get_contents(), reader)
    matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    rects = []
    for operands, operator in stream.operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = matrix
            matrix = [
                a * m[0] + b * m[2],
                a * m[1] + b * m[3],
                c * m[0] + d * m[2],
                c * m[1] + d * m[3],
                e * m[0] + f * m[2] + m[4],
                e * m[1] + f * m[3] + m[5],
            ]
        elif operator == b"re":
            x, y, width, height = (float(v) for v in operands)
            rects.append(
                (x * matrix[0] + matrix[4], y * matrix[3] + matrix[5], width * matrix[0], height * matrix[3])
            )
    return rects


def assert_inside_the_sheet(pdf: bytes) -> None:
    reader = read_pdf(pdf)
    for page in range(len(reader.pages)):
        box = reader.pages[page].mediabox
        width, height = float(box.width), float(box.height)
        for drawn in drawn_strings(pdf, page):
            assert drawn.size >= 4.5, drawn
            assert drawn.x >= INSIDE - BOLD_OUTLINE, drawn
            assert drawn.right <= width - INSIDE + BOLD_OUTLINE, drawn
            assert INSIDE <= drawn.y <= height - INSIDE, drawn
        for x, y, w, h in filled_rects(pdf, page):
            assert x >= INSIDE and x + w <= width - INSIDE + 0.01, (x, y, w, h)
            assert y >= INSIDE and y + h <= height - INSIDE + 0.01, (x, y, w, h)


def barcode_text(pdf: bytes, bar_height: float) -> str:
    """The barcode on page 1 read back from its bars (the rectangles exactly as tall as a bar)."""
    rects = sorted(r for r in filled_rects(pdf) if r[3] == pytest.approx(bar_height))
    assert rects, "no bars drawn"
    module = min(width for _, _, width, _ in rects)
    left = rects[0][0]
    right = max(x + width for x, _, width, _ in rects)
    rebuilt = ["0"] * round((right - left) / module)
    for x, _, width, _ in rects:
        start = round((x - left) / module)
        for i in range(start, start + round(width / module)):
            rebuilt[i] = "1"
    assert module >= 0.17 * mm  # a laser printer and a hand scanner both manage that
    return decode_code128("".join(rebuilt))


def assert_every_glyph_is_in_the_font(pdf: bytes) -> None:
    register_font()
    glyphs = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    for page in range(len(read_pdf(pdf).pages)):
        for drawn in drawn_strings(pdf, page):
            missing = {ch for ch in drawn.text if ord(ch) not in glyphs and not ch.isspace()}
            assert not missing, (drawn.text, missing)


# --- 用电申请登记表 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("organisation", [False, True], ids=["resident", "organisation"])
def test_form_prints_every_value_of_the_doc(organisation: bool) -> None:
    doc = sample_application_form(organisation=organisation)
    pdf = render_application_form(doc)
    assert len(read_pdf(pdf).pages) == 1
    text = whole_text(pdf)
    expected = [
        doc.header.unit_name,
        "用电申请登记表",
        f"申请编号{doc.application_no}",
        f"业务类型{doc.kind_label}",
        "受理日期2026年11月23日",
        "客户信息",
        "用电需求",
        "申请资料",
        "序号资料名称状态",
        f"备注{compact(doc.note)}",
        f"承诺办结日期{application_form.committed_due_text(doc.committed_due_on)}",
        "客户签字（盖章）",
        f"受理人{doc.clerk_name}（{doc.clerk_staff_no}）",
        f"供电服务热线{doc.header.service_hotline}",
        f"能源监管热线{doc.header.regulator_hotline}",
        compact(doc.header.hall_name),
        doc.header.hall_address,
    ]
    expected += [compact(field.label + field.value) for field in doc.applicant + doc.supply]
    expected += [
        f"{index}{compact(line.label)}{STATE_TEXT[line.state]}"
        for index, line in enumerate(doc.materials, start=1)
    ]
    for fragment in expected:
        assert fragment in text, fragment


def test_resident_sample_is_a_new_connection_with_the_property_proof_deferred() -> None:
    doc = sample_application_form()
    text = whole_text(render_application_form(doc))
    assert doc.kind_label == "低压居民新装"
    assert doc.promise_signed
    assert "用电地址权属证明（不动产权证书、房屋产权证、购房合同等）及复印件容缺后补" in text
    assert "承诺办结日期2026年11月30日" in text


def test_promise_text_only_when_signed() -> None:
    signed = whole_text(render_application_form(sample_application_form()))
    assert PROMISE_FRAGMENT in signed
    assert "对所提供资料的真实性负责" in signed
    assert signed.count("客户签字（盖章）") == 2  # in the 承诺书 box and at the foot
    unsigned = replace(sample_application_form(), promise_signed=False)
    for doc in (unsigned, sample_application_form(organisation=True)):
        text = whole_text(render_application_form(doc))
        assert PROMISE_FRAGMENT not in text
        assert text.count("客户签字（盖章）") == 1


def test_no_published_limit_reads_as_by_the_rules() -> None:
    doc = replace(sample_application_form(), committed_due_on=None)
    assert "承诺办结日期按相关规定办理" in whole_text(render_application_form(doc))


def test_each_material_state_has_its_chinese_label() -> None:
    lines = tuple(MaterialLine(f"资料{state.value}", state) for state in MaterialState)
    text = whole_text(render_application_form(replace(sample_application_form(), materials=lines)))
    for index, line in enumerate(lines, start=1):
        assert f"{index}{line.label}{STATE_TEXT[line.state]}" in text


def test_form_is_one_a4_page_with_the_font_embedded_and_inside_the_margins() -> None:
    pdf = render_application_form(sample_application_form())
    page = read_pdf(pdf).pages[0]
    assert float(page.mediabox.width) == pytest.approx(A4[0])
    assert float(page.mediabox.height) == pytest.approx(A4[1])
    assert pdf.startswith(b"%PDF")
    assert_only_embedded_cjk_font(pdf)
    assert_every_glyph_is_in_the_font(pdf)
    assert_inside_the_sheet(pdf)
    assert "第1页" not in whole_text(pdf)  # a single page is not numbered


@pytest.mark.parametrize("organisation", [False, True], ids=["resident", "organisation"])
def test_form_barcode_encodes_the_application_number(organisation: bool) -> None:
    doc = sample_application_form(organisation=organisation)
    pdf = render_application_form(doc)
    assert barcode_text(pdf, application_form.BARCODE_HEIGHT) == doc.application_no


def test_long_form_flows_onto_numbered_pages_and_stays_on_the_paper() -> None:
    doc = sample_application_form()
    doc = replace(
        doc,
        supply=(FormField("用电地址", LONG_ADDRESS), *doc.supply[1:]),
        applicant=(*doc.applicant, FormField("经办人", "欧阳" * 30)),
        materials=MANY_MATERIALS,
        note="客户要求" * 125,
    )
    pdf = render_application_form(doc)
    texts = [compact(text) for text in page_texts(pdf)]
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页/共{len(texts)}页" in text
        assert doc.header.hall_address in text
    assert "申请资料（续）" in "".join(texts)
    assert f"申请编号{doc.application_no}" in texts[1]  # a loose page still names its application
    whole = "".join(texts)
    for fragment in (compact(LONG_ADDRESS), "欧阳" * 30, "客户要求" * 125, PROMISE_FRAGMENT):
        assert fragment in whole
    for index, line in enumerate(MANY_MATERIALS, start=1):
        assert f"{index}{compact(line.label)}{STATE_TEXT[line.state]}" in whole
    assert "客户签字（盖章）" in texts[-1]
    assert_inside_the_sheet(pdf)


def test_long_address_wraps_in_its_cell_at_full_size() -> None:
    doc = sample_application_form()
    doc = replace(doc, supply=(FormField("用电地址", LONG_ADDRESS), *doc.supply[1:]))
    pdf = render_application_form(doc)
    assert len(read_pdf(pdf).pages) == 1
    pieces = [s for s in drawn_strings(pdf) if s.text and s.text in LONG_ADDRESS and len(s.text) > 10]
    assert len(pieces) >= 2
    assert all(piece.size == pytest.approx(10) for piece in pieces)
    assert_inside_the_sheet(pdf)


# --- 一次性告知书 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_notice_prints_the_request_the_list_and_the_date(paper: PaperSize) -> None:
    doc = sample_one_time_notice()
    pdf = render_one_time_notice(doc, paper)
    assert pdf.startswith(b"%PDF")
    [text] = [compact(text) for text in page_texts(pdf)]
    for fragment in (
        doc.header.unit_name,
        "一次性告知书",
        f"{doc.applicant_name}您办理的{doc.kind_label}业务（申请编号{doc.application_no}）尚需补充以下资料",
        "请一次备齐后到营业厅办理，或通过“网上国网”App上传",
        "请于2026年11月30日前补齐。",
        "首问负责、一次性告知",
        f"告知人{doc.clerk_name}（{doc.clerk_staff_no}）",
        "告知日期2026年11月23日",
        "客户签收",
        f"供电服务热线{doc.header.service_hotline}",
        doc.header.hall_address,
    ):
        assert fragment in text, fragment
    for index, item in enumerate(doc.to_bring, start=1):
        assert f"{index}．{compact(item)}" in text


def test_notice_without_an_application_number_or_a_date() -> None:
    doc = replace(sample_one_time_notice(), application_no="", bring_by=None)
    text = whole_text(render_one_time_notice(doc))
    assert f"您办理的{doc.kind_label}业务尚需补充以下资料" in text
    assert "申请编号" not in text
    assert "请于" not in text


def test_notice_pages_are_a4_or_a5_portrait() -> None:
    for paper, (width, height) in PAGE_SIZES.items():
        reader = read_pdf(render_one_time_notice(sample_one_time_notice(), paper))
        assert len(reader.pages) == 1
        assert float(reader.pages[0].mediabox.width) == pytest.approx(width)
        assert float(reader.pages[0].mediabox.height) == pytest.approx(height)


@pytest.mark.parametrize("paper", PAPERS)
def test_thirty_items_still_fit_on_one_sheet(paper: PaperSize) -> None:
    items = tuple(line.label for line in MANY_MATERIALS)
    doc = replace(sample_one_time_notice(), to_bring=items, applicant_name="示例" * 30)
    pdf = render_one_time_notice(doc, paper)
    text = whole_text(pdf)
    assert len(read_pdf(pdf).pages) == 1
    for index, item in enumerate(items, start=1):
        assert f"{index}．{compact(item)}" in text
    assert_inside_the_sheet(pdf)
    assert_every_glyph_is_in_the_font(pdf)


# --- 业务受理回执 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_receipt_prints_the_number_dates_deadlines_and_deferred_materials(paper: PaperSize) -> None:
    doc = sample_acceptance_receipt()
    pdf = render_acceptance_receipt(doc, paper)
    assert pdf.startswith(b"%PDF")
    [text] = [compact(text) for text in page_texts(pdf)]
    for fragment in (
        doc.header.unit_name,
        "业务受理回执",
        f"申请编号{doc.application_no}",
        f"业务类型{doc.kind_label}",
        f"客户名称{doc.applicant_name}",
        f"用电地址{doc.address}",
        "受理日期2026年11月23日",
        "承诺办结日期2026年11月30日",
        "环节承诺完成日期",
        "容缺后补资料",
        f"可凭申请编号通过营业厅、{doc.header.service_hotline}或“网上国网”App查询进度、催办。",
        f"受理人{doc.clerk_name}（{doc.clerk_staff_no}）",
        "打印时间2026-11-2309:58:20",
        f"能源监管热线{doc.header.regulator_hotline}",
        doc.header.hall_address,
    ):
        assert fragment in text, fragment
    for index, stage in enumerate(doc.deadlines, start=1):
        assert (
            f"{index}{stage.stage_label}{stage.due_on.year}年{stage.due_on:%m}月{stage.due_on:%d}日" in text
        )
    for index, item in enumerate(doc.deferred, start=1):
        assert f"{index}．{compact(item)}" in text
    assert_inside_the_sheet(pdf)
    assert_every_glyph_is_in_the_font(pdf)


def test_receipt_uses_the_halls_hotline_and_leaves_out_what_is_empty() -> None:
    doc = replace(
        sample_acceptance_receipt(),
        header=replace(sample_acceptance_receipt().header, service_hotline="96789"),
        committed_due_on=None,
        deadlines=(),
        deferred=(),
    )
    text = whole_text(render_acceptance_receipt(doc))
    assert "营业厅、96789或“网上国网”App查询进度" in text
    assert "95598" not in text
    assert "承诺办结日期按相关规定办理" in text
    assert "容缺后补资料" not in text
    assert "承诺完成日期" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_receipt_barcode_encodes_the_application_number(paper: PaperSize) -> None:
    doc = sample_acceptance_receipt()
    scale = PAGE_SIZES[paper][0] / A4[0]
    pdf = render_acceptance_receipt(doc, paper)
    assert barcode_text(pdf, intake_notices.BARCODE_HEIGHT * scale) == doc.application_no


@pytest.mark.parametrize("paper", PAPERS)
def test_long_receipt_stays_on_one_sheet(paper: PaperSize) -> None:
    doc = replace(
        sample_acceptance_receipt(),
        address=LONG_ADDRESS,
        applicant_name="示例市城东区" + "鑫源" * 27,
        deadlines=tuple(StageDeadline(f"环节{i}", date(2026, 12, 1)) for i in range(1, 13)),
        deferred=tuple(line.label for line in MANY_MATERIALS[:10]),
    )
    pdf = render_acceptance_receipt(doc, paper)
    text = whole_text(pdf)
    assert len(read_pdf(pdf).pages) == 1
    assert compact(LONG_ADDRESS) in text
    assert "环节12" in text
    assert_inside_the_sheet(pdf)


# --- all three ----------------------------------------------------------------------------------


RENDERS = {
    "form": lambda paper: render_application_form(sample_application_form()),
    "notice": lambda paper: render_one_time_notice(sample_one_time_notice(), paper),
    "receipt": lambda paper: render_acceptance_receipt(sample_acceptance_receipt(), paper),
}


@pytest.mark.parametrize("name", list(RENDERS))
def test_same_doc_same_bytes(name: str) -> None:
    assert RENDERS[name](PaperSize.A4) == RENDERS[name](PaperSize.A4)


@pytest.mark.parametrize("paper", [PaperSize.THERMAL_58, PaperSize.THERMAL_80, "letter"])
def test_notice_and_receipt_refuse_other_paper(paper: PaperSize) -> None:
    with pytest.raises(ValueError, match="A4 or A5"):
        render_one_time_notice(sample_one_time_notice(), paper)
    with pytest.raises(ValueError, match="A4 or A5"):
        render_acceptance_receipt(sample_acceptance_receipt(), paper)
