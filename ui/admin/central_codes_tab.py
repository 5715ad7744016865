"""One-time enrolment codes: choose the hall and how long the code is valid; the code is shown large,
once, with its expiry and a button that copies it (the server keeps only its hash)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hallapp.services.central_admin_service import DEFAULT_CODE_MINUTES, MAX_CODE_MINUTES
from hallapp.sync.admin_client import CentralHall, IssuedEnrolmentCode
from ui.admin.central_form import FormErrors, fill_halls, local_time, selectable
from ui.admin.central_ops import CentralLink
from ui.widgets.labels import say, styled

FORM_WIDTH = 420


def grouped(code: str) -> str:
    """ABCDE FGHJK: easier to read out and type; enrolment ignores the space."""
    return f"{code[:5]} {code[5:]}"


class CentralCodesTab(QWidget):
    def __init__(self, link: CentralLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.issued: IssuedEnrolmentCode | None = None
        self.hall = QComboBox()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_CODE_MINUTES)
        self.minutes.setValue(DEFAULT_CODE_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.issue_button = QPushButton(self.tr("&Issue code"))
        self.issue_button.setProperty("role", "primary")
        self.code = selectable(styled("", "change"))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.expiry = styled("", "muted", wrap=True)
        self.expiry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = QPushButton(self.tr("Co&py code"))
        self.copy_button.setEnabled(False)
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.errors = FormErrors({"hall_id": self.hall, "minutes": self.minutes}, self.message)
        self._layout()
        self.issue_button.clicked.connect(self.submit)
        self.copy_button.clicked.connect(self.copy)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(
                QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(self.submit)

    def _layout(self) -> None:
        form = QFormLayout()
        self.errors.add_rows(form, {"hall_id": self.tr("Ha&ll:"), "minutes": self.tr("&Valid for:")})
        left = QVBoxLayout()
        left.addWidget(styled(self.tr("Enrol a PC"), "section"))
        left.addWidget(
            styled(
                self.tr(
                    "The code is used once, on the new PC (hallapp enrol), before it expires. "
                    "It is shown only here and now: write it down or copy it."
                ),
                "muted",
                wrap=True,
            )
        )
        left.addLayout(form)
        left.addWidget(self.message)
        left.addWidget(self.issue_button, 0, Qt.AlignmentFlag.AlignRight)
        left.addStretch(1)
        holder = QWidget()
        holder.setFixedWidth(FORM_WIDTH)
        holder.setLayout(left)
        card = QFrame()
        card.setProperty("role", "card")
        shown = QVBoxLayout(card)
        shown.addStretch(1)
        shown.addWidget(self.code)
        shown.addWidget(self.expiry)
        shown.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignHCenter)
        shown.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(holder)
        layout.addWidget(card, 1)

    def set_halls(self, halls: list[CentralHall]) -> None:
        fill_halls(self.hall, halls)

    def submit(self) -> None:
        self.errors.clear()
        hall_id = self.hall.currentData() or ""
        self.link.run(
            "issue_enrolment_code",
            hall_id,
            self.minutes.value(),
            owner=self,
            on_success=self._issued,
            on_failure=self.errors.show,
        )

    def _issued(self, issued: IssuedEnrolmentCode) -> None:
        self.issued = issued
        self.code.setText(grouped(issued.code))
        self.expiry.setText(
            self.tr("For hall {hall_id}, valid once until {time} ({minutes} min).").format(
                hall_id=issued.hall_id, time=local_time(issued.expires_at), minutes=issued.minutes
            )
        )
        self.copy_button.setEnabled(True)
        self.copy_button.setFocus()

    def copy(self) -> None:
        if self.issued is None:
            return
        QGuiApplication.clipboard().setText(self.issued.code)
        say(self.message, self.tr("The code is copied; paste it on the new PC."), ok=True)
