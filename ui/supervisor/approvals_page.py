"""Approvals (审批): the supervisor approves or refuses what clerks may not do alone (payment
reversals, credit codes failing their check character), each decision with a reason."""

from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hallapp.domain.payments import MAX_NOTE_LENGTH
from hallapp.domain.records import Actor, Changes
from hallapp.services.approval_queue import ApprovalRow, Decision
from ui.errors import field_of
from ui.supervisor.approval_messages import approval_message, kind_label, withdrawn_sentence
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.formatting import money
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
REFRESH_MS = 20_000  # other counters' requests arrive without a signal here


def status_label(status: str) -> str:
    return {
        "pending": translate("ApprovalsPage", "Waiting"),
        "approved": translate("ApprovalsPage", "Approved"),
        "refused": translate("ApprovalsPage", "Refused"),
        "used": translate("ApprovalsPage", "Reversed"),
        "withdrawn": translate("ApprovalsPage", "Withdrawn"),
    }.get(status, status)


def detail_text(row: ApprovalRow) -> str:
    """A reversal's amount or an override's credit code."""
    if row.subject.amount_fen is not None:
        return money(row.subject.amount_fen)
    return row.subject.credit_code


def requested_text(row: ApprovalRow) -> str:
    """Today's requests by the time only; a credit code can wait in the queue from an earlier day."""
    today = row.requested_at.date() == datetime.now(row.requested_at.tzinfo).date()
    return row.requested_at.strftime("%H:%M" if today else "%m-%d %H:%M")


def decided_text(row: ApprovalRow) -> str:
    note = withdrawn_sentence(row.decision_note) if row.status == "withdrawn" else row.decision_note
    return f"{row.decided_by} {note}".strip()


def approval_columns() -> list[Column[ApprovalRow]]:
    return [
        Column(
            translate("ApprovalsPage", "Requested"),
            requested_text,
            CENTER,
            sort_key=lambda a: a.requested_at,
        ),
        Column(translate("ApprovalsPage", "Kind"), lambda a: kind_label(a.kind)),
        Column(translate("ApprovalsPage", "Receipt / application"), lambda a: a.subject.reference),
        Column(translate("ApprovalsPage", "Account / applicant"), lambda a: a.subject.party),
        Column(
            translate("ApprovalsPage", "Amount / credit code"),
            detail_text,
            RIGHT,
            sort_key=lambda a: (a.subject.amount_fen or 0, a.subject.credit_code),
        ),
        Column(translate("ApprovalsPage", "Requested by"), lambda a: a.requested_by),
        Column(translate("ApprovalsPage", "Reason"), lambda a: a.reason),
        Column(
            translate("ApprovalsPage", "Status"),
            lambda a: status_label(a.status),
            CENTER,
            tone=lambda a: "owed" if a.status == "pending" else "clear" if a.status == "approved" else None,
        ),
        Column(translate("ApprovalsPage", "Decided by"), decided_text),
    ]


def _queue(core, actor: Actor, include_decided: bool) -> list[ApprovalRow]:  # type: ignore[no-untyped-def]
    return core.approvals.queue(actor, include_decided=include_decided)


def _decide(core, actor: Actor, approval_id: str, approve: bool, note: str) -> tuple[Decision, Changes]:  # type: ignore[no-untyped-def]
    decision = core.approvals.decide(actor, approval_id, approve=approve, note=note)
    return decision, Changes(payments=True, applications=True)


class ApprovalsPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.busy = False
        self.model = RecordTableModel(approval_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=6)
        decided = len(approval_columns()) - 1  # reason and decision share the room left, cut short
        self.table.horizontalHeader().setSectionResizeMode(decided, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Approval requests"))
        self.summary = styled("", "muted")
        self.show_decided = QCheckBox(self.tr("&Show decided requests too"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.note.setPlaceholderText(self.tr("Optional when approving; required when refusing"))
        note_caption = QLabel(self.tr("Rea&son"))
        note_caption.setBuddy(self.note)
        self.approve_button = QPushButton(self.tr("Approve (Ctrl+Enter)"))
        self.approve_button.setProperty("role", "primary")
        self.refuse_button = QPushButton(self.tr("&Refuse"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Approvals"), "page-title"))
        top.addStretch(1)
        top.addWidget(self.show_decided)
        decide = QHBoxLayout()
        decide.addWidget(note_caption)
        decide.addWidget(self.note, 1)
        decide.addWidget(self.refuse_button)
        decide.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(
            styled(
                self.tr(
                    "Clerks ask here when no supervisor could approve at their counter: reversals (check the "
                    "receipt; the clerk then reverses it) and credit codes failing their check character "
                    "(check the licence; the application then goes on)."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(decide)

        self._connect()
        self.setFocusProxy(self.table)
        self._update_actions()
        self.refresh()

    def _connect(self) -> None:
        self.show_decided.toggled.connect(self._on_toggle)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.approve)
        self.ops.sig_operation_did_execute.connect(self._on_changes)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._on_timer)
        self.timer.start()

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus()

    def handle_escape(self) -> bool:
        self.note.clear()
        self.message.hide()
        self.table.setFocus()
        return True

    def refresh(self) -> None:
        work = partial(_queue, actor=self.actor, include_decided=self.show_decided.isChecked())
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_timer(self) -> None:
        if self.isVisible() and not self.busy:
            self.refresh()

    def _on_toggle(self, _checked: bool) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.payments or changes.applications:
            self.refresh()

    def _on_loaded(self, rows: list[ApprovalRow]) -> None:
        selected = self.table.current_record()
        self.model.set_records(rows)
        waiting = sum(1 for r in rows if r.status == "pending")
        self.summary.setText(
            self.tr("{count} request(s) waiting for a decision.").format(count=waiting)
            if waiting
            else self.tr("No request is waiting for a decision.")
        )
        keep = next(
            (n for n, r in enumerate(rows) if selected is not None and r.approval_id == selected.approval_id),
            None,
        )
        if keep is None:
            keep = next((n for n, r in enumerate(rows) if r.status == "pending"), 0 if rows else None)
        if keep is not None:
            row = self.table.proxy.mapFromSource(self.model.index(keep, 0)).row()
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.table.proxy.index(row, 0))
        self._update_actions()

    def _on_current_changed(self, *_indexes: object) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.table.current_record()
        open_ = row is not None and row.status == "pending" and not self.busy
        self.approve_button.setEnabled(open_)
        self.refuse_button.setEnabled(open_)

    def approve(self) -> None:
        self._decide(approve=True)

    def refuse(self) -> None:
        self._decide(approve=False)

    def _decide(self, *, approve: bool) -> None:
        row = self.table.current_record()
        if self.busy or row is None or row.status != "pending":
            return
        self.busy = True
        self._update_actions()
        clear_invalid(self.note, None)
        self.message.hide()
        work = partial(
            _decide, actor=self.actor, approval_id=row.approval_id, approve=approve, note=self.note.text()
        )
        self.ops.run(
            work, on_success=self._on_decided, on_failure=self._on_failed, owner=self, initiator=self
        )

    def _on_decided(self, result: tuple[Decision, Changes]) -> None:  # CoreOps broadcasts the Changes
        self.busy = False
        decision = result[0]
        if decision.status == "withdrawn":
            text = withdrawn_sentence(decision.stale_reason)
        elif decision.kind == "payment_reversal":
            text = (
                self.tr("Approved the reversal of receipt {ref}; the clerk can reverse it now.")
                if decision.status == "approved"
                else self.tr("Refused the reversal of receipt {ref}.")
            )
        else:
            text = (
                self.tr("Confirmed the credit code of application {ref}; it can go on now.")
                if decision.status == "approved"
                else self.tr("Refused the credit code of application {ref}; the clerk sees your reason.")
            )
        say(self.message, text.format(ref=decision.reference), ok=decision.status != "withdrawn")
        self.note.clear()
        self.table.setFocus()

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_actions()
        if field_of(exc) == "note":
            mark_invalid(self.note, None, "")
            self.note.setFocus()
        say(self.message, approval_message(exc), ok=False)
