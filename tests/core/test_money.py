"""Money: integer fen everywhere; parsing what a clerk types; formatting for receipts."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.errors import InvalidInput
from hallapp.domain.money import fen_to_decimal, format_fen, parse_amount, round_half_up_fen
from tests.core.helpers import PROPERTY


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (5, "¥0.05"),
        (10, "¥0.10"),
        (100, "¥1.00"),
        (99_999, "¥999.99"),
        (100_000, "¥1,000.00"),
        (12_345_678, "¥123,456.78"),
        (100_000_000_000, "¥1,000,000,000.00"),
        (-1, "-¥0.01"),
        (-100, "-¥1.00"),
        (-12_345_678, "-¥123,456.78"),
    ],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


def test_format_fen_without_symbol_keeps_sign_and_separators() -> None:
    assert format_fen(12_345_678, symbol=False) == "123,456.78"
    assert format_fen(-250, symbol=False) == "-2.50"


def test_fen_to_decimal_is_exact() -> None:
    assert fen_to_decimal(12345) == Decimal("123.45")
    assert fen_to_decimal(-5) == Decimal("-0.05")
    assert str(fen_to_decimal(100)) == "1.00"


@pytest.mark.parametrize(
    ("value", "fen"),
    [("2.5", 3), ("2.4999", 2), ("-2.5", -3), ("0.5", 1), ("7", 7)],
)
def test_round_half_up_fen(value: str, fen: int) -> None:
    assert round_half_up_fen(Decimal(value)) == fen


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("123.4", 12_340),
        ("１２３.4", 12_340),  # full-width digits
        ("１２３．４５", 12_345),  # full-width digits and full stop
        ("¥1,234.50", 123_450),
        ("￥1,234.50", 123_450),  # full-width yuan sign
        ("  88  ", 8_800),
        ("0.01", 1),
        ("1,000,000", 100_000_000),
        ("１，０００", 100_000),  # full-width comma
    ],
)
def test_parse_amount_accepts_what_clerks_type(typed: str, fen: int) -> None:
    assert parse_amount(typed) == fen


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("¥", "empty"),
        ("abc", "not_a_number"),
        ("12a", "not_a_number"),
        ("1.2.3", "not_a_number"),
        ("NaN", "not_a_number"),
        ("nan", "not_a_number"),
        ("sNaN", "not_a_number"),
        ("Infinity", "not_a_number"),
        ("-Infinity", "not_a_number"),
        ("inf", "not_a_number"),
        ("1.234", "too_many_decimals"),
        ("0.001", "too_many_decimals"),
        ("0", "not_positive"),
        ("0.00", "not_positive"),
        ("-0", "not_positive"),
        ("-5", "not_positive"),
        ("-1.50", "not_positive"),
    ],
)
def test_parse_amount_rejects(typed: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_amount(typed, field="cash")
    assert info.value.reason == reason
    assert info.value.field == "cash"


def test_parse_amount_max_fen_is_inclusive_and_reports_the_limit() -> None:
    assert parse_amount("1,000,000.00", max_fen=100_000_000) == 100_000_000
    with pytest.raises(InvalidInput) as info:
        parse_amount("1,000,000.01", max_fen=100_000_000)
    assert info.value.reason == "too_large"
    assert info.value.params["limit"] == "¥1,000,000.00"


@pytest.mark.parametrize("typed", ["99999999999999999999", "1000001", "000000000000000000001000001"])
def test_parse_amount_huge_numbers_are_too_large(typed: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_amount(typed, max_fen=100_000_000)
    assert info.value.reason == "too_large"


@pytest.mark.parametrize("typed", ["1e20", "1e5000", "1E2", "Infinity", "NaN", "0x10", "1_000"])
def test_parse_amount_takes_plain_decimals_only(typed: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_amount(typed, max_fen=100_000_000)
    assert info.value.reason == "not_a_number"


def test_parse_amount_exponent_at_decimal_limit_is_invalid_input_not_overflow() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_amount("1e999999", max_fen=100_000_000)
    assert info.value.reason in {"too_large", "not_a_number"}


@PROPERTY
@given(st.integers(min_value=1, max_value=10**15))
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_amount(format_fen(fen)) == fen
    assert parse_amount(format_fen(fen, symbol=False)) == fen


@PROPERTY
@given(st.text(max_size=40))
def test_parse_amount_only_ever_raises_invalid_input(text: str) -> None:
    try:
        fen = parse_amount(text, max_fen=10**12)
    except InvalidInput:
        return
    assert isinstance(fen, int)
    assert 0 < fen <= 10**12
