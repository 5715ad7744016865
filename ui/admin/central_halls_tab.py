"""The halls registered on the central server, and a form to register one more."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hallapp.sync.admin_client import CentralHall
from ui.admin.central_form import FormErrors, local_time
from ui.admin.central_ops import CentralLink
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
EDITOR_WIDTH = 380


def _columns() -> list[Column[CentralHall]]:
    return [
        Column(translate("CentralHallsTab", "Hall ID"), lambda h: h.hall_id, CENTER),
        Column(translate("CentralHallsTab", "Name"), lambda h: h.name),
        Column(translate("CentralHallsTab", "Active PCs"), lambda h: str(h.active_devices), RIGHT),
        Column(translate("CentralHallsTab", "Active operators"), lambda h: str(h.active_operators), RIGHT),
        Column(translate("CentralHallsTab", "Registered"), lambda h: local_time(h.created_at), CENTER),
    ]


class CentralHallsTab(QWidget):
    sig_halls_changed = Signal()  # a hall was added, or the list was asked for again

    def __init__(self, link: CentralLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.model: RecordTableModel[CentralHall] = RecordTableModel(_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=1)
        self.hall_id = QLineEdit()
        self.hall_id.setMaxLength(32)
        self.hall_id.setPlaceholderText(self.tr("For example H0002"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("For example 城西供电营业厅"))
        self.add_button = QPushButton(self.tr("Add ha&ll"))
        self.add_button.setProperty("role", "primary")
        self.reload_button = QPushButton(self.tr("&Update list"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.errors = FormErrors({"hall_id": self.hall_id, "name": self.name}, self.message)
        self._layout()
        for line in (self.hall_id, self.name):
            line.returnPressed.connect(self.submit)
        self.add_button.clicked.connect(self.submit)
        self.reload_button.clicked.connect(self.sig_halls_changed.emit)

    def _layout(self) -> None:
        form = QFormLayout()
        self.errors.add_rows(form, {"hall_id": self.tr("Hall &ID:"), "name": self.tr("&Name:")})
        editor = QFrame()
        editor.setProperty("role", "card")
        editor.setFixedWidth(EDITOR_WIDTH)
        side = QVBoxLayout(editor)
        side.addWidget(styled(self.tr("Register a hall"), "section"))
        side.addWidget(
            styled(
                self.tr("Then issue an enrolment code for each of its PCs and add its operators."),
                "muted",
                wrap=True,
            )
        )
        side.addLayout(form)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.add_button)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(editor)

    def set_halls(self, halls: list[CentralHall]) -> None:
        self.model.set_records(halls)

    def submit(self) -> None:
        self.errors.clear()
        self.link.run(
            "add_hall",
            self.hall_id.text(),
            self.name.text(),
            owner=self,
            on_success=self._added,
            on_failure=self.errors.show,
        )

    def _added(self, hall: CentralHall) -> None:
        say(
            self.message,
            self.tr("Hall {hall_id} {name} is registered; issue an enrolment code for its first PC.").format(
                hall_id=hall.hall_id, name=hall.name
            ),
            ok=True,
        )
        self.hall_id.clear()
        self.name.clear()
        self.hall_id.setFocus()
        self.sig_halls_changed.emit()
