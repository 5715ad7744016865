"""排队号票: every line with the doc's values on both rolls, fitted to the roll, the barcode readable."""

from dataclasses import dataclass, replace
from datetime import datetime

import pytest
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from hallapp.domain.printouts import PaperSize, ReprintMark, TicketDoc
from hallapp.printing import render_ticket
from hallapp.printing.common import FONT_NAME, register_font, text_width
from hallapp.printing.samples import sample_manual_ticket, sample_priority_ticket, sample_ticket
from hallapp.printing.ticket import BARCODE_HEIGHT, ROLLS
from tests.printing import assert_only_embedded_cjk_font, compact, page_texts, read_pdf
from tests.printing.test_receipt import decode_code128

ROLL_PAPERS = (PaperSize.THERMAL_58, PaperSize.THERMAL_80)
WIDTHS_MM = {PaperSize.THERMAL_58: 58, PaperSize.THERMAL_80: 80}
PRINTABLE_MM = {PaperSize.THERMAL_58: 48, PaperSize.THERMAL_80: 72}
BOLD_OUTLINE = 1.5  # points a stroked ("bold") glyph may reach past its advance width, generously

LONG_HALL = "国网示例省示例市供电公司城东区建设路街道幸福里社区综合供电服务营业厅（二十四小时自助缴费区）"
LONG_TYPE = "居民生活用电峰谷分时电价申请及一户多人口阶梯电价变更业务办理（含新装、增容、过户、销户）"


def ticket_text(doc: TicketDoc, paper: PaperSize) -> str:
    texts = page_texts(render_ticket(doc, paper))
    assert len(texts) == 1
    return compact(texts[0])


@dataclass(frozen=True)
class Drawn:
    text: str
    x: float
    y: float
    size: float

    @property
    def right(self) -> float:
        return self.x + text_width(self.text, self.size)


def drawn_strings(pdf: bytes) -> list[Drawn]:
    """Every string on the page with its origin and size (the ticket uses no transformations)."""
    found: list[Drawn] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        del font
        assert cm == [1, 0, 0, 1, 0, 0]
        if text.strip():
            found.append(Drawn(text.strip(), tm[4], tm[5], size * tm[0]))

    read_pdf(pdf).pages[0].extract_text(visitor_text=visit)
    assert found
    return found


def page_size(pdf: bytes) -> tuple[float, float]:
    box = read_pdf(pdf).pages[0].mediabox
    return float(box.width), float(box.height)


# --- content ------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_every_line_is_printed_with_the_docs_values(paper: PaperSize) -> None:
    doc = sample_ticket()
    text = ticket_text(doc, paper)
    expected = [
        doc.header.hall_name,
        "排队号",
        doc.display_no,
        doc.business_type_name,
        f"您前面还有{doc.ahead}人等候",
        f"预计等候约{doc.wait_minutes}分钟",
        "取号时间2026-11-2309:41:12",
        doc.barcode,
        "请留意显示屏及语音叫号，过号请到引导台重新取号",
        f"服务热线{doc.header.service_hotline}",
    ]
    for fragment in expected:
        assert fragment in text, fragment
    assert text.index(doc.header.hall_name) < text.index(doc.display_no) < text.index("您前面还有")
    for absent in ("补打", "即将叫号", "工作人员"):
        assert absent not in text


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_no_wait_reads_about_to_be_called(paper: PaperSize) -> None:
    text = ticket_text(sample_ticket(ahead=0, wait_minutes=0), paper)
    assert "您前面还有0人等候" in text
    assert "即将叫号" in text
    assert "预计等候" not in text


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_priority_label_and_reprint_mark_when_set(paper: PaperSize) -> None:
    doc = sample_priority_ticket(count=2)
    text = ticket_text(doc, paper)
    assert "军人依法优先" in text
    assert "补打号票（第2次）" in text
    assert "补打时间2026-11-2309:43:05" in text
    assert compact(doc.business_type_name) in text
    green = replace(doc, priority_label="绿色通道", reprint=None)
    text = ticket_text(green, paper)
    assert "绿色通道" in text
    assert "补打" not in text


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_manual_ticket_says_staff_call_it(paper: PaperSize) -> None:
    doc = sample_manual_ticket()
    text = ticket_text(doc, paper)
    assert "07-A001" in text
    assert "请留意工作人员叫号" in text
    assert "工作人员现场叫号" in text
    assert "请留意显示屏及语音叫号" not in text  # the screens do not know hand-numbered tickets
    assert "过号请到引导台重新取号" in text


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_every_character_drawn_has_a_glyph_in_the_embedded_font(paper: PaperSize) -> None:
    register_font()
    glyphs = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    for doc in (sample_ticket(), sample_priority_ticket(), sample_manual_ticket()):
        pdf = render_ticket(doc, paper)
        assert_only_embedded_cjk_font(pdf)
        for drawn in drawn_strings(pdf):
            missing = {ch for ch in drawn.text if ord(ch) not in glyphs}
            assert not missing, (drawn.text, missing)


# --- paper --------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_page_is_the_roll_width_and_as_long_as_its_content(paper: PaperSize) -> None:
    pdf = render_ticket(sample_ticket(), paper)
    width, height = page_size(pdf)
    assert width == pytest.approx(WIDTHS_MM[paper] * mm, abs=0.01)
    strings = drawn_strings(pdf)
    assert max(s.y + s.size for s in strings) > height - 12 * mm  # no blank head
    assert min(s.y for s in strings) < 15 * mm  # no blank tail beyond the cutter feed
    longer = render_ticket(replace(sample_ticket(), business_type_name=LONG_TYPE), paper)
    assert page_size(longer)[1] > height + 5 * mm


