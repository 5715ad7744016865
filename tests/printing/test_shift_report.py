"""日结轧账单: page numbering for 0, 40 and 600 payments, totals exactly as in the doc, every payment listed."""

import re
from functools import cache

import pytest
from reportlab.lib.pagesizes import A4

from hallapp.domain.capital_amount import capital_amount
from hallapp.domain.money import format_fen
from hallapp.domain.printouts import ShiftReport
from hallapp.printing import render_shift_report
from hallapp.printing.common import METHOD_LABELS
from hallapp.printing.samples import sample_shift_report
from tests.printing import assert_only_embedded_cjk_font, compact, page_texts, read_pdf

PAGE_NUMBER = re.compile(r"第 (\d+) 页 / 共 (\d+) 页")


@cache
def rendered(n_payments: int) -> tuple[ShiftReport, bytes, tuple[str, ...]]:
    doc = sample_shift_report(n_payments)
    pdf = render_shift_report(doc)
    return doc, pdf, tuple(page_texts(pdf))


@pytest.mark.parametrize(("n_payments", "pages"), [(0, 1), (40, 2), (600, 14)])
def test_every_page_says_which_page_of_how_many(n_payments: int, pages: int) -> None:
    _, _, texts = rendered(n_payments)
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert PAGE_NUMBER.findall(text) == [(str(number), str(pages))]


@pytest.mark.parametrize("n_payments", [0, 40, 600])
def test_summary_totals_are_the_docs_values(n_payments: int) -> None:
    doc, _, texts = rendered(n_payments)
    summary = compact(texts[0])
    expected = [
        doc.header.unit_name,
        "日结轧账单",
        f"营业厅{doc.header.hall_name}",
        f"营业日期{doc.business_date.isoformat()}",
        f"班次号{doc.shift_no}",
        f"收费员{doc.clerk_staff_no}{doc.clerk_name}",
        f"设备编号{doc.device_code}",
        f"开班时间{doc.opened_at:%Y-%m-%d%H:%M:%S}",
        f"轧账时间{doc.closed_at:%Y-%m-%d%H:%M:%S}",
        f"缴费笔数{doc.payment_count}笔",
        f"冲正笔数{doc.reversal_count}笔",
        f"净收合计{format_fen(doc.net_total_fen)}",
        f"人民币{capital_amount(doc.net_total_fen)}",
        f"应收现金{format_fen(doc.expected_cash_fen)}",
        f"实点现金{format_fen(doc.counted_cash_fen)}",
        f"差额{format_fen(doc.difference_fen)}",
        f"实点现金合计{format_fen(doc.counted_cash_fen, symbol=False)}",
        f"作废凭证号（被冲正的原凭证，共{len(doc.reversed_receipt_nos)}张）",
        "收费员签字",
        "复核人（值班长）签字",
        "日期",
    ]
    expected += [
        f"{METHOD_LABELS[t.method]}{t.count}{format_fen(t.total_fen, symbol=False)}" for t in doc.by_method
    ]
    expected += [f"{c.pieces}{format_fen(c.total_fen, symbol=False)}" for c in doc.counted]
    expected += list(doc.reversed_receipt_nos)
    for fragment in expected:
        assert fragment in summary, fragment


def test_forty_payments_sample_has_two_reversals_and_a_short_drawer() -> None:
    doc, _, texts = rendered(40)
    summary = compact(texts[0])
    assert doc.reversal_count == 2
    assert doc.difference_fen == -1000
    assert "差额-¥10.00（短款）" in summary
    assert f"差额原因{doc.difference_reason}" in summary
    assert f"首张凭证号{doc.first_receipt_no}" in summary
    assert f"末张凭证号{doc.last_receipt_no}" in summary


@pytest.mark.parametrize("n_payments", [40, 600])
def test_every_payment_is_listed_once_in_order_with_reversals_marked(n_payments: int) -> None:
    doc, _, texts = rendered(n_payments)
    listed = "\n".join(texts)
    rows = re.findall(
        r"^(\d+) (\S+-\d{10}) (\S+) (\d{10}) (\S+) (-?[\d,]+\.\d\d)(?: (.*))?$", listed, re.MULTILINE
    )
    assert [int(row[0]) for row in rows] == list(range(1, len(doc.payments) + 1))
    for row, line in zip(rows, doc.payments, strict=True):
        assert row[1] == line.receipt_no
        assert row[3] == line.account_no
        assert row[4] == METHOD_LABELS[line.method]
        assert row[5] == format_fen(line.amount_fen, symbol=False)
        if line.reverses_receipt_no:
            assert row[6] == f"冲正 {line.reverses_receipt_no}"
    closing = re.findall(r"^合计 (-?[\d,]+\.\d\d)$", listed, re.MULTILINE)
    assert closing == [format_fen(doc.net_total_fen, symbol=False)]


def test_list_header_is_repeated_on_every_continued_page() -> None:
    doc, _, texts = rendered(600)
    for text in texts[1:]:
        assert "序号 凭证号 时间 户号 支付方式 金额(元) 备注" in text
        assert f"班次号 {doc.shift_no}" in text


def test_empty_shift_says_so() -> None:
    _, _, texts = rendered(0)
    summary = compact(texts[0])
    assert "本班次无收费记录" in summary
    assert "首张凭证号—" in summary
    assert f"净收合计{format_fen(0)}" in summary


@pytest.mark.parametrize("n_payments", [0, 600])
def test_chain_head_on_every_page_and_font_embedded(n_payments: int) -> None:
    doc, pdf, texts = rendered(n_payments)
    for text in texts:
        assert doc.chain_head in text
    for page in read_pdf(pdf).pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0])
    assert_only_embedded_cjk_font(pdf)
