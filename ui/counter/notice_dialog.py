"""Arrears notices for one account: what is overdue, which notice may be issued, issue and print it
(customer copy and archive copy in one document), and record whether the customer signed."""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.enums import NoticeDelivery, NoticeOutcome
from hallapp.domain.payments import MAX_NOTE_LENGTH, DueLine
from hallapp.domain.printouts import NoticeKind
from hallapp.domain.records import Actor, Changes
from hallapp.services.notice_service import NoticeOptions, NoticeRow
from ui.counter.print_flow import send
from ui.errors import field_of, message_for
from ui.ops import CoreOps
from ui.ops.payments import Printout, issue_notice, notice_options
from ui.printing import DocumentKind
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.formatting import day, label, money, period
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def kind_label(kind: NoticeKind) -> str:
    if kind is NoticeKind.CUT_PLAN:
        return translate("NoticeDialog", "Disconnection plan notice")
    return translate("NoticeDialog", "Reminder notice")


def overdue_columns() -> list[Column[DueLine]]:
    return [
        Column(translate("NoticeDialog", "Period"), lambda x: period(x.period)),
        Column(translate("NoticeDialog", "Due date"), lambda x: day(x.due_date), CENTER),
        Column(
            translate("NoticeDialog", "Days overdue"),
            lambda x: str(x.days_overdue),
            RIGHT,
            sort_key=lambda x: x.days_overdue,
        ),
        Column(
            translate("NoticeDialog", "Outstanding"),
            lambda x: money(x.outstanding_fen),
            RIGHT,
            sort_key=lambda x: x.outstanding_fen,
            tone=lambda _x: "owed",
        ),
        Column(
            translate("NoticeDialog", "Penalty"),
            lambda x: money(x.penalty_fen),
            RIGHT,
            sort_key=lambda x: x.penalty_fen,
        ),
    ]


def notice_columns() -> list[Column[NoticeRow]]:
    return [
        Column(translate("NoticeDialog", "Notice no."), lambda n: n.notice_no),
        Column(translate("NoticeDialog", "Kind"), lambda n: kind_label(n.kind)),
        Column(translate("NoticeDialog", "Issued"), lambda n: n.issued_at.strftime("%Y-%m-%d %H:%M"), CENTER),
        Column(translate("NoticeDialog", "Outstanding"), lambda n: money(n.outstanding_fen), RIGHT),
        Column(translate("NoticeDialog", "Delivery"), lambda n: label(n.delivery)),
        Column(
            translate("NoticeDialog", "Signature"),
            _outcome_text,
            tone=lambda n: "owed" if n.outcome is NoticeOutcome.REFUSED else None,
        ),
    ]


def _outcome_text(row: NoticeRow) -> str:
    text = label(row.outcome)
    if row.outcome_note:
        text = f"{text}：{row.outcome_note}"
    if row.settled:
        paid = translate("NoticeDialog", "arrears paid since")
        text = f"{text} · {paid}"
    return text


def _load(core, actor: Actor, account_id: str) -> tuple:  # type: ignore[no-untyped-def]
    options, notices = notice_options(core, actor, account_id)
    days = (
        core.settings.get("arrears.reminder_after_days"),
        core.settings.get("arrears.cut_plan_after_days"),
    )
    return options, notices, days


def _issued(core, actor: Actor, account_id: str, kind: NoticeKind, delivery: NoticeDelivery) -> tuple:  # type: ignore[no-untyped-def]
    printout = issue_notice(core, actor, account_id, kind, delivery)
    return printout, Changes(accounts=frozenset({account_id}))


def _record(
    core, actor: Actor, notice_id: str, outcome: NoticeOutcome, note: str, account_id: str
) -> Changes:  # type: ignore[no-untyped-def]
    core.notices.record_outcome(actor, notice_id, outcome, note)
    return Changes(accounts=frozenset({account_id}))


class _NoticeTable(RecordTableView):
    """Enter on a notice records its signature, instead of issuing another notice (the default button)."""

    def __init__(self, model: RecordTableModel, on_enter) -> None:  # type: ignore[no-untyped-def]
        super().__init__(model, stretch_column=5, sortable=False)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(event)


