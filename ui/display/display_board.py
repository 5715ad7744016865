"""The hall display board (second screen or hall TV): the call now, every window's ticket, recent
calls, the waiting per business type, whether tickets are issued, a scrolling notice and the clock.

Large type readable from 5 m; no controls (Esc closes it). The board loads the queue when it opens,
again shortly after each burst of queue events (one reload for many events) and every 30 s in case
an event was lost. A call is shown from its event at once, and said by the voice caller, without
waiting for the reload. When the queue cannot be reached the last data stays, marked as stale,
under a banner that says the board is reconnecting.
"""

import logging

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.callout import callout_sentence
from hallapp.domain.hall_time import hall_now, to_hall_time
from hallapp.domain.queue_views import CallView, QueueBoard, QueueEvent, TypeLine, WindowView
from ui.display.voice import VoiceCaller
from ui.ops import CoreOps

log = logging.getLogger(__name__)

MARQUEE_MS = 120
COALESCE_MS = 150  # one reload for a burst of events
SAFETY_MS = 30_000  # reload anyway, in case an event was lost
CALL_SHARE, CALL_MIN_SHARE = 0.13, 0.10  # the call number's height against the board's (UI guide: ≥ 10%)
RECENT_SHOWN, RECENT_ROWS = 8, 4
LARGE_FROM = 900  # board height from which the theme's larger type applies (1080 and up)
WINDOW_ROWS = 4  # windows listed per column
VOICE_CLOSE_S = 0.2  # never hold the GUI thread while a sound finishes; the worker is a daemon


def load_board(core) -> QueueBoard:  # type: ignore[no-untyped-def]
    return core.queue.board()


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    return label


