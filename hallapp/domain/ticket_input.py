"""What a lobby guide may type when issuing a ticket: the customer's 户号 or phone, both optional."""

from hallapp.domain.errors import InvalidInput
from hallapp.domain.search import MOBILE_LENGTH
from hallapp.domain.text import has_control_chars, normalize

LANDLINE_MIN, LANDLINE_MAX = 7, 12


def _digits(raw: str | None, field: str) -> str | None:
    if raw is None:
        return None
    if has_control_chars(raw):
        raise InvalidInput(field, "control_chars")
    text = normalize(raw).replace(" ", "").replace("-", "")
    return text or None


def clean_account_no(raw: str | None, length: int) -> str | None:
    """The 户号 as digits of the hall's account-number length, or None when left empty."""
    digits = _digits(raw, "account_no")
    if digits is not None and (not (digits.isascii() and digits.isdigit()) or len(digits) != length):
        raise InvalidInput("account_no", "bad_account_no", length=len(digits), expected=length)
    return digits


def clean_phone(raw: str | None) -> str | None:
    """An 11-digit mobile number starting with 1, or a landline of 7–12 digits; None when empty."""
    digits = _digits(raw, "phone")
    if digits is None:
        return None
    mobile = len(digits) == MOBILE_LENGTH and digits.startswith("1")
    landline = LANDLINE_MIN <= len(digits) <= LANDLINE_MAX and not digits.startswith("1")
    if not (digits.isascii() and digits.isdigit()) or not (mobile or landline):
        raise InvalidInput("phone", "bad_phone")
    return digits