class NoticeDialog(QDialog):
    def __init__(self, ops: CoreOps, actor: Actor, account_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("NoticeDialog")
        self.setWindowTitle(self.tr("Arrears notices"))
        self.ops = ops
        self.actor = actor
        self.account_id = account_id
        self.options: NoticeOptions | None = None
        self.printout: Printout | None = None  # the last issued notice, kept to print again
        self.busy = False
        self.outcome_dialog: QDialog | None = None

        self.holder = styled("", "section")
        self.account_line = styled("", "muted", wrap=True)
        self.summary = styled("", "muted", wrap=True)
        self.overdue = RecordTableModel(overdue_columns(), self)
        self.overdue_table = RecordTableView(self.overdue, stretch_column=0, sortable=False)
        self.overdue_table.setFixedHeight(150)
        self.overdue_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # to read; Enter must not issue from here
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        self.notices = RecordTableModel(notice_columns(), self)
        self.notice_table = _NoticeTable(self.notices, self.record_outcome)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(8)
        layout.addWidget(self.holder)
        layout.addWidget(self.account_line)
        layout.addWidget(self.summary)
        layout.addWidget(self.overdue_table)
        layout.addWidget(self._issue_box())
        layout.addWidget(self.message)
        layout.addWidget(styled(self.tr("Notices of this account"), "section"))
        layout.addWidget(self.notice_table, 1)
        layout.addLayout(self._bottom_row())
        self.resize(960, 700)
        self.notice_table.selectionModel().currentRowChanged.connect(self._on_notice_changed)
        self.reload()

    def _issue_box(self) -> QGroupBox:
        self.reminder = QRadioButton(kind_label(NoticeKind.REMINDER))
        self.cut_plan = QRadioButton(kind_label(NoticeKind.CUT_PLAN))
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.reminder)
        self.kinds.addButton(self.cut_plan)
        self.reminder_note = styled("", "caption", wrap=True)
        self.cut_plan_note = styled("", "caption", wrap=True)
        self.delivery = QComboBox()
        for delivery in NoticeDelivery:
            self.delivery.addItem(label(delivery), delivery.value)
        self.issue_button = QPushButton(self.tr("Issue and print"))
        self.issue_button.setProperty("role", "primary")
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.issue)
        self.print_again_button = QPushButton(self.tr("Print again"))
        self.print_again_button.hide()
        self.print_again_button.clicked.connect(self.print_again)
        box = QGroupBox(self.tr("Issue a notice"))
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 16, 12, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.reminder, 0, 0)
        grid.addWidget(self.reminder_note, 0, 1)
        grid.addWidget(self.cut_plan, 1, 0)
        grid.addWidget(self.cut_plan_note, 1, 1)
        delivery_caption = QLabel(self.tr("&Delivered"))
        delivery_caption.setBuddy(self.delivery)
        row = QHBoxLayout()
        row.addWidget(delivery_caption)
        row.addWidget(self.delivery)
        row.addStretch(1)
        row.addWidget(self.print_again_button)
        row.addWidget(self.issue_button)
        grid.addLayout(row, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _bottom_row(self) -> QHBoxLayout:
        self.outcome_button = QPushButton(self.tr("Record signature…"))
        self.outcome_button.setEnabled(False)
        self.outcome_button.clicked.connect(self.record_outcome)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.outcome_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        work = partial(_load, actor=self.actor, account_id=self.account_id)
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, loaded: tuple) -> None:
        options, notices, (reminder_days, cut_days) = loaded
        self.options = options
        due = options.due
        self.holder.setText(due.holder)
        self.account_line.setText(
            self.tr("Account {account_no} · {address}").format(account_no=due.account_no, address=due.address)
        )
        overdue = [x for x in due.lines if x.days_overdue > 0]
        self.overdue.set_records(overdue)
        if overdue:
            self.summary.setText(
                self.tr(
                    "Overdue: {periods} period(s), up to {days} days · outstanding {outstanding} · "
                    "penalty {penalty}"
                ).format(
                    periods=len(overdue),
                    days=due.max_days_overdue,
                    outstanding=money(sum(x.outstanding_fen for x in overdue)),
                    penalty=money(due.penalty_fen),
                )
            )
        else:
            self.summary.setText(self.tr("Nothing is overdue on {day}.").format(day=day(due.as_of)))
        self.reminder.setEnabled(options.reminder_allowed)
        self.cut_plan.setEnabled(options.cut_plan_allowed)
        self.reminder_note.setText(
            self.tr("Asks the customer to pay by a date.")
            if options.reminder_allowed
            else self.tr("Not yet: a reminder needs a bill overdue by at least {days} day(s).").format(
                days=max(1, reminder_days)
            )
        )
        window = self.tr("Supply is planned to be cut between {start} and {end}.").format(
            start=day(options.cut_from), end=day(options.cut_to)
        )
        self.cut_plan_note.setText(
            window
            if options.cut_plan_allowed
            else self.tr(
                "Not yet: a disconnection notice needs arrears overdue by more than {days} days."
            ).format(days=cut_days)
        )
        if options.cut_plan_allowed and not self.reminder.isChecked():
            self.cut_plan.setChecked(True)
        elif options.reminder_allowed and not self.cut_plan.isChecked():
            self.reminder.setChecked(True)
        self.issue_button.setEnabled(options.reminder_allowed or options.cut_plan_allowed)
        self.notices.set_records(notices)
        self.notice_table.select_first()
        self._on_notice_changed()
        if not self.notice_table.hasFocus():
            checked = self.kinds.checkedButton()
            (checked or self.notice_table).setFocus()

    def _on_notice_changed(self, *_indexes: object) -> None:
        row = self.notice_table.current_record()
        self.outcome_button.setEnabled(row is not None and row.outcome is NoticeOutcome.PENDING)

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        say(self.message, message_for(exc), ok=False)

    # --- issuing ------------------------------------------------------------------------------
    def selected_kind(self) -> NoticeKind | None:
        if self.cut_plan.isChecked() and self.cut_plan.isEnabled():
            return NoticeKind.CUT_PLAN
        if self.reminder.isChecked() and self.reminder.isEnabled():
            return NoticeKind.REMINDER
        return None

    def issue(self) -> None:
        kind = self.selected_kind()
        if self.busy or kind is None:
            return
        self.busy = True
        self.message.hide()
        work = partial(
            _issued,
            actor=self.actor,
            account_id=self.account_id,
            kind=kind,
            delivery=NoticeDelivery(self.delivery.currentData()),  # Qt hands back a plain str
        )
        self.ops.run(work, on_success=self._on_issued, on_failure=self._on_failed, owner=self, initiator=self)

    def _on_issued(self, issued: tuple) -> None:
        self.busy = False
        self.printout, _changes = issued  # CoreOps broadcasts the changes
        self.reload()
        self.print_again()

    def print_again(self) -> None:
        if self.printout is None:
            return
        failure = send(self.printout, DocumentKind.FORM, parent=self, with_preview=True)
        if failure is not None:
            self.print_again_button.show()
            say(self.message, message_for(failure), ok=False)
            return
        self.print_again_button.hide()
        say(self.message, self.tr("Printed: {title}.").format(title=self.printout.title), ok=True)

    # --- signature ----------------------------------------------------------------------------
    def record_outcome(self) -> None:
        row = self.notice_table.current_record()
        if row is None or row.outcome is not NoticeOutcome.PENDING:
            return
        dialog = OutcomeDialog(self.ops, self.actor, row, self.account_id, self)
        dialog.accepted.connect(self._on_outcome_recorded)
        self.outcome_dialog = dialog
        dialog.open()

    def _on_outcome_recorded(self) -> None:
        say(self.message, self.tr("The delivery is recorded."), ok=True)
        self.reload()
        self.notice_table.setFocus()


