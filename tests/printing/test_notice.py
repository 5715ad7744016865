"""Arrears notices: two pages (客户联, 存根联 with the delivery receipt), the doc's amounts, the legal basis."""

from dataclasses import replace
from datetime import date

import pytest
from reportlab.lib.pagesizes import A4

from hallapp.domain.capital_amount import capital_amount
from hallapp.domain.money import format_fen
from hallapp.domain.printouts import NoticeKind, PaperSize
from hallapp.printing import render_notice
from hallapp.printing.samples import sample_notice
from tests.printing import assert_only_embedded_cjk_font, compact, page_texts, read_pdf

DELIVERY_FIELDS = ("签收人签字", "拒签见证人", "送达方式", "送达日期")


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_two_pages_customer_copy_then_archive_copy(kind: NoticeKind) -> None:
    pdf = render_notice(sample_notice(kind))
    customer, archive = (compact(text) for text in page_texts(pdf))
    assert "客户联" in customer
    assert "存根联" not in customer
    assert "存根联" in archive
    for field in DELIVERY_FIELDS:
        assert field in archive
        assert field not in customer


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_both_copies_carry_the_notice_and_the_docs_amounts(kind: NoticeKind) -> None:
    doc = sample_notice(kind)
    total = doc.outstanding_fen + doc.penalty_fen
    for text in (compact(text) for text in page_texts(render_notice(doc))):
        for fragment in (
            doc.header.unit_name,
            f"编号{doc.notice_no}",
            f"户号{doc.account_no}",
            f"户名{doc.holder}",
            f"用电地址{doc.address}",
            f"尚欠电费{format_fen(doc.outstanding_fen)}",
            f"电费违约金{format_fen(doc.penalty_fen)}",
            f"合计{format_fen(total)}",
            f"人民币{capital_amount(total)}",
            f"（小写）{format_fen(total)}",
            f"请拨打供电服务热线{doc.header.service_hotline}",
            f"能源监管热线{doc.header.regulator_hotline}",
            doc.header.hall_address,
            f"经办人{doc.clerk_staff_no}{doc.clerk_name}",
            "2026年11月20日",
        ):
            assert fragment in text, fragment
        for line in doc.lines:
            row = (
                f"{line.period}{line.due_date.isoformat()}{line.days_overdue}"
                f"{format_fen(line.outstanding_fen, symbol=False)}{format_fen(line.penalty_fen, symbol=False)}"
                f"{format_fen(line.outstanding_fen + line.penalty_fen, symbol=False)}"
            )
            assert row in text
        totals = f"合计{format_fen(doc.outstanding_fen, symbol=False)}{format_fen(doc.penalty_fen, symbol=False)}{format_fen(total, symbol=False)}"
        assert totals in text


def test_reminder_asks_to_pay_by_the_date_without_a_cut_window() -> None:
    text = compact(page_texts(render_notice(sample_notice(NoticeKind.REMINDER)))[0])
    assert "催缴电费通知单" in text
    assert "请您于2026年11月30日前交清" in text
    assert "停电计划" not in text


def test_cut_plan_names_the_window_and_the_legal_basis() -> None:
    text = compact(page_texts(render_notice(sample_notice(NoticeKind.CUT_PLAN)))[0])
    assert "欠电费停电计划通知书" in text
    assert "如您在2026年11月27日前仍未交清" in text
    assert "将于2026年11月28日至2026年11月30日期间对您户中止供电" in text
    assert "《供电营业规则》第六十六、六十七条" in text
    assert "《电力供应与使用条例》第三十九条" in text


def test_cut_plan_without_a_window_is_refused() -> None:
    doc = replace(sample_notice(NoticeKind.CUT_PLAN), cut_to=None)
    with pytest.raises(ValueError, match="cut window"):
        render_notice(doc)


def test_a4_pages_with_the_font_embedded() -> None:
    pdf = render_notice(sample_notice())
    for page in read_pdf(pdf).pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0])
        assert float(page.mediabox.height) == pytest.approx(A4[1])
    assert_only_embedded_cjk_font(pdf)


def test_two_years_of_arrears_still_fit_on_two_pages() -> None:
    doc = sample_notice(NoticeKind.CUT_PLAN)
    lines = tuple(replace(doc.lines[0], period=f"{2025 + i // 12}{i % 12 + 1:02d}") for i in range(24))
    texts = page_texts(render_notice(replace(doc, lines=lines), PaperSize.A4))
    assert len(texts) == 2
    assert "202612" in compact(texts[1])


def test_a5_notice_is_supported() -> None:
    assert len(page_texts(render_notice(sample_notice(), PaperSize.A5))) == 2


def test_notice_rejects_the_thermal_roll() -> None:
    with pytest.raises(ValueError, match="A4 or A5"):
        render_notice(sample_notice(), PaperSize.THERMAL_80)


def test_issue_date_follows_the_doc() -> None:
    doc = replace(
        sample_notice(), issued_at=sample_notice().issued_at.replace(month=12, day=1), as_of=date(2026, 12, 1)
    )
    assert "2026年12月01日" in compact(page_texts(render_notice(doc))[0])
