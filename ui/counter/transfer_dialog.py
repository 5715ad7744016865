"""Transfer the customer at the window to another business type or one window (转移).

The ticket keeps its issue time (its place in the new line) and its first-contact clerk.
"""

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from hallapp.domain.queue_views import QueueBoard, TicketRow
from hallapp.domain.records import Actor
from ui.errors import message_for
from ui.widgets.labels import say, styled


def _transfer(core, actor: Actor, ticket_id: str, window_no: int, to_type, to_window):  # type: ignore[no-untyped-def]
    return core.queue.transfer(actor, ticket_id, window_no, to_type=to_type, to_window=to_window)


class TransferDialog(QDialog):
    sig_transferred = Signal(object)  # TicketRow

    def __init__(  # type: ignore[no-untyped-def]
        self,
        ops,
        actor: Actor,
        ticket: TicketRow,
        window_no: int,
        board: QueueBoard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.actor, self.ticket, self.window_no = ops, actor, ticket, window_no
        self.setWindowTitle(self.tr("Transfer ticket {number}").format(number=ticket.display_no))
        self.types = QComboBox()
        for line in board.lines:
            self.types.addItem(f"{line.letter}  {line.name}", line.code)
        self.types.setCurrentIndex(max(0, self.types.findData(ticket.business_type)))
        self.windows = QComboBox()
        self.windows.addItem(self.tr("Any window serving the type"), None)
        for window in board.windows:
            if window.window_no != window_no:
                paused = self.tr(" (paused)") if window.paused else ""
                self.windows.addItem(f"{window.name}{paused}", window.window_no)
        form = QFormLayout()
        form.addRow(self.tr("To business &type:"), self.types)
        form.addRow(self.tr("To &window:"), self.windows)
        note = QLabel(
            self.tr("The customer keeps their place (issue time) and you stay their first contact.")
        )
        note.setWordWrap(True)
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.types.setFocus()

    def submit(self) -> None:
        to_type = self.types.currentData()
        to_type = None if to_type == self.ticket.business_type and self.windows.currentData() else to_type
        work = partial(
            _transfer,
            actor=self.actor,
            ticket_id=self.ticket.ticket_id,
            window_no=self.window_no,
            to_type=to_type,
            to_window=self.windows.currentData(),
        )
        self.ops.run(work, on_success=self._done, on_failure=self._failed, owner=self, network=True)

    def _done(self, row: TicketRow) -> None:
        self.sig_transferred.emit(row)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        say(self.message, message_for(exc), ok=False)
