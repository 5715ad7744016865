"""The guide's control for the display board: open it full screen on the second monitor.

The board says each call aloud through the PC's audio unless HALLAPP_VOICE=off (a PC whose sound
is not wired to the hall's speakers, or a test run).
"""

import os

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from shiboken6 import isValid

from ui.display.display_board import DisplayBoard
from ui.display.voice import VoiceCaller, default_clips_dir, default_sink
from ui.widgets.labels import centred, icon_card, styled
from ui.widgets.page import WorkspacePage


def board_notice(values: dict) -> str:
    """The hall's own notice (planned outages …) first, then the peak-day hint and the hotlines."""
    own = values["queue.board_notice"].strip()
    standard = QCoreApplication.translate(
        "DisplayControlPage",
        "Collection peak: days {first} to {last} of each month; pay at quiet times or in the 网上国网 app. "
        "Service hotline {hotline} · Energy regulator {regulator}",
    ).format(
        first=values["queue.peak_first_day"],
        last=values["queue.peak_last_day"],
        hotline=values["hall.phone"],
        regulator=values["hall.regulator_hotline"],
    )
    return f"{own}    ·    {standard}" if own else standard


def _board_inputs(core) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    return core.reference.hall_name(), core.settings.values()


def make_voice(repeat: int) -> VoiceCaller | None:
    """The call-out voice through this PC's audio; None when HALLAPP_VOICE=off."""
    if os.environ.get("HALLAPP_VOICE", "").strip().lower() == "off":
        return None
    return VoiceCaller(default_clips_dir(), default_sink(), repeat)


class DisplayControlPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.board: DisplayBoard | None = None
        self.where = styled("", "muted", wrap=True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(self.tr("Open the display board"))
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_board)
        centred(self, icon_card("device-desktop", self.tr("Display board"), self.where, self.open_button))
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
        self.ops.run(_board_inputs, on_success=self._show_board, owner=self)

    def _show_board(self, loaded: tuple[str, dict]) -> None:
        hall_name, values = loaded
        if self.board is not None and isValid(self.board):
            self.board.close()
        repeat = values["queue.callout_repeat"]
        self.board = DisplayBoard(
            self.ops,
            hall_name=hall_name,
            notice=board_notice(values),
            repeat=repeat,
            voice=make_voice(repeat),
        )
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.board.setScreen(screens[1])
            self.board.setGeometry(screens[1].geometry())
            self.board.showFullScreen()
        else:
            self.board.resize(1280, 720)
            self.board.show()
