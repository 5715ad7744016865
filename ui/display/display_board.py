"""The hall display board (second screen or hall TV): calls, waiting counts, scrolling notices.

Large type readable from 5 m; no controls. Calls and counts are fed by the queue hub (issue 3);
until it runs, the board says so instead of showing invented numbers.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hallapp.domain.hall_time import hall_now
from hallapp.domain.records import BusinessType

MARQUEE_MS = 120


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    return label


class DisplayBoard(QWidget):
    def __init__(self, *, hall_name: str, business_types: list[BusinessType], notice: str) -> None:
        super().__init__()
        self.setObjectName("DisplayBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("HallApp display board"))
        self.clock = _label("", "board-clock")
        top = QHBoxLayout()
        top.addWidget(_label(hall_name, "board-title"))
        top.addStretch(1)
        top.addWidget(self.clock)
        calls = self._panel(self.tr("Now serving"))
        self.calls_empty = _label(self.tr("No calls yet: please listen for your number"), "board-empty")
        self.calls_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        calls.layout().addWidget(self.calls_empty, 1)
        waiting = self._panel(self.tr("Waiting"))
        grid = QGridLayout()
        grid.setVerticalSpacing(18)
        for row, item in enumerate(business_types):
            grid.addWidget(_label(f"{item.letter}  {item.name}", "board-type"), row, 0)
            grid.addWidget(_label("—", "board-count"), row, 1, Qt.AlignmentFlag.AlignRight)
        waiting.layout().addLayout(grid)
        waiting.layout().addStretch(1)
        waiting.layout().addWidget(_label(self.tr("Queue service starts with the hall hub"), "board-type"))
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(calls, 3)
        middle.addWidget(waiting, 2)
        self.notice = _label("", "board-notice")
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._notice_text = f"{notice}        "
        self._offset = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(20)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notice)
        self._tick()
        timer = QTimer(self)
        timer.timeout.connect(self._tick)
        timer.start(1000)
        marquee = QTimer(self)
        marquee.timeout.connect(self._scroll)
        marquee.start(MARQUEE_MS)
        self._scroll()

    def _panel(self, heading: str) -> QFrame:
        panel = QFrame()
        panel.setProperty("role", "board-panel")
        box = QVBoxLayout(panel)
        box.setContentsMargins(28, 20, 28, 20)
        box.addWidget(_label(heading, "board-head"))
        return panel

    def _tick(self) -> None:
        self.clock.setText(hall_now().strftime("%Y-%m-%d  %H:%M"))

    def _scroll(self) -> None:
        text = self._notice_text
        self._offset = (self._offset + 1) % len(text)
        self.notice.setText((text[self._offset :] + text[: self._offset]) * 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
