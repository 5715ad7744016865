"""The complaint tab: the open complaints with both deadlines (overdue first), one complaint's history
and its steps: contact (Ctrl+L), reply (Ctrl+R), follow-up call (Ctrl+H), close (Ctrl+E).
Ctrl+N records a new complaint."""

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hallapp.domain.errors import ActionRefused
from hallapp.domain.service_desk import ComplaintStep, check_step
from hallapp.domain.service_desk_views import ComplaintDetail, ComplaintReceived, ComplaintRow
from ui.counter.service_desk_common import ToneTableModel, desk_label, on_keys, tone_of
from ui.counter.service_desk_complaint_pane import STEP_KEYS, ComplaintPane
from ui.counter.service_desk_dialogs import ComplaintDialog, NoteDialog
from ui.errors import message_for
from ui.ops import CoreOps
from ui.ops import service_desk as work
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, Column
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
PANE_WIDTH = 440


def complaint_columns() -> list[Column[ComplaintRow]]:
    return [
        Column(translate("ComplaintTab", "No."), lambda c: c.complaint_no),
        Column(translate("ComplaintTab", "Customer"), lambda c: c.customer_name),
        Column(translate("ComplaintTab", "Cause"), lambda c: desk_label(c.cause)),
        Column(
            translate("ComplaintTab", "Contact by"),
            lambda c: c.contact_due_at.strftime("%m-%d %H:%M"),
            CENTER,
            sort_key=lambda c: c.contact_due_at,
            tone=lambda c: tone_of(c.contact_state),
        ),
        Column(
            translate("ComplaintTab", "Reply by"),
            lambda c: c.reply_due_on.strftime("%m-%d"),
            CENTER,
            sort_key=lambda c: c.reply_due_on,
            tone=lambda c: tone_of(c.reply_state),
        ),
        Column(translate("ComplaintTab", "Step"), lambda c: desk_label(c.step)),
    ]


