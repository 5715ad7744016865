"""An honest page for a capability that a later release brings: it says so and what it will do."""

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ui.resources import icon
from ui.widgets.page import WorkspacePage


class PlaceholderPage(WorkspacePage):
    def __init__(self, ops, actor, *, icon_name: str, title: str, text: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(640)
        image = QLabel()
        image.setPixmap(icon(icon_name, "accent").pixmap(QSize(64, 64)))
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setProperty("role", "placeholder-title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setProperty("role", "muted")
        status = QLabel(QCoreApplication.translate("PlaceholderPage", "Not available yet in this version"))
        status.setProperty("role", "badge")
        status.setProperty("tone", "warn")
        status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(14)
        for widget in (image, heading, body):
            inner.addWidget(widget)
        inner.addWidget(status, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
