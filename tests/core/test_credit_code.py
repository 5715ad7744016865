"""统一社会信用代码 (GB 32100): the vectors of DOMAIN_RULES R5.4, and properties of the check."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.credit_code import (
    CHARSET,
    WEIGHTS,
    CodeProblem,
    check_char,
    inspect,
    make_credit_code,
    org_code_check,
)
from tests.core.helpers import PROPERTY


def test_weights_are_the_published_ones() -> None:
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@pytest.mark.parametrize("code", ["91350100M000100Y43", "9131000063159284XQ"])
def test_known_good_codes(code: str) -> None:
    assert inspect(code).valid
    assert org_code_check(code[8:16]) == code[16]  # the GB 11714 code inside is right too


def test_the_worked_example_and_its_failures() -> None:
    assert check_char("91350100M000100Y4") == "3"
    assert inspect("91350100M000100Y4Z").problems == (CodeProblem.CHARSET,)  # Z is not in the set
    assert inspect("91350100M000100Y44").only_checksum  # a warning a supervisor may override
    assert inspect("91350211M0000XUF46").only_checksum  # reported as real yet failing (R5.4)
    assert inspect("91310115MA1H8R7C6D").only_checksum  # the "example" that is not one


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", CodeProblem.LENGTH),
        ("91350100M000100Y4", CodeProblem.LENGTH),
        ("91350100M000100Y433", CodeProblem.LENGTH),
        ("91350100M000100I43", CodeProblem.CHARSET),
        ("9135O100M000100Y43", CodeProblem.CHARSET),  # letter O is not in the set at all
        ("913501A0M000100Y43", CodeProblem.REGION),
    ],
)
def test_hard_problems(raw: str, problem: CodeProblem) -> None:
    assert inspect(raw).problems == (problem,)


def test_full_width_and_lower_case_are_folded() -> None:
    assert inspect("９１３５０１００ｍ０００１００ｙ４３").valid
    assert inspect("91350100m000100y43").text == "91350100M000100Y43"


@PROPERTY
@given(
    st.text(alphabet=CHARSET, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=CHARSET, min_size=9, max_size=9),
    st.integers(0, 17),
    st.sampled_from(CHARSET),
)
def test_every_single_character_change_is_caught(head, region, body, position, replacement) -> None:  # type: ignore[no-untyped-def]
    code = make_credit_code(head + region + body)
    assert inspect(code).valid
    changed = code[:position] + replacement + code[position + 1 :]
    if changed != code and changed[2:8].isdigit():
        assert not inspect(changed).valid  # MOD 31 with these weights catches any one substitution