@pytest.mark.parametrize("paper", [PaperSize.A4, PaperSize.A5, "letter"])
def test_sheet_papers_are_refused(paper: PaperSize) -> None:
    with pytest.raises(ValueError, match="58 mm or 80 mm"):
        render_ticket(sample_ticket(), paper)


def test_the_two_rolls_are_58_and_80_mm_with_48_and_72_mm_printable() -> None:
    for paper, roll in ROLLS.items():
        assert roll.width == pytest.approx(WIDTHS_MM[paper] * mm)
        assert roll.width - 2 * roll.margin == pytest.approx(PRINTABLE_MM[paper] * mm)


@pytest.mark.parametrize("paper", ROLL_PAPERS)
@pytest.mark.parametrize(
    "doc",
    [
        sample_ticket(),
        sample_manual_ticket(),
        replace(
            sample_priority_ticket(count=12),
            header=replace(sample_ticket().header, hall_name=LONG_HALL),
            business_type_name=LONG_TYPE,
            priority_label="老年人、残疾人、孕妇及现役军人依法优先办理绿色通道",
            display_no="07-B1234",
            ahead=1234,
            wait_minutes=999,
        ),
    ],
    ids=["sample", "manual", "long"],
)
def test_no_text_runs_past_the_printable_width(paper: PaperSize, doc: TicketDoc) -> None:
    pdf = render_ticket(doc, paper)
    width, _ = page_size(pdf)
    margin = (width - PRINTABLE_MM[paper] * mm) / 2
    text = ticket_text(doc, paper)
    for fragment in (doc.header.hall_name, doc.business_type_name, doc.priority_label or "", doc.display_no):
        assert compact(fragment) in text  # wrapped, not cut off
    for drawn in drawn_strings(pdf):
        assert drawn.size >= 5, drawn
        assert drawn.x >= margin - BOLD_OUTLINE, drawn
        assert drawn.right <= width - margin + BOLD_OUTLINE, drawn


@pytest.mark.parametrize("paper", ROLL_PAPERS)
@pytest.mark.parametrize("doc", [sample_ticket(), sample_manual_ticket(), sample_priority_ticket()])
def test_the_number_is_by_far_the_largest_text(paper: PaperSize, doc: TicketDoc) -> None:
    strings = drawn_strings(render_ticket(doc, paper))
    [number] = [s for s in strings if s.text == doc.display_no]
    others = [s.size for s in strings if s is not number]
    assert number.size >= 2.5 * max(others)
    assert number.right - number.x > PRINTABLE_MM[paper] * mm * 0.75  # fills most of the width


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_rendering_is_deterministic(paper: PaperSize) -> None:
    assert render_ticket(sample_priority_ticket(), paper) == render_ticket(sample_priority_ticket(), paper)


# --- barcode ------------------------------------------------------------------------------------


def bar_rects(pdf: bytes, height: float) -> list[tuple[float, float, float, float]]:
    """The filled rectangles of the barcode: those exactly as tall as the bars."""
    page = read_pdf(pdf).pages[0]
    stream = ContentStream(page.get_contents(), page.pdf)
    rects = [
        tuple(float(v) for v in operands) for operands, operator in stream.operations if operator == b"re"
    ]
    return sorted(r for r in rects if r[3] == pytest.approx(height))


@pytest.mark.parametrize("paper", ROLL_PAPERS)
def test_barcode_encodes_the_payload_inside_the_printable_width(paper: PaperSize) -> None:
    doc = sample_ticket()
    pdf = render_ticket(doc, paper)
    rects = bar_rects(pdf, BARCODE_HEIGHT * ROLLS[paper].scale)
    assert rects, "no bars drawn"
    module = min(width for _, _, width, _ in rects)
    left = rects[0][0]
    right = max(x + width for x, _, width, _ in rects)
    modules = round((right - left) / module)
    rebuilt = ["0"] * modules
    for x, _, width, _ in rects:
        start = round((x - left) / module)
        for i in range(start, start + round(width / module)):
            rebuilt[i] = "1"
    assert decode_code128("".join(rebuilt)) == doc.barcode
    margin = ROLLS[paper].margin
    assert left >= margin and right <= ROLLS[paper].width - margin


def test_each_ticket_gets_its_own_bars() -> None:
    height = BARCODE_HEIGHT * ROLLS[PaperSize.THERMAL_80].scale
    one = bar_rects(render_ticket(sample_ticket("A012"), PaperSize.THERMAL_80), height)
    other = bar_rects(render_ticket(sample_ticket("A013"), PaperSize.THERMAL_80), height)
    assert one != other


def test_empty_barcode_prints_no_bars() -> None:
    doc = replace(sample_ticket(), barcode="")
    pdf = render_ticket(doc, PaperSize.THERMAL_58)
    assert not bar_rects(pdf, BARCODE_HEIGHT * ROLLS[PaperSize.THERMAL_58].scale)
    assert doc.display_no in ticket_text(doc, PaperSize.THERMAL_58)


def test_issue_and_reprint_times_are_the_docs_own() -> None:
    doc = replace(
        sample_ticket(),
        issued_at=datetime(2027, 1, 2, 3, 4, 5),
        reprint=ReprintMark(1, datetime(2027, 1, 2, 3, 9, 8)),
    )
    text = ticket_text(doc, PaperSize.THERMAL_58)
    assert "取号时间2027-01-0203:04:05" in text
    assert "补打时间2027-01-0203:09:08" in text
