"""The central report as a summary table in Chinese: one row per hall and the company's total, for
``hallapp central report`` (printed, or written to an Excel file)."""

from collections.abc import Callable
from pathlib import Path

from hallapp.central.report import CentralReport
from hallapp.domain.kpi_values import Figures
from hallapp.domain.money import format_fen

Cell = str | int | float | None


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _percent(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio * 100, 1)


def _yuan(fen: int) -> str:
    return format_fen(fen, symbol=False)


def _money(f: Figures, pick: Callable[..., int]) -> str:
    return _yuan(pick(f.money)) if f.money else "0.00"


COLUMNS: tuple[tuple[str, Callable[[Figures], Cell]], ...] = (
    ("服务人数", lambda f: len(f.tickets.served)),
    ("平均等候(分)", lambda f: _minutes(f.tickets.waits.mean_s)),
    ("等候P90(分)", lambda f: _minutes(f.tickets.waits.percentile_s)),
    ("最长等候(分)", lambda f: _minutes(f.tickets.waits.max_s)),
    ("平均办理(分)", lambda f: _minutes(f.tickets.handling.mean_s)),
    ("等候达标率%", lambda f: _percent(f.tickets.service_level.ratio)),
    ("过号", lambda f: len(f.tickets.no_shows)),
    ("转办", lambda f: len(f.tickets.transfers)),
    ("评价数", lambda f: f.satisfaction.rated),
    ("差评", lambda f: len(f.satisfaction.bad)),
    ("收费笔数", lambda f: len(f.money.payments) if f.money else 0),
    ("实收(元)", lambda f: _money(f, lambda m: m.net_fen)),
    ("冲正笔数", lambda f: len(f.money.reversals) if f.money else 0),
    ("补打票据", lambda f: len(f.money.reprints) if f.money else 0),
    ("长短款(元)", lambda f: _yuan(f.cash_up.difference_fen) if f.cash_up else "0.00"),
    ("受理", lambda f: len(f.applications.accepted) if f.applications else 0),
    ("办结", lambda f: len(f.applications.completed) if f.applications else 0),
    ("超期", lambda f: len(f.applications.overdue) if f.applications else 0),
    ("当日办结率%", lambda f: _percent(f.applications.same_day_rate) if f.applications else None),
    ("投诉", lambda f: len(f.complaints or ())),
    ("咨询", lambda f: len(f.consultations or ())),
)
HEADER = ("营业厅", "名称", *(name for name, _ in COLUMNS))


def rows(result: CentralReport) -> list[tuple[Cell, ...]]:
    """The table's rows, the company's total last."""
    lines = [(h.hall_id, h.name, *(cell(h.log.hall) for _, cell in COLUMNS)) for h in result.halls]
    lines.append(("合计", f"{len(result.halls)} 个营业厅", *(cell(result.total.hall) for _, cell in COLUMNS)))
    return lines


def title(result: CentralReport) -> str:
    return f"营业厅服务日志汇总　{result.first_day.isoformat()} 至 {result.last_day.isoformat()}"


def as_text(result: CentralReport) -> str:
    shown = [HEADER, *rows(result)]
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
    sheet.append(list(HEADER))
    for line in rows(result):
        sheet.append(list(line))
    book.save(path)
