"""Small pieces the 中心服务器 page's tabs share: a form whose refused fields are marked with their
own sentence, the hall chooser, and how a server time is shown."""

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.sync.admin_client import CentralHall
from ui.admin.central_messages import central_message
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import say, styled


class FormErrors:
    """The fields of one form and the line under it: a refusal is marked on its field when it names
    one of them, and said on the line otherwise."""

    def __init__(self, fields: dict[str, QWidget], message: QLabel) -> None:
        self.fields = fields
        self.message = message
        self.labels = {name: styled("", "error", wrap=True) for name in fields}
        for label in self.labels.values():
            label.hide()

    def add_rows(self, form: QFormLayout, captions: dict[str, str]) -> None:
        """Each field under its caption (a mnemonic in the caption focuses it), its error below."""
        for name, widget in self.fields.items():
            form.addRow(captions[name], widget)
            form.addRow("", self.labels[name])

    def clear(self) -> None:
        for name, widget in self.fields.items():
            clear_invalid(widget, self.labels[name])
        self.message.hide()

    def show(self, exc: Exception) -> None:
        errors = exc.errors if isinstance(exc, InvalidForm) else {}
        if isinstance(exc, InvalidInput) and exc.field:
            errors = {exc.field: exc}
        marked = [name for name in errors if name in self.fields]
        for name in marked:
            mark_invalid(self.fields[name], self.labels[name], central_message(errors[name]))
        if marked:
            self.fields[marked[0]].setFocus()
            return
        say(self.message, central_message(exc), ok=False)


def fill_halls(combo: QComboBox, halls: Sequence[CentralHall], *, all_halls: str | None = None) -> None:
    """The halls as "H0001 城东供电营业厅", keeping the one chosen before when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if all_halls is not None:
        combo.addItem(all_halls, "")
    for hall in halls:
        combo.addItem(f"{hall.hall_id}  {hall.name}", hall.hall_id)
    index = combo.findData(chosen)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def local_time(moment: datetime | None) -> str:
    """A server time in this PC's time zone, to the minute; "" for none."""
    if moment is None:
        return ""
    return QDateTime(moment).toLocalTime().toString("yyyy-MM-dd HH:mm")


def selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label
