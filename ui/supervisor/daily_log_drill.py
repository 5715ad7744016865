"""The records behind one figure of the daily log: its tickets, payments, applications, complaints or
consultations, in a dialog the supervisor closes with Esc."""

from enum import StrEnum
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.queue import TicketState
from hallapp.domain.records import Actor
from hallapp.domain.service_desk import LABELS as DESK_LABELS
from hallapp.domain.service_desk import Channel, ComplaintCause, ComplaintStep
from hallapp.services.daily_log_service import (
    ApplicationLine,
    ComplaintLine,
    ConsultationLine,
    PaymentLine,
    TicketLine,
)
from ui.supervisor.daily_log_messages import daily_log_message
from ui.supervisor.daily_log_tables import NONE, Drill
from ui.widgets.formatting import day, label, money
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def state_label(state: str) -> str:
    return {
        TicketState.WAITING: translate("DailyLogDrill", "Waiting"),
        TicketState.CALLED: translate("DailyLogDrill", "Called"),
        TicketState.SERVING: translate("DailyLogDrill", "Serving"),
        TicketState.PARKED: translate("DailyLogDrill", "Parked"),
        TicketState.NO_SHOW: translate("DailyLogDrill", "No-show"),
        TicketState.FINISHED: translate("DailyLogDrill", "Finished"),
    }.get(state, state)


def ticket_columns(type_names: dict[str, str]) -> list[Column[TicketLine]]:
    return [
        Column(translate("DailyLogDrill", "Ticket"), lambda x: x.display_no, CENTER),
        Column(
            translate("DailyLogDrill", "Issued"), lambda x: x.issued_at.strftime("%m-%d %H:%M:%S"), CENTER
        ),
        Column(
            translate("DailyLogDrill", "Business type"),
            lambda x: type_names.get(x.business_type, x.business_type),
        ),
        Column(translate("DailyLogDrill", "State"), lambda x: state_label(x.state), CENTER),
        Column(translate("DailyLogDrill", "Priority"), lambda x: x.priority_reason or ""),
        Column(
            translate("DailyLogDrill", "First contact"), lambda x: x.first_contact_staff_no or NONE, CENTER
        ),
        Column(
            translate("DailyLogDrill", "Rating"),
            lambda x: NONE if x.rating is None else str(x.rating),
            CENTER,
            tone=lambda x: "owed" if x.rating is not None and x.rating <= 2 else None,
        ),
        Column(translate("DailyLogDrill", "Reason"), lambda x: x.rating_reason or ""),
    ]


def payment_columns() -> list[Column[PaymentLine]]:
    return [
        Column(translate("DailyLogDrill", "Receipt no."), lambda x: x.receipt_no),
        Column(translate("DailyLogDrill", "Paid at"), lambda x: x.paid_at.strftime("%m-%d %H:%M:%S"), CENTER),
        Column(translate("DailyLogDrill", "Account no."), lambda x: x.account_no),
        Column(translate("DailyLogDrill", "Method"), lambda x: label(PaymentMethod(x.method)), CENTER),
        Column(
            translate("DailyLogDrill", "Amount"),
            lambda x: money(x.amount_fen),
            RIGHT,
            sort_key=lambda x: x.amount_fen,
            tone=lambda x: "owed" if x.amount_fen < 0 else None,
        ),
        Column(translate("DailyLogDrill", "Clerk"), lambda x: f"{x.staff_no} {x.clerk_name}"),
        Column(
            translate("DailyLogDrill", "Reverses"),
            lambda x: x.reverses_receipt_no or "",
            tone=lambda x: "owed" if x.reverses_receipt_no else None,
        ),
    ]


def application_columns() -> list[Column[ApplicationLine]]:
    return [
        Column(translate("DailyLogDrill", "Application no."), lambda x: x.application_no),
        Column(translate("DailyLogDrill", "Kind"), lambda x: label(ApplicationKind(x.kind))),
        Column(translate("DailyLogDrill", "Stage"), lambda x: label(Stage(x.status))),
        Column(translate("DailyLogDrill", "Applicant"), lambda x: x.applicant_name),
        Column(translate("DailyLogDrill", "Accepted"), lambda x: day(x.accepted_on), CENTER),
        Column(translate("DailyLogDrill", "Due"), lambda x: day(x.due_on), CENTER),
        Column(translate("DailyLogDrill", "Closed"), lambda x: day(x.closed_on), CENTER),
        Column(translate("DailyLogDrill", "Clerk"), lambda x: x.staff_no, CENTER),
    ]


def desk_label(value: StrEnum) -> str:
    source = DESK_LABELS.get(value)
    return translate("Enum", source) if source else str(value)


