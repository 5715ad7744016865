"""Base of every workspace page: its function keys, Esc behaviour and activation hook."""

from PySide6.QtWidgets import QWidget

from ui.ops import CoreOps


class WorkspacePage(QWidget):
    """Pages declare which function keys they serve; the shell shows and routes them."""

    fkeys: frozenset[str] = frozenset()

    def __init__(self, ops: CoreOps, actor, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ops = ops
        self.actor = actor

    def activate(self) -> None:
        """Called each time the page is shown."""

    def handle_fkey(self, key: str) -> bool:
        return False

    def handle_escape(self) -> bool:
        return False

    def current_account_no(self) -> str:
        """The account this page has open (F5 takes it to the payment page), or ""."""
        return ""
