"""Today's payments and cash-up (今日收费/日结): the clerk's open shift, its payments and totals.

F8 reprints the selected receipt, Ctrl+R reverses the selected payment, Ctrl+E closes the shift
(cash-up) and prints its report through the preview.
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.errors import ActionRefused
from hallapp.domain.payments import PaymentResult
from hallapp.domain.printouts import PaperSize
from hallapp.domain.records import Actor, Changes
from hallapp.services.shift_service import ShiftView, TillLine
from ui.counter.close_shift_dialog import CloseShiftDialog
from ui.counter.print_flow import receipt_paper_size, send
from ui.counter.reversal_dialog import ReversalDialog
from ui.errors import message_for
from ui.ops.payments import Printout, receipt_printout, record_print, shift_report
from ui.printing import DocumentKind
from ui.widgets.formatting import label, money
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def till_columns() -> list[Column[TillLine]]:
    return [
        Column(translate("TillPage", "Receipt no."), lambda x: x.receipt_no),
        Column(translate("TillPage", "Time"), lambda x: x.at.strftime("%H:%M:%S"), CENTER),
        Column(translate("TillPage", "Account no."), lambda x: x.account_no),
        Column(translate("TillPage", "Method"), lambda x: label(x.method), CENTER),
        Column(
            translate("TillPage", "Amount"),
            lambda x: money(x.amount_fen),
            RIGHT,
            sort_key=lambda x: x.amount_fen,
            tone=lambda x: "owed" if x.amount_fen < 0 else None,
        ),
        Column(translate("TillPage", "Reversal"), _reversal_text, tone=_reversal_tone),
    ]


def _reversal_text(line: TillLine) -> str:
    if line.reverses_receipt_no:
        return translate("TillPage", "Reverses {receipt_no}").format(receipt_no=line.reverses_receipt_no)
    if line.reversed_by_receipt_no:
        return translate("TillPage", "Reversed by {receipt_no}").format(
            receipt_no=line.reversed_by_receipt_no
        )
    return ""


def _reversal_tone(line: TillLine) -> str | None:
    return "owed" if line.reverses_receipt_no or line.reversed_by_receipt_no else None


def _load(core, actor: Actor) -> tuple:  # type: ignore[no-untyped-def]
    return core.shifts.current(actor), core.shifts.payments(actor), core.shifts.closed_today(actor)


def _last_report(core, actor: Actor) -> Printout:  # type: ignore[no-untyped-def]
    closed = core.shifts.closed_today(actor)
    if not closed:
        raise ActionRefused("no_open_shift")
    return shift_report(core, actor, closed[-1][0])


class TillPage(WorkspacePage):
    fkeys = frozenset({"F8", "Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.shift: ShiftView | None = None
        self.closed_today: list = []
        self.busy = False
        self.dialog: QWidget | None = None
        self.pending_report: Printout | None = None
        self.status = styled("", "muted")
        self.lines = RecordTableModel(till_columns(), self)
        self.table = RecordTableView(self.lines, stretch_column=5)
        self.table.setAccessibleName(self.tr("Payments of this shift"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.reprint_button = QPushButton(self.tr("Reprint receipt (F8)"))
        self.reverse_button = QPushButton(self.tr("Reverse… (Ctrl+R)"))
        self.close_button = QPushButton(self.tr("Close shift… (Ctrl+E)"))
        self.close_button.setProperty("role", "primary")
        self.report_button = QPushButton(self.tr("Print last cash-up report"))
        self.report_button.hide()

        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Today's payments and cash-up"), "page-title"))
        top.addStretch(1)
        top.addWidget(self.status)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.reverse_button)
        actions.addStretch(1)
        actions.addWidget(self.report_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self._totals_card())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self.reprint_button.clicked.connect(self.reprint)
        self.reverse_button.clicked.connect(self.reverse)
        self.close_button.clicked.connect(self.close_shift)
        self.report_button.clicked.connect(self.print_last_report)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        for keys, slot in (("Ctrl+R", self.reverse), ("Ctrl+E", self.close_shift)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.ops.sig_operation_did_execute.connect(self._on_changes)
        self.setFocusProxy(self.table)
        self._show_shift(None)
        self.refresh()

    def _totals_card(self) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(18, 12, 18, 12)
        row.setSpacing(28)
        self.methods = QGridLayout()
        self.methods.setHorizontalSpacing(18)
        self.methods.setVerticalSpacing(2)
        methods_box = QWidget()
        methods_box.setLayout(self.methods)
        counts = QGridLayout()
        counts.setHorizontalSpacing(14)
        counts.setVerticalSpacing(2)
        self.payment_count = QLabel()
        self.reversal_count = QLabel()
        for line, (caption, value) in enumerate(
            ((self.tr("Payments"), self.payment_count), (self.tr("Reversals"), self.reversal_count))
        ):
            counts.addWidget(styled(caption, "caption"), line, 0)
            value.setAlignment(RIGHT)
            counts.addWidget(value, line, 1)
        counts.setRowStretch(2, 1)
        self.net_total = styled("", "amount")
        self.expected_cash = styled("", "big-amount")
        self.expected_cash.setProperty("tone", "clear")
        row.addWidget(methods_box, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(counts)
        row.addStretch(1)
        for caption, value in (
            (self.tr("Net total"), self.net_total),
            (self.tr("Expected cash in the drawer"), self.expected_cash),
        ):
            column = QVBoxLayout()
            column.addWidget(styled(caption, "caption"), 0, Qt.AlignmentFlag.AlignRight)
            column.addWidget(value, 0, Qt.AlignmentFlag.AlignRight)
            column.addStretch(1)
            row.addLayout(column)
        return card

    # --- loading ------------------------------------------------------------------------------
    def activate(self) -> None:
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        self.ops.run(
            partial(_load, actor=self.actor),
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.payments:
            self.refresh()

    def _on_loaded(self, loaded: tuple) -> None:
        shift, lines, closed = loaded
        selected = self.table.current_record()
        self.closed_today = closed
        self._show_shift(shift)
        self.lines.set_records(lines)
        self.report_button.setVisible(bool(closed))
        if lines:
            keep = next(
                (n for n, x in enumerate(lines) if selected and x.payment_id == selected.payment_id), None
            )
            if keep is None:
                keep = len(lines) - 1  # the latest payment: the one usually asked about
            index = self.table.proxy.mapFromSource(self.lines.index(keep, 0))
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())
        self._update_actions()

    def _show_shift(self, shift: ShiftView | None) -> None:
        self.shift = shift
        while self.methods.count():
            item = self.methods.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if shift is None:
            if self.closed_today:
                self.status.setText(
                    self.tr("Shift closed at {time}. The next payment opens a new shift.").format(
                        time=self.closed_today[-1][1].strftime("%H:%M")
                    )
                )
            else:
                self.status.setText(self.tr("No open shift: the first payment of the day opens it."))
            for widget in (self.payment_count, self.reversal_count):
                widget.setText("0")
            self.net_total.setText(money(0))
            self.expected_cash.setText(money(0))
            self.methods.addWidget(styled(self.tr("No payments in an open shift."), "muted"), 0, 0)
            return
        totals = shift.totals
        self.status.setText(
            self.tr("Shift open since {time} · business day {day}").format(
                time=shift.opened_at.strftime("%H:%M"), day=shift.business_date.isoformat()
            )
        )
        self.payment_count.setText(str(totals.payment_count))
        self.reversal_count.setText(str(totals.reversal_count))
        self.net_total.setText(money(totals.net_total_fen))
        self.expected_cash.setText(money(totals.expected_cash_fen))
        for column, text in enumerate((self.tr("Method"), self.tr("Count"), self.tr("Amount"))):
            header = styled(text, "caption")
            if column:
                header.setAlignment(RIGHT)
            self.methods.addWidget(header, 0, column)
        for line, total in enumerate(totals.by_method, start=1):
            count = QLabel(str(total.count))
            count.setAlignment(RIGHT)
            amount = QLabel(money(total.total_fen))
            amount.setAlignment(RIGHT)
            self.methods.addWidget(QLabel(label(total.method)), line, 0)
            self.methods.addWidget(count, line, 1)
            self.methods.addWidget(amount, line, 2)

    def _on_current_changed(self, *_indexes: object) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        line = self.table.current_record()
        self.reprint_button.setEnabled(line is not None and not self.busy)
        self.reverse_button.setEnabled(
            line is not None and not line.reverses_receipt_no and not line.reversed_by_receipt_no
        )
        self.close_button.setEnabled(not self.busy)

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_actions()
        say(self.message, message_for(exc), ok=False)

    # --- F8: reprint --------------------------------------------------------------------------
    def handle_fkey(self, key: str) -> bool:
        if key == "F8":
            self.reprint()
            return True
        return False

    def handle_escape(self) -> bool:
        self.message.hide()
        self.table.setFocus()
        return True

    def reprint(self) -> None:
        line = self.table.current_record()
        if line is None or self.busy:
            return
        self.busy = True
        self._update_actions()
        paper: PaperSize = receipt_paper_size()
        work = partial(receipt_printout, actor=self.actor, payment_id=line.payment_id, paper=paper)
        self.ops.run(work, on_success=self._on_receipt_ready, on_failure=self._on_failed, owner=self)

    def _on_receipt_ready(self, printout: Printout) -> None:
        self.busy = False
        self._update_actions()
        failure = send(printout, DocumentKind.RECEIPT, parent=self)
        if failure is not None:
            say(self.message, message_for(failure), ok=False)  # the reprint stays possible: F8 again
            return
        self.ops.run(partial(record_print, actor=self.actor, payment_id=printout.payment_id), owner=self)
        say(self.message, self.tr("Printed again: {title}.").format(title=printout.title), ok=True)

    # --- Ctrl+R: reverse ----------------------------------------------------------------------
    def reverse(self) -> None:
        line = self.table.current_record()
        if line is None or self._dialog_open():
            return
        if line.reverses_receipt_no or line.reversed_by_receipt_no:
            refusal = "reversal_of_reversal" if line.reverses_receipt_no else "already_reversed"
            say(self.message, message_for(ActionRefused(refusal, receipt_no=line.receipt_no)), ok=False)
            return
        dialog = ReversalDialog(
            self.ops,
            self.actor,
            payment_id=line.payment_id,
            receipt_no=line.receipt_no,
            account_no=line.account_no,
            amount_fen=line.amount_fen,
            method=line.method,
            parent=self,
        )
        dialog.sig_reversed.connect(self._on_reversed)
        self._open_dialog(dialog)

    def _on_reversed(self, result: PaymentResult) -> None:
        say(
            self.message,
            self.tr("Reversed: receipt {receipt_no} for {amount}.").format(
                receipt_no=result.receipt_no, amount=money(result.amount_fen)
            ),
            ok=True,
        )

    # --- Ctrl+E: close the shift --------------------------------------------------------------
    def close_shift(self) -> None:
        if self._dialog_open() or self.busy:
            return
        if self.shift is None:
            say(self.message, message_for(ActionRefused("no_open_shift")), ok=False)
            return
        dialog = CloseShiftDialog(self.ops, self.actor, self.shift, self)
        dialog.sig_closed.connect(self._on_shift_closed)
        self._open_dialog(dialog)

    def _on_shift_closed(self, printout: Printout) -> None:
        self.pending_report = printout
        QTimer.singleShot(0, self._print_pending_report)  # after the cash-up dialog has gone

    def _print_pending_report(self) -> None:
        printout, self.pending_report = self.pending_report, None
        if printout is None:
            return
        failure = send(printout, DocumentKind.FORM, parent=self, with_preview=True)
        if failure is not None:  # the report can be printed again with "Print last cash-up report"
            say(self.message, message_for(failure), ok=False)
            self.report_button.show()
            return
        say(self.message, self.tr("The shift is closed and its report is printed."), ok=True)

    def print_last_report(self) -> None:
        if self.busy:
            return
        self.busy = True
        self._update_actions()
        self.ops.run(
            partial(_last_report, actor=self.actor),
            on_success=self._on_report_ready,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_report_ready(self, printout: Printout) -> None:
        self.busy = False
        self._update_actions()
        self.pending_report = printout
        self._print_pending_report()

    # --- dialogs ------------------------------------------------------------------------------
    def _dialog_open(self) -> bool:
        from shiboken6 import isValid

        return self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible()

    def _open_dialog(self, dialog: QWidget) -> None:
        self.message.hide()
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.refresh()
        self.table.setFocus()
