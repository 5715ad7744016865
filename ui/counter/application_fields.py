"""The fields of the application form, shown or hidden by what the chosen kind and applicant need.

Every input has an error line under it; ``show_errors`` marks each field of an InvalidForm at once.
"""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.application_flow import RESIDENT, ApplicationKind
from hallapp.domain.application_form import (
    ADDRESS_MAX,
    CHANGE_KINDS,
    INCREASE_KINDS,
    NAME_MAX,
    NOTE_MAX,
    ApplicationDraft,
    BillChannel,
    IdDocType,
    ProofType,
    change_kind,
)
from hallapp.domain.application_materials import ApplicantType, Material, checklist
from hallapp.domain.application_print import ID_TYPE_NAMES, PROOF_NAMES
from hallapp.domain.enums import LABELS, TariffCategory, Voltage
from hallapp.domain.errors import InvalidForm
from hallapp.domain.i18n import QT_TRANSLATE_NOOP
from ui.errors import message_for
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.labels import styled

translate = QCoreApplication.translate
MATERIAL_TEXTS = {  # what the clerk ticks (the printout uses the official names)
    Material.APPLICATION_FORM: QT_TRANSLATE_NOOP("ApplicationFields", "Application form signed"),
    Material.OWNER_ID: QT_TRANSLATE_NOOP("ApplicationFields", "Owner's identity document"),
    Material.AGENT_ID: QT_TRANSLATE_NOOP("ApplicationFields", "Agent's identity document"),
    Material.AUTHORISATION: QT_TRANSLATE_NOOP("ApplicationFields", "Letter of authorisation"),
    Material.BUSINESS_LICENCE: QT_TRANSLATE_NOOP("ApplicationFields", "Business licence"),
    Material.PROJECT_APPROVAL: QT_TRANSLATE_NOOP(
        "ApplicationFields", "Project approval (government projects)"
    ),
    Material.LAND_PLANNING: QT_TRANSLATE_NOOP(
        "ApplicationFields", "Land-use planning permit or property proof"
    ),
    Material.EQUIPMENT_LIST: QT_TRANSLATE_NOOP("ApplicationFields", "Equipment list with company seal"),
    Material.NEW_HOLDER_ID: QT_TRANSLATE_NOOP("ApplicationFields", "New holder's identity document"),
}
NOT_TICKED = frozenset(
    {Material.PROPERTY_PROOF, Material.ACCOUNT_NO, Material.PROMISE}
)  # fields of their own
KIND_CHOICES = (
    ApplicationKind.RESIDENT_NEW,
    ApplicationKind.NON_RESIDENT_NEW,
    ApplicationKind.RESIDENT_INCREASE,
    ApplicationKind.NON_RESIDENT_INCREASE,
    ApplicationKind.NAME_CHANGE,  # stands for 更名/过户: the owner question decides
)


