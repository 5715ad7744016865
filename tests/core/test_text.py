"""Normalising typed text: NFKC, whitespace, control characters, plain-text check."""

import pytest

from hallapp.domain.text import has_control_chars, is_cjk, is_plain_text, normalize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ＡＢＣ１２３", "ABC123"),  # full-width letters and digits
        ("　王芳　", "王芳"),  # ideographic spaces trimmed
        ("建设路  88号", "建设路 88号"),  # inner runs folded
        ("a\t\n b", "a b"),
        ("ｃ００１", "c001"),
        ("１２３．４", "123.4"),
        ("", ""),
        ("   ", ""),
        ("①", "1"),  # NFKC compatibility digit
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


def test_normalize_is_idempotent() -> None:
    text = "　ＡＢＣ　　建设路１２号\u3000"
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    "text",
    ["a\x00b", "\x07", "\x1b[31m", "x\x7f", "\x85", "a\u200bb", "\u202eabc", "\ufeffC001", "\u2060"],
)
def test_control_characters_are_detected(text: str) -> None:
    assert has_control_chars(text)


@pytest.mark.parametrize("text", ["王芳", "C001", "建设路88号(东)", "a b", "", "¥1,234.50"])
def test_ordinary_text_has_no_control_characters(text: str) -> None:
    assert not has_control_chars(text)


@pytest.mark.parametrize(
    "text",
    [
        "王芳",
        "张建国",
        "示例市城东区建设路88号3栋2单元",
        "C001",
        "Zhang Wei",
        "A-1_2.3",
        "（东）",
        "a/b、c，d。",
    ],
)
def test_plain_text_accepts_names_and_addresses(text: str) -> None:
    assert is_plain_text(text)


@pytest.mark.parametrize(
    "text",
    ["😀", "王芳😀", "❤", "%", "' OR 1=1 --", '"', ";", "<script>", "¥", "\x00", "★"],
)
def test_plain_text_rejects_emoji_symbols_and_sql_punctuation(text: str) -> None:
    assert not is_plain_text(text)


def test_is_cjk_ranges() -> None:
    assert is_cjk("王")
    assert is_cjk("\U00020000")  # CJK extension B
    assert not is_cjk("A")
    assert not is_cjk("。")
