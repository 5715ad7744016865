"""The operators of a hall on the central server: the list, a form to add one (password typed
twice), and deactivation with a confirmation. The hall's PCs receive the change with their next sync."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.enums import Role
from hallapp.domain.errors import InvalidForm
from hallapp.domain.staff_rules import MAX_PASSWORD, MAX_STAFF_NO
from hallapp.services.central_admin_service import MAX_OPERATOR_NAME, OperatorForm
from hallapp.sync.admin_client import CentralHall, CentralOperator
from ui.admin.central_deactivate_dialog import CentralDeactivateDialog
from ui.admin.central_form import FormErrors, fill_halls, local_time
from ui.admin.central_messages import central_message
from ui.admin.central_ops import CentralLink
from ui.widgets.formatting import label
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
EDITOR_WIDTH = 400
ROLES = (Role.CLERK, Role.GUIDE, Role.SUPERVISOR, Role.ADMIN)


def _role(value: str) -> str:
    return label(Role(value)) if value in Role._value2member_map_ else value


def _columns() -> list[Column[CentralOperator]]:
    return [
        Column(translate("CentralOperatorsTab", "Staff no."), lambda o: o.staff_no, CENTER),
        Column(translate("CentralOperatorsTab", "Name"), lambda o: o.name),
        Column(translate("CentralOperatorsTab", "Role"), lambda o: _role(o.role), CENTER),
        Column(
            translate("CentralOperatorsTab", "Status"),
            lambda o: (
                translate("CentralOperatorsTab", "Active")
                if o.active
                else translate("CentralOperatorsTab", "Deactivated")
            ),
            CENTER,
            tone=lambda o: None if o.active else "owed",
        ),
        Column(
            translate("CentralOperatorsTab", "Offline sign-in until"),
            lambda o: local_time(o.verifier_expires_at) if o.active else "",
            CENTER,
        ),
    ]


class CentralOperatorsTab(QWidget):
    def __init__(self, link: CentralLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.deactivate_dialog: CentralDeactivateDialog | None = None
        self.hall = QComboBox()
        self.hall.setMinimumWidth(260)
        self.model: RecordTableModel[CentralOperator] = RecordTableModel(_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=1)
        self.deactivate_button = QPushButton(self.tr("Deacti&vate…"))
        self.reload_button = QPushButton(self.tr("&Update list"))
        self.list_message = styled("", "muted", wrap=True)
        self.list_message.hide()
        self._make_form()
        self._layout()
        self.hall.currentIndexChanged.connect(self.refresh)
        self.reload_button.clicked.connect(self.refresh)
        self.deactivate_button.clicked.connect(self.ask_deactivate)
        self.add_button.clicked.connect(self.submit)
        for line in (self.staff_no, self.name, self.password, self.password_again):
            line.returnPressed.connect(self.submit)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._on_current_changed()

    def _make_form(self) -> None:
        self.staff_no = QLineEdit()
        self.staff_no.setMaxLength(MAX_STAFF_NO * 2)
        self.staff_no.setPlaceholderText(self.tr("For example C101"))
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_OPERATOR_NAME * 2)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(label(role), role.value)
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for line in (self.password, self.password_again):
            line.setEchoMode(QLineEdit.EchoMode.Password)
            line.setMaxLength(MAX_PASSWORD * 2)
        self.add_button = QPushButton(self.tr("Add opera&tor"))
        self.add_button.setProperty("role", "primary")
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        fields: dict[str, QWidget] = {
            "staff_no": self.staff_no,
            "name": self.name,
            "role": self.role,
            "password": self.password,
            "password_again": self.password_again,
        }
        self.errors = FormErrors(fields, self.message)

    def _layout(self) -> None:
        form = QFormLayout()
        captions = {
            "staff_no": self.tr("&Staff no.:"),
            "name": self.tr("&Name:"),
            "role": self.tr("&Role:"),
            "password": self.tr("&Password:"),
            "password_again": self.tr("Password a&gain:"),
        }
        self.errors.add_rows(form, captions)
        editor = QFrame()
        editor.setProperty("role", "card")
        editor.setFixedWidth(EDITOR_WIDTH)
        side = QVBoxLayout(editor)
        side.addWidget(styled(self.tr("New operator of this hall"), "section"))
        side.addLayout(form)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.add_button)
        caption = QLabel(self.tr("Ha&ll:"))
        caption.setBuddy(self.hall)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.hall)
        top.addStretch(1)
        top.addWidget(self.reload_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.list_message, 1)
        bottom.addWidget(self.deactivate_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(editor)

    def set_halls(self, halls: list[CentralHall]) -> None:
        fill_halls(self.hall, halls)

    def refresh(self, *_args: object) -> None:
        hall_id = self.hall.currentData()
        if not hall_id:
            self.model.set_records([])
            return
        self.link.run(
            "operators",
            hall_id,
            owner=self,
            on_success=self._loaded,
            on_failure=lambda exc: say(self.list_message, central_message(exc), ok=False),
        )

    def _loaded(self, operators: list[CentralOperator]) -> None:
        self.model.set_records(operators)
        self.table.select_first()
        self._on_current_changed()

    def _on_current_changed(self, *_indexes: object) -> None:
        operator: CentralOperator | None = self.table.current_record()
        self.deactivate_button.setEnabled(operator is not None and operator.active)

    def submit(self) -> None:
        self.errors.clear()
        form = OperatorForm(
            self.staff_no.text(),
            self.name.text(),
            self.role.currentData(),
            self.password.text(),
            self.password_again.text(),
        )
        self.link.run(
            "add_operator",
            self.hall.currentData() or "",
            form,
            owner=self,
            on_success=self._added,
            on_failure=self._failed,
        )

    def _added(self, operator: CentralOperator) -> None:
        say(
            self.message,
            self.tr(
                "{staff_no} {name} is added; the hall's PCs can sign them in after their next sync."
            ).format(staff_no=operator.staff_no, name=operator.name),
            ok=True,
        )
        for line in (self.staff_no, self.name, self.password, self.password_again):
            line.clear()
        self.staff_no.setFocus()
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        refused = set(exc.errors) if isinstance(exc, InvalidForm) else {getattr(exc, "field", None)}
        if refused & {"password", "password_again"}:  # typed again, twice
            self.password.clear()
            self.password_again.clear()
        self.errors.show(exc)

    def ask_deactivate(self) -> None:
        operator: CentralOperator | None = self.table.current_record()
        if operator is None or not operator.active:
            return
        self.deactivate_dialog = CentralDeactivateDialog(self.link, operator, self)
        self.deactivate_dialog.sig_deactivated.connect(self._deactivated)
        self.deactivate_dialog.open()

    def _deactivated(self, operator: CentralOperator) -> None:
        say(
            self.list_message,
            self.tr(
                "{staff_no} {name} is deactivated; the hall's PCs refuse them after their next sync."
            ).format(staff_no=operator.staff_no, name=operator.name),
            ok=True,
        )
        self.refresh()
