"""Marking an input invalid (red border, message beside it) and clearing it again."""

from PySide6.QtWidgets import QLabel, QWidget


def mark_invalid(widget: QWidget, message_label: QLabel | None, message: str) -> None:
    widget.setProperty("invalid", "true")
    _repolish(widget)
    if message_label is not None:
        message_label.setText(message)
        message_label.show()


def clear_invalid(widget: QWidget, message_label: QLabel | None) -> None:
    widget.setProperty("invalid", "false")
    _repolish(widget)
    if message_label is not None:
        message_label.hide()


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
