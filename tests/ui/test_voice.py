"""The voice call-out's sound: the joined WAV, the worker that plays it, and the platform players.

No test passes or fails on how fast something ran: sinks block on Events, and waits only time out.
"""

import io
import logging
import sys
import threading
import wave
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hallapp.domain.callout import ALL_CLIPS, CHIME, callout_clips
from ui.display import voice
from ui.display.voice import (
    ClipError,
    CommandSink,
    NullSink,
    SinkError,
    VoiceCaller,
    WinSoundSink,
    build_callout_wav,
    default_clips_dir,
    default_sink,
)

WAIT = 10.0  # seconds; only ever a limit for waiting, never a pass/fail threshold
RATE = 8000


# -- helpers --------------------------------------------------------------------------------------------


def write_clip(path: Path, value: int, frames: int, rate: int = RATE, width: int = 2) -> bytes:
    """A clip whose every sample is ``value``, so its frames can be found again in the joined WAV."""
    data = array("h", [value] * frames).tobytes() if width == 2 else bytes([value]) * frames
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(data)
    return data


def frames_of(wav: bytes) -> tuple[tuple[int, int, int], bytes]:
    with wave.open(io.BytesIO(wav), "rb") as w:
        return (w.getnchannels(), w.getsampwidth(), w.getframerate()), w.readframes(w.getnframes())


