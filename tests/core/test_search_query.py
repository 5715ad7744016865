"""Classifying a search box query: 户号, phone, name prefix or address fragment."""

import pytest

from hallapp.domain.errors import InvalidInput
from hallapp.domain.search import MAX_QUERY_LENGTH, SearchKind, SearchQuery, parse_query


def _reason(raw: str, kind: SearchKind = SearchKind.AUTO, **kw) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        parse_query(raw, kind, **kw)
    assert info.value.field == "query"
    return info.value.reason


def test_ten_digits_is_an_account_number() -> None:
    assert parse_query("3200000001") == SearchQuery(SearchKind.ACCOUNT_NO, "3200000001")


def test_full_width_account_digits_and_separators_are_normalised() -> None:
    assert parse_query("３２０００００００１") == SearchQuery(SearchKind.ACCOUNT_NO, "3200000001")
    assert parse_query(" 320-000 0001 ") == SearchQuery(SearchKind.ACCOUNT_NO, "3200000001")


def test_account_length_is_configurable() -> None:
    assert parse_query("12345678", account_length=8).kind is SearchKind.ACCOUNT_NO
    assert _reason("3200000001", account_length=8) == "digits_length"


@pytest.mark.parametrize("digits", ["320000001", "1", "12345", "23800000000", "32000000012"])
def test_other_digit_strings_are_refused_with_digits_length(digits: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_query(digits)
    assert info.value.reason == "digits_length"
    assert info.value.params["length"] == len(digits)
    assert info.value.params["expected"] == 10


def test_eleven_digit_mobile_is_a_phone() -> None:
    assert parse_query("13812345678") == SearchQuery(SearchKind.PHONE, "13812345678")
    assert parse_query("138 1234 5678") == SearchQuery(SearchKind.PHONE, "13812345678")
    assert parse_query("１３８１２３４５６７８").kind is SearchKind.PHONE


def test_text_in_auto_mode_searches_names_and_addresses() -> None:
    query = parse_query("  王  芳 ")
    assert query == SearchQuery(SearchKind.NAME, "王 芳", also_address=True)


@pytest.mark.parametrize(
    "raw",
    ["' OR 1=1 --", "王'; DROP TABLE account; --", 'a" OR "b', "建设%", "x;y", "a=b", "<b>", "50%"],
)
def test_sql_metacharacters_are_refused_as_bad_chars(raw: str) -> None:
    assert _reason(raw) == "bad_chars"


@pytest.mark.parametrize("raw", ["王芳😀", "🔌", "★建设路"])
def test_emoji_and_symbols_are_bad_chars(raw: str) -> None:
    assert _reason(raw) == "bad_chars"


@pytest.mark.parametrize("raw", ["王\x00芳", "3200000001\n", "\x1b", "王\u200b芳", "\u202e王芳"])
def test_control_characters_are_refused(raw: str) -> None:
    assert _reason(raw) == "control_chars"


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_empty_query(raw: str) -> None:
    assert _reason(raw) == "empty"


def test_too_long_query_reports_the_limit() -> None:
    assert parse_query("王" * MAX_QUERY_LENGTH).text == "王" * MAX_QUERY_LENGTH
    with pytest.raises(InvalidInput) as info:
        parse_query("王" * (MAX_QUERY_LENGTH + 1))
    assert info.value.reason == "too_long"
    assert info.value.params["limit"] == MAX_QUERY_LENGTH
    assert _reason("x" * 10_000) == "too_long"


def test_explicit_account_kind() -> None:
    assert parse_query("3200000001", SearchKind.ACCOUNT_NO).text == "3200000001"
    assert _reason("320000001", SearchKind.ACCOUNT_NO) == "bad_account_no"
    assert _reason("王芳", SearchKind.ACCOUNT_NO) == "bad_account_no"


def test_explicit_phone_kind_allows_a_prefix() -> None:
    assert parse_query("1381", SearchKind.PHONE) == SearchQuery(SearchKind.PHONE, "1381")
    assert parse_query("0512-6688 1234", SearchKind.PHONE).text == "051266881234"
    assert _reason("138", SearchKind.PHONE) == "bad_phone"
    assert _reason("1" * 13, SearchKind.PHONE) == "bad_phone"
    assert _reason("王芳", SearchKind.PHONE) == "bad_phone"


def test_explicit_name_kind_keeps_digits_as_text() -> None:
    assert parse_query("3200000001", SearchKind.NAME) == SearchQuery(SearchKind.NAME, "3200000001")
    assert parse_query("王", SearchKind.NAME) == SearchQuery(SearchKind.NAME, "王")


def test_explicit_address_kind_needs_two_characters() -> None:
    assert parse_query("建设", SearchKind.ADDRESS) == SearchQuery(SearchKind.ADDRESS, "建设")
    with pytest.raises(InvalidInput) as info:
        parse_query("建", SearchKind.ADDRESS)
    assert info.value.reason == "address_too_short"
    assert info.value.params["limit"] == 2


def test_resolved_kind_is_never_auto() -> None:
    for raw in ("3200000001", "13812345678", "王芳", "建设路"):
        assert parse_query(raw).kind is not SearchKind.AUTO