class ApplicationFields(QWidget):
    sig_shape_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, tuple[QWidget, QLabel]] = {}
        self.kind = QComboBox()
        for kind in KIND_CHOICES:
            text = self.tr("Name change / ownership transfer") if kind in CHANGE_KINDS else _enum(kind)
            self.kind.addItem(text, kind)
        self.owner_changes = QCheckBox(self.tr("Does the owner or householder change? (yes = transfer)"))
        self.person = QRadioButton(self.tr("Person"))
        self.organisation = QRadioButton(self.tr("Organisation"))
        self.applicant_group = QButtonGroup(self)
        self.applicant_group.addButton(self.person)
        self.applicant_group.addButton(self.organisation)
        self.person.setChecked(True)
        self.name = _line(NAME_MAX)
        self.id_type = QComboBox()
        for doc in IdDocType:
            self.id_type.addItem(ID_TYPE_NAMES[doc], doc)
        self.id_no = _line(30)
        self.credit_code = _line(24)
        self.legal_rep = _line(NAME_MAX)
        self.by_agent = QCheckBox(self.tr("Someone applies on the owner's behalf"))
        self.agent_name = _line(NAME_MAX)
        self.agent_id_no = _line(24)
        self.phone = _line(20)
        self.address = _line(ADDRESS_MAX)
        self.account_no = _line(20)
        self.proof = QComboBox()
        for proof in ProofType:
            self.proof.addItem(PROOF_NAMES[proof], proof)
        self.capacity = _line(12)
        self.capacity.setPlaceholderText(self.tr("kW, for example 8"))
        self.voltage = QComboBox()
        for voltage in (Voltage.V220, Voltage.V380):
            self.voltage.addItem(voltage.value, voltage)
        self.tariff = QComboBox()
        self.bill_channel = QComboBox()
        for channel, text in (
            (BillChannel.SMS, self.tr("E-bill by text message")),
            (BillChannel.EMAIL, self.tr("E-bill by e-mail")),
            (BillChannel.PAPER, self.tr("Paper bill")),
        ):
            self.bill_channel.addItem(text, channel)
        self.email = _line(80)
        self.real_name = QCheckBox(self.tr("Real-name verification done"))
        self.arrears_assumed = QCheckBox(self.tr("The new holder takes on the account's arrears"))
        self.note = _line(NOTE_MAX)
        self.materials_box = QWidget()
        self.materials_layout = QVBoxLayout(self.materials_box)
        self.materials_layout.setContentsMargins(0, 0, 0, 0)
        self.material_checks: dict[Material, QCheckBox] = {}
        self.real_name_hint = styled(
            self.tr("Real-name verification is missing: check the ID in person before going on."), "error"
        )
        self._layout()
        for signal in (
            self.kind.currentIndexChanged,
            self.applicant_group.buttonToggled,
            self.by_agent.toggled,
            self.owner_changes.toggled,
            self.bill_channel.currentIndexChanged,
            self.real_name.toggled,
        ):
            signal.connect(self.reshape)
        self.reshape()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.setVerticalSpacing(4)
        self.form = form
        applicant = QHBoxLayout()
        applicant.addWidget(self.person)
        applicant.addWidget(self.organisation)
        applicant.addStretch(1)
        form.addRow(self.tr("&Business"), self.kind)
        form.addRow("", self.owner_changes)
        form.addRow(self.tr("Applicant"), applicant)
        self._row("name", self.tr("&Name"), self.name)
        self._row("id_type", self.tr("ID document"), self.id_type)
        self._row("id_no", self.tr("&ID number"), self.id_no)
        self._row("credit_code", self.tr("Credit code"), self.credit_code)
        self._row("legal_rep", self.tr("Legal representative"), self.legal_rep)
        form.addRow("", self.by_agent)
        self._row("agent_name", self.tr("Agent"), self.agent_name)
        self._row("agent_id_no", self.tr("Agent's ID number"), self.agent_id_no)
        self._row("phone", self.tr("&Mobile"), self.phone)
        self._row("account_no", self.tr("Account no."), self.account_no)
        self._row("address", self.tr("Supply &address"), self.address)
        self._row("proof", self.tr("Property proof"), self.proof)
        self._row("capacity_kw", self.tr("&Capacity (kW)"), self.capacity)
        self._row("voltage", self.tr("Voltage"), self.voltage)
        self._row("tariff", self.tr("Tariff"), self.tariff)
        self._row("bill_channel", self.tr("Bills"), self.bill_channel)
        self._row("email", self.tr("E-mail"), self.email)
        form.addRow("", self.real_name)
        form.addRow("", self.real_name_hint)
        form.addRow("", self.arrears_assumed)
        self._row("materials", self.tr("Documents brought"), self.materials_box)
        self._row("note", self.tr("Note"), self.note)

    def _row(self, name: str, caption: str, widget: QWidget) -> None:
        error = styled("", "error", wrap=True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        label = QLabel(caption)
        label.setBuddy(widget)
        self.form.addRow(label, box)
        self.rows[name] = (widget, error)

    # --- shape ---------------------------------------------------------------------------------

    def chosen_kind(self) -> ApplicationKind:
        kind = ApplicationKind(self.kind.currentData())
        return change_kind(self.owner_changes.isChecked()) if kind in CHANGE_KINDS else kind

    def _bill_channel(self) -> BillChannel:
        return BillChannel(self.bill_channel.currentData())

    def applicant_type(self) -> ApplicantType:
        return ApplicantType.ORGANISATION if self.organisation.isChecked() else ApplicantType.PERSON

    def reshape(self) -> None:
        """Show only what this kind and applicant need; rebuild the materials checklist."""
        kind = self.chosen_kind()
        organisation = self.applicant_type() is ApplicantType.ORGANISATION
        change = kind in CHANGE_KINDS
        self._show_row("id_type", not organisation)
        self._show_row("id_no", not organisation)
        self._show_row("credit_code", organisation)
        self._show_row("legal_rep", organisation)
        self.form.setRowVisible(self.by_agent, not organisation)
        agent = organisation or self.by_agent.isChecked()
        self._show_row("agent_name", agent)
        self._show_row("agent_id_no", agent)
        self._show_row("account_no", change or kind in INCREASE_KINDS)
        for name in ("capacity_kw", "voltage", "tariff"):
            self._show_row(name, not change)
        self._show_row("email", self._bill_channel() is BillChannel.EMAIL)
        self.form.setRowVisible(self.owner_changes, ApplicationKind(self.kind.currentData()) in CHANGE_KINDS)
        self.form.setRowVisible(self.real_name, change)
        self.form.setRowVisible(self.real_name_hint, change and not self.real_name.isChecked())
        self.form.setRowVisible(self.arrears_assumed, kind is ApplicationKind.TRANSFER)
        self._fill_tariffs(kind)
        self._fill_materials(kind, organisation, agent)
        self.sig_shape_changed.emit()

    def _show_row(self, name: str, visible: bool) -> None:
        widget, _error = self.rows[name]
        self.form.setRowVisible(widget.parentWidget(), visible)

    def _fill_tariffs(self, kind: ApplicationKind) -> None:
        resident = kind in RESIDENT
        wanted = [
            t for t in TariffCategory if t.is_resident == resident and t is not TariffCategory.WHOLESALE
        ]
        if [TariffCategory(self.tariff.itemData(i)) for i in range(self.tariff.count())] == wanted:
            return
        self.tariff.clear()
        for tariff in wanted:
            self.tariff.addItem(_enum(tariff), tariff)

    def _fill_materials(self, kind: ApplicationKind, organisation: bool, agent: bool) -> None:
        applicant = ApplicantType.ORGANISATION if organisation else ApplicantType.PERSON
        wanted = [r for r in checklist(kind, applicant, by_agent=agent) if r.material not in NOT_TICKED]
        ticked = {m for m, box in self.material_checks.items() if box.isChecked()}
        for box in self.material_checks.values():
            self.materials_layout.removeWidget(box)
            box.deleteLater()
        self.material_checks = {}
        for req in wanted:
            text = translate("ApplicationFields", MATERIAL_TEXTS[req.material])
            box = QCheckBox(text + (self.tr(" (if it applies)") if req.optional else ""))
            box.setChecked(req.material in ticked)
            self.materials_layout.addWidget(box)
            self.material_checks[req.material] = box

    # --- values and errors -------------------------------------------------------------------

    def draft(self) -> ApplicationDraft:
        return ApplicationDraft(
            kind=self.chosen_kind(),
            applicant_type=self.applicant_type(),
            name=self.name.text(),
            id_type=IdDocType(self.id_type.currentData()),
            id_no=self.id_no.text(),
            credit_code=self.credit_code.text(),
            legal_rep=self.legal_rep.text(),
            by_agent=self.by_agent.isChecked(),
            agent_name=self.agent_name.text(),
            agent_id_no=self.agent_id_no.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            account_no=self.account_no.text(),
            proof=ProofType(self.proof.currentData()),
            capacity_kw=self.capacity.text(),
            voltage=Voltage(self.voltage.currentData()),
            tariff=TariffCategory(self.tariff.currentData() or TariffCategory.RESIDENT),
            bill_channel=self._bill_channel(),
            email=self.email.text(),
            real_name_verified=self.real_name.isChecked(),
            arrears_assumed=self.arrears_assumed.isChecked(),
            materials=frozenset(m for m, box in self.material_checks.items() if box.isChecked()),
            note=self.note.text(),
        )

    def clear_errors(self) -> None:
        for widget, error in self.rows.values():
            clear_invalid(widget, error)

    def show_errors(self, exc: InvalidForm) -> QWidget | None:
        """Mark every wrong field; returns the first one (to take the focus)."""
        self.clear_errors()
        first = None
        for name, error in exc.errors.items():
            widget, label = self.rows.get(name, self.rows["note"])
            mark_invalid(widget, label, message_for(error))
            first = first or widget
        return first


def _line(limit: int) -> QLineEdit:
    field = QLineEdit()
    field.setMaxLength(limit)
    return field


def _enum(value) -> str:  # type: ignore[no-untyped-def]
    return translate("Enum", LABELS[value])
