"""Receipt and application numbers: device prefix, gap-free sequence, Luhn check digit."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.numbering import application_no, is_valid_receipt_no, luhn_digit, luhn_valid, receipt_no
from tests.core.helpers import PROPERTY


@pytest.mark.parametrize(
    ("payload", "check"),
    [("7992739871", "3"), ("0", "0"), ("1", "8"), ("453957876362148", "6"), ("250001234", "5")],
)
def test_luhn_digit_vectors(payload: str, check: str) -> None:
    assert luhn_digit(payload) == check


@pytest.mark.parametrize("number", ["79927398713", "4539578763621486", "18", "00"])
def test_luhn_valid_numbers(number: str) -> None:
    assert luhn_valid(number)


@pytest.mark.parametrize("number", ["79927398710", "79927398731", "4539578763621487", "", "7", "12a4", "-18"])
def test_luhn_invalid_numbers(number: str) -> None:
    assert not luhn_valid(number)


def test_receipt_no_format() -> None:
    number = receipt_no("H000107", 2025, 1234)
    assert number == "H000107-2500012345"
    assert re.fullmatch(r"H000107-25\d{7}\d", number)
    assert is_valid_receipt_no(number)


def test_receipt_no_year_wraps_to_two_digits() -> None:
    assert receipt_no("H000101", 2100, 1).startswith("H000101-000000001")
    assert receipt_no("H000101", 2026, 9_999_999)[8:17] == "269999999"


@pytest.mark.parametrize("seq", [0, -1, 10_000_000])
def test_receipt_no_sequence_range(seq: int) -> None:
    with pytest.raises(ValueError):
        receipt_no("H000101", 2026, seq)


def test_application_no_format() -> None:
    number = application_no("H000102", 17)
    assert re.fullmatch(r"AH000102-\d{7}", number)
    assert luhn_valid(number.split("-")[1])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "H000107",
        "H000107-",
        "-2500012345",
        "H000107-250001234",
        "H000107-25000123450",
        "H000107-25000123a5",
    ],
)
def test_malformed_receipt_numbers_are_invalid(text: str) -> None:
    assert not is_valid_receipt_no(text)


def test_is_valid_receipt_no_never_raises_on_odd_digits() -> None:
    assert not is_valid_receipt_no("H000107-²²²²²²²²²²")


@PROPERTY
@given(
    st.integers(min_value=1, max_value=99),
    st.integers(min_value=2000, max_value=2099),
    st.integers(min_value=1, max_value=9_999_999),
)
def test_every_generated_receipt_number_is_valid(device_no: int, year: int, seq: int) -> None:
    number = receipt_no(f"H0001{device_no:02d}", year, seq)
    assert is_valid_receipt_no(number)
    body = number.split("-")[1]
    assert int(body[2:9]) == seq


@PROPERTY
@given(
    st.integers(min_value=2000, max_value=2099),
    st.integers(min_value=1, max_value=9_999_999),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=1, max_value=9),
)
def test_a_single_digit_typo_is_detected(year: int, seq: int, position: int, shift: int) -> None:
    number = receipt_no("H000107", year, seq)
    prefix, body = number.split("-")
    wrong = str((int(body[position]) + shift) % 10)
    typo = body[:position] + wrong + body[position + 1 :]
    assert typo != body
    assert not is_valid_receipt_no(f"{prefix}-{typo}")


@PROPERTY
@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=9_999_999))
def test_adjacent_swaps_are_detected_except_09(year: int, seq: int) -> None:
    prefix, body = receipt_no("H000107", year, seq).split("-")
    for i in range(len(body) - 1):
        a, b = body[i], body[i + 1]
        if a == b or {a, b} == {"0", "9"}:  # Luhn's known blind spot
            continue
        swapped = body[:i] + b + a + body[i + 2 :]
        assert not is_valid_receipt_no(f"{prefix}-{swapped}")
