"""Column sets for the account's tables: search hits, bills, payments, open applications."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.enums import AccountStatus, BillState
from hallapp.domain.records import AccountHit, ApplicationRow, BillRow, PaymentRow
from ui.widgets.formatting import day, label, local_time, money, period
from ui.widgets.record_table_model import CENTER, RIGHT, Column

translate = QCoreApplication.translate


def hit_columns() -> list[Column[AccountHit]]:
    return [
        Column(translate("AccountTables", "Account no."), lambda h: h.account_no),
        Column(translate("AccountTables", "Holder"), lambda h: h.holder),
        Column(translate("AccountTables", "Phone"), lambda h: h.phone or "—"),
        Column(translate("AccountTables", "Supply address"), lambda h: h.address),
        Column(
            translate("AccountTables", "Status"),
            lambda h: label(h.status),
            CENTER,
            tone=lambda h: None if h.status is AccountStatus.ACTIVE else "owed",
        ),
    ]


def bill_columns() -> list[Column[BillRow]]:
    return [
        Column(translate("AccountTables", "Period"), lambda b: period(b.period)),
        Column(
            translate("AccountTables", "Energy (kWh)"),
            lambda b: f"{b.kwh:,}",
            RIGHT,
            sort_key=lambda b: b.kwh,
        ),
        Column(
            translate("AccountTables", "Amount"),
            lambda b: money(b.amount_fen),
            RIGHT,
            sort_key=lambda b: b.amount_fen,
        ),
        Column(
            translate("AccountTables", "Paid"),
            lambda b: money(b.paid_fen),
            RIGHT,
            sort_key=lambda b: b.paid_fen,
        ),
        Column(
            translate("AccountTables", "Owed"),
            lambda b: money(b.outstanding_fen),
            RIGHT,
            sort_key=lambda b: b.outstanding_fen,
            tone=lambda b: "owed" if b.outstanding_fen else None,
        ),
        Column(translate("AccountTables", "Due date"), lambda b: day(b.due_date), CENTER),
        Column(
            translate("AccountTables", "State"),
            lambda b: label(b.state),
            CENTER,
            tone=lambda b: "clear" if b.state is BillState.PAID else "owed",
        ),
    ]


def payment_columns() -> list[Column[PaymentRow]]:
    return [
        Column(translate("AccountTables", "Time"), lambda p: local_time(p.paid_at)),
        Column(translate("AccountTables", "Receipt no."), lambda p: p.receipt_no),
        Column(
            translate("AccountTables", "Amount"),
            lambda p: money(p.amount_fen),
            RIGHT,
            sort_key=lambda p: p.amount_fen,
        ),
        Column(translate("AccountTables", "Method"), lambda p: label(p.method), CENTER),
        Column(translate("AccountTables", "Clerk"), lambda p: p.operator_name, CENTER),
        Column(
            translate("AccountTables", "State"),
            _payment_state,
            CENTER,
            tone=lambda p: "owed" if p.reversed or p.is_reversal else None,
        ),
    ]


def _payment_state(p: PaymentRow) -> str:
    if p.is_reversal:
        return translate("AccountTables", "Reversal")
    return translate("AccountTables", "Reversed") if p.reversed else translate("AccountTables", "Valid")


def application_columns() -> list[Column[ApplicationRow]]:
    return [
        Column(translate("AccountTables", "Application no."), lambda a: a.application_no),
        Column(translate("AccountTables", "Business"), lambda a: label(a.kind)),
        Column(translate("AccountTables", "Stage"), lambda a: label(a.status), CENTER),
        Column(translate("AccountTables", "Accepted"), lambda a: day(a.accepted_on), CENTER),
        Column(translate("AccountTables", "Promised by"), lambda a: day(a.due_on), CENTER),
    ]
