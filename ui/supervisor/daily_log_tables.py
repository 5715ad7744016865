"""The daily log's tables on screen: which columns each tab shows and, for every cell, the records
behind it (``Drill``), so Enter or a double-click on any figure lists them."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.kpi_values import BadRating, Figures, MethodMoney, RatingCount, ShiftLine
from hallapp.printing.daily_log_tables import duration_text
from ui.widgets.formatting import label, money
from ui.widgets.record_table_model import CENTER, RIGHT, Column, Index, RecordTableModel

translate = QCoreApplication.translate
R = TypeVar("R")
NONE = "—"


@dataclass(frozen=True)
class Drill:
    """The records behind one figure: ``kind`` is tickets, payments, applications, complaints or
    consultations (the name of the ``core.daily_log`` method that lists them)."""

    kind: str
    ids: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class Scope:
    """One row of a figures table: the hall, a window or a clerk."""

    key: str
    name: str
    figures: Figures
    left: bool = False  # a clerk who has left
    total: bool = False  # the hall's row


@dataclass(frozen=True)
class Spec(Generic[R]):
    column: Column[R]
    drill: Callable[[R], Drill | None] | None = None


class DrillTableModel(RecordTableModel[R]):
    """A record table whose columns can change on every load and whose cells know their records."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__([], parent)
        self.drills: list[Callable[[R], Drill | None] | None] = []

    def set_table(self, specs: Sequence[Spec[R]], records: Sequence[R]) -> None:
        self.beginResetModel()
        self.columns = [s.column for s in specs]
        self.drills = [s.drill for s in specs]
        self.records = list(records)
        self.endResetModel()

    def drill_at(self, row: int, column: int) -> Drill | None:
        if not (0 <= row < len(self.records) and 0 <= column < len(self.drills)):
            return None
        drill = self.drills[column]
        return drill(self.records[row]) if drill else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.FontRole
            and index.isValid()
            and getattr(self.records[index.row()], "total", False)
        ):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


# --- value text --------------------------------------------------------------------------------


def duration(seconds: float | None) -> str:
    return NONE if seconds is None else duration_text(round(seconds))


def percent(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f}%"


def _tickets(ids: Sequence[str], scope: str, what: str) -> Drill:
    return Drill("tickets", tuple(ids), f"{scope} · {what}")


def _payments(ids: Sequence[str], scope: str, what: str) -> Drill:
    return Drill("payments", tuple(ids), f"{scope} · {what}")


def _applications(ids: Sequence[str], scope: str, what: str) -> Drill:
    return Drill("applications", tuple(ids), f"{scope} · {what}")


def _count_spec(title: str, ids: Callable[[Scope], Sequence[str] | None], kind: str) -> Spec[Scope]:
    def drill(s: Scope) -> Drill | None:
        found = ids(s)
        return None if found is None else Drill(kind, tuple(found), f"{s.name} · {title}")

    return Spec(
        Column(title, lambda s: _count_text(ids(s)), RIGHT, sort_key=lambda s: len(ids(s) or ())), drill
    )


def _count_text(ids: Sequence[str] | None) -> str:
    return NONE if ids is None else str(len(ids))


# --- tickets: windows and clerks ---------------------------------------------------------------


