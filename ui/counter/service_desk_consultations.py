"""The consultation tab (业务咨询单): the form on the right, today's consultations and the open callbacks
on the left.

Keyboard: Tab or Enter moves through the form, Ctrl+Enter saves (Enter on the last field too);
Ctrl+B records the callback selected in the list, Ctrl+K puts the selected consultation into the
knowledge base.
"""

from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hallapp.domain.ids import new_id
from hallapp.domain.service_desk import Channel
from hallapp.domain.service_desk_form import NAME_MAX, ConsultationDraft
from hallapp.domain.service_desk_views import ConsultationRecorded, ConsultationRow
from ui.counter.service_desk_common import (
    SAVE_KEYS,
    EnterKeys,
    FieldErrors,
    ToneTableModel,
    choices,
    desk_label,
    on_keys,
    tab_order,
    text_area,
    tone_of,
)
from ui.counter.service_desk_dialogs import NoteDialog
from ui.errors import message_for
from ui.ops import CoreOps
from ui.ops import service_desk as work
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
FORM_WIDTH = 450


def today_columns() -> list[Column[ConsultationRow]]:
    return [
        Column(translate("ConsultationTab", "Time"), lambda c: c.created_at.strftime("%H:%M"), CENTER),
        Column(translate("ConsultationTab", "Customer"), lambda c: c.customer_name),
        Column(translate("ConsultationTab", "Question"), lambda c: c.question),
        Column(translate("ConsultationTab", "Status"), _status, tone=lambda c: tone_of(c.callback_state)),
    ]


def callback_columns() -> list[Column[ConsultationRow]]:
    return [
        Column(
            translate("ConsultationTab", "Call back by"),
            lambda c: c.callback_due_at.strftime("%m-%d %H:%M") if c.callback_due_at else "",
            CENTER,
            sort_key=lambda c: c.callback_due_at,
            tone=lambda c: tone_of(c.callback_state),
        ),
        Column(
            translate("ConsultationTab", "State"),
            lambda c: desk_label(c.callback_state) if c.callback_state else "",
            CENTER,
            tone=lambda c: tone_of(c.callback_state),
        ),
        Column(translate("ConsultationTab", "Customer"), lambda c: c.customer_name),
        Column(translate("ConsultationTab", "Phone"), lambda c: c.phone),
        Column(translate("ConsultationTab", "Question"), lambda c: c.question),
    ]


def _status(c: ConsultationRow) -> str:
    if c.callback_state is None:
        return translate("ConsultationTab", "Answered")
    if c.callback_done_at is not None:
        return translate("ConsultationTab", "Called back")
    return translate("ConsultationTab", "To call back")