class ComplaintTab(QWidget):
    def __init__(self, ops: CoreOps, actor, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ops, self.actor = ops, actor
        self.dialog: QWidget | None = None
        self.selected_id = ""
        self.model = ToneTableModel(complaint_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=2)
        self.pane = ComplaintPane()
        self.pane.setFixedWidth(PANE_WIDTH)
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.new_button = QPushButton(self.tr("New complaint… (Ctrl+N)"))
        self.new_button.setProperty("role", "primary")
        head = QHBoxLayout()
        head.addWidget(styled(self.tr("Open complaints (overdue first)"), "section"))
        head.addStretch(1)
        head.addWidget(self.new_button)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(head)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        body = QHBoxLayout(self)
        body.setContentsMargins(12, 12, 12, 12)
        body.setSpacing(12)
        body.addLayout(left, 1)
        body.addWidget(self.pane)
        self.new_button.clicked.connect(self.new_complaint)
        self.pane.sig_step.connect(self.step)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        on_keys(self, ("Ctrl+N",), self.new_complaint)
        for step, key in STEP_KEYS.items():
            on_keys(self.pane.buttons[step], (key,), self.pane.buttons[step].click)
        self.setFocusProxy(self.table)

    # --- the list and the selected complaint --------------------------------------------------
    def refresh(self) -> None:
        self.ops.run(partial(work.open_complaints, actor=self.actor), on_success=self._loaded, owner=self)

    def _loaded(self, rows: list[ComplaintRow]) -> None:
        """Keep the selected complaint; a complaint just closed leaves the list but stays shown."""
        before = self.selected_id
        self.model.set_records(rows)
        keep = next((n for n, r in enumerate(rows) if r.complaint_id == before), None)
        if keep is None and not before and rows:
            keep = 0
        if keep is not None:
            index = self.table.proxy.mapFromSource(self.model.index(keep, 0))
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())
        if not self.selected_id:
            self.pane.show_detail(None)
        elif self.selected_id == before:
            self._load_detail()

    def _on_current_changed(self, *_indexes: object) -> None:
        row = self.table.current_record()
        if row is not None and row.complaint_id != self.selected_id:
            self.selected_id = row.complaint_id
            self._load_detail()

    def _load_detail(self) -> None:
        if not self.selected_id:
            return
        job = partial(work.complaint_detail, actor=self.actor, complaint_id=self.selected_id)
        self.ops.run(job, on_success=self.pane.show_detail, on_failure=self._failed, owner=self)

    def _failed(self, exc: Exception) -> None:
        say(self.message, message_for(exc), ok=False)

    def escape(self) -> bool:
        if self.message.isVisible():
            self.message.hide()
            return True
        return False

    # --- new complaint ------------------------------------------------------------------------
    def new_complaint(self) -> None:
        if self._dialog_open():
            return
        dialog = ComplaintDialog(self.ops, self.actor, self)
        dialog.sig_received.connect(self._on_received)
        self._open(dialog)

    def _on_received(self, done: ComplaintReceived) -> None:
        self.selected_id = done.complaint_id
        say(
            self.message,
            self.tr(
                "Complaint {number} recorded: contact the customer by {contact}, reply by {reply}."
            ).format(
                number=done.complaint_no,
                contact=done.contact_due_at.strftime("%m-%d %H:%M"),
                reply=done.reply_due_on.isoformat(),
            ),
            ok=True,
        )

    # --- steps --------------------------------------------------------------------------------
    def step(self, step: ComplaintStep) -> None:
        detail = self.pane.detail
        if detail is None or self._dialog_open():
            return
        try:
            check_step(detail.row.step, step)  # the service checks again: this only saves a dialog
        except ActionRefused as exc:
            say(self.message, message_for(exc), ok=False)
            return
        row = detail.row
        job = partial(
            work.complaint_step,
            actor=self.actor,
            complaint_id=row.complaint_id,
            step=step,
            version=row.version,
        )
        dialog = NoteDialog(self.ops, job, facts=self._facts(row, step), parent=self, **self._texts(step))
        dialog.sig_done.connect(self._on_step_done)
        dialog.sig_failed.connect(self._on_step_failed)
        self._open(dialog)

    def _facts(self, row: ComplaintRow, step: ComplaintStep) -> list[tuple[str, str]]:
        facts = [
            (self.tr("Complaint"), f"{row.complaint_no} · {desk_label(row.cause)}"),
            (self.tr("Customer"), f"{row.customer_name}  {row.phone}"),
            (self.tr("What happened"), row.description),
        ]
        if step is ComplaintStep.CONTACTED:
            facts.append((self.tr("Contact by"), row.contact_due_at.strftime("%Y-%m-%d %H:%M")))
        elif step is ComplaintStep.REPLIED:
            facts.append((self.tr("Reply by"), row.reply_due_on.isoformat()))
        elif step is ComplaintStep.CLOSED:
            facts.append((self.tr("Note"), self.tr("A closed complaint cannot be opened again.")))
        return facts

    def _texts(self, step: ComplaintStep) -> dict[str, object]:
        return {
            ComplaintStep.CONTACTED: {
                "title": self.tr("Record the contact with the customer"),
                "note_caption": self.tr("What was &agreed with the customer"),
                "confirm": self.tr("Record contact (Ctrl+Enter)"),
            },
            ComplaintStep.REPLIED: {
                "title": self.tr("Record the reply"),
                "note_caption": self.tr("What the customer was &answered"),
                "confirm": self.tr("Record reply (Ctrl+Enter)"),
            },
            ComplaintStep.FOLLOWED_UP: {
                "title": self.tr("Record the follow-up call"),
                "note_caption": self.tr("What the customer &said"),
                "ask_satisfied": True,
                "confirm": self.tr("Record follow-up call (Ctrl+Enter)"),
            },
            ComplaintStep.CLOSED: {
                "title": self.tr("Close the complaint"),
                "confirm": self.tr("Close complaint (Enter)"),
            },
        }[step]

    def _on_step_done(self, result: tuple[ComplaintDetail, object]) -> None:
        detail = result[0]
        self.pane.show_detail(detail)
        say(
            self.message,
            self.tr("{number}: {step}.").format(
                number=detail.row.complaint_no, step=desk_label(detail.row.step)
            ),
            ok=True,
        )

    def _on_step_failed(self, exc: Exception) -> None:
        if isinstance(exc, ActionRefused) and exc.reason == "complaint_changed":
            if self.dialog is not None:
                self.dialog.reject()
            say(self.message, message_for(exc), ok=False)
            self.refresh()

    # --- dialogs ------------------------------------------------------------------------------
    def _dialog_open(self) -> bool:
        from shiboken6 import isValid

        return self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible()

    def _open(self, dialog: QWidget) -> None:
        self.message.hide()
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.table.setFocus()
