"""Find an account by 户号 (typed or scanned), phone, name or address, and open it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.records import AccountDetail, AccountHit
from hallapp.domain.search import MAX_QUERY_LENGTH, SearchKind
from ui.counter.account_tables import hit_columns
from ui.counter.account_view import AccountView
from ui.errors import message_for
from ui.ops.accounts import open_account, search_accounts
from ui.widgets.labels import styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_view import RecordTableView

RESULTS, ACCOUNT = 0, 1


class _HitTable(RecordTableView):
    """Enter opens the selected account (a table swallows Return otherwise)."""

    def __init__(self, model: RecordTableModel, on_open) -> None:  # type: ignore[no-untyped-def]
        super().__init__(model, stretch_column=3)
        self._on_open = on_open
        self.doubleClicked.connect(self._on_double_clicked)

    def _on_double_clicked(self, _index: object) -> None:
        self._on_open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_open()
            return
        super().keyPressEvent(event)


class AccountSearchPage(WorkspacePage):
    fkeys = frozenset({"F4", "Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        title = styled(self.tr("Find account"), "page-title")
        row = self._search_row()
        self.hits = RecordTableModel(hit_columns(), self)
        self.table = _HitTable(self.hits, self._open_current)
        self.summary = QLabel(
            self.tr("Results appear here. A scanned account number opens the account at once.")
        )
        self.summary.setProperty("role", "muted")
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.summary)
        results_layout.addWidget(self.table, 1)
        self.view = AccountView()
        back = QPushButton(self.tr("Back to results (Esc)"))
        back.clicked.connect(self.handle_escape)
        self.contact_button = QPushButton(self.tr("Change contact details… (Ctrl+E)"))
        self.contact_button.clicked.connect(self.edit_contact)
        self.contact_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        self.contact_shortcut.activated.connect(self.edit_contact)
        actions = QHBoxLayout()
        actions.addWidget(back)
        actions.addWidget(self.contact_button)
        actions.addStretch(1)
        account = QWidget()
        account_layout = QVBoxLayout(account)
        account_layout.setContentsMargins(0, 0, 0, 0)
        account_layout.addLayout(actions)
        account_layout.addWidget(self.view, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(results)
        self.stack.addWidget(account)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)
        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.setFocusProxy(self.query)
        self.limit = 50
        self.ops.run(
            lambda core: core.settings.get("accounts.search_limit"), on_success=self._on_limit, owner=self
        )

    def _on_limit(self, limit: int) -> None:
        self.limit = limit

    def _search_row(self) -> QHBoxLayout:
        self.kind = QComboBox()
        for kind, text in (
            (SearchKind.AUTO, self.tr("Any")),
            (SearchKind.ACCOUNT_NO, self.tr("Account no.")),
            (SearchKind.PHONE, self.tr("Phone")),
            (SearchKind.NAME, self.tr("Holder name")),
            (SearchKind.ADDRESS, self.tr("Address")),
        ):
            self.kind.addItem(text, kind)
        self.query = QLineEdit()
        self.query.setProperty("role", "search")
        self.query.setMaxLength(MAX_QUERY_LENGTH * 2)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr(
                "Scan or type the account number, a mobile number, the holder's "
                "name or part of the address, then press Enter"
            )
        )
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setProperty("role", "primary")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        return row

    def activate(self) -> None:
        if self.stack.currentIndex() == RESULTS:
            self.query.setFocus()

    def handle_fkey(self, key: str) -> bool:
        if key == "F4":
            self.query.setFocus()
            self.query.selectAll()
            return True
        return False

    def handle_escape(self) -> bool:
        if self.stack.currentIndex() == ACCOUNT:
            self.stack.setCurrentIndex(RESULTS)
            (self.table if self.hits.rowCount() else self.query).setFocus()
            return True
        self.query.setFocus()
        self.query.selectAll()
        return True

    def current_account_no(self) -> str:
        detail = self.view.detail
        return detail.account_no if detail is not None and self.stack.currentIndex() == ACCOUNT else ""

    def search(self) -> None:
        if not self.search_button.isEnabled():
            return
        self.search_button.setEnabled(False)
        self.error.hide()
        search_accounts(
            self.ops,
            owner=self,
            actor=self.actor,
            text=self.query.text(),
            kind=self.kind.currentData(),
            on_success=self._on_found,
            on_failure=self._on_failed,
        )

    def _on_found(self, hits: list[AccountHit]) -> None:
        self.search_button.setEnabled(True)
        self.hits.set_records(hits)
        self.stack.setCurrentIndex(RESULTS)
        if not hits:
            self.summary.setText(
                self.tr(
                    "No account matches “{query}”. Check the input or try another kind of search."
                ).format(query=self.query.text().strip())
            )
            self.query.selectAll()
            return
        text = self.tr("{count} accounts found: choose one with the arrow keys and press Enter.")
        if len(hits) >= self.limit:
            text = self.tr(
                "Only the first {count} matches are shown: type more of the name or address to narrow it."
            )
        self.summary.setText(text.format(count=len(hits)))
        self.table.select_first()
        if len(hits) == 1:
            self._open(hits[0].account_id)
        else:
            self.table.setFocus()

    def _on_failed(self, exc: Exception) -> None:
        self.search_button.setEnabled(True)
        self.hits.set_records([])
        self.summary.clear()
        self.stack.setCurrentIndex(RESULTS)
        self.error.setText(message_for(exc))
        self.error.show()
        self.query.setFocus()
        self.query.selectAll()

    def _open_current(self) -> None:
        hit = self.table.current_record()
        if hit is not None:
            self._open(hit.account_id)

    def _open(self, account_id: str) -> None:
        open_account(
            self.ops,
            owner=self,
            actor=self.actor,
            account_id=account_id,
            on_success=self._on_opened,
            on_failure=self._on_failed,
        )

    def _on_opened(self, detail: AccountDetail) -> None:
        self.view.show_account(detail)
        self.stack.setCurrentIndex(ACCOUNT)
        self.view.bill_table.setFocus()

    # --- contact details -----------------------------------------------------------------------
    def edit_contact(self) -> None:
        detail = self.view.detail
        if detail is None or self.stack.currentIndex() != ACCOUNT:
            return
        account_id = detail.account_id
        self.ops.run(
            lambda core: core.customers.contact(self.actor, account_id),
            on_success=lambda details: self._open_contact(account_id, details),
            on_failure=self._on_failed,
            owner=self,
        )

    def _open_contact(self, account_id: str, details) -> None:  # type: ignore[no-untyped-def]
        from ui.counter.contact_dialog import ContactDialog

        self.contact_dialog = ContactDialog(self.ops, self.actor, account_id, details, self)
        self.contact_dialog.sig_saved.connect(lambda _details: self._open(account_id))
        self.contact_dialog.open()
