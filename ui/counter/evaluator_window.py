"""The satisfaction evaluator (评价器) of one counter window: the customer rates the service just ended.

Customer-facing, on the small screen facing the customer: large type, no clerk controls. It waits
with a welcome; when the window finishes a ticket it asks for one of five ratings (keys 1–5 too,
1 = very satisfied); the bottom two ask for a reason with one click (or keys 1–5 again). Nobody
answering within the timeout leaves the ticket unrated. One rating per ticket (一次一评) is the core's rule; a refusal is
shown in its sentence. The clerk opens and closes the window from their workspace; Esc does nothing.
"""

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.queue_views import BAD_RATING_MAX, RATING_LEVELS, QueueEvent, TicketRow
from hallapp.domain.records import Actor
from ui.errors import message_for
from ui.ops import CoreOps

translate = QCoreApplication.translate
MARGIN, GAP = 40, 18
LONGEST_LABEL = 5.4  # the widest button text, in CJK characters (非常不满意, 业务不熟练), plus a little air
BUTTON_TYPE = (18, 32)  # smallest and largest button type, px
THANKS_MS = 3000
ERROR_MS = 6000
DIGIT_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5)
# What is stored with a bad rating: fixed Chinese text, the same whatever language the screen shows.
REASONS = ("等候时间长", "办理速度慢", "服务态度差", "业务不熟练", "其他")


def score_labels() -> dict[int, str]:
    """The five levels of 国办发〔2019〕51号, best first (key 1 is the best)."""
    return {
        5: translate("EvaluatorWindow", "Very satisfied"),
        4: translate("EvaluatorWindow", "Satisfied"),
        3: translate("EvaluatorWindow", "Fairly satisfied"),
        2: translate("EvaluatorWindow", "Dissatisfied"),
        1: translate("EvaluatorWindow", "Very dissatisfied"),
    }


def reason_labels() -> dict[str, str]:
    return {
        "等候时间长": translate("EvaluatorWindow", "Long wait"),
        "办理速度慢": translate("EvaluatorWindow", "Slow service"),
        "服务态度差": translate("EvaluatorWindow", "Unfriendly staff"),
        "业务不熟练": translate("EvaluatorWindow", "Staff unsure of the business"),
        "其他": translate("EvaluatorWindow", "Other"),
    }


def _rate(core, actor: Actor, ticket_id: str, score: int, reason: str) -> TicketRow:  # type: ignore[no-untyped-def]
    return core.queue.rate(actor, ticket_id, score, reason)


