"""Revoking a device: it cannot be undone (the PC must be enrolled again), so it is confirmed here,
with the reason, which the server keeps with the administrator's name."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from hallapp.services.central_admin_service import MAX_NOTE
from hallapp.sync.admin_client import CentralDevice
from ui.admin.central_form import FormErrors
from ui.admin.central_ops import CentralLink
from ui.widgets.labels import styled


class CentralRevokeDialog(QDialog):
    sig_revoked = Signal(object)  # CentralDevice, as the server now has it

    def __init__(self, link: CentralLink, device: CentralDevice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.device = device
        self.setWindowTitle(self.tr("Revoke device {code}").format(code=device.device_code))
        self.setMinimumWidth(520)
        warning = styled(
            self.tr(
                "The central server will refuse device {code} ({host}, hall {hall_id}) from its next "
                "request: it can no longer upload payments or receive updates. To use that PC again it "
                "must be enrolled with a new code. This cannot be undone."
            ).format(code=device.device_code, host=device.hostname or "?", hall_id=device.hall_id),
            "banner-warning",
            wrap=True,
        )
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE * 2)
        self.note.setPlaceholderText(self.tr("For example: PC replaced, disk failed"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.errors = FormErrors({"note": self.note}, self.message)
        form = QFormLayout()
        self.errors.add_rows(form, {"note": self.tr("&Reason:")})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.revoke_button = buttons.addButton(
            self.tr("Re&voke device"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.revoke_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.note.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        self.revoke_button.setEnabled(False)  # one request, even when Enter is pressed twice
        self.link.run(
            "revoke_device",
            self.device.device_id,
            self.note.text(),
            owner=self,
            on_success=self._revoked,
            on_failure=self._failed,
        )

    def _revoked(self, device: CentralDevice) -> None:
        self.sig_revoked.emit(device)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.revoke_button.setEnabled(True)
        self.errors.show(exc)
