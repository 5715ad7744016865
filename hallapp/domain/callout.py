"""The voice call-out (issue 3): 「请A001号到3号窗口办理」 as text for the board and as pre-recorded clips.

The Qt wheel we pin has no text-to-speech and no multimedia module, so the board plays short recorded
clips (resources/sounds/zh, made by tools/make_voice_clips.py) one after another. This module only
decides which clips, in which order; it knows nothing of files or audio.

How numbers are read, as halls read them:
* the ticket's digits one by one, so the customer can match them against the slip in their hand:
  A001 → A 零 零 一 (一 as yī; 幺 is for phone numbers);
* the window as a number, 1–99: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三.
"""

import re
import string

CHIME = "chime"
QING, HAO, DAO, CHUANGKOU, BANLI = "qing", "hao", "dao", "chuangkou", "banli"
DIGIT_CLIPS = ("ling", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu")  # index = the digit
TEN = "shi"
LETTER_CLIPS = tuple(string.ascii_uppercase)  # each clip is named after its letter: "A", "B", …

# Every clip callout_clips() can return; a test checks each one has its file in resources/sounds/zh.
ALL_CLIPS: tuple[str, ...] = (CHIME, QING, HAO, DAO, CHUANGKOU, BANLI, *DIGIT_CLIPS, TEN, *LETTER_CLIPS)

MIN_WINDOW, MAX_WINDOW = 1, 99
# Ticket numbers restart every day and stay in three digits in practice (A001); six leaves room without
# letting a corrupted value turn into a call-out that goes on for half a minute.
MAX_TICKET_DIGITS = 6
_DISPLAY_NO = re.compile(
    rf"[A-Za-z][0-9]{{1,{MAX_TICKET_DIGITS}}}"
)  # [0-9], not \d: no other scripts' digits


def callout_sentence(display_no: str, window_no: int) -> str:
    """The sentence the hall hears, also shown on the board: 请A001号到3号窗口办理."""
    ticket = _checked_ticket(display_no)
    _check_window(window_no)
    return f"请{ticket}号到{window_no}号窗口办理"


def callout_clips(display_no: str, window_no: int) -> list[str]:
    """The clip names for the sentence, in order, starting with the chime that draws attention."""
    ticket = _checked_ticket(display_no)
    _check_window(window_no)
    return [
        CHIME,
        QING,
        ticket[0],
        *(DIGIT_CLIPS[int(digit)] for digit in ticket[1:]),
        HAO,
        DAO,
        *window_clips(window_no),
        HAO,
        CHUANGKOU,
        BANLI,
    ]


def window_clips(window_no: int) -> list[str]:
    """A window number 1–99 as a Chinese numeral: 7 → 七, 10 → 十, 15 → 十五, 40 → 四十, 99 → 九十九."""
    _check_window(window_no)
    tens, units = divmod(window_no, 10)
    clips = []
    if tens:
        clips += [TEN] if tens == 1 else [DIGIT_CLIPS[tens], TEN]  # 十二, not 一十二
    if units:
        clips.append(DIGIT_CLIPS[units])
    return clips


def _checked_ticket(display_no: str) -> str:
    """The ticket number with its letter in capitals; anything but a letter and digits is refused."""
    if not isinstance(display_no, str) or not _DISPLAY_NO.fullmatch(display_no):
        raise ValueError(
            f"not a ticket number for a call-out: {display_no!r} (one letter A–Z, then 1–{MAX_TICKET_DIGITS} digits)"
        )
    return display_no[0].upper() + display_no[1:]


def _check_window(window_no: int) -> None:
    # bool is an int subclass: True would otherwise be read as window 1.
    if isinstance(window_no, bool) or not isinstance(window_no, int):
        raise ValueError(f"window number must be an int, not {window_no!r}")
    if not MIN_WINDOW <= window_no <= MAX_WINDOW:
        raise ValueError(f"window number {window_no} is outside {MIN_WINDOW}–{MAX_WINDOW}")