@dataclass(frozen=True)
class Asking:
    ticket_id: str
    display_no: str


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def _big_button(text: str, role: str, tone: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setProperty("tone", tone)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys 1–5 go to the window, never to one button
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # equal widths, any text
    return button


def _question_page(page: QWidget, ticket: QLabel, question: str, buttons: QHBoxLayout) -> QWidget:
    box = QVBoxLayout(page)
    box.setSpacing(24)
    box.addStretch(1)
    box.addWidget(ticket)
    box.addWidget(_label(question, "eval-question"))
    box.addSpacing(24)
    box.addLayout(buttons)
    box.addStretch(2)
    return page


class EvaluatorWindow(QWidget):
    def __init__(self, ops: CoreOps, actor: Actor, window_no: int, timeout_seconds: int) -> None:
        super().__init__()
        self.ops = ops
        self.actor = actor
        self.window_no = window_no
        self.asking: Asking | None = None
        self.score: int | None = None
        self.submitting = False
        self.setObjectName("EvaluatorWindow")
        # No delete-on-close: the clerk's workspace holds it and drops it; closing only stops listening.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Service evaluation, window {n}").format(n=window_no))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(max(1, timeout_seconds) * 1000)
        self._timeout.timeout.connect(self.show_idle)
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.timeout.connect(self.show_idle)
        self._build()
        ops.queue_events.sig_event.connect(self._on_queue_event)
        self._listening = True
        self.show_idle()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.window_label = _label(self.tr("Window {n}").format(n=self.window_no), "eval-window")
        self.pages = QStackedWidget()
        self.idle_page = self._idle_page()
        self.ask_page = self._ask_page()
        self.reason_page = self._reason_page()
        self.result_page = self._result_page()
        for page in (self.idle_page, self.ask_page, self.reason_page, self.result_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 28, MARGIN, 36)
        layout.setSpacing(16)
        layout.addWidget(self.window_label)
        layout.addWidget(self.pages, 1)

    def _idle_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(_label(self.tr("Welcome"), "eval-welcome"))
        box.addWidget(
            _label(self.tr("When your business is done, please rate our service here"), "eval-hint")
        )
        box.addStretch(2)
        return page

    def _ask_page(self) -> QWidget:
        page = QWidget()
        self.ask_ticket = _label("", "eval-ticket")
        row = QHBoxLayout()
        row.setSpacing(GAP)
        self.score_buttons: dict[int, QPushButton] = {}
        for score, text in score_labels().items():
            button = _big_button(text, "eval-score", "bad" if score <= BAD_RATING_MAX else "good")
            button.clicked.connect(partial(self.choose_score, score))
            row.addWidget(button)
            self.score_buttons[score] = button
        return _question_page(page, self.ask_ticket, self.tr("Please rate this service"), row)

    def _reason_page(self) -> QWidget:
        page = QWidget()
        self.reason_ticket = _label("", "eval-ticket")
        row = QHBoxLayout()
        row.setSpacing(GAP)
        self.reason_buttons: dict[str, QPushButton] = {}
        for reason, text in reason_labels().items():
            button = _big_button(text, "eval-reason", "bad")
            button.clicked.connect(partial(self.choose_reason, reason))
            row.addWidget(button)
            self.reason_buttons[reason] = button
        return _question_page(page, self.reason_ticket, self.tr("We are sorry. What went wrong?"), row)

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result = _label("", "eval-thanks")
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.result)
        box.addStretch(1)
        return page

    # -- states ---------------------------------------------------------------------------------
    def show_idle(self) -> None:
        self._timeout.stop()
        self._back.stop()
        self.asking, self.score, self.submitting = None, None, False
        self.pages.setCurrentWidget(self.idle_page)

    def ask(self, ticket_id: str, display_no: str) -> None:
        """Ask for a rating of this ticket; replaces any question still open."""
        self._back.stop()
        self.asking, self.score, self.submitting = Asking(ticket_id, display_no), None, False
        self.ask_ticket.setText(self.tr("Ticket {no}").format(no=display_no))
        self._set_enabled(True)
        self.pages.setCurrentWidget(self.ask_page)
        self._timeout.start()

    def choose_score(self, score: int) -> None:
        if self.asking is None or self.submitting or self.pages.currentWidget() is not self.ask_page:
            return
        self.score = score
        if score <= BAD_RATING_MAX:
            self.reason_ticket.setText(f"{self.ask_ticket.text()} · {score_labels()[score]}")
            self.pages.setCurrentWidget(self.reason_page)
            self._timeout.start()  # a fresh timeout for the reason
            return
        self._submit("")

    def choose_reason(self, reason: str) -> None:
        if self.asking is None or self.submitting or self.pages.currentWidget() is not self.reason_page:
            return
        self._submit(reason)

    def _submit(self, reason: str) -> None:
        asking, score = self.asking, self.score
        assert asking is not None and score is not None
        self.submitting = True
        self._timeout.stop()
        self._set_enabled(False)
        self.ops.run(
            partial(_rate, actor=self.actor, ticket_id=asking.ticket_id, score=score, reason=reason),
            on_success=partial(self._on_rated, asking),
            on_failure=partial(self._on_refused, asking),
            owner=self,
            network=True,
        )

    def _on_rated(self, asking: Asking, _row: TicketRow) -> None:
        if self.asking != asking:
            return  # another customer's question replaced this one meanwhile
        self._show_result(self.tr("Thank you for your evaluation"), "eval-thanks", THANKS_MS)

    def _on_refused(self, asking: Asking, exc: Exception) -> None:
        if self.asking != asking:
            return
        self._show_result(message_for(exc), "eval-error", ERROR_MS)

    def _show_result(self, text: str, role: str, ms: int) -> None:
        self.asking, self.score, self.submitting = None, None, False
        self.result.setText(text)
        self.result.setProperty("role", role)
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.pages.setCurrentWidget(self.result_page)
        self._back.start(ms)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (*self.score_buttons.values(), *self.reason_buttons.values()):
            button.setEnabled(enabled)

    # -- events ---------------------------------------------------------------------------------
    def _on_queue_event(self, event: QueueEvent) -> None:
        if event.kind == "finished" and event.window_no == self.window_no and event.ticket_id:
            self.ask(event.ticket_id, event.display_no or "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Five buttons share the width: their type shrinks on a small screen (900 px) so none is cut."""
        super().resizeEvent(event)
        text_room = (self.width() - 2 * MARGIN - 4 * GAP) / 5 - 24  # less the button's border and padding
        size = int(max(BUTTON_TYPE[0], min(BUTTON_TYPE[1], text_room / LONGEST_LABEL)))
        for button in (*self.score_buttons.values(), *self.reason_buttons.values()):
            button.setStyleSheet(f"font-size: {size}px;")  # a size only; colours stay in the theme

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in DIGIT_KEYS:
            index = DIGIT_KEYS.index(key)
            if self.pages.currentWidget() is self.ask_page:
                self.choose_score(RATING_LEVELS[index])
            elif self.pages.currentWidget() is self.reason_page:
                self.choose_reason(REASONS[index])
            return
        if key == Qt.Key.Key_Escape:
            return  # the customer cannot close it; the clerk does, from the workspace
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timeout.stop()
        self._back.stop()
        if self._listening:
            self._listening = False
            self.ops.queue_events.sig_event.disconnect(self._on_queue_event)
        super().closeEvent(event)
