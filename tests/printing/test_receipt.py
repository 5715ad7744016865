"""电费缴费凭证: every R4.1 field with the doc's exact amounts, on both papers; reprints, reversals, barcode."""

from dataclasses import replace
from datetime import datetime

import pytest
from barcode.charsets import code128 as charsets
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm

from hallapp.domain.capital_amount import capital_amount
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.money import format_fen
from hallapp.domain.printouts import PaperSize, ReceiptDoc, ReceiptLine
from hallapp.printing import render_receipt
from hallapp.printing.common import code128_modules, draw_code128
from hallapp.printing.samples import sample_receipt, sample_reprint, sample_reversal
from tests.printing import assert_only_embedded_cjk_font, compact, page_texts, read_pdf

PAPERS = (PaperSize.THERMAL_80, PaperSize.A5)


def receipt_text(doc: ReceiptDoc, paper: PaperSize) -> str:
    texts = page_texts(render_receipt(doc, paper))
    assert len(texts) == 1
    return compact(texts[0])


@pytest.mark.parametrize("paper", PAPERS)
def test_every_r41_field_is_printed_with_the_docs_values(paper: PaperSize) -> None:
    doc = sample_receipt()
    text = receipt_text(doc, paper)
    expected = [
        doc.header.unit_name,
        doc.header.hall_name,
        "电费缴费凭证",
        f"流水号{doc.receipt_no}",
        f"户号{doc.account_no}",
        f"户名{doc.holder}",
        f"用电地址{doc.address}",
        f"应收电费{format_fen(doc.due_fen)}",
        f"违约金{format_fen(doc.penalty_fen)}",
        f"本次实收{format_fen(doc.amount_fen)}",
        f"人民币{capital_amount(doc.amount_fen)}",
        f"其中转预收{format_fen(doc.to_prepaid_fen)}",
        f"预收余额{format_fen(doc.prepaid_after_fen)}",
        f"尚欠金额{format_fen(doc.arrears_after_fen)}",
        "支付方式现金",
        f"实收现金{format_fen(doc.tendered_fen or 0)}",
        f"找零{format_fen(doc.change_fen or 0)}",
        f"收费员{doc.clerk_staff_no}{doc.clerk_name}",
        f"缴费时间{doc.paid_at:%Y-%m-%d%H:%M:%S}",
        f"供电服务热线{doc.header.service_hotline}",
        f"能源监管热线{doc.header.regulator_hotline}",
        "本凭证不作报销凭证",
    ]
    for fragment in expected:
        assert fragment in text, fragment


@pytest.mark.parametrize("paper", PAPERS)
def test_the_sample_amounts_are_the_ones_a_cashier_expects(paper: PaperSize) -> None:
    text = receipt_text(sample_receipt(), paper)
    for fragment in ("本次实收¥686.36", "人民币陆佰捌拾陆元叁角陆分", "实收现金¥700.00", "找零¥13.64"):
        assert fragment in text


@pytest.mark.parametrize("paper", PAPERS)
def test_each_period_line_shows_kwh_billed_penalty_and_paid(paper: PaperSize) -> None:
    doc = sample_receipt()
    text = receipt_text(doc, paper)
    for line in doc.lines:
        paid = format_fen(line.principal_fen + line.penalty_fen, symbol=False)
        row = f"{line.period}{line.kwh}{format_fen(line.billed_fen, symbol=False)}{format_fen(line.penalty_fen, symbol=False)}{paid}"
        assert row in text


def test_thermal_page_is_80_mm_wide_and_as_long_as_its_content() -> None:
    box = read_pdf(render_receipt(sample_receipt(), PaperSize.THERMAL_80)).pages[0].mediabox
    assert float(box.width) == pytest.approx(80 * mm, abs=0.01)
    many = replace(sample_receipt(), lines=sample_receipt().lines * 8)
    longer = read_pdf(render_receipt(many, PaperSize.THERMAL_80)).pages[0].mediabox
    assert float(longer.height) > float(box.height) + 15 * mm


def test_a5_is_one_landscape_sheet_even_for_two_years_of_periods() -> None:
    doc = replace(sample_receipt(), lines=sample_receipt().lines * 8)
    reader = read_pdf(render_receipt(doc, PaperSize.A5))
    assert len(reader.pages) == 1
    width, height = landscape(A5)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(width)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(height)


@pytest.mark.parametrize("paper", PAPERS)
def test_only_the_bundled_font_is_used_and_it_is_embedded(paper: PaperSize) -> None:
    assert_only_embedded_cjk_font(render_receipt(sample_receipt(), paper))