class OutcomeDialog(QDialog):
    """Signed (by whom) or refused to sign (witnessed by whom): recorded once per notice."""

    def __init__(
        self, ops: CoreOps, actor: Actor, row: NoticeRow, account_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("OutcomeDialog")
        self.setWindowTitle(self.tr("Record signature of {notice_no}").format(notice_no=row.notice_no))
        self.ops = ops
        self.actor = actor
        self.notice_id = row.notice_id
        self.account_id = account_id
        self.busy = False
        self.signed = QRadioButton(self.tr("&Signed by the customer"))
        self.refused = QRadioButton(self.tr("&Refused to sign (a witness confirms)"))
        self.signed.setChecked(True)
        self.name_caption = QLabel()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NOTE_LENGTH)
        self.name_caption.setBuddy(self.name)
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel (Esc)"))
        form = QFormLayout()
        form.addRow(self.name_caption, self.name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(styled(f"{kind_label(row.kind)} {row.notice_no}", "section"))
        layout.addWidget(self.signed)
        layout.addWidget(self.refused)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.signed.toggled.connect(self._on_kind_changed)
        self.ok_button.clicked.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        self._on_kind_changed()
        self.name.setFocus()

    def outcome(self) -> NoticeOutcome:
        return NoticeOutcome.SIGNED if self.signed.isChecked() else NoticeOutcome.REFUSED

    def _on_kind_changed(self, *_checked: object) -> None:
        if self.signed.isChecked():
            self.name_caption.setText(self.tr("Signer's &name"))
        else:
            self.name_caption.setText(self.tr("Witness's &name"))

    def confirm(self) -> None:
        if self.busy:
            return
        self.busy = True
        clear_invalid(self.name, None)
        self.message.hide()
        work = partial(
            _record,
            actor=self.actor,
            notice_id=self.notice_id,
            outcome=self.outcome(),
            note=self.name.text(),
            account_id=self.account_id,
        )
        self.ops.run(
            work, on_success=self._on_recorded, on_failure=self._on_failed, owner=self, initiator=self
        )

    def _on_recorded(self, _changes: Changes) -> None:  # CoreOps broadcasts the Changes
        self.busy = False
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        if field_of(exc) == "outcome_note":
            mark_invalid(self.name, None, "")
            self.name.setFocus()
        say(self.message, message_for(exc), ok=False)
