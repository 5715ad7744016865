"""The customer in front of the clerk, always at the top of the counter workspace (UI_GUIDE).

F1 calls the next ticket (finishing the customer being served), F2 recalls, F3 marks a no-show,
F7 finishes; buttons transfer, park, resume a parked ticket, pause the window and open the
customer-facing evaluator. Calling a ticket with a captured 户号 opens that account.
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QMenu, QPushButton, QVBoxLayout

from hallapp.domain.queue import TicketAction, TicketState
from hallapp.domain.queue_views import QueueBoard, QueueEvent, TicketRow, WindowView
from hallapp.domain.records import Actor
from ui.errors import message_for
from ui.widgets.labels import say, styled

translate = QCoreApplication.translate
WINDOW_KEY = "counter/window_no"
REFRESH_DELAY_MS = 150


def window_no_setting() -> int | None:
    value = QSettings().value(WINDOW_KEY, 0)
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number or None


def state_text(state: TicketState) -> str:
    return {
        TicketState.CALLED: translate("ServingBar", "Called"),
        TicketState.SERVING: translate("ServingBar", "Serving"),
    }.get(state, "")


def _load(core, window_no: int | None) -> tuple:  # type: ignore[no-untyped-def]
    board = core.queue.board()
    parked = core.queue.parked(window_no) if window_no else []
    pickable = core.queue.waiting(window_no) if window_no else []  # empty unless the hall allows picking
    return board, parked, pickable


def _call_next(core, actor: Actor, window_no: int):  # type: ignore[no-untyped-def]
    return core.queue.call_next(actor, window_no)


def _act(core, actor: Actor, ticket_id: str, action: TicketAction, window_no: int):  # type: ignore[no-untyped-def]
    return core.queue.act(actor, ticket_id, action, window_no)


def _pause(core, actor: Actor, window_no: int, paused: bool):  # type: ignore[no-untyped-def]
    return core.queue.set_window_paused(actor, window_no, paused)


class ServingBar(QFrame):
    sig_open_account = Signal(str)  # the 户号 captured at issue: opens in 收费
    sig_find_phone = Signal(str)  # only a phone was captured: search the accounts by it

    def __init__(self, ops, actor: Actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ops, self.actor = ops, actor
        self.setObjectName("ServingBar")
        self.window_no = window_no_setting()
        self.view: WindowView | None = None
        self.board: QueueBoard | None = None
        self.parked: list[TicketRow] = []
        self.pickable: list[TicketRow] = []
        self.evaluator = None
        self.window_combo = QComboBox()
        self.window_combo.setToolTip(self.tr("This PC's counter window"))
        self.window_combo.activated.connect(self._window_chosen)
        self.number = styled("—", "serving-number")
        self.details = styled(self.tr("No customer at the window"), "muted")
        self.waiting = styled("", "muted")
        self.message = styled("", "muted")
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.reload)
        ops.queue_events.sig_event.connect(self._on_event)
        self.reload()

    def _build(self) -> None:
        info = QVBoxLayout()
        info.setSpacing(2)
        info.addWidget(self.details)
        info.addWidget(self.waiting)
        row = QHBoxLayout()
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(styled(self.tr("Window"), "muted"))
        row.addWidget(self.window_combo)
        row.addSpacing(12)
        row.addWidget(self.number)
        row.addLayout(info, 1)
        specs = [
            ("call", self.tr("Call next (F1)"), self.call_next),
            ("recall", self.tr("Recall (F2)"), partial(self.act, TicketAction.RECALL)),
            ("no_show", self.tr("No-show (F3)"), partial(self.act, TicketAction.NO_SHOW)),
            ("finish", self.tr("Finish (F7)"), partial(self.act, TicketAction.FINISH)),
            ("more", self.tr("More"), None),
        ]
        for key, text, slot in specs:
            button = QPushButton(text)
            if slot is not None:
                button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["call"].setProperty("role", "primary")
        self.more = QMenu(self)
        self.buttons["more"].setMenu(self.more)
        self.more.aboutToShow.connect(self._fill_more)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        self.message.setContentsMargins(14, 0, 14, 4)
        column.addWidget(self.message)
        self.message.hide()
        keys = (
            ("Ctrl+G", self.start),
            ("Ctrl+T", self.transfer),
            ("Ctrl+K", self.park),
            ("Ctrl+B", self.toggle_pause),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # -- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        work = partial(_load, window_no=self.window_no)
        self.ops.run(work, on_success=self._show, on_failure=self._load_failed, owner=self, network=True)

    def _on_event(self, event: QueueEvent) -> None:
        if not self._timer.isActive():
            self._timer.start(REFRESH_DELAY_MS)

    def _show(self, loaded: tuple) -> None:
        self.board, self.parked, self.pickable = loaded
        self._fill_windows(self.board.windows)
        self.view = next((w for w in self.board.windows if w.window_no == self.window_no), None)
        current = self.view.current if self.view else None
        self.number.setText(current.display_no if current else "—")
        self.details.setText(self._details(current))
        self.waiting.setText(self._waiting_text())
        self._enable(current)

    def _details(self, current: TicketRow | None) -> str:
        if self.window_no is None:
            return self.tr("Choose this PC's window first")
        if self.view is not None and self.view.paused:
            return self.tr("Window paused (Ctrl+B resumes)")
        if current is None:
            return self.tr("No customer at the window")
        parts = [current.business_type_name, state_text(current.state)]
        if current.account_no:
            parts.append(self.tr("Account {no}").format(no=current.account_no))
        if current.called_at:
            waited = int((current.called_at - current.issued_at).total_seconds() // 60)
            parts.append(self.tr("waited {n} min").format(n=max(0, waited)))
        if current.priority_reason:
            parts.append(self.tr("priority"))
        return " · ".join(p for p in parts if p)

    def _waiting_text(self) -> str:
        if self.board is None or self.view is None:
            return ""
        mine = [line for line in self.board.lines if line.code in self.view.business_types]
        waiting = sum(line.waiting for line in mine)
        text = self.tr("{n} waiting for this window").format(n=waiting)
        if self.parked:
            text += " · " + self.tr("{n} parked").format(n=len(self.parked))
        return text

    def _fill_windows(self, windows: tuple[WindowView, ...]) -> None:
        wanted = [(w.window_no, w.name) for w in windows]
        current = [
            (self.window_combo.itemData(i), self.window_combo.itemText(i))
            for i in range(self.window_combo.count())
        ]
        if wanted != current[1:]:
            self.window_combo.clear()
            self.window_combo.addItem(self.tr("Choose…"), 0)
            for number, name in wanted:
                self.window_combo.addItem(name, number)
        self.window_combo.setCurrentIndex(max(0, self.window_combo.findData(self.window_no or 0)))

    def _enable(self, current: TicketRow | None) -> None:
        usable = self.window_no is not None and not (self.view and self.view.paused)
        self.buttons["call"].setEnabled(usable)
        for key in ("recall", "no_show", "finish"):
            self.buttons[key].setEnabled(current is not None)
        self.buttons["no_show"].setEnabled(current is not None and current.state is TicketState.CALLED)

    def _failed(self, exc: Exception) -> None:
        """An action was refused: say why and show the window as it is now."""
        say(self.message, message_for(exc), ok=False)
        self.reload()

    def _load_failed(self, exc: Exception) -> None:
        """The queue could not be read (hub away): say so; its next event (connected) reloads."""
        say(self.message, message_for(exc), ok=False)

    def _note(self, text: str) -> None:
        say(self.message, text, ok=True)

    # -- actions ------------------------------------------------------------------------------
    def _window_chosen(self, index: int) -> None:
        number = self.window_combo.itemData(index) or None
        self.window_no = number
        QSettings().setValue(WINDOW_KEY, number or 0)
        if self.evaluator is not None:
            self.evaluator.close()
            self.evaluator = None
        self.reload()

    def _need_window(self) -> bool:
        if self.window_no is None:
            say(self.message, self.tr("Choose this PC's window first (top left)."), ok=False)
            self.window_combo.setFocus()
            return False
        return True

    def call_next(self) -> None:
        if self._need_window():
            work = partial(_call_next, actor=self.actor, window_no=self.window_no)
            self.ops.run(work, on_success=self._called, on_failure=self._failed, owner=self, network=True)

    def _called(self, row: TicketRow | None) -> None:
        if row is None:
            self._note(self.tr("Nobody is waiting for this window."))
        else:
            self._note(self.tr("Called {number}.").format(number=row.display_no))
            if row.account_no:
                self.sig_open_account.emit(row.account_no)
            elif row.phone:
                self.sig_find_phone.emit(row.phone)
        self.reload()

    def act(self, action: TicketAction) -> None:
        current = self.view.current if self.view else None
        if not self._need_window():
            return
        if current is None:
            say(self.message, self.tr("No customer at the window; press F1 to call the next one."), ok=False)
            return
        work = partial(
            _act, actor=self.actor, ticket_id=current.ticket_id, action=action, window_no=self.window_no
        )
        self.ops.run(work, on_success=self._acted, on_failure=self._failed, owner=self, network=True)

    def _acted(self, row: TicketRow) -> None:
        self._note(self.tr("{number}: done.").format(number=row.display_no))
        self.reload()

    def park(self) -> None:
        self.act(TicketAction.PARK)

    def start(self) -> None:
        """The customer has come to the window: handling time counts from here."""
        self.act(TicketAction.START)

    def resume(self, ticket_id: str) -> None:
        if self._need_window():
            work = partial(
                _act,
                actor=self.actor,
                ticket_id=ticket_id,
                action=TicketAction.CALL,
                window_no=self.window_no,
            )
            self.ops.run(work, on_success=self._called, on_failure=self._failed, owner=self, network=True)

    def toggle_pause(self) -> None:
        if self._need_window():
            paused = not (self.view is not None and self.view.paused)
            work = partial(_pause, actor=self.actor, window_no=self.window_no, paused=paused)
            self.ops.run(work, on_success=self._paused, on_failure=self._failed, owner=self, network=True)

    def _paused(self, view: WindowView) -> None:
        self._note(self.tr("Window paused.") if view.paused else self.tr("Window open again."))
        self.reload()

    def transfer(self) -> None:
        current = self.view.current if self.view else None
        if current is None or self.board is None:
            say(self.message, self.tr("No customer at the window to transfer."), ok=False)
            return
        from ui.counter.transfer_dialog import TransferDialog

        dialog = TransferDialog(self.ops, self.actor, current, self.window_no, self.board, self)
        dialog.sig_transferred.connect(self._acted)
        dialog.open()

    def toggle_evaluator(self) -> None:
        if self.evaluator is not None:
            self.evaluator.close()
            self.evaluator = None
            return
        if not self._need_window():
            return
        self.ops.run(_rating_timeout, on_success=self._open_evaluator, owner=self)

    def _open_evaluator(self, timeout: int) -> None:
        from PySide6.QtGui import QGuiApplication

        from ui.counter.evaluator_window import EvaluatorWindow

        self.evaluator = EvaluatorWindow(self.ops, self.actor, self.window_no, timeout)
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.evaluator.setScreen(screens[-1])
            self.evaluator.setGeometry(screens[-1].geometry())
            self.evaluator.showFullScreen()
        else:
            self.evaluator.resize(900, 600)
            self.evaluator.show()

    def _fill_more(self) -> None:
        self.more.clear()
        self.more.addAction(self.tr("Customer arrived (Ctrl+G)"), self.start)
        self.more.addAction(self.tr("Transfer… (Ctrl+T)"), self.transfer)
        self.more.addAction(self.tr("Park (Ctrl+K)"), self.park)
        paused = self.view is not None and self.view.paused
        self.more.addAction(
            self.tr("Resume window (Ctrl+B)") if paused else self.tr("Pause window (Ctrl+B)"),
            self.toggle_pause,
        )
        close_text = self.tr("Close the evaluator") if self.evaluator else self.tr("Open the evaluator")
        self.more.addAction(close_text, self.toggle_evaluator)
        if self.parked:
            self.more.addSeparator()
        for row in self.parked:
            self.more.addAction(
                self.tr("Resume {number}").format(number=row.display_no), partial(self.resume, row.ticket_id)
            )
        if self.pickable:
            pick = self.more.addMenu(self.tr("Call a waiting ticket"))
            for row in self.pickable:
                text = f"{row.display_no}  {row.business_type_name}  {row.issued_at:%H:%M}"
                pick.addAction(text, partial(self.resume, row.ticket_id))

    def handle_fkey(self, key: str) -> bool:
        actions = {"F2": TicketAction.RECALL, "F3": TicketAction.NO_SHOW, "F7": TicketAction.FINISH}
        if key == "F1":
            self.call_next()
        elif key in actions:
            self.act(actions[key])
        else:
            return False
        return True

    def shutdown(self) -> None:
        if self.evaluator is not None:
            self.evaluator.close()
            self.evaluator = None


def _rating_timeout(core) -> int:  # type: ignore[no-untyped-def]
    return core.settings.get("queue.rating_timeout_seconds")
