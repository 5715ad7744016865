"""The display board's voice call-out: recorded clips joined into one WAV and played off the GUI thread.

The pinned PySide6-Essentials wheel has no QtMultimedia and no QtTextToSpeech, so the sound goes through
what each platform already has: winsound on Windows, a command-line player elsewhere, silence (logged
once) where there is none. Playing blocks for seconds, so the board only hands call-outs to a single
worker thread and never waits for audio. No Qt here: nothing in this module needs the event loop.

    caller = VoiceCaller(default_clips_dir(), default_sink(), repeat=settings["queue.callout_repeat"])
    caller.announce("A001", 3)    # returns at once; the hall hears 请A001号到3号窗口办理, twice
    caller.close()                # when the board closes
"""

import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import wave
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hallapp.domain.callout import CHIME, callout_clips
from hallapp.paths import resources_dir

log = logging.getLogger(__name__)

MAX_WAITING = 5  # more than this waiting and the oldest go: a call-out heard minutes late only confuses
CLOSE_TIMEOUT_S = 2.0
PLAYER_GRACE_S = 15.0  # a player may take this long beyond the sound's own length before it is killed
UNIX_PLAYERS = (("paplay",), ("pw-play",), ("aplay", "-q"))  # PulseAudio, PipeWire, bare ALSA
MAC_PLAYERS = (("afplay",),)

WavFormat = tuple[int, int, int]  # channels, bytes per sample, frames per second


def default_clips_dir() -> Path:
    """resources/sounds/zh, in a source checkout or in the PyInstaller bundle (see hallapp.paths)."""
    return resources_dir() / "sounds" / "zh"


class ClipError(Exception):
    """A clip is missing, is not a PCM WAV file, or differs in format from the others."""


class SinkError(Exception):
    """An audio player failed; the caller logs it and carries on with the next call-out."""


# -- building the sound ---------------------------------------------------------------------------------


def build_callout_wav(
    clips_dir: Path, clips: Sequence[str], repeat: int, gap_ms: int = 60, pause_ms: int = 700
) -> bytes:
    """One WAV in memory: a leading chime once, then the sentence ``repeat`` times.

    Within the sentence the clips are separated by ``gap_ms`` of silence (also after the chime), and the
    repetitions by ``pause_ms``. Every clip must have the format of the first, since their frames are
    simply laid end to end.
    """
    if repeat < 1:
        raise ValueError(f"a call-out is said at least once, not {repeat} times")
    if not clips:
        raise ValueError("a call-out needs at least one clip")
    loaded = {name: _read_clip(clips_dir, name) for name in dict.fromkeys(clips)}
    fmt = loaded[clips[0]][0]
    for name, (other, _) in loaded.items():
        if other != fmt:
            raise ClipError(
                f"voice clip {name!r} is {_describe(other)} but {clips[0]!r} is {_describe(fmt)}: "
                f"all clips in {clips_dir} must share one format (re-run tools/make_voice_clips.py)"
            )
    head, sentence = ([CHIME], list(clips[1:])) if clips[0] == CHIME else ([], list(clips))
    gap, pause = _silence(fmt, gap_ms), _silence(fmt, pause_ms)
    said = gap.join(loaded[name][1] for name in sentence)
    parts = [loaded[name][1] for name in head]
    if sentence:
        parts.append(pause.join([said] * repeat))
    return _wav_bytes(fmt, gap.join(parts))


def _read_clip(clips_dir: Path, name: str) -> tuple[WavFormat, bytes]:
    path = clips_dir / f"{name}.wav"
    try:
        with wave.open(str(path), "rb") as clip:
            fmt = (clip.getnchannels(), clip.getsampwidth(), clip.getframerate())
            return fmt, clip.readframes(clip.getnframes())
    except FileNotFoundError:
        raise ClipError(f"voice clip {name!r} is missing: {path}") from None
    except (wave.Error, EOFError) as exc:
        raise ClipError(f"voice clip {name!r} is not a PCM WAV file: {path} ({exc})") from exc


def _describe(fmt: WavFormat) -> str:
    channels, width, rate = fmt
    return f"{'mono' if channels == 1 else f'{channels} channels'} {8 * width}-bit {rate} Hz"


def _silence(fmt: WavFormat, ms: int) -> bytes:
    channels, width, rate = fmt
    zero = b"\x80" if width == 1 else b"\x00" * width  # 8-bit WAV is unsigned: silence is 128
    return zero * channels * round(rate * ms / 1000)


def _wav_bytes(fmt: WavFormat, frames: bytes) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(fmt[0])
        out.setsampwidth(fmt[1])
        out.setframerate(fmt[2])
        out.writeframes(frames)
    return buffer.getvalue()


def wav_seconds(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav), "rb") as w:
        return w.getnframes() / w.getframerate()


# -- playing it -----------------------------------------------------------------------------------------


class AudioSink(Protocol):
    def play(self, wav: bytes) -> None:
        """Play one WAV to its end. Runs on the caller's worker thread, so it may (and should) block."""


class WinSoundSink:
    """Windows: the standard library's winsound, straight from memory (no file, no extra process)."""

    def play(self, wav: bytes) -> None:
        import winsound  # Windows only; imported here so the module loads everywhere

        winsound.PlaySound(wav, winsound.SND_MEMORY)  # synchronous: returns when the sound has ended


