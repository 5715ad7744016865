"""The admin pages' shape: title and hint on top, the list on the left, an editor card on the right
with its form, a message line, and New … / Save at the bottom."""

from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.labels import styled

EDITOR_WIDTH = 420


def list_with_editor(
    page: QWidget,
    *,
    title: str,
    hint: str,
    table: QWidget,
    form: QFormLayout,
    message: QLabel,
    new_button: QPushButton,
    save_button: QPushButton,
) -> None:
    save_button.setProperty("role", "primary")
    buttons = QHBoxLayout()
    buttons.addWidget(new_button)
    buttons.addStretch(1)
    buttons.addWidget(save_button)
    editor = QFrame()
    editor.setProperty("role", "card")
    editor.setFixedWidth(EDITOR_WIDTH)
    side = QVBoxLayout(editor)
    side.addLayout(form)
    side.addWidget(message)
    side.addStretch(1)
    side.addLayout(buttons)
    body = QHBoxLayout()
    body.addWidget(table, 1)
    body.addWidget(editor)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 16, 20, 12)
    layout.addWidget(styled(title, "page-title"))
    layout.addWidget(styled(hint, "muted", wrap=True))
    layout.addLayout(body, 1)
