"""The service desk's dialogs: a step with its note (contact, reply, follow-up call, callback, close)
and a new complaint. Each runs its own operation and stays open, with the error beside the field,
until it succeeds."""

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.ids import new_id
from hallapp.domain.service_desk import Channel, ComplaintCause
from hallapp.domain.service_desk_form import NAME_MAX, ComplaintDraft
from hallapp.domain.service_desk_views import ComplaintReceived
from ui.counter.service_desk_common import (
    SAVE_KEYS,
    EnterKeys,
    FieldErrors,
    choices,
    on_keys,
    tab_order,
    text_area,
)
from ui.errors import message_for
from ui.ops import CoreOps
from ui.ops.service_desk import receive_complaint
from ui.widgets.labels import say, styled


class NoteDialog(QDialog):
    """What happened, in a few words, for one step; ``work`` gets ``note`` (and ``satisfied``)."""

    sig_done = Signal(object)  # the operation's result
    sig_failed = Signal(object)  # the exception, after it is shown

    def __init__(
        self,
        ops: CoreOps,
        work: partial,
        *,
        title: str,
        facts: list[tuple[str, str]],
        note_caption: str = "",
        ask_satisfied: bool = False,
        confirm: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.ops, self.work, self.busy = ops, work, False
        self.note = text_area(3) if note_caption else None
        self.satisfied = QCheckBox(self.tr("The customer is satisfied"))
        self.satisfied.setChecked(True)
        self.satisfied.setVisible(ask_satisfied)
        self.errors = FieldErrors({"note": self.note} if self.note is not None else {})
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        self.ok_button = QPushButton(confirm)
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(_facts_card(facts))
        if self.note is not None:
            caption = QLabel(note_caption)
            caption.setBuddy(self.note)
            layout.addWidget(caption)
            layout.addWidget(self.errors.boxed("note"))
        layout.addWidget(self.satisfied)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        # Enter after the note lands on the confirm button
        tab_order(*(w for w in (self.note, self.satisfied, self.ok_button, cancel) if w is not None))
        if self.note is not None:
            EnterKeys(self, [self.note], [], self.submit)
        on_keys(self, SAVE_KEYS, self.submit)
        (self.ok_button if self.note is None else self.note).setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.errors.clear()
        self.message.hide()
        extra: dict[str, Any] = {"note": self.note.toPlainText()} if self.note is not None else {}
        if not self.satisfied.isHidden():
            extra["satisfied"] = self.satisfied.isChecked()
        self.ops.run(partial(self.work, **extra), on_success=self._done, on_failure=self._failed, owner=self)

    def _done(self, result: object) -> None:
        self.busy = False
        self.sig_done.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if not self.errors.show(exc):
            say(self.message, message_for(exc), ok=False)
        self.adjustSize()  # room for the error lines, without squeezing the note
        self.sig_failed.emit(exc)


def _facts_card(facts: list[tuple[str, str]]) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    grid = QGridLayout(card)
    grid.setContentsMargins(14, 10, 14, 10)
    grid.setHorizontalSpacing(14)
    grid.setVerticalSpacing(4)
    for row, (caption, value) in enumerate(facts):
        grid.addWidget(styled(caption, "caption"), row, 0, Qt.AlignmentFlag.AlignTop)
        text = styled(value, "", wrap=True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(text, row, 1)
    grid.setColumnStretch(1, 1)
    return card


class ComplaintDialog(QDialog):
    """A new complaint: its cause, the customer and their phone (for the follow-up call), what happened.
    The request id is made when the dialog opens, so a second press after a lost answer replays it."""

    sig_received = Signal(object)  # ComplaintReceived

    def __init__(self, ops: CoreOps, actor, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New complaint"))
        self.ops, self.actor, self.busy = ops, actor, False
        self.request_id = new_id()
        self.channel = choices(list(Channel))
        self.cause = choices(list(ComplaintCause))
        self.cause.insertItem(0, self.tr("Choose the cause…"), "")
        self.cause.setCurrentIndex(0)
        self.customer_name = QLineEdit()
        self.customer_name.setMaxLength(NAME_MAX)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("Needed for the follow-up call"))
        self.account_no = QLineEdit()
        self.account_no.setMaxLength(20)
        self.account_no.setPlaceholderText(self.tr("Optional"))
        self.description = text_area(5)
        self.description.setPlaceholderText(self.tr("What happened, in the customer's words"))
        self.errors = FieldErrors(
            {
                "channel": self.channel,
                "cause": self.cause,
                "customer_name": self.customer_name,
                "phone": self.phone,
                "account_no": self.account_no,
                "description": self.description,
            }
        )
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        self.save_button = QPushButton(self.tr("Record complaint (Ctrl+Enter)"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self._layout()
        self.save_button.clicked.connect(self.submit)
        fields = [self.cause, self.channel, self.customer_name, self.phone, self.account_no, self.description]
        tab_order(*fields, self.save_button)
        EnterKeys(self, fields, [], self.submit)
        on_keys(self, SAVE_KEYS, self.submit)
        self.cause.setFocus()

    def _layout(self) -> None:
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for key, caption in (
            ("cause", self.tr("&Cause")),
            ("channel", self.tr("C&hannel")),
            ("customer_name", self.tr("Customer &name")),
            ("phone", self.tr("&Phone")),
            ("account_no", self.tr("&Account no.")),
            ("description", self.tr("&What happened")),
        ):
            label = QLabel(caption)
            label.setBuddy(self.errors.fields[key])
            form.addRow(label, self.errors.boxed(key))
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(
            styled(
                self.tr(
                    "The customer is contacted within the committed hours and answered within the committed "
                    "working days; the complaint closes only after a follow-up call."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(600)

    def draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            channel=self.channel.currentData(),
            cause=self.cause.currentData(),
            customer_name=self.customer_name.text(),
            phone=self.phone.text(),
            account_no=self.account_no.text(),
            description=self.description.toPlainText(),
        )

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.errors.clear()
        self.message.hide()
        work = partial(receive_complaint, actor=self.actor, draft=self.draft(), request_id=self.request_id)
        self.ops.run(work, on_success=self._received, on_failure=self._failed, owner=self)

    def _received(self, result: tuple[ComplaintReceived, object]) -> None:
        self.busy = False
        self.sig_received.emit(result[0])
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if not self.errors.show(exc):
            say(self.message, message_for(exc), ok=False)
        self.adjustSize()  # room for the error lines, without squeezing the description
