"""Sync notices (同步冲突通知): what the central server told this hall after its PCs synced.

A contact edit made here that a later edit (another hall, or the billing system) overwrote, or an
application taken here that waits for review because another one on the same account came first.
The supervisor reads each, follows up with the customer or clerk, and marks it read (Enter).
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout

from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.records import Actor
from hallapp.services.sync_notice_service import NoticeRow
from ui.errors import message_for
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
REFRESH_MS = 60_000  # notices arrive with the sync worker's pulls, not with a signal here


def field_label(field: str) -> str:
    return {
        "phone": translate("SyncNotices", "Phone"),
        "email": translate("SyncNotices", "E-mail"),
        "mail_address": translate("SyncNotices", "Mailing address"),
    }.get(field, field)


def reason_label(reason: str) -> str:
    return {
        "open_application": translate("SyncNotices", "another application on this account was open"),
        "account_unknown": translate("SyncNotices", "the account is unknown to the central server"),
        "account_closed": translate("SyncNotices", "the account is closed"),
        "holder_changed": translate(
            "SyncNotices",
            "the holder changed when the first application was archived; cancel this one and take a "
            "new application if the customer still wants it",
        ),
    }.get(reason, reason)


def describe(n: NoticeRow) -> str:
    if n.kind == "contact_overwritten":
        return translate(
            "SyncNotices", "{field} changed here to {lost} was overwritten by {won} (from {hall})"
        ).format(
            field=field_label(n.field),
            lost=n.lost_value or "—",
            won=n.won_value or "—",
            hall=n.won_hall_id or translate("SyncNotices", "the billing system"),
        )
    if n.reason == "released":
        return translate(
            "SyncNotices", "Application {number} may go on: application {first} on the account has ended"
        ).format(number=n.application_no, first=n.blocking_application_no or "—")
    text = translate("SyncNotices", "Application {number} waits for review: {reason}").format(
        number=n.application_no, reason=reason_label(n.reason)
    )
    if n.blocking_application_no:
        text += translate("SyncNotices", " (first: {number})").format(number=n.blocking_application_no)
    return text


def kind_label(kind: str) -> str:
    return {
        "contact_overwritten": translate("SyncNotices", "Contact overwritten"),
        "application_review": translate("SyncNotices", "Application to review"),
    }.get(kind, kind)


def notice_columns() -> list[Column[NoticeRow]]:
    return [
        Column(
            translate("SyncNotices", "Time"),
            lambda n: to_hall_time(n.created_at).strftime("%m-%d %H:%M"),
            CENTER,
            sort_key=lambda n: n.created_at,
        ),
        Column(translate("SyncNotices", "Kind"), lambda n: kind_label(n.kind)),
        Column(translate("SyncNotices", "Account no."), lambda n: n.account_no or "—"),
        Column(translate("SyncNotices", "What happened"), describe),
        Column(
            translate("SyncNotices", "Status"),
            lambda n: translate("SyncNotices", "Read") if n.read else translate("SyncNotices", "New"),
            CENTER,
            tone=lambda n: None if n.read else "owed",
        ),
    ]


def _load(core, actor: Actor, include_read: bool) -> list[NoticeRow]:  # type: ignore[no-untyped-def]
    return core.sync_notices.notices(actor, include_read=include_read)


def _mark(core, actor: Actor, notice_id: str) -> None:  # type: ignore[no-untyped-def]
    core.sync_notices.mark_read(actor, notice_id)


class SyncNoticesPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.model = RecordTableModel(notice_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=3)
        self.table.setAccessibleName(self.tr("Sync notices"))
        self.table.activated.connect(lambda _record: self.mark_read())
        self.summary = styled("", "muted")
        self.show_read = QCheckBox(self.tr("&Show read notices too"))
        self.show_read.toggled.connect(lambda _checked: self.refresh())
        self.read_button = QPushButton(self.tr("Mark read (Enter)"))
        self.read_button.setProperty("role", "primary")
        self.read_button.clicked.connect(self.mark_read)
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Sync notices"), "page-title"))
        top.addStretch(1)
        top.addWidget(self.show_read)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(
            styled(
                self.tr(
                    "The central server tells this hall when a contact detail changed here was overwritten "
                    "by a later change, or when an application taken here must wait for review. "
                    "Follow up with the customer or the clerk, then mark the notice read."
                ),
                "caption",
                wrap=True,
            )
        )
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.read_shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        self.read_shortcut.activated.connect(self.mark_read)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(lambda: self.refresh() if self.isVisible() else None)
        self.timer.start()
        self.setFocusProxy(self.table)
        self.refresh()

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus()

    def handle_escape(self) -> bool:
        self.message.hide()
        self.table.setFocus()
        return True

    def refresh(self) -> None:
        work = partial(_load, actor=self.actor, include_read=self.show_read.isChecked())
        self.ops.run(work, on_success=self._on_loaded, on_failure=self._on_failed, owner=self)

    def _on_loaded(self, rows: list[NoticeRow]) -> None:
        self.model.set_records(rows)
        new = sum(1 for n in rows if not n.read)
        self.summary.setText(
            self.tr("{count} new notice(s).").format(count=new) if new else self.tr("No new notice.")
        )
        if rows:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.table.proxy.index(0, 0))
        self.read_button.setEnabled(new > 0)

    def mark_read(self) -> None:
        notice = self.table.current_record()
        if notice is None or notice.read:
            return
        work = partial(_mark, actor=self.actor, notice_id=notice.notice_id)
        self.ops.run(work, on_success=lambda _none: self.refresh(), on_failure=self._on_failed, owner=self)

    def _on_failed(self, exc: Exception) -> None:
        say(self.message, message_for(exc), ok=False)