def silence(ms: int, rate: int = RATE) -> bytes:
    return b"\x00\x00" * (rate * ms // 1000)


class RecordingSink:
    """Keeps every WAV it is given; ``block`` holds each play until ``release`` is set."""

    def __init__(self, block: bool = False) -> None:
        self.played: list[bytes] = []
        self.started = threading.Event()
        self.release = threading.Event()
        if not block:
            self.release.set()

    def play(self, wav: bytes) -> None:
        self.started.set()
        assert self.release.wait(WAIT), "test sink was never released"
        self.played.append(wav)


@pytest.fixture
def make_caller() -> Iterator[Callable[..., VoiceCaller]]:
    callers: list[VoiceCaller] = []

    def make(sink, repeat: int = 1, clips_dir: Path | None = None) -> VoiceCaller:  # type: ignore[no-untyped-def]
        caller = VoiceCaller(clips_dir or default_clips_dir(), sink, repeat)
        callers.append(caller)
        return caller

    yield make
    for caller in callers:
        caller.close()


def expected(display_no: str, window_no: int, repeat: int = 1) -> bytes:
    return build_callout_wav(default_clips_dir(), callout_clips(display_no, window_no), repeat)


# -- building the WAV -----------------------------------------------------------------------------------


def test_the_chime_once_then_the_sentence_repeat_times(tmp_path: Path) -> None:
    chime = write_clip(tmp_path / "chime.wav", 900, 400)
    qing = write_clip(tmp_path / "qing.wav", 11, 300)
    letter = write_clip(tmp_path / "A.wav", 22, 200)
    hao = write_clip(tmp_path / "hao.wav", 33, 100)
    wav = build_callout_wav(tmp_path, ["chime", "qing", "A", "hao"], repeat=2, gap_ms=50, pause_ms=500)
    fmt, frames = frames_of(wav)
    assert fmt == (1, 2, RATE)
    gap = silence(50)
    sentence = qing + gap + letter + gap + hao
    assert frames == chime + gap + sentence + silence(500) + sentence
    # chime 0.05 s, gap after it 0.05, twice (words 0.075 + two gaps 0.1), one pause 0.5
    assert voice.wav_seconds(wav) == pytest.approx(0.05 + 0.05 + 2 * (0.075 + 0.1) + 0.5)


def test_the_real_clips_join_with_the_chime_once_and_each_word_twice() -> None:
    clips = callout_clips("A001", 3)
    fmt, frames = frames_of(build_callout_wav(default_clips_dir(), clips, repeat=2))
    assert fmt == (1, 2, 22050)
    clip = {name: frames_of((default_clips_dir() / f"{name}.wav").read_bytes())[1] for name in set(clips)}
    assert frames.startswith(clip[CHIME])
    assert frames.count(clip[CHIME]) == 1
    for name in ("qing", "A", "san", "chuangkou", "banli"):
        assert frames.count(clip[name]) == 2, name
    sentence = clips[1:]
    gap, pause = 22050 * 60 // 1000, 22050 * 700 // 1000
    sentence_frames = sum(len(clip[n]) // 2 for n in sentence) + gap * (len(sentence) - 1)
    assert len(frames) // 2 == len(clip[CHIME]) // 2 + gap + 2 * sentence_frames + pause


def test_without_a_chime_every_clip_is_repeated(tmp_path: Path) -> None:
    qing = write_clip(tmp_path / "qing.wav", 11, 30)
    _, frames = frames_of(build_callout_wav(tmp_path, ["qing"], repeat=3, pause_ms=10))
    assert frames == qing + silence(10) + qing + silence(10) + qing


def test_a_missing_clip_is_named(tmp_path: Path) -> None:
    write_clip(tmp_path / "chime.wav", 900, 40)
    with pytest.raises(ClipError, match=r"'qing' is missing"):
        build_callout_wav(tmp_path, ["chime", "qing"], repeat=1)


def test_a_clip_in_another_format_is_refused(tmp_path: Path) -> None:
    write_clip(tmp_path / "chime.wav", 900, 40)
    write_clip(tmp_path / "qing.wav", 11, 40, rate=16000)
    with pytest.raises(ClipError, match=r"'qing' is mono 16-bit 16000 Hz but 'chime' is mono 16-bit 8000 Hz"):
        build_callout_wav(tmp_path, ["chime", "qing"], repeat=1)


def test_a_file_that_is_not_a_wav_is_refused(tmp_path: Path) -> None:
    (tmp_path / "qing.wav").write_bytes(b"ID3 not a wave file at all")
    with pytest.raises(ClipError, match=r"'qing' is not a PCM WAV"):
        build_callout_wav(tmp_path, ["qing"], repeat=1)


@pytest.mark.parametrize("repeat", [0, -1])
def test_repeat_is_at_least_once(tmp_path: Path, repeat: int) -> None:
    with pytest.raises(ValueError, match="at least once"):
        build_callout_wav(tmp_path, ["qing"], repeat=repeat)


def test_every_clip_of_every_letter_joins() -> None:
    """All 43 clips share one format, so any call-out builds (a clip re-made alone could differ)."""
    wav = build_callout_wav(default_clips_dir(), list(ALL_CLIPS), repeat=1)
    assert voice.wav_seconds(wav) > 5


# -- the worker -----------------------------------------------------------------------------------------


def test_announce_returns_while_the_sink_is_still_playing(make_caller) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink(block=True)
    caller = make_caller(sink)
    caller.announce("A001", 3)
    assert sink.started.wait(WAIT)
    caller.announce("A002", 4)  # the first is still "playing": the sink holds it until released
    assert sink.played == []
    assert not caller.wait_idle(0.05)
    sink.release.set()
    assert caller.wait_idle(WAIT)
    assert sink.played == [expected("A001", 3), expected("A002", 4)]


def test_call_outs_play_in_the_order_they_came(make_caller) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink()
    caller = make_caller(sink, repeat=2)
    calls = [("B120", 12), ("A001", 3), ("C007", 20), ("A002", 99)]
    for display_no, window_no in calls:
        caller.announce(display_no, window_no)
    assert caller.wait_idle(WAIT)
    assert sink.played == [expected(d, w, repeat=2) for d, w in calls]


def test_a_backlog_keeps_only_the_newest_five(make_caller, caplog) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink(block=True)
    caller = make_caller(sink)
    caller.announce("A001", 1)
    assert sink.started.wait(WAIT)  # A001 is playing, so it is no longer waiting
    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        for number in range(2, 10):
            caller.announce(f"A{number:03d}", number)
    sink.release.set()
    assert caller.wait_idle(WAIT)
    kept = [1, 5, 6, 7, 8, 9]
    assert sink.played == [expected(f"A{n:03d}", n) for n in kept]
    dropped = [r.getMessage() for r in caplog.records if "dropped" in r.getMessage()]
    assert len(dropped) == 3
    assert "A002" in dropped[0] and "A004" in dropped[2]


def test_a_failing_sink_is_logged_and_the_worker_goes_on(make_caller, caplog) -> None:  # type: ignore[no-untyped-def]
    class FailsFirst(RecordingSink):
        def play(self, wav: bytes) -> None:
            if not self.started.is_set():
                self.started.set()
                raise OSError("no sound device")
            super().play(wav)

    sink = FailsFirst()
    caller = make_caller(sink)
    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        caller.announce("A001", 3)
        caller.announce("A002", 3)
        assert caller.wait_idle(WAIT)
    assert sink.played == [expected("A002", 3)]
    assert any("A001 failed" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_missing_clip_is_logged_and_the_worker_goes_on(make_caller, caplog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink()
    caller = make_caller(sink, clips_dir=tmp_path)  # an empty folder: every call-out fails
    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        caller.announce("A001", 3)
        caller.announce("A002", 3)
        assert caller.wait_idle(WAIT)
    assert sink.played == []
    messages = [r.getMessage() for r in caplog.records]
    assert any("A001 failed" in m for m in messages)
    assert any("A002 failed (2 failures so far)" in m and "missing" in m for m in messages)


def test_a_bad_number_is_logged_not_raised(make_caller, caplog) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink()
    caller = make_caller(sink)
    with caplog.at_level(logging.WARNING, logger="ui.display.voice"):
        caller.announce("A-01", 3)
        caller.announce("A001", 100)
    assert caller.wait_idle(WAIT)
    assert sink.played == []
    assert sum("skipped" in r.getMessage() for r in caplog.records) == 2


def test_set_repeat_applies_to_the_next_call_out(make_caller) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink()
    caller = make_caller(sink, repeat=1)
    caller.set_repeat(3)
    caller.announce("A001", 3)
    assert caller.wait_idle(WAIT)
    assert sink.played == [expected("A001", 3, repeat=3)]
    with pytest.raises(ValueError):
        caller.set_repeat(0)


def test_close_returns_even_while_a_sound_plays(make_caller) -> None:  # type: ignore[no-untyped-def]
    sink = RecordingSink(block=True)
    caller = make_caller(sink)
    caller.announce("A001", 3)
    caller.announce("A002", 3)
    assert sink.started.wait(WAIT)
    assert caller.close(timeout=0.05) is False  # still inside play(); the daemon thread is left to end
    sink.release.set()
    assert caller.close(timeout=WAIT) is True
    caller.announce("A003", 3)  # after close: ignored, not raised
    assert sink.played == [expected("A001", 3)]  # A002 was waiting and was dropped by close()


def test_close_stops_an_idle_worker(make_caller) -> None:  # type: ignore[no-untyped-def]
    caller = make_caller(RecordingSink())
    assert caller.close(timeout=WAIT) is True


# -- the players ----------------------------------------------------------------------------------------


def test_null_sink_says_once_why_nothing_is_heard(caplog) -> None:  # type: ignore[no-untyped-def]
    sink = NullSink("no player here")
    with caplog.at_level(logging.INFO, logger="ui.display.voice"):
        sink.play(b"")
        sink.play(b"")
    assert [r.getMessage() for r in caplog.records] == ["voice call-out is silent: no player here"]


def test_command_sink_gives_the_player_a_wav_file_then_removes_it(tmp_path: Path) -> None:
    copy, given = tmp_path / "heard.wav", tmp_path / "given.txt"
    script = (
        "import pathlib, shutil, sys; "
        f"shutil.copy(sys.argv[1], {str(copy)!r}); pathlib.Path({str(given)!r}).write_text(sys.argv[1])"
    )
    wav = expected("A001", 3)
    sink = CommandSink([sys.executable, "-c", script])
    sink.play(wav)
    assert copy.read_bytes() == wav
    assert given.read_text().endswith(".wav")
    assert not Path(given.read_text()).exists()


def test_command_sink_raises_when_the_player_fails() -> None:
    sink = CommandSink([sys.executable, "-c", "import sys; sys.stderr.write('no device'); sys.exit(3)"])
    with pytest.raises(SinkError, match="exited with 3: no device"):
        sink.play(expected("A001", 3))


def test_default_sink_per_platform(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    on_path: set[str] = set()
    monkeypatch.setattr(voice.shutil, "which", lambda name: f"/usr/bin/{name}" if name in on_path else None)
    assert isinstance(default_sink("win32"), WinSoundSink)
    assert isinstance(default_sink("linux"), NullSink)
    on_path.update({"aplay", "pw-play"})
    sink = default_sink("linux")
    assert isinstance(sink, CommandSink) and sink.command == ["/usr/bin/pw-play"]
    on_path.add("paplay")
    assert default_sink("linux").command == ["/usr/bin/paplay"]  # type: ignore[attr-defined]
    on_path.discard("paplay")
    on_path.discard("pw-play")
    assert default_sink("linux").command == ["/usr/bin/aplay", "-q"]  # type: ignore[attr-defined]
    assert isinstance(default_sink("darwin"), NullSink)
    on_path.add("afplay")
    assert default_sink("darwin").command == ["/usr/bin/afplay"]  # type: ignore[attr-defined]


def test_the_clips_folder_is_under_resources() -> None:
    assert default_clips_dir() == Path(__file__).resolve().parents[2] / "resources" / "sounds" / "zh"