class ConsultationTab(QWidget):
    sig_to_knowledge = Signal(str, str)  # question, answer

    def __init__(self, ops: CoreOps, actor, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ops, self.actor = ops, actor
        self.request_id = new_id()  # one per form: a retried save replays instead of saving twice
        self.busy = False
        self.dialog: NoteDialog | None = None
        self._make_form()
        self.today = RecordTableModel(today_columns(), self)
        self.today_table = RecordTableView(self.today, stretch_column=2)
        self.callbacks = ToneTableModel(callback_columns(), self)
        self.callback_table = RecordTableView(self.callbacks, stretch_column=4)
        self.knowledge_button = QPushButton(self.tr("Add to knowledge base (Ctrl+K)"))
        self.callback_button = QPushButton(self.tr("Record callback… (Ctrl+B)"))
        self._layout()
        self._connect()

    def _make_form(self) -> None:
        self.channel = choices(list(Channel))
        self.customer_name = QLineEdit()
        self.customer_name.setMaxLength(NAME_MAX)
        self.customer_name.setPlaceholderText(self.tr("For example 王女士"))
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("Required when a callback is needed"))
        self.account_no = QLineEdit()
        self.account_no.setMaxLength(20)
        self.account_no.setPlaceholderText(self.tr("Optional"))
        self.question = text_area(2)
        self.answer = text_area(3)
        self.answered = QCheckBox(self.tr("Answered on the spot"))
        self.answered.setChecked(True)
        self.callback_due = QDateTimeEdit()
        self.callback_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback_due.setCalendarPopup(True)
        self.callback_due.setEnabled(False)
        self.errors = FieldErrors(
            {
                "channel": self.channel,
                "customer_name": self.customer_name,
                "phone": self.phone,
                "account_no": self.account_no,
                "question": self.question,
                "answer": self.answer,
                "callback_due": self.callback_due,
            }
        )
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setProperty("role", "primary")
        self.clear_button = QPushButton(self.tr("New form"))

    def _form_card(self) -> QFrame:
        form = QFormLayout()
        form.setVerticalSpacing(7)
        for key, caption in (
            ("channel", self.tr("C&hannel")),
            ("customer_name", self.tr("Customer &name")),
            ("phone", self.tr("&Phone")),
            ("account_no", self.tr("&Account no.")),
            ("question", self.tr("&Question")),
            ("answer", self.tr("Ans&wer")),
        ):
            label = QLabel(caption)
            label.setBuddy(self.errors.fields[key])
            form.addRow(label, self.errors.boxed(key))
        form.addRow("", self.answered)
        due_label = QLabel(self.tr("Call &back by"))
        due_label.setBuddy(self.callback_due)
        form.addRow(due_label, self.errors.boxed("callback_due"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(FORM_WIDTH)
        column = QVBoxLayout(card)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(styled(self.tr("Consultation form"), "section"))
        column.addLayout(form)
        column.addWidget(self.message)
        column.addStretch(1)
        column.addLayout(buttons)
        return card

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(styled(self.tr("Today's consultations"), "section"))
        head.addStretch(1)
        head.addWidget(self.knowledge_button)
        left.addLayout(head)
        left.addWidget(self.today_table, 3)
        head = QHBoxLayout()
        head.addWidget(styled(self.tr("Callbacks to make (overdue first)"), "section"))
        head.addStretch(1)
        head.addWidget(self.callback_button)
        left.addLayout(head)
        left.addWidget(self.callback_table, 2)
        body = QHBoxLayout(self)
        body.setContentsMargins(12, 12, 12, 12)
        body.setSpacing(12)
        body.addLayout(left, 1)
        body.addWidget(self._form_card())

    def _connect(self) -> None:
        fields = [self.channel, self.customer_name, self.phone, self.account_no, self.question, self.answer]
        tab_order(*fields, self.answered, self.callback_due, self.save_button, self.clear_button)
        EnterKeys(self, fields, [self.answered, self.callback_due], self.save)
        on_keys(self, SAVE_KEYS, self.save)
        on_keys(self, ("Ctrl+B",), self.record_callback)
        on_keys(self, ("Ctrl+K",), self.to_knowledge)
        self.answered.toggled.connect(self._on_answered_toggled)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.new_form)
        self.callback_button.clicked.connect(self.record_callback)
        self.knowledge_button.clicked.connect(self.to_knowledge)
        self.callback_table.activated.connect(self.record_callback)
        self.setFocusProxy(self.customer_name)

    # --- lists --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ops.run(partial(work.consultation_lists, actor=self.actor), on_success=self._loaded, owner=self)

    def _loaded(self, lists: tuple[list[ConsultationRow], list[ConsultationRow]]) -> None:
        today, callbacks = lists
        self.today.set_records(today)
        self.callbacks.set_records(callbacks)
        self.callback_button.setEnabled(bool(callbacks))
        self.knowledge_button.setEnabled(bool(today))
        self.today_table.select_first()  # the newest: Ctrl+K right after saving takes this one
        self.callback_table.select_first()

    # --- the form -----------------------------------------------------------------------------
    def _on_answered_toggled(self, answered: bool) -> None:
        self.callback_due.setEnabled(not answered)
        if not answered:
            self.ops.run(
                partial(work.callback_default, actor=self.actor), on_success=self._set_due, owner=self
            )

    def _set_due(self, due: datetime) -> None:
        self.callback_due.setDateTime(QDateTime(due.date(), due.time()))

    def draft(self) -> ConsultationDraft:
        due = self.callback_due.dateTime()
        return ConsultationDraft(
            channel=self.channel.currentData(),
            customer_name=self.customer_name.text(),
            phone=self.phone.text(),
            account_no=self.account_no.text(),
            question=self.question.toPlainText(),
            answer=self.answer.toPlainText(),
            answered=self.answered.isChecked(),
            callback_due=None if self.answered.isChecked() else due.toPython(),
        )

    def save(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.errors.clear()
        self.message.hide()
        job = partial(
            work.record_consultation, actor=self.actor, draft=self.draft(), request_id=self.request_id
        )
        self.ops.run(job, on_success=self._saved, on_failure=self._failed, owner=self)

    def _saved(self, result: tuple[ConsultationRecorded, object]) -> None:
        self.busy = False
        done = result[0]
        self.new_form()
        if done.callback_due_at is None:
            text = self.tr("Saved as {number}.").format(number=done.consultation_no)
        else:
            text = self.tr("Saved as {number}; call the customer back by {time}.").format(
                number=done.consultation_no, time=done.callback_due_at.strftime("%m-%d %H:%M")
            )
        say(self.message, text, ok=True)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if not self.errors.show(exc):
            say(self.message, message_for(exc), ok=False)

    def new_form(self) -> None:
        """An empty form with a new request id (the next save is a new consultation)."""
        self.request_id = new_id()
        self.errors.clear()
        self.message.hide()
        for field in (self.customer_name, self.phone, self.account_no):
            field.clear()
        self.question.clear()
        self.answer.clear()
        self.answered.setChecked(True)
        self.channel.setCurrentIndex(0)
        self.customer_name.setFocus()

    def escape(self) -> bool:
        if self.message.isVisible() or any(label.isVisible() for label in self.errors.labels.values()):
            self.errors.clear()
            self.message.hide()
            return True
        return False

    # --- callbacks and the knowledge base -----------------------------------------------------
    def record_callback(self, *_args: object) -> None:
        row = self.callback_table.current_record()
        if row is None or (self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible()):
            return
        facts = [
            (self.tr("Consultation"), f"{row.consultation_no} · {row.created_at.strftime('%m-%d %H:%M')}"),
            (self.tr("Customer"), f"{row.customer_name} {row.phone}"),
            (self.tr("Question"), row.question),
            (self.tr("Call back by"), row.callback_due_at.strftime("%Y-%m-%d %H:%M")),
        ]
        self.dialog = NoteDialog(
            self.ops,
            partial(work.record_callback, actor=self.actor, consultation_id=row.consultation_id),
            title=self.tr("Record the callback"),
            facts=facts,
            note_caption=self.tr("What the customer was &told"),
            confirm=self.tr("Record callback (Ctrl+Enter)"),
            parent=self,
        )
        self.dialog.sig_done.connect(self._on_called_back)
        self.dialog.open()

    def _on_called_back(self, result: tuple[ConsultationRow, object]) -> None:
        say(
            self.message,
            self.tr("Callback recorded for {number}.").format(number=result[0].consultation_no),
            ok=True,
        )

    def to_knowledge(self) -> None:
        row = self.today_table.current_record()
        if row is not None:
            self.sig_to_knowledge.emit(row.question, row.answer or row.callback_note)
