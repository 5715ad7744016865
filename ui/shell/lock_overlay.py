"""The lock screen over a workspace: only the signed-in operator's password unlocks it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from hallapp.domain.records import Actor
from ui.errors import message_for
from ui.ops import CoreOps
from ui.ops.auth import unlock
from ui.widgets.labels import centred, icon_card, styled


class LockOverlay(QWidget):
    sig_unlocked = Signal()
    sig_switch_user = Signal()

    def __init__(self, ops: CoreOps, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.setObjectName("LockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        who = styled(
            self.tr("{name} ({staff_no}): enter your password to continue").format(
                name=actor.name, staff_no=actor.staff_no
            ),
            "",
            wrap=True,
        )
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = styled("", "error", wrap=True)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setProperty("role", "primary")
        switch = QPushButton(self.tr("Sign out and switch user"))
        card = icon_card(
            "lock",
            self.tr("Screen locked"),
            who,
            self.password,
            self.error,
            self.unlock_button,
            switch,
            width=420,
            title_role="page-title",
            object_name="LockCard",
        )
        centred(self, card)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        switch.clicked.connect(self.sig_switch_user)

    def show_over(self, widget: QWidget) -> None:
        self.setGeometry(widget.rect())
        self.password.clear()
        self.error.hide()
        self.show()
        self.raise_()
        self.password.setFocus()

    def _on_unlock_clicked(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        unlock(
            self.ops,
            owner=self,
            actor=self.actor,
            password=self.password.text(),
            on_success=self._on_unlocked,
            on_failure=self._on_failed,
        )

    def _on_unlocked(self, _actor: Actor) -> None:
        self.unlock_button.setEnabled(True)
        self.hide()
        self.sig_unlocked.emit()

    def _on_failed(self, exc: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.error.setText(message_for(exc))
        self.error.show()
        self.password.clear()
        self.password.setFocus()
