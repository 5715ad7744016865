"""The central report as a summary table in Chinese: one row per hall and the company's total, for
``hallapp central report`` (printed, or written to an Excel file)."""

from collections.abc import Callable
from pathlib import Path

from hallapp.central.report import CentralReport
from hallapp.domain.kpi_summary import Summary
from hallapp.domain.money import format_fen

Cell = str | int | float | None


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _percent(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio * 100, 1)


def _yuan(fen: int) -> str:
    return format_fen(fen, symbol=False)


COLUMNS: tuple[tuple[str, Callable[[Summary], Cell]], ...] = (
    ("服务人数", lambda f: f.served),
    ("平均等候(分)", lambda f: _minutes(f.waits.mean_s)),
    ("等候P{p}(分)", lambda f: _minutes(f.wait_percentile_s)),
    ("最长等候(分)", lambda f: _minutes(f.waits.max_s)),
    ("平均办理(分)", lambda f: _minutes(f.handling.mean_s)),
    ("等候达标率%", lambda f: _percent(f.service_level)),
    ("过号", lambda f: f.no_shows),
    ("转办", lambda f: f.transfers),
    ("评价数", lambda f: f.rated),
    ("差评", lambda f: f.bad_ratings),
    ("收费笔数", lambda f: f.payments),
    ("实收(元)", lambda f: _yuan(f.net_fen)),
    ("冲正笔数", lambda f: f.reversals),
    ("补打票据", lambda f: f.reprints),
    ("长短款(元)", lambda f: _yuan(f.difference_fen)),
    ("受理", lambda f: f.accepted),
    ("办结", lambda f: f.completed),
    ("超期", lambda f: f.overdue),
    ("当日办结率%", lambda f: _percent(f.same_day_rate)),
    ("投诉", lambda f: f.complaints),
    ("咨询", lambda f: f.consultations),
)


def header(result: CentralReport) -> tuple[str, ...]:
    p = result.total.wait_percentile
    return ("营业厅", "名称", *(name.format(p=p) for name, _ in COLUMNS))


def rows(result: CentralReport) -> list[tuple[Cell, ...]]:
    """The table's rows, the company's total last."""
    lines = [(h.hall_id, h.name, *(cell(h.summary) for _, cell in COLUMNS)) for h in result.halls]
    lines.append(("合计", f"{len(result.halls)} 个营业厅", *(cell(result.total) for _, cell in COLUMNS)))
    return lines


def title(result: CentralReport) -> str:
    return f"营业厅服务日志汇总　{result.first_day.isoformat()} 至 {result.last_day.isoformat()}"


def as_text(result: CentralReport) -> str:
    shown = [header(result), *rows(result)]
    return "\n".join(
        [title(result), *("\t".join("—" if c is None else str(c) for c in line) for line in shown)]
    )


def write_xlsx(result: CentralReport, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "汇总"
    sheet.append([title(result)])
    sheet.append(list(header(result)))
    for line in rows(result):
        sheet.append(list(line))
    book.save(path)
