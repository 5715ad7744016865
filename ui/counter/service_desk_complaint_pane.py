"""One complaint: who and what, its two deadlines with their state, its history and the step buttons."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from hallapp.domain.service_desk import ComplaintStep, DeadlineState
from hallapp.domain.service_desk_views import ComplaintDetail, ComplaintEventRow
from ui.counter.service_desk_common import desk_label
from ui.widgets.labels import styled

BADGE_TONES = {DeadlineState.OVERDUE: "danger", DeadlineState.LATE: "warn", DeadlineState.RUNNING: "info"}
STEP_KEYS = {
    ComplaintStep.CONTACTED: "Ctrl+L",
    ComplaintStep.REPLIED: "Ctrl+R",
    ComplaintStep.FOLLOWED_UP: "Ctrl+H",
    ComplaintStep.CLOSED: "Ctrl+E",
}


class ComplaintPane(QFrame):
    sig_step = Signal(object)  # the ComplaintStep asked for

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.detail: ComplaintDetail | None = None
        self.title = styled("", "section")
        self.step_badge = styled("", "badge")
        self.facts: dict[str, QLabel] = {}
        self.contact_badge = styled("", "badge")
        self.reply_badge = styled("", "badge")
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)
        self.history.setAccessibleName(self.tr("History"))
        self.buttons: dict[ComplaintStep, QPushButton] = {}
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.step_badge)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addLayout(self._facts_grid())
        layout.addWidget(styled(self.tr("History"), "caption"))
        layout.addWidget(self.history, 1)
        layout.addLayout(self._button_grid())
        self.show_detail(None)

    def _facts_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        rows = (
            ("customer", self.tr("Customer"), None),
            ("cause", self.tr("Cause"), None),
            ("received", self.tr("Received"), None),
            ("contact", self.tr("Contact by"), self.contact_badge),
            ("reply", self.tr("Reply by"), self.reply_badge),
        )
        for row, (key, caption, badge) in enumerate(rows):
            self.facts[key] = QLabel()
            self.facts[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(styled(caption, "caption"), row, 0)
            value = QHBoxLayout()
            value.setSpacing(10)
            value.addWidget(self.facts[key])
            if badge is not None:
                value.addWidget(badge)
            value.addStretch(1)
            grid.addLayout(value, row, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _button_grid(self) -> QGridLayout:
        texts = {
            ComplaintStep.CONTACTED: self.tr("Contact… (Ctrl+L)"),
            ComplaintStep.REPLIED: self.tr("Reply… (Ctrl+R)"),
            ComplaintStep.FOLLOWED_UP: self.tr("Follow-up call… (Ctrl+H)"),
            ComplaintStep.CLOSED: self.tr("Close… (Ctrl+E)"),
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        for n, (step, text) in enumerate(texts.items()):
            button = QPushButton(text)
            button.setObjectName(step.value)
            button.clicked.connect(self._on_button_clicked)
            self.buttons[step] = button
            grid.addWidget(button, n // 2, n % 2)
        return grid

    def _on_button_clicked(self) -> None:
        self.sig_step.emit(ComplaintStep(self.sender().objectName()))

    def show_detail(self, detail: ComplaintDetail | None) -> None:
        self.detail = detail
        for button in self.buttons.values():
            button.setEnabled(detail is not None and detail.row.step is not ComplaintStep.CLOSED)
        if detail is None:
            self.title.setText(self.tr("No complaint selected"))
            for label in self.facts.values():
                label.clear()
            for badge in (self.step_badge, self.contact_badge, self.reply_badge):
                badge.hide()
            self.history.clear()
            return
        row = detail.row
        self.title.setText(row.complaint_no)
        _badge(self.step_badge, desk_label(row.step), "")
        account = self.tr("Account no. {number}").format(number=row.account_no) if row.account_no else ""
        self.facts["customer"].setText(f"{row.customer_name}  {row.phone}  {account}".strip())
        self.facts["cause"].setText(f"{desk_label(row.cause)} · {desk_label(row.channel)}")
        self.facts["received"].setText(row.received_at.strftime("%Y-%m-%d %H:%M"))
        self.facts["contact"].setText(row.contact_due_at.strftime("%Y-%m-%d %H:%M"))
        _badge(self.contact_badge, desk_label(row.contact_state), BADGE_TONES.get(row.contact_state, ""))
        self.facts["reply"].setText(row.reply_due_on.isoformat())
        _badge(self.reply_badge, desk_label(row.reply_state), BADGE_TONES.get(row.reply_state, ""))
        self.history.setHtml("".join(self._event_html(e, row.followup_satisfied) for e in detail.events))

    def _event_html(self, event: ComplaintEventRow, satisfied: bool | None) -> str:
        step = desk_label(event.step)
        if event.step is ComplaintStep.FOLLOWED_UP and satisfied is not None:
            verdict = self.tr("satisfied") if satisfied else self.tr("not satisfied")
            step = f"{step} ({verdict})"
        head = f"{event.at.strftime('%m-%d %H:%M')}&nbsp;&nbsp;<b>{escape(step)}</b>&nbsp;&nbsp;{escape(event.staff)}"
        note = f"<br>{escape(event.note)}" if event.note else ""
        return f"<p style='margin-bottom:6px'>{head}{note}</p>"


def _badge(label: QLabel, text: str, tone: str) -> None:
    label.setText(text)
    label.setProperty("tone", tone)
    label.style().unpolish(label)
    label.style().polish(label)
    label.show()
