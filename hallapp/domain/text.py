"""Normalising what people type: full-width forms, stray spaces, control characters."""

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII), trimmed, inner runs of space folded."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", text).strip()


def has_control_chars(text: str) -> bool:
    return bool(_CONTROL.search(text))


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


_ALLOWED_PUNCT = set("-_.,·()（）#/、，。:：")


def is_plain_text(text: str) -> bool:
    """True when every character is a letter, digit, CJK ideograph, space or common punctuation.

    Emoji, symbols and control characters make it False.
    """
    for ch in text:
        if ch.isspace() or ch in _ALLOWED_PUNCT or is_cjk(ch):
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            continue
        return False
    return True