@pytest.mark.parametrize("paper", PAPERS)
def test_reprint_mark_only_on_reprints(paper: PaperSize) -> None:
    assert "补打" not in receipt_text(sample_receipt(), paper)
    text = receipt_text(sample_reprint(2), paper)
    assert "补打" in text
    assert "第2次" in text
    assert "2026-11-2015:02:11" in text


@pytest.mark.parametrize("paper", PAPERS)
def test_reversal_is_titled_names_the_original_and_writes_the_negative_amount(paper: PaperSize) -> None:
    doc = sample_reversal()
    text = receipt_text(doc, paper)
    assert "电费冲正凭证" in text
    assert "电费缴费凭证" not in text
    assert f"原凭证号{doc.reverses_receipt_no}" in text
    assert f"冲正金额{format_fen(doc.amount_fen)}" in text
    assert "冲正金额-¥686.36" in text
    assert f"人民币负{capital_amount(-doc.amount_fen)}" in text
    assert f"尚欠金额{format_fen(doc.arrears_after_fen)}" in text


@pytest.mark.parametrize("paper", PAPERS)
def test_wallet_payment_prints_its_reference_and_no_cash_lines(paper: PaperSize) -> None:
    doc = replace(
        sample_receipt(),
        method=PaymentMethod.WECHAT,
        reference="4200002611202026112012345678",
        tendered_fen=None,
        change_fen=None,
    )
    text = receipt_text(doc, paper)
    assert "支付方式微信支付" in text
    assert f"交易参考号{doc.reference}" in text
    assert "找零" not in text
    assert "实收现金" not in text


def test_receipt_rejects_a4() -> None:
    with pytest.raises(ValueError, match="80 mm"):
        render_receipt(sample_receipt(), PaperSize.A4)


@pytest.mark.parametrize("paper", PAPERS)
def test_rendering_is_deterministic(paper: PaperSize) -> None:
    assert render_receipt(sample_receipt(), paper) == render_receipt(sample_receipt(), paper)


def test_long_address_wraps_instead_of_running_off_the_roll() -> None:
    address = "示例省示例市城东区建设路街道幸福里社区建设路128号幸福家园小区12幢3单元1502室"
    doc = replace(sample_receipt(), address=address, lines=(ReceiptLine("202610", 1, 100, 100, 0),))
    assert address in receipt_text(doc, PaperSize.THERMAL_80)


# --- barcode ---------------------------------------------------------------------------------


def decode_code128(pattern: str) -> str:
    """Read a Code128 module string back to text, checking the check symbol."""
    assert pattern.endswith(charsets.STOP + "11")
    values = [charsets.CODES.index(pattern[i : i + 11]) for i in range(0, len(pattern) - 13, 11)]
    start, *data, check = values
    assert check == (start + sum(i * v for i, v in enumerate(data, start=1))) % 103
    mode = {103: "A", 104: "B", 105: "C"}[start]
    switch = {99: "C", 100: "B", 101: "A"}
    text = ""
    for value in data:
        if value in switch and not (mode == "C" and value == 99):
            mode = switch[value]
        elif mode == "C":
            text += f"{value:02d}"
        else:
            text += (charsets._charset_b if mode == "B" else charsets._charset_a)[value]
    return text


class RecordingCanvas:
    def __init__(self) -> None:
        self.rects: list[tuple[float, float, float, float]] = []

    def rect(self, x: float, y: float, width: float, height: float, **_: int) -> None:
        self.rects.append((x, y, width, height))

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None


def test_barcode_pattern_encodes_the_receipt_number() -> None:
    number = sample_receipt().receipt_no
    assert decode_code128(code128_modules(number)) == number


def test_drawn_bars_reproduce_the_pattern_on_whole_thermal_dots() -> None:
    number = sample_receipt().receipt_no
    pattern = code128_modules(number)
    canvas = RecordingCanvas()
    draw_code128(canvas, number, 40 * mm, 0, 80 * mm, 12 * mm)
    module = min(width for _, _, width, _ in canvas.rects)  # the narrowest bar is one module
    assert module == pytest.approx(0.375 * mm)  # 3 dots of a 203 dpi head
    left = canvas.rects[0][0]
    rebuilt = ["0"] * len(pattern)
    for x, _, width, _ in canvas.rects:
        start = round((x - left) / module)
        for i in range(start, start + round(width / module)):
            rebuilt[i] = "1"
    assert "".join(rebuilt) == pattern
    assert len(pattern) * module <= 72 * mm  # bars stay inside the printable width


def test_reprint_time_is_exactly_the_marks_time() -> None:
    doc = replace(
        sample_reprint(), reprint=replace(sample_reprint().reprint, at=datetime(2027, 1, 2, 3, 4, 5))
    )
    assert "2027-01-0203:04:05" in receipt_text(doc, PaperSize.THERMAL_80)
