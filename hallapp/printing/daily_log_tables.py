"""The daily counter log as titled tables of typed values, for its PDF and Excel exports (always
Chinese, as every filed document). Each value keeps its kind, so the PDF prints text and the
workbook stores numbers with number formats."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.kpi_values import DailyLog, Figures, SeriesPoint
from hallapp.domain.money import format_fen
from hallapp.printing.common import METHOD_LABELS

TITLE = "营业厅柜面日志"
NONE = "—"


class Kind(StrEnum):
    TEXT = "text"
    COUNT = "count"
    SECONDS = "seconds"
    FEN = "fen"
    RATIO = "ratio"


@dataclass(frozen=True)
class Value:
    kind: Kind
    value: str | int | float | None


def text(value: str) -> Value:
    return Value(Kind.TEXT, value)


def count(value: int) -> Value:
    return Value(Kind.COUNT, value)


def seconds(value: float | None) -> Value:
    return Value(Kind.SECONDS, None if value is None else round(value))


def fen(value: int | None) -> Value:
    return Value(Kind.FEN, value)


def ratio(value: float | None) -> Value:
    return Value(Kind.RATIO, value)


@dataclass(frozen=True)
class TableColumn:
    title: str
    width_mm: float


@dataclass(frozen=True)
class ReportTable:
    title: str  # also the sheet name (at most 31 characters, no []:*?/\)
    columns: tuple[TableColumn, ...]
    rows: tuple[tuple[Value, ...], ...]


@dataclass(frozen=True)
class DailyLogReport:
    unit_name: str
    hall_name: str
    made_at: datetime  # hall time
    type_names: dict[str, str]  # business type code -> name
    log: DailyLog

    @property
    def period(self) -> str:
        first, last = self.log.first_day, self.log.last_day
        return _day(first) if first == last else f"{_day(first)} 至 {_day(last)}"


SCORE_NAMES = {5: "5 非常满意", 4: "4 满意", 3: "3 基本满意", 2: "2 不满意", 1: "1 非常不满意"}


def value_text(value: Value) -> str:
    """How a value reads on paper: ¥ amounts, m:ss durations, percentages, — for none."""
    if value.value is None:
        return NONE
    if value.kind is Kind.FEN:
        return format_fen(int(value.value))
    if value.kind is Kind.SECONDS:
        return duration_text(int(value.value))
    if value.kind is Kind.RATIO:
        return f"{float(value.value) * 100:.1f}%"
    return str(value.value)


def duration_text(total: int) -> str:
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def report_tables(report: DailyLogReport) -> list[ReportTable]:
    return [
        summary_table(report),
        window_table(report.log),
        type_table(report),
        clerk_table(report.log),
        method_table(report.log),
        clerk_money_table(report.log),
        cash_up_table(report.log),
        satisfaction_table(report.log),
        bad_rating_table(report.log),
        application_table(report.log),
        series_table(report.log),
    ]


# --- summary ---------------------------------------------------------------------------------


def summary_table(report: DailyLogReport) -> ReportTable:
    log, hall = report.log, report.log.hall
    tickets, money, apps = hall.tickets, hall.money, hall.applications
    rows: list[tuple[str, Value]] = [
        ("服务客户数", count(len(tickets.served))),
        ("平均等候时长", seconds(tickets.waits.mean_s)),
        (f"等候时长第{log.wait_percentile}百分位", seconds(tickets.waits.percentile_s)),
        ("最长等候时长", seconds(tickets.waits.max_s)),
        ("平均办理时长", seconds(tickets.handling.mean_s)),
        (f"服务达标率（等候不超过{log.wait_target_minutes}分钟）", ratio(tickets.service_level.ratio)),
        ("过号", count(len(tickets.no_shows))),
        ("转移", count(len(tickets.transfers))),
        ("未办结", count(len(tickets.unfinished))),
        ("评价数", count(hall.satisfaction.rated)),
        ("差评数", count(len(hall.satisfaction.bad))),
        ("窗口暂停时长", seconds(hall.pauses.seconds)),
    ]
    if money is not None:
        rows += [
            ("收费笔数", count(len(money.payments))),
            ("收费金额", fen(money.gross_fen)),
            ("冲正笔数", count(len(money.reversals))),
            ("冲正金额", fen(money.reversed_fen)),
            ("净收金额", fen(money.net_fen)),
            ("补打凭证", count(len(money.reprints))),
        ]
    if hall.cash_up is not None:
        rows.append(("轧账差额", fen(hall.cash_up.difference_fen)))
    if apps is not None:
        rows += [
            ("业务受理", count(len(apps.accepted))),
            ("业务办结", count(len(apps.completed))),
            ("到期", count(len(apps.due))),
            ("超期", count(len(apps.overdue))),
            ("当日办结率", ratio(apps.same_day_rate)),
        ]
    rows += [
        ("投诉", count(len(hall.complaints or ()))),
        ("咨询", count(len(hall.consultations or ()))),
    ]
    half = (len(rows) + 1) // 2
    right = rows[half:] + [("", text(""))] * (len(rows) % 2)
    pairs = zip(rows[:half], right, strict=True)
    return ReportTable(
        "汇总",
        (TableColumn("项目", 70), TableColumn("数值", 34), TableColumn("项目", 70), TableColumn("数值", 34)),
        tuple((text(a), x, text(b), y) for (a, x), (b, y) in pairs),
    )


# --- tickets by window, type and clerk -------------------------------------------------------

TICKET_COLUMNS = (
    TableColumn("服务客户", 18),
    TableColumn("平均等候", 18),
    TableColumn("P90等候", 18),
    TableColumn("最长等候", 18),
    TableColumn("平均办理", 18),
    TableColumn("达标率", 16),
    TableColumn("过号", 12),
    TableColumn("转移", 12),
    TableColumn("评价", 12),
    TableColumn("差评", 12),
)


def ticket_values(figures: Figures) -> tuple[Value, ...]:
    t = figures.tickets
    return (
        count(len(t.served)),
        seconds(t.waits.mean_s),
        seconds(t.waits.percentile_s),
        seconds(t.waits.max_s),
        seconds(t.handling.mean_s),
        ratio(t.service_level.ratio),
        count(len(t.no_shows)),
        count(len(t.transfers)),
        count(figures.satisfaction.rated),
        count(len(figures.satisfaction.bad)),
    )


def window_table(log: DailyLog) -> ReportTable:
    columns = (
        TableColumn("窗口", 30),
        *TICKET_COLUMNS,
        TableColumn("未办结", 14),
        TableColumn("暂停次数", 16),
        TableColumn("暂停时长", 18),
    )

    def extra(figures: Figures) -> tuple[Value, ...]:
        return (
            count(len(figures.tickets.unfinished)),
            count(len(figures.pauses.event_ids)),
            seconds(figures.pauses.seconds),
        )

    rows = [(text("全厅"), *ticket_values(log.hall), *extra(log.hall))]
    rows += [(text(w.name), *ticket_values(w.figures), *extra(w.figures)) for w in log.windows]
    return ReportTable("按窗口", columns, tuple(rows))


def type_table(report: DailyLogReport) -> ReportTable:
    rows = tuple(
        (text(report.type_names.get(t.business_type, t.business_type)), count(len(t.ticket_ids)))
        for t in report.log.hall.tickets.served_by_type
    )
    return ReportTable("按业务类型", (TableColumn("业务类型", 50), TableColumn("服务客户", 24)), rows)


def clerk_label(name: str, active: bool) -> str:
    return f"{name}（已离职）" if not active else name


def clerk_table(log: DailyLog) -> ReportTable:
    columns = (
        TableColumn("工号", 16),
        TableColumn("姓名", 28),
        *TICKET_COLUMNS,
        TableColumn("收费笔数", 16),
        TableColumn("净收金额", 26),
        TableColumn("受理", 12),
        TableColumn("投诉", 12),
        TableColumn("咨询", 12),
    )
    rows = []
    for clerk in log.clerks:
        f = clerk.figures
        rows.append(
            (
                text(clerk.staff_no),
                text(clerk_label(clerk.name, clerk.active)),
                *ticket_values(f),
                count(len(f.money.payments) if f.money else 0),
                fen(f.money.net_fen if f.money else 0),
                count(len(f.applications.accepted) if f.applications else 0),
                count(len(f.complaints or ())),
                count(len(f.consultations or ())),
            )
        )
    return ReportTable("按柜员", columns, tuple(rows))


# --- money -----------------------------------------------------------------------------------


def method_table(log: DailyLog) -> ReportTable:
    money = log.hall.money
    by_method = money.by_method if money else ()
    rows = [
        (text(METHOD_LABELS.get(PaymentMethod(m.method), m.method)), count(m.count), fen(m.net_fen))
        for m in by_method
    ]
    rows.append((text("合计"), count(sum(m.count for m in by_method)), fen(money.net_fen if money else 0)))
    columns = (TableColumn("支付方式", 40), TableColumn("收费笔数", 24), TableColumn("净额", 36))
    return ReportTable("收费方式", columns, tuple(rows))


def clerk_money_table(log: DailyLog) -> ReportTable:
    columns = (
        TableColumn("工号", 16),
        TableColumn("姓名", 28),
        TableColumn("收费笔数", 18),
        TableColumn("收费金额", 30),
        TableColumn("冲正笔数", 18),
        TableColumn("冲正金额", 30),
        TableColumn("净收金额", 30),
        TableColumn("补打凭证", 18),
        TableColumn("轧账差额", 28),
    )
    rows = []
    for clerk in log.clerks:
        money, cash = clerk.figures.money, clerk.figures.cash_up
        if money is None or not (
            money.payments or money.reversals or money.reprints or (cash and cash.shifts)
        ):
            continue
        rows.append(
            (
                text(clerk.staff_no),
                text(clerk_label(clerk.name, clerk.active)),
                count(len(money.payments)),
                fen(money.gross_fen),
                count(len(money.reversals)),
                fen(money.reversed_fen),
                fen(money.net_fen),
                count(len(money.reprints)),
                fen(cash.difference_fen if cash else 0),
            )
        )
    return ReportTable("柜员收费", columns, tuple(rows))


def cash_up_table(log: DailyLog) -> ReportTable:
    names = {c.staff_no: clerk_label(c.name, c.active) for c in log.clerks}
    shifts = log.hall.cash_up.shifts if log.hall.cash_up else ()
    rows = tuple(
        (
            text(_day(s.business_date)),
            text(s.staff_no),
            text(names.get(s.staff_no, "")),
            text("已轧账" if s.closed else "未轧账"),
            fen(s.expected_cash_fen),
            fen(s.counted_cash_fen),
            fen(s.difference_fen),
            text(s.difference_reason),
        )
        for s in shifts
    )
    columns = (
        TableColumn("营业日期", 24),
        TableColumn("工号", 16),
        TableColumn("姓名", 28),
        TableColumn("状态", 18),
        TableColumn("应收现金", 28),
        TableColumn("实点现金", 28),
        TableColumn("差额", 26),
        TableColumn("差额原因", 60),
    )
    return ReportTable("日结轧账", columns, rows)


# --- satisfaction, applications, series --------------------------------------------------------


def satisfaction_table(log: DailyLog) -> ReportTable:
    rated = log.hall.satisfaction.rated
    rows = tuple(
        (
            text(SCORE_NAMES.get(r.score, str(r.score))),
            count(len(r.ticket_ids)),
            ratio(len(r.ticket_ids) / rated if rated else None),
        )
        for r in log.hall.satisfaction.distribution
    )
    columns = (TableColumn("评价", 36), TableColumn("人数", 20), TableColumn("占比", 20))
    return ReportTable("满意度", columns, rows)


def bad_rating_table(log: DailyLog) -> ReportTable:
    names = {c.staff_no: c.name for c in log.clerks}
    windows = {w.window_no: w.name for w in log.windows}
    rows = tuple(
        (
            text(b.display_no),
            count(b.score),
            text(b.reason),
            text(windows.get(b.window_no, "") if b.window_no is not None else ""),
            text(f"{b.staff_no} {names.get(b.staff_no, '')}".strip() if b.staff_no else ""),
        )
        for b in log.hall.satisfaction.bad
    )
    columns = (
        TableColumn("票号", 22),
        TableColumn("评分", 14),
        TableColumn("原因", 100),
        TableColumn("窗口", 30),
        TableColumn("柜员", 30),
    )
    return ReportTable("差评", columns, rows)


def application_table(log: DailyLog) -> ReportTable:
    columns = (
        TableColumn("范围", 40),
        TableColumn("受理", 16),
        TableColumn("办结", 16),
        TableColumn("到期", 16),
        TableColumn("超期", 16),
        TableColumn("当日办结", 18),
        TableColumn("当日办结率", 22),
        TableColumn("投诉", 14),
        TableColumn("咨询", 14),
    )
    scopes = [("全厅", log.hall)]
    scopes += [(f"{c.staff_no} {clerk_label(c.name, c.active)}".strip(), c.figures) for c in log.clerks]
    rows = []
    for caption, figures in scopes:
        apps = figures.applications
        if apps is None:
            continue
        rows.append(
            (
                text(caption),
                count(len(apps.accepted)),
                count(len(apps.completed)),
                count(len(apps.due)),
                count(len(apps.overdue)),
                count(len(apps.completed_same_day)),
                ratio(apps.same_day_rate),
                count(len(figures.complaints or ())),
                count(len(figures.consultations or ())),
            )
        )
    return ReportTable("业务受理与投诉咨询", columns, tuple(rows))


def series_label(point: SeriesPoint, daily: bool) -> str:
    return (
        point.start.strftime("%m-%d")
        if daily
        else f"{point.start:%H:00}-{(point.start.hour + 1) % 24:02d}:00"
    )


def series_table(log: DailyLog) -> ReportTable:
    daily = log.first_day != log.last_day
    columns = (
        TableColumn("日期" if daily else "时段", 30),
        TableColumn("取号", 16),
        TableColumn("最多排队", 18),
        TableColumn("叫号", 16),
        TableColumn("平均等候", 18),
        TableColumn("最长等候", 18),
        TableColumn("服务客户", 18),
        TableColumn("收费笔数", 18),
        TableColumn("收费净额", 30),
    )
    rows = tuple(
        (
            text(series_label(p, daily)),
            count(p.issued),
            count(p.queue_max),
            count(p.called),
            seconds(p.wait_mean_s),
            seconds(p.wait_max_s),
            count(sum(n for _, n in p.served_by_window)),
            count(p.payments),
            fen(p.collected_fen),
        )
        for p in log.series
    )
    return ReportTable("逐日" if daily else "逐时", columns, rows)


def _day(value: date) -> str:
    return value.isoformat()
