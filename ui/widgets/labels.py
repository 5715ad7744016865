"""Small label helpers: a styled label, a status message that is either fine or an error, a card."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.resources import icon


def styled(text: str, role: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def say(label: QLabel, text: str, *, ok: bool) -> None:
    """Show a one-sentence result under a form: muted when it went well, red when it did not."""
    label.setText(text)
    label.setProperty("role", "muted" if ok else "error")
    label.style().unpolish(label)
    label.style().polish(label)
    label.show()


def icon_card(
    icon_name: str,
    title: str,
    *widgets: QWidget,
    width: int = 560,
    title_role: str = "placeholder-title",
    object_name: str | None = None,
) -> QFrame:
    """A white card: a large accent icon, a title, then the given widgets (placeholder, lock, board control)."""
    card = QFrame()
    if object_name:
        card.setObjectName(object_name)
    else:
        card.setProperty("role", "card")
    card.setFixedWidth(width)  # a known width lets word-wrapped labels take their full height
    image = QLabel()
    image.setPixmap(icon(icon_name, "accent").pixmap(QSize(60, 60)))
    image.setAlignment(Qt.AlignmentFlag.AlignCenter)
    heading = styled(title, title_role)
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(40, 34, 40, 34)
    layout.setSpacing(14)
    layout.addWidget(image)
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget)
    return card


def centred(parent: QWidget, card: QFrame) -> None:
    """Put ``card`` in the middle of ``parent``, a little above the centre."""
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)