class CommandSink:
    """A command-line player given a temporary WAV file.

    A file rather than stdin because afplay reads only files and the others accept both; one way for all.
    """

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)

    @classmethod
    def find(cls, platform: str = sys.platform) -> "CommandSink | None":
        """The first player on PATH: afplay on macOS; paplay, pw-play, then aplay elsewhere."""
        for program, *options in MAC_PLAYERS if platform == "darwin" else UNIX_PLAYERS:
            path = shutil.which(program)
            if path:
                return cls([path, *options])
        return None

    def play(self, wav: bytes) -> None:
        fd, name = tempfile.mkstemp(prefix="hallapp-callout-", suffix=".wav")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(wav)
            result = subprocess.run(
                [*self.command, name],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=wav_seconds(wav) + PLAYER_GRACE_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SinkError(f"{self.command[0]} did not finish in {exc.timeout:.0f} s") from None
        finally:
            Path(name).unlink(missing_ok=True)
        if result.returncode:
            detail = result.stderr.decode(errors="replace").strip()
            raise SinkError(f"{self.command[0]} exited with {result.returncode}: {detail}")


class NullSink:
    """No audio output: the board still shows the call; the log says once why nothing is heard."""

    def __init__(self, reason: str = "no audio output") -> None:
        self.reason = reason
        self._told = False

    def play(self, wav: bytes) -> None:
        if not self._told:
            self._told = True
            log.info("voice call-out is silent: %s", self.reason)


def default_sink(platform: str = sys.platform) -> AudioSink:
    if platform == "win32":
        return WinSoundSink()
    found = CommandSink.find(platform)
    if found:
        return found
    players = MAC_PLAYERS if platform == "darwin" else UNIX_PLAYERS
    return NullSink(f"no audio player found on PATH (looked for {', '.join(p[0] for p in players)})")


# -- the queue of call-outs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Callout:
    display_no: str
    window_no: int
    clips: list[str]


class VoiceCaller:
    """Plays call-outs one at a time, in order, on a daemon thread; ``announce`` never waits for audio.

    When call-outs come faster than they can be said, only the newest MAX_WAITING wait; older ones are
    dropped (and logged), since the board already shows them and a late call-out sends people to the
    wrong window. A failing player or a missing clip is logged and never reaches the board.
    """

    def __init__(
        self, clips_dir: Path, sink: AudioSink, repeat: int, *, max_waiting: int = MAX_WAITING
    ) -> None:
        self._clips_dir = clips_dir
        self._sink = sink
        self._repeat = _checked_repeat(repeat)
        self._max_waiting = max_waiting
        self._waiting: deque[_Callout] = deque()
        self._changed = threading.Condition()
        self._playing = False
        self._closed = False
        self._failures = 0
        self._thread = threading.Thread(target=self._run, name="voice-callout", daemon=True)
        self._thread.start()

    def announce(self, display_no: str, window_no: int) -> None:
        """Queue 请<display_no>号到<window_no>号窗口办理 and return at once."""
        try:
            clips = callout_clips(display_no, window_no)
        except ValueError as exc:  # the service never sends these; the board must not break if one comes
            log.warning("voice call-out skipped: %s", exc)
            return
        with self._changed:
            if self._closed:
                return
            self._waiting.append(_Callout(display_no, window_no, clips))
            while len(self._waiting) > self._max_waiting:
                old = self._waiting.popleft()
                log.warning(
                    "voice call-out %s → window %d dropped: %d newer call-outs waiting",
                    old.display_no,
                    old.window_no,
                    len(self._waiting),
                )
            self._changed.notify_all()

    def set_repeat(self, repeat: int) -> None:
        """How many times each sentence is said, from the next call-out played (queue.callout_repeat)."""
        checked = _checked_repeat(repeat)
        with self._changed:
            self._repeat = checked

    def wait_idle(self, timeout: float) -> bool:
        """True once nothing is waiting or playing; False if that did not happen within ``timeout`` s."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._waiting and not self._playing, timeout)

    def close(self, timeout: float = CLOSE_TIMEOUT_S) -> bool:
        """Drop what is waiting and stop the worker; True if it stopped within ``timeout`` s.

        A sound already playing is left to end on its own (the thread is a daemon, so it never holds the
        app open).
        """
        with self._changed:
            self._closed = True
            self._waiting.clear()
            self._changed.notify_all()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._waiting or self._closed)
                if self._closed:
                    return
                callout, repeat = self._waiting.popleft(), self._repeat
                self._playing = True
            try:
                self._sink.play(build_callout_wav(self._clips_dir, callout.clips, repeat))
            except Exception as exc:
                self._log_failure(callout, exc)
            finally:
                with self._changed:
                    self._playing = False
                    self._changed.notify_all()

    def _log_failure(self, callout: _Callout, exc: Exception) -> None:
        self._failures += 1
        if self._failures == 1:  # the traceback once; a broken player would otherwise flood the log
            log.exception("voice call-out %s failed", callout.display_no)
        else:
            log.warning(
                "voice call-out %s failed (%d failures so far): %s", callout.display_no, self._failures, exc
            )


def _checked_repeat(repeat: int) -> int:
    if isinstance(repeat, bool) or not isinstance(repeat, int) or repeat < 1:
        raise ValueError(f"call-out repeat must be a whole number of at least 1, not {repeat!r}")
    return repeat
