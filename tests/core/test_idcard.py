"""居民身份证号 check character (GB 11643-1999, ISO 7064 MOD 11-2), DOMAIN_RULES R5.2."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.idcard import CHECK_CHARS, WEIGHTS, check_char, make_id_number
from tests.core.helpers import PROPERTY


def test_domain_rules_vector_with_x() -> None:
    number = "11010519491231002X"
    assert check_char(number[:17]) == number[17] == "X"


def test_domain_rules_vector_with_digit() -> None:
    number = "440524188001010014"
    assert check_char(number[:17]) == number[17] == "4"


def test_weights_and_check_table_match_the_standard() -> None:
    assert WEIGHTS == (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert CHECK_CHARS == "10X98765432"
    assert all(w == pow(2, 17 - i, 11) for i, w in enumerate(WEIGHTS))


def test_make_id_number_reproduces_the_vector() -> None:
    assert make_id_number("110105", date(1949, 12, 31), 2) == "11010519491231002X"
    assert make_id_number("440524", date(1880, 1, 1), 1) == "440524188001010014"


@pytest.mark.parametrize("first17", ["1101051949123100", "110105194912310021", ""])
def test_wrong_length_is_refused(first17: str) -> None:
    with pytest.raises(ValueError):
        check_char(first17)


@PROPERTY
@given(
    st.sampled_from(["110105", "320102", "440524"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=0, max_value=16),
    st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_change_changes_the_check_char(
    region: str, born: date, seq: int, position: int, shift: int
) -> None:
    number = make_id_number(region, born, seq)
    assert len(number) == 18
    assert number[6:14] == born.strftime("%Y%m%d")
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 : 17]
    assert check_char(changed) != number[17]
