"""Cash-up (日结/轧账): count the drawer note by note against the expected cash, then close the shift.

The report of the closed shift comes back as a printout; the till page prints it through the preview.
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.payments import DENOMINATIONS_FEN, MAX_NOTE_LENGTH, MAX_PIECES
from hallapp.domain.records import Actor
from hallapp.services.shift_service import ShiftView
from ui.errors import field_of, message_for
from ui.ops import CoreOps
from ui.ops.payments import Printout, close_shift
from ui.widgets.field_state import clear_invalid, mark_invalid
from ui.widgets.formatting import money
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import RIGHT


class EnterMovesOn(QObject):
    """Enter in the given fields moves to the next field as Tab does, instead of confirming the dialog.

    A clerk types a count and presses Enter out of habit; that must not close the shift half-counted.
    """

    def __init__(self, parent: QWidget, *fields: QWidget) -> None:
        super().__init__(parent)
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QWidget)
        ):
            _focus_next(watched)
            return True
        return super().eventFilter(watched, event)


def _focus_next(widget: QWidget) -> None:
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and candidate.isEnabled()
            and candidate.isVisibleTo(widget.window())
            and candidate.focusProxy() is None
        ):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(candidate, QAbstractSpinBox | QLineEdit):
                candidate.selectAll()  # typing replaces the value, as after Tab
            return
        candidate = candidate.nextInFocusChain()


def denomination_label(fen: int) -> str:
    """10000 → ¥100, 50 → ¥0.5: how the notes and coins are printed."""
    return f"¥{fen // 100}" if fen % 100 == 0 else f"¥{fen / 100:g}"


class CloseShiftDialog(QDialog):
    sig_closed = Signal(object)  # the shift report as a Printout, to print through the preview

    def __init__(self, ops: CoreOps, actor: Actor, shift: ShiftView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("CloseShiftDialog")
        self.setWindowTitle(self.tr("Close shift (cash-up)"))
        self.ops = ops
        self.actor = actor
        self.shift = shift
        self.expected_fen = shift.totals.expected_cash_fen
        self.printout: Printout | None = None
        self.spins: dict[int, QSpinBox] = {}
        self.subtotals: dict[int, QLabel] = {}
        self.expected = styled(money(self.expected_fen), "big-amount")
        self.expected.setProperty("tone", "clear")
        self.counted = styled("", "amount")
        self.difference = styled("", "amount")
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_NOTE_LENGTH)
        self.reason_hint = styled("", "caption", wrap=True)
        self.message = styled("", "error", wrap=True)
        self.message.hide()
        self.ok_button = QPushButton(self.tr("Close shift and print report"))
        buttons = self._buttons()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(8)
        layout.addWidget(self._heading())
        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(self._count_grid())
        body.addLayout(self._side(), 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(900)

        EnterMovesOn(self, *self.spins.values())
        self.ok_button.clicked.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        for spin in self.spins.values():
            spin.valueChanged.connect(self._update)
        self._update()
        first = self.spins[DENOMINATIONS_FEN[0]]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        first.selectAll()

    def _heading(self) -> QWidget:
        shift, totals = self.shift, self.shift.totals
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            styled(self.tr("Cash-up of {day}").format(day=shift.business_date.isoformat()), "section")
        )
        summary = self.tr(
            "Shift opened at {time} · {payments} payment(s), {reversals} reversal(s) · net {net}"
        ).format(
            time=shift.opened_at.strftime("%H:%M"),
            payments=totals.payment_count,
            reversals=totals.reversal_count,
            net=money(totals.net_total_fen),
        )
        column.addWidget(styled(summary, "muted"))
        return box

    def _buttons(self) -> QDialogButtonBox:
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel (Esc)"))
        return buttons

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(self._expected_row())
        side.addWidget(self._totals_row())
        reason_caption = QLabel(self.tr("&Reason for a difference"))
        reason_caption.setBuddy(self.reason)
        side.addWidget(reason_caption)
        side.addWidget(self.reason)
        side.addWidget(self.reason_hint)
        side.addStretch(1)
        return side

    def _expected_row(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(16, 10, 16, 10)
        text = QVBoxLayout()
        text.addWidget(styled(self.tr("Expected cash in the drawer"), "section"))
        text.addWidget(styled(self.tr("Cash taken in this shift, net of reversals"), "caption", wrap=True))
        row.addLayout(text)
        row.addStretch(1)
        row.addWidget(self.expected)
        return card

    def _count_grid(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 8, 16, 8)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        for column, text in enumerate((self.tr("Note or coin"), self.tr("Pieces"), self.tr("Amount"))):
            header = styled(text, "caption")
            if column:
                header.setAlignment(RIGHT)
            grid.addWidget(header, 0, column)
        for row, fen in enumerate(DENOMINATIONS_FEN, start=1):
            spin = QSpinBox()
            spin.setObjectName(f"count:{fen}")
            spin.setRange(0, MAX_PIECES)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setFixedWidth(130)
            spin.setAccessibleName(self.tr("Pieces of {value}").format(value=denomination_label(fen)))
            caption = QLabel(denomination_label(fen))
            caption.setBuddy(spin)
            subtotal = QLabel()
            subtotal.setAlignment(RIGHT)
            subtotal.setMinimumWidth(120)
            grid.addWidget(caption, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(subtotal, row, 2)
            self.spins[fen] = spin
            self.subtotals[fen] = subtotal
        previous: QWidget | None = None
        for spin in self.spins.values():  # Tab goes down the column, largest note first
            if previous is not None:
                QWidget.setTabOrder(previous, spin)
            previous = spin
        return card

    def _totals_row(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(16, 4, 16, 4)
        grid.setHorizontalSpacing(18)
        grid.addWidget(styled(self.tr("Counted"), "section"), 0, 0)
        grid.addWidget(self.counted, 0, 1, RIGHT)
        grid.addWidget(styled(self.tr("Difference (counted - expected)"), "section"), 1, 0)
        grid.addWidget(self.difference, 1, 1, RIGHT)
        grid.setColumnStretch(2, 1)
        return box

    def counts(self) -> dict[int, int]:
        return {fen: spin.value() for fen, spin in self.spins.items() if spin.value()}

    def counted_fen(self) -> int:
        return sum(fen * pieces for fen, pieces in self.counts().items())

    def _update(self, _value: int = 0) -> None:
        for fen, spin in self.spins.items():
            self.subtotals[fen].setText(money(fen * spin.value()) if spin.value() else "—")
        counted = self.counted_fen()
        difference = counted - self.expected_fen
        self.counted.setText(money(counted))
        self.difference.setText(("+" if difference > 0 else "") + money(difference))
        self.difference.setProperty("tone", "owed" if difference else "clear")
        self.difference.style().unpolish(self.difference)
        self.difference.style().polish(self.difference)
        if difference:
            self.reason_hint.setText(
                self.tr("Required: the counted cash differs from the expected cash; say why.")
            )
        else:
            self.reason_hint.setText(self.tr("Not needed while the count matches."))

    def confirm(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.message.hide()
        clear_invalid(self.reason, None)
        for spin in self.spins.values():
            clear_invalid(spin, None)
        actor, counted, reason = self.actor, self.counts(), self.reason.text()
        self.ops.run(
            lambda core: close_shift(core, actor, counted, reason),
            on_success=self._on_closed,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_closed(self, printout: Printout) -> None:
        self.printout = printout
        self.sig_closed.emit(printout)
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        field = field_of(exc) or ""
        target: QWidget | None = None
        if field == "difference_reason":
            target = self.reason
        elif field.startswith("counted."):
            target = self.spins.get(int(field.removeprefix("counted.")))
        if target is not None:
            mark_invalid(target, None, "")
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        say(self.message, message_for(exc), ok=False)