def ticket_specs(type_names: dict[str, str], types: Sequence[str], percentile: int) -> list[Spec[Scope]]:

    def waits(s: Scope):  # type: ignore[no-untyped-def]
        return s.figures.tickets.waits

    def handling(s: Scope):  # type: ignore[no-untyped-def]
        return s.figures.tickets.handling

    specs = [
        _count_spec(translate("DailyLogPage", "Served"), lambda s: s.figures.tickets.served, "tickets"),
        Spec(
            Column(
                translate("DailyLogPage", "Avg wait"),
                lambda s: duration(waits(s).mean_s),
                RIGHT,
                sort_key=lambda s: waits(s).mean_s or 0,
            ),
            lambda s: _tickets(waits(s).ticket_ids, s.name, translate("DailyLogPage", "Waits")),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "P{p} wait").format(p=percentile),
                lambda s: duration(waits(s).percentile_s),
                RIGHT,
                sort_key=lambda s: waits(s).percentile_s or 0,
            ),
            lambda s: _tickets(waits(s).ticket_ids, s.name, translate("DailyLogPage", "Waits")),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Longest wait"),
                lambda s: duration(waits(s).max_s),
                RIGHT,
                sort_key=lambda s: waits(s).max_s or 0,
            ),
            lambda s: _tickets(
                (waits(s).max_ticket_id,) if waits(s).max_ticket_id else (),
                s.name,
                translate("DailyLogPage", "Longest wait"),
            ),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Avg handling"),
                lambda s: duration(handling(s).mean_s),
                RIGHT,
                sort_key=lambda s: handling(s).mean_s or 0,
            ),
            lambda s: _tickets(handling(s).ticket_ids, s.name, translate("DailyLogPage", "Handling")),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Service level"),
                lambda s: percent(s.figures.tickets.service_level.ratio),
                RIGHT,
                sort_key=lambda s: s.figures.tickets.service_level.ratio or 0,
            ),
            lambda s: _tickets(
                s.figures.tickets.service_level.within,
                s.name,
                translate("DailyLogPage", "Waited no longer than the target"),
            ),
        ),
        _count_spec(translate("DailyLogPage", "No-shows"), lambda s: s.figures.tickets.no_shows, "tickets"),
        _count_spec(translate("DailyLogPage", "Transfers"), lambda s: s.figures.tickets.transfers, "tickets"),
        _count_spec(
            translate("DailyLogPage", "Unfinished"), lambda s: s.figures.tickets.unfinished, "tickets"
        ),
        _count_spec(translate("DailyLogPage", "Rated"), _rated_ids, "tickets"),
        _count_spec(
            translate("DailyLogPage", "Bad ratings"),
            lambda s: [b.ticket_id for b in s.figures.satisfaction.bad],
            "tickets",
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Paused"),
                lambda s: f"{len(s.figures.pauses.event_ids)} · {duration(s.figures.pauses.seconds)}",
                RIGHT,
                sort_key=lambda s: s.figures.pauses.seconds,
            )
        ),
    ]
    for code in types:
        specs.append(_count_spec(type_names.get(code, code), partial_type(code), "tickets"))
    return specs


def partial_type(code: str) -> Callable[[Scope], Sequence[str]]:
    def ids(s: Scope) -> Sequence[str]:
        return next((x.ticket_ids for x in s.figures.tickets.served_by_type if x.business_type == code), ())

    return ids


def _rated_ids(s: Scope) -> list[str]:
    return [i for r in s.figures.satisfaction.distribution for i in r.ticket_ids]


def name_specs(*, staff: bool) -> list[Spec[Scope]]:
    if not staff:
        return [Spec(Column(translate("DailyLogPage", "Window"), lambda s: s.name, sort_key=lambda s: s.key))]
    return [
        Spec(Column(translate("DailyLogPage", "Staff no."), lambda s: s.key, CENTER)),
        Spec(
            Column(
                translate("DailyLogPage", "Name"),
                lambda s: (
                    s.name if not s.left else translate("DailyLogPage", "{name} (left)").format(name=s.name)
                ),
                tone=lambda s: "owed" if s.left else None,
            )
        ),
    ]


def clerk_money_specs() -> list[Spec[Scope]]:
    return [
        _count_spec(
            translate("DailyLogPage", "Payments"),
            lambda s: _money(s).payments if _money(s) else None,
            "payments",
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Net taken"),
                lambda s: money(_money(s).net_fen) if _money(s) else NONE,
                RIGHT,
                sort_key=lambda s: _money(s).net_fen if _money(s) else 0,
            ),
            lambda s: (
                _payments(
                    _money(s).payments + _money(s).reversals, s.name, translate("DailyLogPage", "Net taken")
                )
                if _money(s)
                else None
            ),
        ),
        _count_spec(
            translate("DailyLogPage", "Accepted"),
            lambda s: _apps(s).accepted if _apps(s) else None,
            "applications",
        ),
    ]


def _money(s: Scope):  # type: ignore[no-untyped-def]
    return s.figures.money


