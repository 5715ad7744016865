"""Columns of the application lists and of one application's history."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.application_flow import Hold
from hallapp.domain.application_views import ApplicationEventRow, ApplicationRow
from hallapp.domain.enums import LABELS
from ui.widgets.record_table_model import CENTER, RIGHT, Column

translate = QCoreApplication.translate


def enum_text(value) -> str:  # type: ignore[no-untyped-def]
    return translate("Enum", LABELS[value])


def days_left_text(row: ApplicationRow) -> str:
    if row.days_left is None:
        return "—"
    if row.days_left < 0:
        return translate("ApplicationTables", "{n} working days late").format(n=-row.days_left)
    if row.days_left == 0:
        return translate("ApplicationTables", "due today")
    return translate("ApplicationTables", "{n} working days").format(n=row.days_left)


def _tone(row: ApplicationRow) -> str | None:
    return "owed" if row.overdue else None


def hold_text(hold: str | None) -> str:
    return {
        Hold.CREDIT_CODE_PENDING: translate("ApplicationTables", "credit code: waiting for supervisor"),
        Hold.CREDIT_CODE_REFUSED: translate("ApplicationTables", "credit code refused: correct it"),
    }.get(hold or "", "")


def stage_text(row: ApplicationRow) -> str:
    held = hold_text(row.hold)
    return f"{enum_text(row.stage)}（{held}）" if held else enum_text(row.stage)


def application_columns() -> list[Column[ApplicationRow]]:
    """The list: what a clerk chases by. The kind and dates are in the selected application's pane."""
    return [
        Column(translate("ApplicationTables", "Application no."), lambda r: r.application_no),
        Column(translate("ApplicationTables", "Applicant"), lambda r: r.applicant_name),
        Column(
            translate("ApplicationTables", "Stage"),
            stage_text,
            tone=lambda r: "owed" if r.hold == Hold.CREDIT_CODE_REFUSED else None,
        ),
        Column(
            translate("ApplicationTables", "Time left"),
            days_left_text,
            RIGHT,
            sort_key=lambda r: r.days_left if r.days_left is not None else 10**9,
            tone=_tone,
        ),
        Column(translate("ApplicationTables", "Expedited"), lambda r: str(r.expedite_count or ""), CENTER),
    ]


def event_columns() -> list[Column[ApplicationEventRow]]:
    kinds = {
        "stage": translate("ApplicationTables", "Stage change"),
        "expedite": translate("ApplicationTables", "Expedite request"),
        "rating": translate("ApplicationTables", "Rating"),
        "attachment": translate("ApplicationTables", "Document attached"),
        "approval": translate("ApplicationTables", "Supervisor's decision"),
        "correction": translate("ApplicationTables", "Credit code corrected"),
    }
    return [
        Column(translate("ApplicationTables", "Time"), lambda e: e.at.strftime("%Y-%m-%d %H:%M")),
        Column(translate("ApplicationTables", "What"), lambda e: kinds.get(e.kind, e.kind)),
        Column(
            translate("ApplicationTables", "Stage"),
            lambda e: enum_text(e.to_stage) if e.kind == "stage" else "",
        ),
        Column(translate("ApplicationTables", "Staff"), lambda e: e.staff),
        Column(translate("ApplicationTables", "Note"), lambda e: e.note),
    ]
