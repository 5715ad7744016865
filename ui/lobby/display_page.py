"""The guide's control for the display board: open it full screen on the second monitor."""

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from ui.display.display_board import DisplayBoard
from ui.resources import icon
from ui.widgets.page import WorkspacePage


def board_notice(values: dict) -> str:
    return QCoreApplication.translate(
        "DisplayControlPage",
        "Collection peak: days {first} to {last} of each month; pay at quiet times or in the 网上国网 app. "
        "Service hotline {hotline} · Energy regulator {regulator}",
    ).format(
        first=values["queue.peak_first_day"],
        last=values["queue.peak_last_day"],
        hotline=values["hall.phone"],
        regulator=values["hall.regulator_hotline"],
    )


class DisplayControlPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.board: DisplayBoard | None = None
        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(640)
        image = QLabel()
        image.setPixmap(icon("device-desktop", "accent").pixmap(QSize(64, 64)))
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Display board"))
        title.setProperty("role", "placeholder-title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setProperty("role", "muted")
        self.open_button = QPushButton(self.tr("Open the display board"))
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_board)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(14)
        for widget in (image, title, self.where, self.open_button):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.activate()

    def activate(self) -> None:
        screens = QGuiApplication.screens()
        self.where.setText(
            self.tr(
                "It opens full screen on the second screen (hall TV). Press Esc on the board to close it."
            )
            if len(screens) > 1
            else self.tr(
                "Only one screen is connected: the board opens in a window. Press Esc on the "
                "board to close it."
            )
        )

    def open_board(self) -> None:
        self.ops.run(
            lambda core: (
                core.reference.hall_name(),
                core.reference.business_types(active_only=True),
                core.settings.values(),
            ),
            on_success=self._show_board,
            owner=self,
        )

    def _show_board(self, loaded: tuple) -> None:
        hall_name, types, values = loaded
        if self.board is not None:
            self.board.close()
        self.board = DisplayBoard(hall_name=hall_name, business_types=types, notice=board_notice(values))
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.board.setScreen(screens[1])
            self.board.setGeometry(screens[1].geometry())
            self.board.showFullScreen()
        else:
            self.board.resize(1280, 720)
            self.board.show()