def _apps(s: Scope):  # type: ignore[no-untyped-def]
    return s.figures.applications


# --- money ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MethodRow:
    method: str  # "" for the total row
    payment_ids: tuple[str, ...]
    count: int
    net_fen: int
    total: bool = False


def method_rows(by_method: Sequence[MethodMoney], net_fen: int) -> list[MethodRow]:
    rows = [MethodRow(m.method, m.payment_ids, m.count, m.net_fen) for m in by_method]
    ids = tuple(i for m in by_method for i in m.payment_ids)
    rows.append(MethodRow("", ids, sum(m.count for m in by_method), net_fen, total=True))
    return rows


def method_specs() -> list[Spec[MethodRow]]:

    def name(r: MethodRow) -> str:
        return translate("DailyLogPage", "Total") if r.total else label(PaymentMethod(r.method))

    return [
        Spec(Column(translate("DailyLogPage", "Method"), name)),
        Spec(
            Column(
                translate("DailyLogPage", "Payments"),
                lambda r: str(r.count),
                RIGHT,
                sort_key=lambda r: r.count,
            ),
            lambda r: _payments(r.payment_ids, name(r), translate("DailyLogPage", "Payments")),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Net"),
                lambda r: money(r.net_fen),
                RIGHT,
                sort_key=lambda r: r.net_fen,
            ),
            lambda r: _payments(r.payment_ids, name(r), translate("DailyLogPage", "Net")),
        ),
    ]


def money_by_clerk_specs() -> list[Spec[Scope]]:

    def m(s: Scope):  # type: ignore[no-untyped-def]
        return s.figures.money

    def cash(s: Scope) -> int:
        return s.figures.cash_up.difference_fen if s.figures.cash_up else 0

    return [
        *name_specs(staff=True),
        _count_spec(translate("DailyLogPage", "Payments"), lambda s: m(s).payments, "payments"),
        Spec(
            Column(
                translate("DailyLogPage", "Gross"),
                lambda s: money(m(s).gross_fen),
                RIGHT,
                sort_key=lambda s: m(s).gross_fen,
            ),
            lambda s: _payments(m(s).payments, s.name, translate("DailyLogPage", "Gross")),
        ),
        _count_spec(translate("DailyLogPage", "Reversals"), lambda s: m(s).reversals, "payments"),
        Spec(
            Column(
                translate("DailyLogPage", "Reversed"),
                lambda s: money(m(s).reversed_fen),
                RIGHT,
                sort_key=lambda s: m(s).reversed_fen,
                tone=lambda s: "owed" if m(s).reversed_fen else None,
            ),
            lambda s: _payments(m(s).reversals, s.name, translate("DailyLogPage", "Reversed")),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Net"),
                lambda s: money(m(s).net_fen),
                RIGHT,
                sort_key=lambda s: m(s).net_fen,
            ),
            lambda s: _payments(m(s).payments + m(s).reversals, s.name, translate("DailyLogPage", "Net")),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Reprints"),
                lambda s: str(len(m(s).reprints)),
                RIGHT,
                sort_key=lambda s: len(m(s).reprints),
            )
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Cash-up difference"),
                lambda s: money(cash(s)),
                RIGHT,
                sort_key=cash,
                tone=lambda s: "owed" if cash(s) else None,
            )
        ),
    ]


def shift_specs(names: dict[str, str]) -> list[Spec[ShiftLine]]:

    def amount(fen: int | None) -> str:
        return NONE if fen is None else money(fen)

    return [
        Spec(Column(translate("DailyLogPage", "Day"), lambda x: x.business_date.isoformat(), CENTER)),
        Spec(
            Column(
                translate("DailyLogPage", "Clerk"),
                lambda x: f"{x.staff_no} {names.get(x.staff_no, '')}".strip(),
            )
        ),
        Spec(
            Column(
                translate("DailyLogPage", "State"),
                lambda x: (
                    translate("DailyLogPage", "Closed") if x.closed else translate("DailyLogPage", "Open")
                ),
                CENTER,
            )
        ),
        Spec(
            Column(translate("DailyLogPage", "Expected cash"), lambda x: amount(x.expected_cash_fen), RIGHT)
        ),
        Spec(Column(translate("DailyLogPage", "Counted cash"), lambda x: amount(x.counted_cash_fen), RIGHT)),
        Spec(
            Column(
                translate("DailyLogPage", "Difference"),
                lambda x: amount(x.difference_fen),
                RIGHT,
                tone=lambda x: "owed" if x.difference_fen else None,
            )
        ),
        Spec(Column(translate("DailyLogPage", "Reason"), lambda x: x.difference_reason)),
    ]


