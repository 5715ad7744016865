"""One account opened: holder and flags, what is owed, bills, payments and open applications."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.enums import AccountStatus, CreditRating
from hallapp.domain.records import AccountDetail
from ui.counter.account_tables import application_columns, bill_columns, payment_columns
from ui.widgets.formatting import label, money
from ui.widgets.labels import styled
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def _badge(text: str, tone: str = "") -> QLabel:
    badge = QLabel(text)
    badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    badge.setProperty("role", "badge")
    if tone:
        badge.setProperty("tone", tone)
    return badge


class AccountView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.detail: AccountDetail | None = None
        self.holder = QLabel()
        self.holder.setProperty("role", "holder")
        self.holder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        self.owed_caption = styled(self.tr("Total owed"), "caption")
        self.owed = QLabel()
        self.owed.setProperty("role", "amount")
        self.fields: dict[str, QLabel] = {}
        self.bills = RecordTableModel(bill_columns(), self)
        self.payments = RecordTableModel(payment_columns(), self)
        self.applications = RecordTableModel(application_columns(), self)
        self.tabs = QTabWidget()
        self.bill_table = RecordTableView(self.bills)
        self.tabs.addTab(self.bill_table, "")
        self.tabs.addTab(RecordTableView(self.payments), "")
        self.tabs.addTab(RecordTableView(self.applications, stretch_column=1), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._header_card())
        layout.addWidget(self.tabs, 1)

    def _header_card(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        top = QHBoxLayout()
        top.addWidget(self.holder)
        top.addSpacing(8)
        top.addLayout(self.badges)
        top.addStretch(1)
        owed_box = QVBoxLayout()
        owed_box.addWidget(self.owed_caption, 0, Qt.AlignmentFlag.AlignRight)
        owed_box.addWidget(self.owed, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(owed_box)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        names = [
            ("account_no", self.tr("Account no.")),
            ("tariff", self.tr("Tariff")),
            ("voltage", self.tr("Voltage")),
            ("supply_relation", self.tr("Supply relation")),
            ("phone", self.tr("Phone")),
            ("holder_kind", self.tr("Customer type")),
            ("load_class", self.tr("Load class")),
            ("prepaid", self.tr("Prepaid balance")),
        ]
        for i, (key, caption) in enumerate(names):
            row, col = divmod(i, 4)
            self._field(grid, key, caption, row, col * 2)
        self._field(grid, "address", self.tr("Supply address"), 2, 0, span=7)
        for col in (1, 3, 5, 7):
            grid.setColumnStretch(col, 1)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addLayout(grid)
        return card

    def _field(self, grid: QGridLayout, key: str, caption: str, row: int, col: int, span: int = 1) -> None:
        name = QLabel(caption)
        name.setProperty("role", "caption")
        value = QLabel()
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, row, col)
        grid.addWidget(value, row, col + 1, 1, span)
        self.fields[key] = value

    def show_account(self, detail: AccountDetail) -> None:
        self.detail = detail
        self.holder.setText(detail.holder)
        self._set_badges(detail)
        owed = detail.outstanding_fen
        self.owed.setText(money(owed) if owed else self.tr("Nothing owed"))
        self.owed.setProperty("tone", "owed" if owed else "clear")
        self.owed.style().unpolish(self.owed)
        self.owed.style().polish(self.owed)
        values = {
            "account_no": detail.account_no,
            "tariff": label(detail.tariff),
            "voltage": detail.voltage.value,
            "supply_relation": label(detail.supply_relation),
            "phone": detail.phone or "—",
            "holder_kind": label(detail.holder_kind),
            "load_class": label(detail.load_class),
            "prepaid": money(detail.prepaid_fen),
            "address": detail.address,
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.bills.set_records(detail.bills)
        self.payments.set_records(detail.payments)
        self.applications.set_records(detail.applications)
        self.tabs.setTabText(0, self.tr("Bills ({count})").format(count=len(detail.bills)))
        self.tabs.setTabText(1, self.tr("Payments ({count})").format(count=len(detail.payments)))
        self.tabs.setTabText(2, self.tr("Open applications ({count})").format(count=len(detail.applications)))
        self.tabs.setCurrentIndex(0)

    def _set_badges(self, detail: AccountDetail) -> None:
        while self.badges.count():
            item = self.badges.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        status_tone = "" if detail.status is AccountStatus.ACTIVE else "danger"
        self.badges.addWidget(_badge(label(detail.status), status_tone))
        if detail.key_customer:
            self.badges.addWidget(_badge(self.tr("Key customer"), "info"))
        if detail.vulnerable:
            self.badges.addWidget(_badge(self.tr("Vulnerable customer: offer help"), "warn"))
        rating_tone = "danger" if detail.credit_rating in (CreditRating.C, CreditRating.D) else ""
        self.badges.addWidget(
            _badge(self.tr("Credit {rating}").format(rating=detail.credit_rating.value), rating_tone)
        )
