"""The function keys, the same meaning in every workspace (UI_GUIDE: bottom strip of hints)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

translate = QCoreApplication.translate
FKEYS = ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F12", "Esc")


def fkey_labels() -> dict[str, str]:
    return {
        "F1": translate("FKeys", "Call next"),
        "F2": translate("FKeys", "Recall"),
        "F3": translate("FKeys", "No-show"),
        "F4": translate("FKeys", "Find account"),
        "F5": translate("FKeys", "Payment"),
        "F6": translate("FKeys", "Application"),
        "F7": translate("FKeys", "Finish"),
        "F8": translate("FKeys", "Print"),
        "F12": translate("FKeys", "Lock screen"),
        "Esc": translate("FKeys", "Back"),
    }


class FKeyStrip(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("FKeyStrip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(8)
        self.labels: dict[str, QLabel] = {}
        for key, text in fkey_labels().items():
            label = QLabel(f"{key}  {text}")
            label.setProperty("role", "fkey")
            layout.addWidget(label)
            self.labels[key] = label
        layout.addStretch(1)

    def set_available(self, keys: set[str]) -> None:
        for key, label in self.labels.items():
            label.setProperty("available", "true" if key in keys else "false")
            label.style().unpolish(label)
            label.style().polish(label)