# --- satisfaction and applications -------------------------------------------------------------


def score_label(score: int) -> str:
    return {
        5: translate("DailyLogPage", "5 Very satisfied"),
        4: translate("DailyLogPage", "4 Satisfied"),
        3: translate("DailyLogPage", "3 Fairly satisfied"),
        2: translate("DailyLogPage", "2 Dissatisfied"),
        1: translate("DailyLogPage", "1 Very dissatisfied"),
    }.get(score, str(score))


def rating_specs(rated: int) -> list[Spec[RatingCount]]:
    return [
        Spec(
            Column(
                translate("DailyLogPage", "Rating"),
                lambda r: score_label(r.score),
                tone=lambda r: "owed" if r.score <= 2 else None,
            )
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Customers"),
                lambda r: str(len(r.ticket_ids)),
                RIGHT,
                sort_key=lambda r: len(r.ticket_ids),
            ),
            lambda r: _tickets(r.ticket_ids, translate("DailyLogPage", "Satisfaction"), score_label(r.score)),
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Share"),
                lambda r: percent(len(r.ticket_ids) / rated if rated else None),
                RIGHT,
            )
        ),
    ]


def bad_specs(windows: dict[int, str], names: dict[str, str]) -> list[Spec[BadRating]]:

    def drill(b: BadRating) -> Drill:
        return _tickets((b.ticket_id,), translate("DailyLogPage", "Bad rating"), b.display_no)

    return [
        Spec(Column(translate("DailyLogPage", "Ticket"), lambda b: b.display_no, CENTER), drill),
        Spec(
            Column(
                translate("DailyLogPage", "Rating"), lambda b: score_label(b.score), tone=lambda _b: "owed"
            ),
            drill,
        ),
        Spec(Column(translate("DailyLogPage", "Reason"), lambda b: b.reason or NONE), drill),
        Spec(
            Column(
                translate("DailyLogPage", "Window"),
                lambda b: windows.get(b.window_no, "") if b.window_no else NONE,
            )
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Clerk"),
                lambda b: f"{b.staff_no} {names.get(b.staff_no, '')}".strip() if b.staff_no else NONE,
            )
        ),
    ]


def application_specs() -> list[Spec[Scope]]:
    return [
        Spec(
            Column(
                translate("DailyLogPage", "Who"),
                lambda s: (
                    s.name if not s.left else translate("DailyLogPage", "{name} (left)").format(name=s.name)
                ),
            )
        ),
        _count_spec(translate("DailyLogPage", "Accepted"), lambda s: _apps(s).accepted, "applications"),
        _count_spec(translate("DailyLogPage", "Completed"), lambda s: _apps(s).completed, "applications"),
        _count_spec(translate("DailyLogPage", "Due"), lambda s: _apps(s).due, "applications"),
        _count_spec(translate("DailyLogPage", "Overdue"), lambda s: _apps(s).overdue, "applications"),
        _count_spec(
            translate("DailyLogPage", "Done the same day"),
            lambda s: _apps(s).completed_same_day,
            "applications",
        ),
        Spec(
            Column(
                translate("DailyLogPage", "Same-day rate"),
                lambda s: percent(_apps(s).same_day_rate),
                RIGHT,
                sort_key=lambda s: _apps(s).same_day_rate or 0,
            ),
            lambda s: _applications(
                _apps(s).completed_same_day, s.name, translate("DailyLogPage", "Done the same day")
            ),
        ),
        _count_spec(translate("DailyLogPage", "Complaints"), lambda s: s.figures.complaints, "complaints"),
        _count_spec(
            translate("DailyLogPage", "Consultations"), lambda s: s.figures.consultations, "consultations"
        ),
    ]
