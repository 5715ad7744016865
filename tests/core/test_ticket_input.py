"""What a guide types with a ticket: only ASCII digits count (other scripts' digits are refused)."""

import pytest

from hallapp.domain.errors import InvalidInput
from hallapp.domain.ticket_input import clean_account_no, clean_phone


def test_full_width_digits_are_folded_and_accepted() -> None:
    assert clean_account_no("３２００００００１０", 10) == "3200000010"
    assert clean_phone("１３９ １２３４ ５６７８") == "13912345678"


@pytest.mark.parametrize("raw", ["٣٢٠٠٠٠٠٠١٠", "३२००००००१०"])  # Arabic-Indic, Devanagari
def test_digits_of_other_scripts_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        clean_account_no(raw, 10)
    with pytest.raises(InvalidInput):
        clean_phone("1" + raw)


def test_empty_means_not_given() -> None:
    assert clean_account_no("  ", 10) is None and clean_phone("") is None
