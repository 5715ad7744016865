"""An honest page for a capability that a later release brings: it says so and what it will do."""

from PySide6.QtCore import QCoreApplication, Qt

from ui.widgets.labels import centred, icon_card, styled
from ui.widgets.page import WorkspacePage


class PlaceholderPage(WorkspacePage):
    def __init__(self, ops, actor, *, icon_name: str, title: str, text: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        body = styled(text, "muted", wrap=True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        status = styled(
            QCoreApplication.translate("PlaceholderPage", "Not available yet in this version"), "badge"
        )
        status.setProperty("tone", "warn")
        status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = icon_card(icon_name, title, body)
        card.layout().addWidget(status, 0, Qt.AlignmentFlag.AlignHCenter)
        centred(self, card)
