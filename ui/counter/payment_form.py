"""The right-hand side of the payment page: amount, method, cash or reference, change, confirm.

Keyboard path: type the amount, Enter; type the cash received (or scan the customer's payment
code), Enter; the payment is confirmed. Alt+1…5 pick the method.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import InvalidInput
from hallapp.domain.money import format_fen, parse_amount
from ui.widgets.labels import styled

MAX_REFERENCE = 40


class PaymentForm(QFrame):
    sig_confirm = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.due_caption = styled(self.tr("Total to pay"), "caption")
        self.due = styled("—", "big-amount")
        self.amount = self._money_field(self.tr("Amount paid"))
        self.methods = QButtonGroup(self)
        method_grid = self._method_grid()
        self.tendered = self._money_field(self.tr("Empty = exact amount"))
        self.reference = QLineEdit()
        self.reference.setMaxLength(MAX_REFERENCE)
        self.reference.setPlaceholderText(
            self.tr("Scan the customer's payment code or type the POS reference")
        )
        self.tendered_label = QLabel(self.tr("Cash received"))
        self.reference_label = QLabel(self.tr("Reference"))
        self.change_caption = styled(self.tr("Change"), "caption")
        self.change = styled("", "change")
        self.confirm = QPushButton(self.tr("Confirm payment (Enter)"))
        self.confirm.setProperty("role", "primary")
        self.confirm.setMinimumHeight(44)
        self.error = styled("", "error", wrap=True)
        self.error.hide()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Method"), method_grid)
        form.addRow(self.tendered_label, self.tendered)
        form.addRow(self.reference_label, self.reference)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.due_caption)
        layout.addWidget(self.due)
        layout.addLayout(form)
        layout.addWidget(self.change_caption)
        layout.addWidget(self.change)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.confirm)
        self.methods.idToggled.connect(self._on_method_toggled)
        self.amount.returnPressed.connect(self._after_amount)
        self.amount.textChanged.connect(self._update_change)
        self.tendered.textChanged.connect(self._update_change)
        self.tendered.returnPressed.connect(self.sig_confirm)
        self.reference.returnPressed.connect(self.sig_confirm)
        self.confirm.clicked.connect(self.sig_confirm)
        self._show_method_fields()

    def _method_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        for n, text in enumerate(self._method_texts().values()):
            button = QRadioButton(text)
            button.setShortcut(QKeySequence(f"Alt+{n + 1}"))  # mnemonics are not shown on every platform
            button.setProperty("role", "method")
            self.methods.addButton(button, n)
            grid.addWidget(button, n // 2, n % 2)
        self.methods.button(0).setChecked(True)
        return grid

    def _method_texts(self) -> dict[PaymentMethod, str]:
        return {
            PaymentMethod.CASH: self.tr("Cash  Alt+1"),
            PaymentMethod.CARD: self.tr("Bank card  Alt+2"),
            PaymentMethod.WECHAT: self.tr("WeChat Pay  Alt+3"),
            PaymentMethod.ALIPAY: self.tr("Alipay  Alt+4"),
            PaymentMethod.PREPAID: self.tr("Prepaid  Alt+5"),
        }

    def _money_field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setProperty("role", "money")
        field.setMaxLength(20)
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
        field.setPlaceholderText(placeholder)
        return field

    @property
    def method(self) -> PaymentMethod:
        return list(PaymentMethod)[self.methods.checkedId()]

    def set_method(self, method: PaymentMethod) -> None:
        self.methods.button(list(PaymentMethod).index(method)).setChecked(True)

    def start(self, total_fen: int, *, prepaid_fen: int) -> None:
        """A fresh form for an account: the whole amount owed, ready to overtype."""
        self.due.setText(format_fen(total_fen))
        self.due.setProperty("tone", "clear" if total_fen == 0 else "")
        self.due.style().unpolish(self.due)
        self.due.style().polish(self.due)
        self.amount.setText(f"{total_fen / 100:.2f}" if total_fen else "")
        self.tendered.clear()
        self.reference.clear()
        self.set_method(PaymentMethod.CASH)
        self.methods.button(list(PaymentMethod).index(PaymentMethod.PREPAID)).setEnabled(prepaid_fen > 0)
        self.show_error("")
        self.amount.setFocus()
        self.amount.selectAll()

    def clear(self) -> None:
        self.due.setText("—")
        for field in (self.amount, self.tendered, self.reference):
            field.clear()
        self.change.clear()
        self.show_error("")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def amount_fen(self) -> int:
        return parse_amount(self.amount.text(), field="amount")

    def tendered_fen(self, amount_fen: int) -> int | None:
        if self.method is not PaymentMethod.CASH:
            return None
        if not self.tendered.text().strip():
            return amount_fen
        return parse_amount(self.tendered.text(), field="tendered")

    def focus_field(self, field: str | None) -> None:
        target = {"tendered": self.tendered, "reference": self.reference}.get(field or "", self.amount)
        target.setFocus()
        target.selectAll()

    def _after_amount(self) -> None:
        if self.method is PaymentMethod.CASH:
            self.tendered.setFocus()
        elif self.method is PaymentMethod.PREPAID:
            self.sig_confirm.emit()
        else:
            self.reference.setFocus()

    def _on_method_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_method_fields()

    def _show_method_fields(self) -> None:
        cash = self.method is PaymentMethod.CASH
        needs_reference = self.method in (PaymentMethod.CARD, PaymentMethod.WECHAT, PaymentMethod.ALIPAY)
        for widget in (self.tendered, self.tendered_label, self.change, self.change_caption):
            widget.setVisible(cash)
        for widget in (self.reference, self.reference_label):
            widget.setVisible(needs_reference)
        self._update_change()

    def _update_change(self) -> None:
        try:
            amount = self.amount_fen()
            tendered = self.tendered_fen(amount)
        except InvalidInput:
            self.change.clear()
            return
        if tendered is None:
            return
        self.change.setText(format_fen(tendered - amount) if tendered >= amount else "—")
