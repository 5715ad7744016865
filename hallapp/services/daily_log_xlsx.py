"""营业厅柜面日志 as an Excel workbook: one sheet per table, numbers stored as numbers (money in yuan
with two decimals, durations as time, shares as percentages), a title block, frozen headers."""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hallapp.printing.common import format_datetime
from hallapp.printing.daily_log_tables import (
    NONE,
    TITLE,
    DailyLogReport,
    Kind,
    ReportTable,
    Value,
    report_tables,
    value_text,
)

FORMATS = {
    Kind.COUNT: "0",
    Kind.FEN: "#,##0.00",
    Kind.SECONDS: "[h]:mm:ss",
    Kind.RATIO: "0.0%",
}
HEADER_ROW = 4  # rows 1-3: title, hall and period, when it was made
SECONDS_PER_DAY = 86400
FEN_PER_YUAN = Decimal(100)
MAX_WIDTH = 60
HEADER_FILL = PatternFill("solid", fgColor="E6F2EF")
THIN = Side(style="thin", color="A0AAA8")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def daily_log_workbook(report: DailyLogReport) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in report_tables(report):
        _sheet(book.create_sheet(table.title[:31]), table, report)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def cell_value(value: Value) -> object:
    """What the cell stores: numbers for numbers (none is an empty cell), text for text."""
    if value.value is None:
        return None
    if value.kind is Kind.FEN:
        return Decimal(int(value.value)) / FEN_PER_YUAN
    if value.kind is Kind.SECONDS:
        return int(value.value) / SECONDS_PER_DAY
    return value.value


def _sheet(sheet: Worksheet, table: ReportTable, report: DailyLogReport) -> None:
    width = len(table.columns)
    sheet.cell(1, 1, f"{report.unit_name}　{TITLE}　{table.title}").font = Font(bold=True, size=14)
    sheet.cell(2, 1, f"营业厅：{report.hall_name}　　统计期间：{report.period}")
    sheet.cell(3, 1, f"制表时间：{format_datetime(report.made_at)}")
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 4))
    widths = [_text_width(c.title) for c in table.columns]
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(HEADER_ROW, index, column.title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for offset, row in enumerate(table.rows, start=1):
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(HEADER_ROW + offset, index, cell_value(value))
            cell.border = BOX
            if value.kind in FORMATS:
                cell.number_format = FORMATS[value.kind]
                cell.alignment = Alignment(horizontal="right")
            shown = str(value.value) if value.kind is Kind.TEXT else _shown(value)
            widths[index - 1] = max(widths[index - 1], _text_width(shown))
    if not table.rows:
        sheet.cell(HEADER_ROW + 1, 1, "（无记录）")
    for index, chars in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, chars + 3)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4


def _shown(value: Value) -> str:
    return value_text(value) if value.value is not None else NONE


def _text_width(text: str) -> int:
    """Excel column width in characters: CJK characters take two."""
    return sum(1 if ch.isascii() else 2 for ch in text)
