"""Audit trail (审计日志): who did what, when and on which PC, filtered, newest first, a page at a
time; the selected event's details; and the check of the hash chain (Ctrl+K) in one sentence."""

import json
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.audit_actions import CATEGORY_LABELS, Category
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.records import Actor
from hallapp.services.audit_trail_service import AuditPage as TrailPage
from hallapp.services.audit_trail_service import AuditRow, VerifyReport
from ui.supervisor.audit_messages import audit_message, verify_sentence
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def action_label(row: AuditRow) -> str:
    return translate("AuditActions", row.label)


def who(row: AuditRow) -> str:
    return f"{row.staff_no} {row.staff_name}".strip() or "—"


def audit_columns() -> list[Column[AuditRow]]:
    return [
        Column(
            translate("AuditPage", "Time"),
            lambda r: to_hall_time(r.at).strftime("%m-%d %H:%M:%S"),
            CENTER,
            sort_key=lambda r: r.seq,
        ),
        Column(translate("AuditPage", "Staff"), who),
        Column(translate("AuditPage", "PC"), lambda r: r.device),
        Column(
            translate("AuditPage", "Category"),
            lambda r: translate("AuditActions", CATEGORY_LABELS[r.category]),
        ),
        Column(
            translate("AuditPage", "Action"),
            action_label,
            tone=lambda r: "owed" if r.action.endswith(".failed") else None,
        ),
        Column(translate("AuditPage", "Concerning"), lambda r: r.target or "—"),
    ]


def describe(row: AuditRow) -> str:
    lines = [
        translate("AuditPage", "Event {seq} · {time}").format(
            seq=row.seq, time=to_hall_time(row.at).strftime("%Y-%m-%d %H:%M:%S")
        ),
        f"{action_label(row)} ({row.action})",
        translate("AuditPage", "Staff: {who}  PC: {pc}").format(who=who(row), pc=row.device),
    ]
    if row.target:
        lines.append(translate("AuditPage", "Concerning: {target}").format(target=row.target))
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in sorted(row.details.items())]
    return "\n".join(lines)


def _search(core, actor: Actor, query: dict, before_seq: int | None) -> TrailPage:  # type: ignore[no-untyped-def]
    return core.audit.search(actor, before_seq=before_seq, **query)


def _verify(core, actor: Actor) -> VerifyReport:  # type: ignore[no-untyped-def]
    return core.audit.verify(actor)


class AuditPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.busy = False
        self.more = False
        self.model = RecordTableModel(audit_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=5, sortable=False)
        self.table.setAccessibleName(self.tr("Audit trail events"))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the selected event"))
        self.summary = styled("", "muted")
        self.more_button = QPushButton(self.tr("Load &more"))
        self.verify_button = QPushButton(self.tr("Verify the chain (Ctrl+K)"))
        self.verify_result = styled("", "badge", wrap=True)
        self.verify_result.hide()
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        self._make_filters()
        self._lay_out()
        self._connect()
        self.setFocusProxy(self.table)
        self.query: dict = {}  # the first search is the hall's today, as the core knows it
        self._load(None)

    def _make_filters(self) -> None:
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.category = QComboBox()
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(14)
        self.category.addItem(self.tr("All kinds"), "")
        for category in Category:
            self.category.addItem(translate("AuditActions", CATEGORY_LABELS[category]), category.value)
        self.staff_no, self.pc, self.text = QLineEdit(), QLineEdit(), QLineEdit()
        self.staff_no.setMaxLength(20)
        self.pc.setMaxLength(40)
        self.text.setMaxLength(40)
        self.staff_no.setPlaceholderText(self.tr("e.g. C001"))
        self.pc.setPlaceholderText(self.tr("PC code"))
        self.text.setPlaceholderText(self.tr("receipt, account, reason…"))
        self.search_button = QPushButton(self.tr("Search (Enter)"))
        self.search_button.setProperty("role", "primary")

    def _lay_out(self) -> None:
        filters = QGridLayout()
        fields = (
            (self.tr("&From"), self.start),
            (self.tr("&To"), self.end),
            (self.tr("&Kind"), self.category),
            (self.tr("&Staff no."), self.staff_no),
            (self.tr("&PC"), self.pc),
            (self.tr("T&ext"), self.text),
        )
        for column, (caption, widget) in enumerate(fields):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label, 0, column)
            filters.addWidget(widget, 1, column)
        filters.addWidget(self.search_button, 1, len(fields))
        filters.setColumnStretch(5, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(styled(self.tr("Details"), "section"))
        side_layout.addWidget(self.details, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Audit trail"), "page-title"))
        top.addStretch(1)
        top.addWidget(self.verify_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.verify_result)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.search_button.clicked.connect(self.search)
        for edit in (self.staff_no, self.pc, self.text):
            edit.returnPressed.connect(self.search)
        self.more_button.clicked.connect(self.load_more)
        self.verify_button.clicked.connect(self.verify)
        shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.verify)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

    def activate(self) -> None:
        self.table.setFocus()

    def handle_escape(self) -> bool:
        self.message.hide()
        self.table.setFocus()
        return True

    def search(self) -> None:
        kind = self.category.currentData()
        self.query = {
            "start": self.start.date().toPython(),
            "end": self.end.date().toPython(),
            "action_kinds": frozenset({kind}) if kind else None,
            "staff_no": self.staff_no.text(),
            "device_id": self.pc.text(),
            "text": self.text.text(),
        }
        self._load(None)

    def load_more(self) -> None:
        if self.more and self.model.records:
            self._load(self.model.records[-1].seq)

    def _load(self, before_seq: int | None) -> None:
        if self.busy:
            return
        self.busy = True
        self.message.hide()
        work = partial(_search, actor=self.actor, query=self.query, before_seq=before_seq)
        on_success = partial(self._on_loaded, append=before_seq is not None)
        self.ops.run(work, on_success=on_success, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, page: TrailPage, *, append: bool) -> None:
        self.busy = False
        rows = [*self.model.records, *page.rows] if append else list(page.rows)
        self.model.set_records(rows)
        self.more = page.more
        self.start.setDate(QDate(page.start))
        self.end.setDate(QDate(page.end))
        self.more_button.setEnabled(page.more)
        self.summary.setText(
            self.tr("{count} event(s) shown; more are older.").format(count=len(rows))
            if page.more
            else self.tr("{count} event(s).").format(count=len(rows))
        )
        if rows and not append:
            self.table.select_first()
        self._show_details()

    def _show_details(self, *_indexes: object) -> None:
        row = self.table.current_record()
        self.details.setPlainText(describe(row) if row else "")

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setProperty("tone", "info")
        self.verify_result.setText(self.tr("Checking every event of the audit trail…"))
        self._repolish(self.verify_result)
        self.verify_result.show()
        work = partial(_verify, actor=self.actor)
        self.ops.run(work, on_success=self._on_verified, on_failure=self._on_verify_failed, owner=self)

    def _on_verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setProperty("tone", None if report.whole else "danger")
        self.verify_result.setText(verify_sentence(report))
        self._repolish(self.verify_result)

    def _on_verify_failed(self, exc: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.hide()
        self._on_failed(exc)

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        say(self.message, audit_message(exc), ok=False)

    @staticmethod
    def _repolish(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)
