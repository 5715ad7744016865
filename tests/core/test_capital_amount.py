"""大写 amounts: the PBOC examples, the edge cases, and 20,000 random amounts against cn2an."""

import random
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.capital_amount import MAX_FEN, capital_amount, rmb_capital

PBOC_EXAMPLES = {  # 《正确填写票据和结算凭证的基本规定》, DOMAIN_RULES R4.2
    "1409.50": "壹仟肆佰零玖元伍角",
    "6007.14": "陆仟零柒元壹角肆分",
    "1680.32": "壹仟陆佰捌拾元叁角贰分",
    "107000.53": "壹拾万柒仟元伍角叁分",
    "16409.02": "壹万陆仟肆佰零玖元零贰分",
    "325.04": "叁佰贰拾伍元零肆分",
}


def fen_of(text: str) -> int:
    return int(Decimal(text) * 100)


@pytest.mark.parametrize(("amount", "written"), PBOC_EXAMPLES.items())
def test_pboc_examples(amount: str, written: str) -> None:
    assert capital_amount(fen_of(amount)) == written


@pytest.mark.parametrize(
    ("fen", "written"),
    [
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角"),
        (100, "壹元整"),
        (1000, "壹拾元整"),
        (100_000_001, "壹佰万元零壹分"),
        (10_000_000_000, "壹亿元整"),
        (10_000_000_100, "壹亿零壹元整"),
        (100_001_000_000, "壹拾亿零壹万元整"),
        (100_010_000_000, "壹拾亿零壹拾万元整"),
        (MAX_FEN - 1, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_edges(fen: int, written: str) -> None:
    assert capital_amount(fen) == written


def test_rmb_prefix_sits_right_before_the_amount() -> None:
    assert rmb_capital(12_345) == "人民币壹佰贰拾叁元肆角伍分"


@pytest.mark.parametrize("fen", [-1, MAX_FEN])
def test_out_of_range(fen: int) -> None:
    with pytest.raises(ValueError):
        capital_amount(fen)


def test_agrees_with_an_independent_implementation_on_random_amounts() -> None:
    rng = random.Random(20261122)
    for _ in range(20_000):
        fen = rng.choice([rng.randrange(1, 10**4), rng.randrange(1, 10**8), rng.randrange(1, MAX_FEN)])
        assert capital_amount(fen) == cn2an.an2cn(f"{fen // 100}.{fen % 100:02d}", "rmb"), fen


@given(st.integers(min_value=1, max_value=MAX_FEN - 1))
def test_never_uses_forbidden_characters(fen: int) -> None:
    text = capital_amount(fen)
    assert not set(text) & set("一二三四五六七八九十廿毛另0123456789")
    assert text.endswith(("整", "角", "分"))
    assert "零零" not in text and not text.startswith("零")
