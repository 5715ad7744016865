"""The voice call-out's words: the sentence, the clips in order, the numerals, and the clip files."""

import string
import wave
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.callout import (
    ALL_CLIPS,
    CHIME,
    DIGIT_CLIPS,
    LETTER_CLIPS,
    TEN,
    callout_clips,
    callout_sentence,
    window_clips,
)
from tests.core.helpers import PROPERTY

SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "zh"
TAIL = ["hao", "chuangkou", "banli"]


@pytest.mark.parametrize(
    ("display_no", "window_no", "sentence", "ticket", "window"),
    [
        ("A001", 3, "请A001号到3号窗口办理", ["A", "ling", "ling", "yi"], ["san"]),
        ("B120", 12, "请B120号到12号窗口办理", ["B", "yi", "er", "ling"], ["shi", "er"]),
        ("C007", 20, "请C007号到20号窗口办理", ["C", "ling", "ling", "qi"], ["er", "shi"]),
        ("C007", 99, "请C007号到99号窗口办理", ["C", "ling", "ling", "qi"], ["jiu", "shi", "jiu"]),
        ("D458", 10, "请D458号到10号窗口办理", ["D", "si", "wu", "ba"], ["shi"]),
    ],
)
def test_sentence_and_clips(
    display_no: str, window_no: int, sentence: str, ticket: list[str], window: list[str]
) -> None:
    assert callout_sentence(display_no, window_no) == sentence
    assert callout_clips(display_no, window_no) == [CHIME, "qing", *ticket, "hao", "dao", *window, *TAIL]


def test_the_example_in_full() -> None:
    assert callout_clips("A001", 3) == [
        "chime", "qing", "A", "ling", "ling", "yi", "hao", "dao", "san", "hao", "chuangkou", "banli",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("window_no", "numeral"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (23, "二十三"),
        (90, "九十"),
    ],
)
def test_window_numerals(window_no: int, numeral: str) -> None:
    names = {**{clip: "零一二三四五六七八九"[i] for i, clip in enumerate(DIGIT_CLIPS)}, TEN: "十"}
    assert "".join(names[clip] for clip in window_clips(window_no)) == numeral


def test_a_lower_case_letter_is_read_and_shown_as_its_capital() -> None:
    assert callout_sentence("a001", 3) == "请A001号到3号窗口办理"
    assert callout_clips("a001", 3)[2] == "A"


@pytest.mark.parametrize(
    "display_no",
    [
        "",
        "A",
        "001",
        "AB01",
        "A0-1",
        "A 001",
        "A001 ",
        "A001\n",
        "Ä001",
        "A٣",
        "Ａ001",
        "A１",
        "A1234567",
        "号1",
    ],
)
def test_a_display_number_that_is_not_letter_and_digits_is_refused(display_no: str) -> None:
    with pytest.raises(ValueError, match="ticket number"):
        callout_clips(display_no, 3)
    with pytest.raises(ValueError, match="ticket number"):
        callout_sentence(display_no, 3)


@pytest.mark.parametrize("window_no", [0, -1, 100, 1000, True, 3.0, "3", None])
def test_a_window_outside_1_to_99_is_refused(window_no: object) -> None:
    with pytest.raises(ValueError, match="window"):
        callout_clips("A001", window_no)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="window"):
        callout_sentence("A001", window_no)  # type: ignore[arg-type]


def test_all_clips_lists_each_name_once_and_every_letter() -> None:
    assert len(set(ALL_CLIPS)) == len(ALL_CLIPS)
    assert set(LETTER_CLIPS) == set(string.ascii_uppercase) <= set(ALL_CLIPS)


def test_every_clip_has_its_wav_file_in_one_format() -> None:
    formats = {}
    for name in ALL_CLIPS:
        path = SOUNDS / f"{name}.wav"
        assert path.is_file(), f"missing {path}: run tools/make_voice_clips.py"
        with wave.open(str(path), "rb") as clip:
            assert clip.getcomptype() == "NONE"
            assert clip.getnframes() > 0
            formats[name] = (clip.getnchannels(), clip.getsampwidth(), clip.getframerate())
    assert set(formats.values()) == {(1, 2, 22050)}, formats


def test_no_stray_wav_files() -> None:
    """A clip renamed in the code but left on disk would ship in every bundle for nothing."""
    assert {path.stem for path in SOUNDS.glob("*.wav")} == set(ALL_CLIPS)


tickets = st.builds(
    lambda letter, digits: letter + digits,
    st.sampled_from(string.ascii_uppercase),
    st.text(alphabet="0123456789", min_size=1, max_size=4),
)


@PROPERTY
@given(display_no=tickets, window_no=st.integers(min_value=1, max_value=99))
def test_every_valid_call_out_reads_back(display_no: str, window_no: int) -> None:
    clips = callout_clips(display_no, window_no)
    assert set(clips) <= set(ALL_CLIPS)
    assert clips[:3] == [CHIME, "qing", display_no[0]]
    digits = clips[3 : 3 + len(display_no) - 1]
    assert "".join(str(DIGIT_CLIPS.index(clip)) for clip in digits) == display_no[1:]
    assert clips[3 + len(display_no) - 1 : 3 + len(display_no) + 1] == ["hao", "dao"]
    assert clips[-3:] == TAIL
    assert _numeral_value(clips[3 + len(display_no) + 1 : -3]) == window_no
    assert callout_sentence(display_no, window_no) == f"请{display_no}号到{window_no}号窗口办理"


def _numeral_value(clips: list[str]) -> int:
    """Read a Chinese numeral 1–99 back (十 alone is 10, 十二 is 12, 二十 is 20), independently."""
    value, pending = 0, 0
    for clip in clips:
        if clip == TEN:
            value += (pending or 1) * 10
            pending = 0
        else:
            pending = DIGIT_CLIPS.index(clip)
    return value + pending
