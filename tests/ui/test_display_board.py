"""The live display board against a real demo core: a call shows at once from its event and is said by
the voice caller, counts follow issuing, a burst of events is one reload, a lost connection shows the
reconnecting banner over the last data, and the guide's page opens the board with or without voice."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from hallapp.domain.callout import callout_clips
from hallapp.domain.errors import HubUnavailable
from hallapp.domain.queue_views import QueueEvent
from tests.ui.conftest import wait_ops
from ui.display.display_board import DisplayBoard, load_board
from ui.display.voice import VoiceCaller, build_callout_wav, default_clips_dir
from ui.lobby.display_page import DisplayControlPage

WAIT_S = 10.0  # only ever a limit for waiting


class RecordingSink:
    """Keeps every WAV it is asked to play, instead of playing it."""

    def __init__(self) -> None:
        self.played: list[bytes] = []

    def play(self, wav: bytes) -> None:
        self.played.append(wav)


@pytest.fixture
def sink() -> RecordingSink:
    return RecordingSink()


@pytest.fixture
def voice(sink):  # type: ignore[no-untyped-def]
    caller = VoiceCaller(default_clips_dir(), sink, repeat=1)
    yield caller
    caller.close()


@pytest.fixture
def opened(core, guide):  # type: ignore[no-untyped-def]
    core.queue.set_queue_open(guide, True)
    return core


@pytest.fixture
def board(qtbot, ops, opened, voice):  # type: ignore[no-untyped-def]
    shown = DisplayBoard(
        ops, hall_name="城东供电营业厅", notice="每月17日至29日为缴费高峰期", repeat=2, voice=voice
    )
    qtbot.addWidget(shown)
    shown.resize(1920, 1080)
    shown.show()
    qtbot.waitUntil(lambda: shown.board is not None)
    wait_ops(qtbot, ops)
    return shown


def said(display_no: str, window_no: int, repeat: int) -> bytes:
    return build_callout_wav(default_clips_dir(), callout_clips(display_no, window_no), repeat)


def test_a_call_shows_at_once_and_is_said(qtbot, board, opened, guide, clerk, voice, sink) -> None:  # type: ignore[no-untyped-def]
    assert board.call_empty.isVisible() and not board.call_no.isVisible()
    opened.queue.issue(guide, "payment")
    opened.queue.call_next(clerk, 3)
    qtbot.waitUntil(lambda: board.call_no.text() == "A001")
    assert board.call_window.text() == " → 3号窗口"
    assert board.call_sentence.text() == "请A001号到3号窗口办理"
    assert board.call_no.isVisible() and not board.call_empty.isVisible()
    assert board.call_no.fontInfo().pixelSize() >= board.height() * 0.10  # UI guide: ≥ 10% of the height
    assert voice.wait_idle(WAIT_S)
    assert sink.played == [said("A001", 3, repeat=2)]  # the board's repeat, not the caller's own


def test_a_recall_is_said_again_and_the_window_shows_its_ticket(
    qtbot, board, opened, guide, clerk, voice, sink
) -> None:  # type: ignore[no-untyped-def]
    from hallapp.domain.queue import TicketAction

    opened.queue.issue(guide, "payment")
    row = opened.queue.call_next(clerk, 1)
    opened.queue.act(clerk, row.ticket_id, TicketAction.RECALL, 1)
    assert voice.wait_idle(WAIT_S)
    assert sink.played == [said("A001", 1, repeat=2)] * 2
    window = board.findChild(QLabel, "window-1")
    qtbot.waitUntil(lambda: window.text() == "A001")
    assert window.property("tone") == "serving"
    recent = [number.text() for number, _ in board.recent]
    assert recent[:2] == ["A001", "A001"]


def test_the_call_comes_from_the_event_even_when_the_reload_fails(
    qtbot, board, ops, opened, guide, clerk, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    opened.queue.issue(guide, "business")

    def unreachable() -> None:
        raise HubUnavailable(reason="timeout", url="http://hub")

    monkeypatch.setattr(opened.queue, "board", unreachable)
    opened.queue.call_next(clerk, 4)
    qtbot.waitUntil(board.banner.isVisible)  # the reload after the event failed
    assert board.call_no.text() == "B001" and board.call_window.text() == " → 4号窗口"
    assert board.stale and board.call_frame.property("stale") == "true"


def test_waiting_counts_follow_issuing(qtbot, board, opened, guide) -> None:  # type: ignore[no-untyped-def]
    payment, business = (board.findChild(QLabel, f"count-{code}") for code in ("payment", "business"))
    assert (payment.text(), business.text()) == ("0", "0")
    for code in ("payment", "payment", "payment", "business"):
        opened.queue.issue(guide, code)
    qtbot.waitUntil(lambda: payment.text() == "3")
    assert business.text() == "1"
    assert (
        board.findChild(QLabel, "estimate-payment").text() != board.findChild(QLabel, "estimate-green").text()
    )  # three waiting against nobody waiting


def test_a_burst_of_events_is_one_reload(qtbot, board, ops, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loads: list[object] = []
    run = ops.run

    def counting(work, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if work is load_board:
            loads.append(work)
        run(work, **kwargs)

    monkeypatch.setattr(ops, "run", counting)
    for _ in range(50):
        ops.queue_events.sig_event.emit(QueueEvent("issued", business_type="payment"))
    qtbot.waitUntil(lambda: len(loads) == 1)
    wait_ops(qtbot, ops)
    assert not board._coalesce.isActive() and not board._dirty  # nothing more is due
    assert len(loads) == 1


def test_a_lost_connection_shows_the_banner_over_the_last_data(qtbot, board, ops, opened, guide) -> None:  # type: ignore[no-untyped-def]
    opened.queue.issue(guide, "payment")
    count = board.findChild(QLabel, "count-payment")
    qtbot.waitUntil(lambda: count.text() == "1")
    wait_ops(qtbot, ops)
    assert not board.banner.isVisible()
    opened.queue_local.bus.publish(QueueEvent("disconnected"))
    assert board.banner.isVisible() and board.stale
    assert board.banner.text()
    assert count.text() == "1"  # the last data stays, marked as stale
    assert all(
        frame.property("stale") == "true"
        for frame in (board.call_frame, board.recent_frame, board.windows_frame, board.waiting_frame)
    )
    opened.queue_local.bus.publish(QueueEvent("connected"))
    qtbot.waitUntil(lambda: not board.banner.isVisible())
    assert not board.stale and board.waiting_frame.property("stale") == "false"


def test_issuing_state_and_a_paused_window(qtbot, board, ops, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    assert board.issuing.property("tone") == "open"
    opened.queue.set_window_paused(clerk, 2, True)
    opened.queue.set_queue_open(guide, False)
    window = board.findChild(QLabel, "window-2")
    qtbot.waitUntil(lambda: window.property("tone") == "paused")
    qtbot.waitUntil(lambda: board.issuing.property("tone") == "closed")
    assert board.findChild(QLabel, "window-1").property("tone") == "idle"


def test_no_controls_esc_closes_it_and_its_voice(qtbot, board, voice) -> None:  # type: ignore[no-untyped-def]
    assert not board.findChildren(QAbstractButton) and not board.findChildren(QLineEdit)
    texts = [label.text() for label in board.findChildren(QLabel)]
    assert "城东供电营业厅" in texts and "A  缴费" in texts
    assert "每月17日至29日" in board.notice.text()
    assert board.width() == 1920  # the scrolling notice never widens the window
    board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # keep it to look at after Esc
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert not board.isVisible()
    qtbot.waitUntil(lambda: not voice._thread.is_alive())


def test_the_board_fits_1366_by_768(qtbot, board, opened, guide, clerk) -> None:  # type: ignore[no-untyped-def]
    opened.queue.issue(guide, "consult")
    opened.queue.call_next(clerk, 4)
    board.resize(1366, 768)
    qtbot.waitUntil(lambda: board.call_no.text() == "C001")
    assert board.size().width() == 1366 and board.size().height() == 768
    assert board.call_no.fontInfo().pixelSize() >= 77
    frame = board.call_frame.geometry()
    assert board.rect().contains(frame) and board.rect().contains(board.waiting_frame.geometry())


# -- the guide's page ---------------------------------------------------------------------------------


def test_guide_opens_the_board_without_voice_when_it_is_off(qtbot, ops, guide, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HALLAPP_VOICE", "off")
    page = DisplayControlPage(ops, guide)
    qtbot.addWidget(page)
    page.open_board()
    wait_ops(qtbot, ops)
    assert page.board is not None and page.board.isVisible()
    qtbot.addWidget(page.board)
    assert page.board.voice is None
    assert "17" in page.board._notice_text and "95598" in page.board._notice_text


def test_guide_opens_the_board_with_the_voice_and_its_repeat(qtbot, ops, guide, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HALLAPP_VOICE", raising=False)
    sink = RecordingSink()
    monkeypatch.setattr("ui.lobby.display_page.default_sink", lambda: sink)
    page = DisplayControlPage(ops, guide)
    qtbot.addWidget(page)
    page.open_board()
    wait_ops(qtbot, ops)
    board = page.board
    qtbot.addWidget(board)
    assert isinstance(board.voice, VoiceCaller) and board.voice._repeat == 2  # queue.callout_repeat
    board.voice.announce("A001", 1)
    assert board.voice.wait_idle(WAIT_S) and sink.played == [said("A001", 1, repeat=2)]
    page.open_board()  # again: the first board closes, and its voice with it
    wait_ops(qtbot, ops)
    qtbot.addWidget(page.board)
    assert page.board is not board and page.board.voice is not board.voice


def test_the_halls_own_notice_scrolls_first(core) -> None:  # type: ignore[no-untyped-def]
    from ui.lobby.display_page import board_notice

    values = core.settings.values()
    assert board_notice(values).startswith("每月17日")
    values["queue.board_notice"] = "11月25日 9:00–12:00 建设路片区计划停电"
    text = board_notice(values)
    assert text.startswith("11月25日") and "95598" in text
