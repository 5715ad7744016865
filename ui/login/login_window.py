"""The sign-in screen: staff number and password, language choice, demo accounts hint."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hallapp import __version__
from hallapp.domain.records import Actor
from hallapp.paths import resources_dir
from ui.errors import field_of, message_for
from ui.forms.ui_login_card import Ui_LoginCard
from ui.ops import CoreOps
from ui.ops.auth import sign_in
from ui.resources import LANGUAGES

CARD_WIDTH = 440


class LoginWindow(QWidget):
    sig_signed_in = Signal(object)  # Actor
    sig_language_chosen = Signal(str)

    def __init__(self, ops: CoreOps, *, hall_name: str, demo: bool, language: str) -> None:
        super().__init__()
        self.ops = ops
        self.setObjectName("LoginWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("HallApp - Sign in"))
        self.card = QFrame(self)
        self.ui = Ui_LoginCard()
        self.ui.setupUi(self.card)
        self.card.setObjectName("LoginCard")
        self.card.setFixedWidth(CARD_WIDTH)
        logo = QPixmap(str(resources_dir() / "icons" / "hall.png"))
        self.ui.logo.setPixmap(
            logo.scaled(
                72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.ui.hallName.setText(hall_name)
        self.ui.demoHint.setVisible(demo)
        self.ui.demoHint.setText(
            self.tr("Demo: C001 clerk, G001 guide, S001 supervisor, A001 admin; password demo1234")
        )
        for code in LANGUAGES:
            self.ui.language.addItem("中文" if code == "zh_CN" else "English", code)
        self.ui.language.setCurrentIndex(LANGUAGES.index(language))
        self.ui.language.currentIndexChanged.connect(self._on_language_changed)
        self.ui.signIn.clicked.connect(self._on_sign_in_clicked)
        self.ui.staffNo.returnPressed.connect(self.ui.password.setFocus)
        self.ui.password.returnPressed.connect(self._on_sign_in_clicked)
        self.ui.error.hide()
        footer = QLabel(self.tr("HallApp {version} · Service hotline 95598").format(version=__version__))
        footer.setProperty("role", "footer")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        layout.addWidget(footer, 0, Qt.AlignmentFlag.AlignHCenter)
        self.ui.staffNo.setFocus()

    def reset(self) -> None:
        self.ui.password.clear()
        self.ui.error.hide()
        self._set_busy(False)
        self.ui.staffNo.setFocus()

    def _on_language_changed(self, index: int) -> None:
        self.sig_language_chosen.emit(self.ui.language.itemData(index))

    def _on_sign_in_clicked(self) -> None:
        if not self.ui.signIn.isEnabled():
            return
        self._set_busy(True)
        sign_in(
            self.ops,
            owner=self,
            staff_no=self.ui.staffNo.text(),
            password=self.ui.password.text(),
            on_success=self._on_signed_in,
            on_failure=self._on_failed,
        )

    def _on_signed_in(self, actor: Actor) -> None:
        self.ui.password.clear()
        self._set_busy(False)
        self.sig_signed_in.emit(actor)

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.ui.error.setText(message_for(exc))
        self.ui.error.show()
        if field_of(exc) == "staff_no":
            self.ui.staffNo.selectAll()
            self.ui.staffNo.setFocus()
        else:
            self.ui.password.clear()
            self.ui.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.ui.signIn.setEnabled(not busy)
        self.ui.signIn.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
