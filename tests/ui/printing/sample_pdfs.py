"""Small real PDFs made with reportlab, with the bundled Chinese font embedded, like the core's."""

import io

from reportlab.graphics.barcode import code128
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from hallapp.paths import resources_dir

FONT = "WenQuanYiZenHei"
RECEIPT_SIZE_MM = (80, 160)


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / "fonts" / "wqy-zenhei-subset.ttf")))
    return FONT


def receipt_pdf() -> bytes:
    """An 80 mm × 160 mm 电费缴费凭证, laid out like a thermal receipt (72 mm printable)."""
    width, height = RECEIPT_SIZE_MM[0] * mm, RECEIPT_SIZE_MM[1] * mm
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height))
    font = _font()
    left, right = 4 * mm, width - 4 * mm
    y = height - 10 * mm
    pdf.setFont(font, 11)
    pdf.drawCentredString(width / 2, y, "国网示例市供电公司")
    y -= 6 * mm
    pdf.setFont(font, 14)
    pdf.drawCentredString(width / 2, y, "电费缴费凭证")
    y -= 5 * mm
    pdf.setFont(font, 8)
    pdf.drawCentredString(width / 2, y, "城东供电营业厅 · 东风路 88 号")
    rows = [
        ("凭证号", "T01-26000012345"),
        ("户号", "3300123456"),
        ("户名", "张建国"),
        ("地址", "东风路 12 号 3 单元 501"),
        ("缴费时间", "2026-11-20 09:41"),
        ("电费年月", "202610  312 千瓦时"),
        ("应收电费", "¥ 156.00"),
        ("违约金", "¥ 0.00"),
        ("支付方式", "现金"),
        ("操作员", "C001 李晓梅"),
    ]
    y -= 4 * mm
    pdf.setDash(2, 2)
    pdf.line(left, y, right, y)
    pdf.setDash()
    pdf.setFont(font, 9)
    for label, value in rows:
        y -= 5.2 * mm
        pdf.drawString(left, y, label)
        pdf.drawRightString(right, y, value)
    y -= 4 * mm
    pdf.setDash(2, 2)
    pdf.line(left, y, right, y)
    pdf.setDash()
    y -= 8 * mm
    pdf.setFont(font, 12)
    pdf.drawString(left, y, "本次实收")
    pdf.setFont(font, 16)
    pdf.drawRightString(right, y, "¥ 156.00")
    y -= 6 * mm
    pdf.setFont(font, 9)
    pdf.drawString(left, y, "大写：壹佰伍拾陆元整")
    barcode = code128.Code128("T01-26000012345", barHeight=10 * mm, barWidth=0.3 * mm)
    y -= 16 * mm
    barcode.drawOn(pdf, (width - barcode.width) / 2, y)
    pdf.setFont(font, 8)
    pdf.drawCentredString(width / 2, 10 * mm, "服务热线 95598 · 监管热线 12398")
    pdf.drawCentredString(width / 2, 6 * mm, "请妥善保管本凭证")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def sheet_pdf(pages: int = 1, *, size: tuple[float, float] = A4, heading: str = "停电通知") -> bytes:
    """A notice or report on A4/A5 with ``pages`` pages, each numbered."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size)
    font = _font()
    width, height = size
    for number in range(1, pages + 1):
        pdf.setFont(font, 18)
        pdf.drawCentredString(width / 2, height - 25 * mm, heading)
        pdf.setFont(font, 11)
        pdf.drawString(20 * mm, height - 40 * mm, "尊敬的客户：因线路检修，东风路一带将于 11 月 25 日停电。")
        pdf.rect(20 * mm, 20 * mm, width - 40 * mm, 10 * mm)
        pdf.drawCentredString(width / 2, 12 * mm, f"第 {number} 页 共 {pages} 页")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def a4_pdf(pages: int = 1) -> bytes:
    return sheet_pdf(pages, size=A4)


def a4_landscape_pdf() -> bytes:
    return sheet_pdf(1, size=landscape(A4), heading="班次日结报表")


def a5_pdf() -> bytes:
    return sheet_pdf(1, size=A5, heading="业务受理单")


def chinese_only_pdf() -> bytes:
    """One line of Chinese text on an otherwise white 60 mm × 20 mm page."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(60 * mm, 20 * mm))
    pdf.setFont(_font(), 14)
    pdf.drawString(4 * mm, 7 * mm, "电费缴费凭证")
    pdf.showPage()
    pdf.save()
    return out.getvalue()