class HeavyLabel(QLabel):
    """Text drawn as filled, stroked outlines: the bundled font has no bold at display sizes."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setContentsMargins(8, 0, 8, 0)  # room for the stroke

    def minimumSizeHint(self) -> QSize:
        return QSize(1, 1)  # the board fits the text to the room (_fit_call), never the other way

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        text, font, area = self.text(), self.font(), self.contentsRect()
        metrics = QFontMetrics(font)
        path = QPainterPath()
        x = area.left() + (area.width() - metrics.horizontalAdvance(text)) / 2
        path.addText(x, area.top() + (area.height() + metrics.ascent() - metrics.descent()) / 2, font, text)
        colour = self.palette().color(QPalette.ColorRole.WindowText)  # from the theme's rule for the role
        pen = QPen(colour, max(1.0, font.pixelSize() / 28))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(colour)
        painter.drawPath(path)


def _restyle(widget: QWidget) -> None:
    """Apply a changed dynamic property to the widget and everything in it."""
    for item in (widget, *widget.findChildren(QWidget)):
        item.style().unpolish(item)
        item.style().polish(item)


def _clear(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class DisplayBoard(QWidget):
    def __init__(
        self, ops: CoreOps, *, hall_name: str, notice: str, repeat: int, voice: VoiceCaller | None
    ) -> None:
        super().__init__()
        self.ops = ops
        self.voice = voice
        if voice is not None:
            voice.set_repeat(repeat)
        self.board: QueueBoard | None = None
        self.stale = False
        self.shown_call: CallView | None = None
        self._loading = self._dirty = False
        self._window_names: dict[int, str] = {}
        self._tiles: dict[int, QLabel] = {}
        self._counts: dict[str, tuple[QLabel, QLabel]] = {}
        self.setObjectName("DisplayBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("HallApp display board"))
        self._notice_text = f"{notice}        "
        self._offset = 0
        self._build(hall_name)
        self._start_timers()
        ops.queue_events.sig_event.connect(self._on_queue_event)
        self._listening = True
        self.reload()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self, hall_name: str) -> None:
        self.clock = _label("", "board-clock")
        self.issuing = _label("", "board-state")
        self.issuing.hide()
        top = QHBoxLayout()
        top.addWidget(_label(hall_name, "board-title"))
        top.addStretch(1)
        top.addWidget(self.issuing)
        top.addSpacing(28)
        top.addWidget(self.clock)
        self.banner = _label("", "board-banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        upper = QHBoxLayout()
        upper.setSpacing(20)
        upper.addWidget(self._call_panel(), 3)
        upper.addWidget(self._recent_panel(), 2)
        lower = QHBoxLayout()
        lower.setSpacing(20)
        self.windows_frame, self.windows_grid = self._grid_panel(self.tr("Windows"))
        self.waiting_frame, self.lines_grid = self._grid_panel(self.tr("Queues"))
        self.lines_grid.setColumnStretch(0, 1)
        lower.addWidget(self.windows_frame, 1)
        lower.addWidget(self.waiting_frame, 1)
        self.notice = _label("", "board-notice")
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        # The screen sets the board's size and the type follows (_fit_call, scale), never the reverse.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(upper, 1)
        layout.addLayout(lower)
        layout.addWidget(self.notice)
        self._stale_marked = (self.issuing, self.call_frame, self.recent_frame, self.windows_frame)
        self._stale_marked += (self.waiting_frame,)

    def _panel(self, heading: str) -> tuple[QFrame, QVBoxLayout]:
        panel = QFrame()
        panel.setProperty("role", "board-panel")
        box = QVBoxLayout(panel)
        box.setContentsMargins(24, 12, 24, 14)
        box.setSpacing(6)
        box.addWidget(_label(heading, "board-head"))
        return panel, box

    def _call_panel(self) -> QFrame:
        self.call_frame, box = self._panel(self.tr("Now calling"))
        self.call_frame.setProperty("accent", "true")
        self.call_no = HeavyLabel("board-call-no")
        self.call_window = HeavyLabel("board-call-window")
        line = QHBoxLayout()
        line.setSpacing(0)
        line.addStretch(1)
        line.addWidget(self.call_no)
        line.addWidget(self.call_window)
        line.addStretch(1)
        self.call_empty = _label(self.tr("No calls yet: please listen for your number"), "board-empty")
        self.call_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.call_empty.setWordWrap(True)
        self.call_sentence = _label("", "board-call-sentence")
        self.call_sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.call_no, self.call_window, self.call_sentence):
            label.hide()  # until the first call
        box.addStretch(1)
        box.addLayout(line)
        box.addWidget(self.call_empty)
        box.addWidget(self.call_sentence)
        box.addStretch(1)
        return self.call_frame

    def _recent_panel(self) -> QFrame:
        self.recent_frame, box = self._panel(self.tr("Recent calls"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.recent: list[tuple[QLabel, QLabel]] = []
        for index in range(RECENT_SHOWN):
            column, row = divmod(index, RECENT_ROWS)
            number, window = _label("", "board-recent-no"), _label("", "board-recent")
            grid.addWidget(number, row, column * 2)
            grid.addWidget(window, row, column * 2 + 1)
            self.recent.append((number, window))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        box.addStretch(1)
        box.addLayout(grid)
        box.addStretch(1)
        return self.recent_frame

    def _grid_panel(self, heading: str) -> tuple[QFrame, QGridLayout]:
        panel, box = self._panel(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        box.addLayout(grid)
        box.addStretch(1)
        return panel, grid

    def _start_timers(self) -> None:
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self.reload)
        for ms, slot in ((SAFETY_MS, self.reload), (1000, self._tick), (MARQUEE_MS, self._scroll)):
            timer = QTimer(self)
            timer.timeout.connect(slot)
            timer.start(ms)
        self._tick()
        self._scroll()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the board now; if a load is already running, once more when it is done."""
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        self.ops.run(
            load_board, on_success=self._on_loaded, on_failure=self._on_load_failed, owner=self, network=True
        )

    def _on_loaded(self, board: QueueBoard) -> None:
        self.board = board
        self._set_stale(False)
        self._show_board(board)
        self._load_done()

    def _on_load_failed(self, exc: Exception) -> None:
        log.warning("display board could not load the queue: %r", exc)
        self._set_stale(True)
        self._load_done()

    def _load_done(self) -> None:
        self._loading = False
        if self._dirty:  # events came while loading: once more, after the usual short delay
            self._dirty = False
            self._schedule()

    def _schedule(self) -> None:
        if not self._coalesce.isActive():  # never restarted: a steady stream of events still reloads
            self._coalesce.start()

    def _on_queue_event(self, event: QueueEvent) -> None:
        if event.kind == "disconnected":
            self._set_stale(True)  # the next load (on "connected" or the safety timer) clears it
            return
        if event.is_call() and event.display_no and event.window_no:
            at = to_hall_time(event.at) if event.at else hall_now()
            self._show_call(CallView(event.display_no, event.window_no, at))
            if self.voice is not None:
                self.voice.announce(event.display_no, event.window_no)
        self._schedule()

    # -- showing --------------------------------------------------------------------------------
    def _show_board(self, board: QueueBoard) -> None:
        self.issuing.setText(
            self.tr("Ticket issuing open") if board.open else self.tr("Ticket issuing closed")
        )
        self.issuing.setProperty("tone", "open" if board.open else "closed")
        _restyle(self.issuing)
        self.issuing.show()
        self._window_names = {w.window_no: w.name for w in board.windows}
        self._show_windows(board.windows)
        self._show_lines(board.lines)
        self._show_recent(board.recent_calls)
        newest = board.recent_calls[0] if board.recent_calls else None
        if newest is not None and (self.shown_call is None or newest.at > self.shown_call.at):
            self._show_call(newest)  # a call this board missed (opened later, or an event was lost)
        elif self.shown_call is not None:
            self._show_call(self.shown_call)  # window names may have come with this load

    def _window_name(self, window_no: int) -> str:
        return self._window_names.get(window_no) or self.tr("Window {n}").format(n=window_no)

    def _show_call(self, call: CallView) -> None:
        self.shown_call = call
        self.call_no.setText(call.display_no)
        self.call_window.setText(f" → {self._window_name(call.window_no)}")
        try:
            sentence = callout_sentence(call.display_no, call.window_no)
        except ValueError:  # a manual number (07-A001) is shown, not said
            sentence = self.tr("Ticket {no}: please go to window {n}").format(
                no=call.display_no, n=call.window_no
            )
        self.call_sentence.setText(sentence)
        self.call_empty.hide()
        for label in (self.call_no, self.call_window, self.call_sentence):
            label.show()
        self._fit_call()

    def _show_recent(self, calls: tuple[CallView, ...]) -> None:
        for index, (number, window) in enumerate(self.recent):
            call = calls[index] if index < len(calls) else None
            number.setText(call.display_no if call else "")
            window.setText(self._window_name(call.window_no) if call else "")

    def _show_windows(self, windows: tuple[WindowView, ...]) -> None:
        if set(self._tiles) != {w.window_no for w in windows}:
            _clear(self.windows_grid)
            self._tiles = {}
            for index, view in enumerate(windows):
                column, row = divmod(index, WINDOW_ROWS)
                self.windows_grid.addWidget(_label(view.name, "board-window-name"), row, column * 2)
                ticket = _label("", "board-window-no")
                ticket.setObjectName(f"window-{view.window_no}")
                self.windows_grid.addWidget(ticket, row, column * 2 + 1, Qt.AlignmentFlag.AlignRight)
                self._tiles[view.window_no] = ticket
        for view in windows:
            self._show_window(self._tiles[view.window_no], view)

    def _show_window(self, ticket: QLabel, view: WindowView) -> None:
        if view.paused:
            text, tone = self.tr("Paused"), "paused"
        elif view.current is not None:
            text, tone = view.current.display_no, "serving"
        else:
            text, tone = "—", "idle"
        ticket.setText(text)
        if ticket.property("tone") != tone:
            ticket.setProperty("tone", tone)
            _restyle(ticket)

    def _show_lines(self, lines: tuple[TypeLine, ...]) -> None:
        if set(self._counts) != {line.code for line in lines}:
            _clear(self.lines_grid)
            self._counts = {}
            self.lines_grid.addWidget(
                _label(self.tr("Waiting"), "board-col"), 0, 1, Qt.AlignmentFlag.AlignRight
            )
            self.lines_grid.addWidget(
                _label(self.tr("Est. wait"), "board-col"), 0, 2, Qt.AlignmentFlag.AlignRight
            )
            for row, line in enumerate(lines, start=1):
                count, estimate = _label("", "board-count"), _label("", "board-estimate")
                count.setObjectName(f"count-{line.code}")
                estimate.setObjectName(f"estimate-{line.code}")
                self.lines_grid.addWidget(_label(f"{line.letter}  {line.name}", "board-type"), row, 0)
                self.lines_grid.addWidget(count, row, 1, Qt.AlignmentFlag.AlignRight)
                self.lines_grid.addWidget(estimate, row, 2, Qt.AlignmentFlag.AlignRight)
                self._counts[line.code] = (count, estimate)
        for line in lines:
            count, estimate = self._counts[line.code]
            count.setText(str(line.waiting))
            estimate.setText(self._estimate_text(line))

    def _estimate_text(self, line: TypeLine) -> str:
        if line.open_windows == 0:
            return self.tr("No window open")
        if line.estimate_minutes <= 0:
            return self.tr("No wait")
        return self.tr("about {n} min").format(n=line.estimate_minutes)

    def _set_stale(self, stale: bool) -> None:
        if stale:
            since = self.board.as_of.strftime("%H:%M") if self.board else "—"
            self.banner.setText(
                self.tr(
                    "The queue cannot be reached: reconnecting… The numbers below are from {time} "
                    "and may be out of date."
                ).format(time=since)
            )
        self.banner.setVisible(stale)
        if stale == self.stale:
            return
        self.stale = stale
        for item in self._stale_marked:
            item.setProperty("stale", "true" if stale else "false")
            _restyle(item)

    def _fit_call(self) -> None:
        """The call number at 13% of the board's height, smaller only to fit, never under 10%."""
        height = max(self.height(), 1)
        size = int(height * CALL_SHARE)
        font = QFont(self.call_no.font())
        font.setPixelSize(size)
        font.setBold(True)
        width = QFontMetrics(font).horizontalAdvance(self.call_no.text() + self.call_window.text())
        room = self.call_frame.contentsRect().width() - 90  # layout and label margins
        if width > room > 0:
            size = max(int(height * CALL_MIN_SHARE), size * room // width)
        for label in (self.call_no, self.call_window):
            label.setStyleSheet(f"font-size: {size}px;")  # a size only; colours stay in the theme

    # -- clock, notice, keys ----------------------------------------------------------------------
    def _tick(self) -> None:
        self.clock.setText(hall_now().strftime("%Y-%m-%d  %H:%M"))

    def _scroll(self) -> None:
        text = self._notice_text
        self._offset = (self._offset + 1) % len(text)
        self.notice.setText((text[self._offset :] + text[: self._offset]) * 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = "large" if self.height() >= LARGE_FROM else "normal"
        if self.property("scale") != scale:
            self.setProperty("scale", scale)
            _restyle(self)
        self._fit_call()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        for timer in self.findChildren(QTimer):
            timer.stop()
        if self._listening:
            self._listening = False
            self.ops.queue_events.sig_event.disconnect(self._on_queue_event)
        if self.voice is not None:
            self.voice.close(VOICE_CLOSE_S)
        super().closeEvent(event)
