"""Deciding what a search box query means: 户号, phone, name prefix or address fragment."""

from dataclasses import dataclass
from enum import StrEnum

from hallapp.domain.errors import InvalidInput
from hallapp.domain.text import has_control_chars, is_plain_text, normalize

MAX_QUERY_LENGTH = 60
MOBILE_LENGTH = 11


class SearchKind(StrEnum):
    AUTO = "auto"
    ACCOUNT_NO = "account_no"
    PHONE = "phone"
    NAME = "name"
    ADDRESS = "address"


@dataclass(frozen=True)
class SearchQuery:
    kind: SearchKind  # never AUTO: AUTO is resolved here
    text: str
    also_address: bool = False  # a text query in AUTO mode searches names and addresses


def parse_query(raw: str, kind: SearchKind = SearchKind.AUTO, *, account_length: int = 10) -> SearchQuery:
    """Validate and classify a search; raise InvalidInput with a reason the UI can explain."""
    try:
        kind = SearchKind(kind)
    except ValueError:
        raise InvalidInput("kind", "bad_kind") from None
    if has_control_chars(raw):
        raise InvalidInput("query", "control_chars")
    text = normalize(raw)
    if not text:
        raise InvalidInput("query", "empty")
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidInput("query", "too_long", limit=MAX_QUERY_LENGTH)
    if not is_plain_text(text):
        raise InvalidInput("query", "bad_chars")
    digits = text.replace(" ", "").replace("-", "")
    if kind is SearchKind.AUTO:
        if digits.isdigit():
            kind = _digit_kind(digits, account_length)
            text = digits
        else:
            return SearchQuery(SearchKind.NAME, text, also_address=True)
    if kind is SearchKind.ACCOUNT_NO:
        _check_account_no(digits, account_length)
        return SearchQuery(kind, digits)
    if kind is SearchKind.PHONE:
        if not digits.isdigit() or len(digits) < 4 or len(digits) > MOBILE_LENGTH + 1:
            raise InvalidInput("query", "bad_phone")
        return SearchQuery(kind, digits)
    if kind is SearchKind.ADDRESS and len(text) < 2:
        raise InvalidInput("query", "address_too_short", limit=2)
    return SearchQuery(kind, text)


def _digit_kind(digits: str, account_length: int) -> SearchKind:
    if len(digits) == account_length:
        return SearchKind.ACCOUNT_NO
    if len(digits) == MOBILE_LENGTH and digits.startswith("1"):
        return SearchKind.PHONE
    raise InvalidInput("query", "digits_length", length=len(digits), expected=account_length)


def _check_account_no(digits: str, account_length: int) -> None:
    if not digits.isdigit() or len(digits) != account_length:
        raise InvalidInput("query", "bad_account_no", length=len(digits), expected=account_length)
