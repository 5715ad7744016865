"""The knowledge-base tab (电力知识库): search on top (Ctrl+F), results on the left, the entry on the right.

Typing searches after a short pause (Enter at once); selecting a result opens it for editing;
Ctrl+N starts a new entry, Ctrl+Enter saves, Ctrl+D takes the entry out of use.
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.service_desk import MAX_QUERY
from hallapp.domain.service_desk_form import KEYWORDS_MAX, KnowledgeDraft
from hallapp.domain.service_desk_views import KnowledgeRow
from ui.counter.service_desk_common import SAVE_KEYS, EnterKeys, FieldErrors, on_keys, text_area
from ui.errors import message_for
from ui.ops import CoreOps
from ui.ops import service_desk as work
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
EDITOR_WIDTH = 450
SEARCH_PAUSE_MS = 300


def knowledge_columns() -> list[Column[KnowledgeRow]]:
    return [
        Column(translate("KnowledgeTab", "Question"), lambda k: k.question),
        Column(translate("KnowledgeTab", "Keywords"), lambda k: k.keywords),
        Column(translate("KnowledgeTab", "Updated"), lambda k: k.updated_at.strftime("%Y-%m-%d"), CENTER),
    ]


class KnowledgeTab(QWidget):
    def __init__(self, ops: CoreOps, actor, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ops, self.actor = ops, actor
        self.item_id = ""  # the entry being edited; "" = a new one
        self.query = QLineEdit()
        self.query.setProperty("role", "search")
        self.query.setMaxLength(MAX_QUERY * 2)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Search questions, answers and keywords (Ctrl+F)"))
        self.query_errors = FieldErrors({"query": self.query})
        self.model = RecordTableModel(knowledge_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=0)
        self.count = styled("", "muted")
        self.question = text_area(2)
        self.answer = text_area(9)
        self.keywords = QLineEdit()
        self.keywords.setMaxLength(KEYWORDS_MAX)
        self.keywords.setPlaceholderText(self.tr("Words customers use, separated by spaces"))
        self.errors = FieldErrors(
            {"question": self.question, "answer": self.answer, "keywords": self.keywords}
        )
        self.heading = styled("", "section")
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self.new_button = QPushButton(self.tr("New entry (Ctrl+N)"))
        self.deactivate_button = QPushButton(self.tr("Take out of use (Ctrl+D)"))
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setProperty("role", "primary")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self._layout()
        self._connect()
        self.new_entry()

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.query_errors.boxed("query"))
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for key, caption in (
            ("question", self.tr("&Question")),
            ("answer", self.tr("Ans&wer")),
            ("keywords", self.tr("&Keywords")),
        ):
            label = QLabel(caption)
            label.setBuddy(self.errors.fields[key])
            form.addRow(label, self.errors.boxed(key))
        buttons = QGridLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.new_button, 0, 0)
        buttons.addWidget(self.deactivate_button, 0, 1)
        buttons.addWidget(self.save_button, 1, 1)
        editor = QFrame()
        editor.setProperty("role", "card")
        editor.setFixedWidth(EDITOR_WIDTH)
        column = QVBoxLayout(editor)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addStretch(1)
        column.addLayout(buttons)
        body = QHBoxLayout(self)
        body.setContentsMargins(12, 12, 12, 12)
        body.setSpacing(12)
        body.addLayout(left, 1)
        body.addWidget(editor)

    def _connect(self) -> None:
        self.query.textChanged.connect(self.timer.start)
        self.query.returnPressed.connect(self.search)
        self.timer.timeout.connect(self.search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.save_button.clicked.connect(self.save)
        EnterKeys(self, [self.question, self.answer], [self.keywords], self.save)
        on_keys(self, SAVE_KEYS, self.save)
        on_keys(self, ("Ctrl+N",), self._on_new_clicked)
        on_keys(self, ("Ctrl+D",), self.deactivate)
        self.setFocusProxy(self.query)

    # --- search -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.search()

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        self.timer.stop()
        self.query_errors.clear()
        job = partial(work.search_knowledge, actor=self.actor, text=self.query.text())
        self.ops.run(job, on_success=self._found, on_failure=self._search_failed, owner=self)

    def _found(self, rows: list[KnowledgeRow]) -> None:
        self.model.set_records(rows)
        if self.query.text().strip():
            self.count.setText(
                self.tr("{count} entries found (at most 50 are shown).").format(count=len(rows))
            )
        else:
            self.count.setText(self.tr("The latest entries; type to search."))
        keep = next((n for n, r in enumerate(rows) if r.item_id == self.item_id), None)
        if keep is not None:
            self.table.selectRow(self.table.proxy.mapFromSource(self.model.index(keep, 0)).row())

    def _search_failed(self, exc: Exception) -> None:
        if not self.query_errors.show(exc):
            say(self.message, message_for(exc), ok=False)

    def _on_current_changed(self, *_indexes: object) -> None:
        row = self.table.current_record()
        if row is not None and row.item_id != self.item_id:
            self._edit(row)

    # --- the entry ----------------------------------------------------------------------------
    def _edit(self, row: KnowledgeRow) -> None:
        self.item_id = row.item_id
        self.heading.setText(self.tr("Edit entry"))
        self.question.setPlainText(row.question)
        self.answer.setPlainText(row.answer)
        self.keywords.setText(row.keywords)
        self.deactivate_button.setEnabled(True)
        self.errors.clear()
        self.message.hide()

    def new_entry(self, question: str = "", answer: str = "") -> None:
        """A blank entry, or one filled from a consultation (the clerk adds the keywords)."""
        self.item_id = ""
        self.table.clearSelection()
        self.heading.setText(self.tr("New entry"))
        self.question.setPlainText(question)
        self.answer.setPlainText(answer)
        self.keywords.clear()
        self.deactivate_button.setEnabled(False)
        self.errors.clear()
        self.message.hide()
        (self.keywords if question else self.question).setFocus()

    def _on_new_clicked(self) -> None:
        self.new_entry()

    def save(self) -> None:
        self.errors.clear()
        draft = KnowledgeDraft(self.question.toPlainText(), self.answer.toPlainText(), self.keywords.text())
        job = partial(work.save_knowledge, actor=self.actor, item_id=self.item_id, draft=draft)
        self.ops.run(job, on_success=self._saved, on_failure=self._failed, owner=self)

    def _saved(self, result: tuple[KnowledgeRow, object]) -> None:
        self._edit(result[0])
        say(self.message, self.tr("Saved to the knowledge base."), ok=True)

    def deactivate(self) -> None:
        if not self.item_id:
            return
        job = partial(work.deactivate_knowledge, actor=self.actor, item_id=self.item_id)
        self.ops.run(job, on_success=self._deactivated, on_failure=self._failed, owner=self)

    def _deactivated(self, _changes: object) -> None:
        self.new_entry()
        say(self.message, self.tr("The entry is out of use and no longer found."), ok=True)

    def _failed(self, exc: Exception) -> None:
        if not self.errors.show(exc):
            say(self.message, message_for(exc), ok=False)

    def escape(self) -> bool:
        if self.query.text():
            self.query.clear()
            return True
        return False
