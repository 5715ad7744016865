"""Deactivating an operator on the central server: confirmed first, since the hall's PCs then stop
signing them in (what they did stays on record)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hallapp.sync.admin_client import CentralOperator
from ui.admin.central_messages import central_message
from ui.admin.central_ops import CentralLink
from ui.widgets.labels import say, styled


class CentralDeactivateDialog(QDialog):
    sig_deactivated = Signal(object)  # CentralOperator, as the server now has them

    def __init__(self, link: CentralLink, operator: CentralOperator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.operator = operator
        self.setWindowTitle(self.tr("Deactivate operator {staff_no}").format(staff_no=operator.staff_no))
        self.setMinimumWidth(480)
        question = styled(
            self.tr(
                "Deactivate {staff_no} {name} of hall {hall_id}? The hall's PCs stop signing them in "
                "after their next sync; what they did stays on record."
            ).format(staff_no=operator.staff_no, name=operator.name, hall_id=operator.hall_id),
            "banner-warning",
            wrap=True,
        )
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.deactivate_button = buttons.addButton(
            self.tr("&Deactivate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.deactivate_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.deactivate_button.setFocus()

    def submit(self) -> None:
        self.deactivate_button.setEnabled(False)
        self.link.run(
            "deactivate_operator",
            self.operator.hall_id,
            self.operator.staff_no,
            owner=self,
            on_success=self._deactivated,
            on_failure=self._failed,
        )

    def _deactivated(self, operator: CentralOperator) -> None:
        self.sig_deactivated.emit(operator)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.deactivate_button.setEnabled(True)
        say(self.message, central_message(exc), ok=False)
