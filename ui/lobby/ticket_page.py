"""The lobby guide's desk (取号): one key per business type issues and prints a ticket.

Keys 1–9 issue the business type with that number (two keystrokes at most: an optional priority
with Alt+Y, then the type). The 户号 or phone may be typed first; Enter returns to the types.
F8 reprints the last ticket, Ctrl+P previews it. The lines table refreshes on every queue event.
When the hall hub cannot be reached the page says so and offers manual numbering.
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hallapp.domain.printouts import PaperSize
from hallapp.domain.queue_views import HubMode, QueueEvent, TicketRow, TypeLine
from hallapp.domain.records import Actor
from ui.counter.print_flow import send
from ui.errors import message_for
from ui.ops.queue import GuideView, IssuedTicket, guide_view, issue_ticket, ticket_printout
from ui.printing import DocumentKind, ticket_paper
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate
REFRESH_DELAY_MS = 150


def priority_labels() -> dict[str | None, str]:
    return {
        None: translate("TicketPage", "No priority"),
        "military": translate("TicketPage", "Military (priority by law)"),
        "elderly": translate("TicketPage", "Elderly"),
        "disabled": translate("TicketPage", "Disabled"),
        "pregnant": translate("TicketPage", "Pregnant"),
        "green_channel": translate("TicketPage", "Green channel / key customer"),
        "appointment": translate("TicketPage", "Appointment check-in"),
    }


def line_columns() -> list[Column[TypeLine]]:
    minutes = translate("TicketPage", "{n} min")
    return [
        Column(translate("TicketPage", "Business type"), lambda x: f"{x.letter}  {x.name}"),
        Column(
            translate("TicketPage", "Waiting"), lambda x: str(x.waiting), RIGHT, sort_key=lambda x: x.waiting
        ),
        Column(
            translate("TicketPage", "Longest wait"), lambda x: minutes.format(n=x.longest_wait_minutes), RIGHT
        ),
        Column(
            translate("TicketPage", "Estimated wait"), lambda x: minutes.format(n=x.estimate_minutes), RIGHT
        ),
        Column(translate("TicketPage", "Open windows"), lambda x: str(x.open_windows), CENTER),
    ]


def _load(core) -> GuideView:  # type: ignore[no-untyped-def]
    return guide_view(core)


def _set_open(core, actor: Actor, open_: bool) -> GuideView:  # type: ignore[no-untyped-def]
    core.queue.set_queue_open(actor, open_)
    return guide_view(core)


def _merge(core, actor: Actor) -> int:  # type: ignore[no-untyped-def]
    return core.queue.merge_pending(actor)


class TicketPage(WorkspacePage):
    fkeys = frozenset({"F8"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.view: GuideView | None = None
        self.last: IssuedTicket | None = None
        self.type_buttons: list[QPushButton] = []
        self.hub_banner = styled("", "banner-warning", wrap=True)
        self.hub_banner.hide()
        self.manual = QCheckBox(self.tr("Manual numbering (queue server unreachable)"))
        self.manual.hide()
        self.open_state = styled("", "section")
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._toggle_open)
        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("Account number or phone (optional)"))
        self.account.setMaxLength(24)
        self.account.returnPressed.connect(self._focus_types)
        self.priority = QComboBox()
        for code, text in priority_labels().items():
            self.priority.addItem(text, code)
        self.type_grid = QGridLayout()
        self.type_grid.setSpacing(12)
        self.last_no = styled("—", "ticket-number")
        self.last_no.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.last_info = styled(self.tr("No ticket issued yet"), "muted", wrap=True)
        self.last_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = styled("", "muted", wrap=True)
        self.lines = RecordTableModel(line_columns())
        self.table = RecordTableView(self.lines, stretch_column=0, sortable=False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._layout()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.reload)
        ops.queue_events.sig_event.connect(self._on_queue_event)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._install_keys()
        self.reload()

    # -- layout -------------------------------------------------------------------------------
    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.open_state)
        top.addStretch(1)
        top.addWidget(self.open_button)
        form = QFormLayout()
        form.addRow(self.tr("&Customer:"), self.account)
        form.addRow(self.tr("Priorit&y:"), self.priority)
        types = QVBoxLayout()
        types.addWidget(styled(self.tr("Press the number of the business type to issue its ticket"), "muted"))
        types.addLayout(self.type_grid)
        last = QFrame()
        last.setProperty("role", "card")
        last_box = QVBoxLayout(last)
        last_box.addWidget(styled(self.tr("Last ticket"), "muted"))
        last_box.addWidget(self.last_no)
        last_box.addWidget(self.last_info)
        reprint = QPushButton(self.tr("Reprint (F8)"))
        reprint.clicked.connect(self.reprint)
        last_box.addWidget(reprint)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(types)
        left.addWidget(self.message)
        left.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(last, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.hub_banner)
        layout.addWidget(self.manual)
        layout.addLayout(middle)
        layout.addWidget(styled(self.tr("Waiting now"), "section"))
        layout.addWidget(self.table, 1)

    def _install_keys(self) -> None:
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(partial(self._issue_by_number, number))
        preview = QShortcut(QKeySequence("Ctrl+P"), self)
        preview.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        preview.activated.connect(self.preview_last)
        priority = QShortcut(QKeySequence("Alt+Y"), self)
        priority.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        priority.activated.connect(self.priority.showPopup)

    # -- data ---------------------------------------------------------------------------------
    def activate(self) -> None:
        self.reload()
        self._focus_types()

    def reload(self) -> None:
        self.ops.run(_load, on_success=self._show, on_failure=self._failed, owner=self, network=True)

    def _on_queue_event(self, event: QueueEvent) -> None:
        if event.kind in ("connected", "disconnected") or not self._refresh_timer.isActive():
            self._refresh_timer.start(REFRESH_DELAY_MS)

    def _show(self, view: GuideView) -> None:
        was_offline = self.view is not None and self.view.status.mode is HubMode.OFFLINE
        self.view = view
        self._show_status(view)
        if view.board is not None:
            self.lines.set_records(view.board.lines)
            self._build_type_buttons(view.board.lines)
        if was_offline and view.status.mode is HubMode.ONLINE and view.status.manual_waiting:
            self.ops.run(partial(_merge, actor=self.actor), on_success=self._merged, owner=self, network=True)

    def _show_status(self, view: GuideView) -> None:
        offline = view.status.mode is HubMode.OFFLINE or view.board is None
        if offline:
            since = view.status.since.strftime("%H:%M") if view.status.since else ""
            text = (
                self.tr(
                    "The queue server does not answer (since {time}); retrying. Switch to manual numbering if customers wait."
                )
                if since
                else self.tr("Connecting to the queue server…")
            )
            self.hub_banner.setText(text.format(time=since))
        self.hub_banner.setVisible(offline)
        self.manual.setVisible(offline or self.manual.isChecked())
        if not offline and self.manual.isChecked():
            self.manual.setChecked(False)
        is_open = view.board.open if view.board is not None else False
        state = self.tr("Ticket issuing is open") if is_open else self.tr("Ticket issuing is stopped")
        hours = self.tr("business hours {hours}").format(hours=view.hours) if view.hours else ""
        self.open_state.setText(f"{state}  ·  {hours}" if hours else state)
        self.open_button.setText(self.tr("Stop issuing") if is_open else self.tr("Start issuing"))
        self.open_button.setEnabled(view.board is not None)
        self.open_button.setProperty("role", "" if is_open else "primary")
        self.open_button.style().unpolish(self.open_button)
        self.open_button.style().polish(self.open_button)

    def _build_type_buttons(self, lines: tuple[TypeLine, ...]) -> None:
        wanted = [(line.code, f"{i}   {line.letter} {line.name}") for i, line in enumerate(lines[:9], 1)]
        if [(b.property("code"), b.text()) for b in self.type_buttons] == wanted:
            return
        for button in self.type_buttons:
            button.deleteLater()
        self.type_buttons = []
        for index, (code, text) in enumerate(wanted):
            button = QPushButton(text)
            button.setProperty("role", "type-button")
            button.setProperty("code", code)
            button.clicked.connect(partial(self._issue, code))
            self.type_grid.addWidget(button, index // 2, index % 2)
            self.type_buttons.append(button)

    def _failed(self, exc: Exception) -> None:
        say(self.message, message_for(exc), ok=False)
        if self.view is not None:
            self._show_status(self.view)

    # -- actions ------------------------------------------------------------------------------
    def _issue_by_number(self, number: int) -> None:
        if 0 < number <= len(self.type_buttons):
            self.type_buttons[number - 1].click()

    def _issue(self, code: str) -> None:
        text = self.account.text().strip()
        digits = text.replace(" ", "").replace("-", "")
        is_phone = len(digits) == 11 and digits.startswith("1")
        extra = {
            "priority_reason": self.priority.currentData(),
            "account_no": None if is_phone or not text else text,
            "phone": text if is_phone else None,
        }
        manual, paper = self.manual.isChecked(), PaperSize(ticket_paper())
        work = partial(
            issue_ticket, actor=self.actor, business_type=code, extra=extra, paper=paper, manual=manual
        )
        self.ops.run(work, on_success=self._issued, on_failure=self._failed, owner=self, network=True)

    def _issued(self, issued: IssuedTicket) -> None:
        self.last = issued
        self._show_last(issued.row)
        self.account.clear()
        self.priority.setCurrentIndex(0)
        failure = send(issued.printout, DocumentKind.TICKET, parent=self)
        if failure is not None:
            say(
                self.message,
                self.tr("{error} The ticket exists: press F8 to print it again.").format(
                    error=failure.message()
                ),
                ok=False,
            )
        else:
            say(
                self.message,
                self.tr("Ticket {number} printed.").format(number=issued.row.display_no),
                ok=True,
            )
        self._focus_types()
        self.reload()

    def _show_last(self, row: TicketRow) -> None:
        self.last_no.setText(row.display_no)
        info = self.tr("{type} · {ahead} ahead · about {minutes} min").format(
            type=row.business_type_name, ahead=row.ahead, minutes=row.wait_minutes
        )
        if row.manual:
            info += "\n" + self.tr("Manual ticket: call it in person")
        self.last_info.setText(info)

    def reprint(self) -> None:
        if self.last is None:
            say(self.message, self.tr("No ticket to reprint yet."), ok=False)
            return
        work = partial(ticket_printout, row=self.last.row, paper=PaperSize(ticket_paper()), reprint=1)
        self.ops.run(work, on_success=self._reprinted, on_failure=self._failed, owner=self)

    def _reprinted(self, printout) -> None:  # type: ignore[no-untyped-def]
        failure = send(printout, DocumentKind.TICKET, parent=self)
        say(
            self.message,
            failure.message() if failure else self.tr("Ticket printed again."),
            ok=failure is None,
        )

    def preview_last(self) -> None:
        if self.last is not None:
            send(self.last.printout, DocumentKind.TICKET, parent=self, with_preview=True)

    def _toggle_open(self) -> None:
        if self.view is None or self.view.board is None:
            return
        work = partial(_set_open, actor=self.actor, open_=not self.view.board.open)
        self.ops.run(work, on_success=self._show, on_failure=self._failed, owner=self, network=True)

    def _merged(self, count: int) -> None:
        if count:
            say(
                self.message,
                self.tr("{n} manual tickets handed to the queue server.").format(n=count),
                ok=True,
            )

    def _focus_types(self) -> None:
        self.setFocus()

    def handle_fkey(self, key: str) -> bool:
        if key == "F8":
            self.reprint()
            return True
        return False