def _desk(kind: type[StrEnum], code: str) -> str:
    try:
        return desk_label(kind(code))
    except ValueError:  # a code from a newer version of the app: shown as stored
        return code


def complaint_state(x: ComplaintLine) -> str:
    step = _desk(ComplaintStep, x.step)
    if x.followup_satisfied is False:
        return translate("DailyLogDrill", "{step} (not satisfied)").format(step=step)
    return step


def complaint_columns() -> list[Column[ComplaintLine]]:
    return [
        Column(translate("DailyLogDrill", "Complaint no."), lambda x: x.complaint_no),
        Column(
            translate("DailyLogDrill", "Received"),
            lambda x: x.received_at.strftime("%m-%d %H:%M:%S"),
            CENTER,
            sort_key=lambda x: x.received_at,
        ),
        Column(translate("DailyLogDrill", "Clerk"), lambda x: f"{x.staff_no} {x.clerk_name}".strip()),
        Column(translate("DailyLogDrill", "Cause"), lambda x: _desk(ComplaintCause, x.cause)),
        Column(translate("DailyLogDrill", "Channel"), lambda x: _desk(Channel, x.channel), CENTER),
        Column(translate("DailyLogDrill", "Customer"), lambda x: x.customer_name or NONE),
        Column(
            translate("DailyLogDrill", "Step"),
            complaint_state,
            CENTER,
            tone=lambda x: "owed" if x.followup_satisfied is False else None,
        ),
    ]


def consultation_state(x: ConsultationLine) -> str:
    if x.answered:
        return translate("DailyLogDrill", "Answered")
    if x.callback_done_at is not None:
        return translate("DailyLogDrill", "Called back {time}").format(
            time=x.callback_done_at.strftime("%m-%d %H:%M")
        )
    if x.callback_due_at is not None:
        return translate("DailyLogDrill", "Call back by {time}").format(
            time=x.callback_due_at.strftime("%m-%d %H:%M")
        )
    return translate("DailyLogDrill", "Not answered")


def consultation_columns() -> list[Column[ConsultationLine]]:
    return [
        Column(translate("DailyLogDrill", "Consultation no."), lambda x: x.consultation_no),
        Column(
            translate("DailyLogDrill", "Recorded"),
            lambda x: x.created_at.strftime("%m-%d %H:%M:%S"),
            CENTER,
            sort_key=lambda x: x.created_at,
        ),
        Column(translate("DailyLogDrill", "Clerk"), lambda x: f"{x.staff_no} {x.clerk_name}".strip()),
        Column(translate("DailyLogDrill", "Question"), lambda x: x.question),
        Column(translate("DailyLogDrill", "Channel"), lambda x: _desk(Channel, x.channel), CENTER),
        Column(translate("DailyLogDrill", "Customer"), lambda x: x.customer_name or NONE),
        Column(
            translate("DailyLogDrill", "Status"),
            consultation_state,
            tone=lambda x: "owed" if not x.answered and x.callback_done_at is None else None,
        ),
    ]


def _lines(core, actor: Actor, kind: str, ids: tuple[str, ...]) -> tuple:  # type: ignore[no-untyped-def]
    return getattr(core.daily_log, kind)(actor, ids)


class DrillDialog(QDialog):
    def __init__(  # type: ignore[no-untyped-def]
        self, ops, actor: Actor, drill: Drill, type_names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.drill = drill
        self.setWindowTitle(drill.title)
        columns = {
            "tickets": lambda: ticket_columns(type_names),
            "payments": payment_columns,
            "applications": application_columns,
            "complaints": complaint_columns,
            "consultations": consultation_columns,
        }[drill.kind]()
        self.model = RecordTableModel(columns, self)
        self.table = RecordTableView(self.model)
        self.table.setAccessibleName(drill.title)
        self.caption = styled(self._caption(None), "muted")
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(styled(drill.title, "section"))
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self.table.setFocus()
        work = partial(_lines, actor=actor, kind=drill.kind, ids=drill.ids)
        ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _caption(self, shown: int | None) -> str:
        kind = {
            "tickets": self.tr("{count} ticket(s)"),
            "payments": self.tr("{count} payment(s) and reversal(s)"),
            "applications": self.tr("{count} application(s)"),
            "complaints": self.tr("{count} complaint(s)"),
            "consultations": self.tr("{count} consultation(s)"),
        }[self.drill.kind]
        return kind.format(count=len(self.drill.ids) if shown is None else shown)

    def _on_loaded(self, lines: tuple) -> None:
        self.model.set_records(lines)
        self.caption.setText(self._caption(len(lines)))
        self.table.select_first()

    def _on_failed(self, exc: Exception) -> None:
        say(self.message, daily_log_message(exc), ok=False)
