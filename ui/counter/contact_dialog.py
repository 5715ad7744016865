"""Change a customer's contact details (修改联系方式): phone, e-mail, mailing address.

Only these can change at the counter; the holder's name and ID number change through a 更名/过户
application, which the dialog says. A wrong field is marked with its own sentence and nothing is saved.
"""

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hallapp.domain.contact import EMAIL_MAX, MAIL_ADDRESS_MAX
from hallapp.domain.errors import InvalidForm
from hallapp.domain.records import Actor
from hallapp.services.customer_service import ContactDetails
from ui.errors import message_for
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import say, styled

PHONE_MAX = 20


def _save(core, actor: Actor, account_id: str, values: dict[str, str]) -> ContactDetails:  # type: ignore[no-untyped-def]
    return core.customers.update_contact(actor, account_id, values)


class ContactDialog(QDialog):
    sig_saved = Signal(object)  # ContactDetails

    def __init__(  # type: ignore[no-untyped-def]
        self, ops, actor: Actor, account_id: str, details: ContactDetails, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops, self.actor, self.account_id = ops, actor, account_id
        self.setWindowTitle(self.tr("Contact details of {holder}").format(holder=details.holder))
        self.setMinimumWidth(480)
        self.inputs = {
            "phone": self._line(details.phone, PHONE_MAX),
            "email": self._line(details.email, EMAIL_MAX),
            "mail_address": self._line(details.mail_address, MAIL_ADDRESS_MAX),
        }
        self.errors = {name: styled("", "error", wrap=True) for name in self.inputs}
        form = QFormLayout()
        captions = {
            "phone": self.tr("&Phone:"),
            "email": self.tr("&E-mail:"),
            "mail_address": self.tr("&Mailing address:"),
        }
        for name, line in self.inputs.items():
            form.addRow(captions[name], line)
            form.addRow("", self.errors[name])
            self.errors[name].hide()
        note = QLabel(
            self.tr(
                "The holder's name and ID number change only through a name change or transfer application."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.save_shortcut.activated.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.inputs["phone"].setFocus()
        self.inputs["phone"].selectAll()

    def _line(self, text: str, limit: int) -> QLineEdit:
        line = QLineEdit(text)
        line.setMaxLength(limit * 2)  # the cleaner reports what is too long, rather than cutting silently
        line.setClearButtonEnabled(True)
        return line

    def values(self) -> dict[str, str]:
        return {name: line.text() for name, line in self.inputs.items()}

    def submit(self) -> None:
        for name, line in self.inputs.items():
            clear_invalid(line, self.errors[name])
        self.message.hide()
        work = partial(_save, actor=self.actor, account_id=self.account_id, values=self.values())
        self.ops.run(work, on_success=self._done, on_failure=self._failed, owner=self)

    def _done(self, details: ContactDetails) -> None:
        self.sig_saved.emit(details)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, InvalidForm):
            first = None
            for name, error in exc.errors.items():
                if name in self.inputs:
                    mark_invalid(self.inputs[name], self.errors[name], message_for(error))
                    first = first or self.inputs[name]
            if first is not None:
                first.setFocus()
                return
        say(self.message, message_for(exc), ok=False)
