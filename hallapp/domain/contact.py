"""A customer's contact fields (SYNC_DESIGN §4.2): the only customer fields a counter may change
directly. Everything else about a customer (holder name, ID number, tariff, account holder…) is
protected and changes only through an application.

The same cleaning runs on the PC before the edit is saved and on the server before it is merged.
"""

import re

from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.domain.text import has_control_chars, normalize
from hallapp.domain.ticket_input import clean_phone

CONTACT_FIELDS = ("phone", "email", "mail_address")
EMAIL_MAX = 80
MAIL_ADDRESS_MAX = 160
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def clean_email(raw: str | None) -> str | None:
    """An e-mail address, or None when empty."""
    if raw is None:
        return None
    if has_control_chars(raw):
        raise InvalidInput("email", "control_chars")
    text = normalize(raw).replace(" ", "")
    if not text:
        return None
    if len(text) > EMAIL_MAX or not text.isascii() or not EMAIL.match(text):
        raise InvalidInput("email", "bad_email")
    return text


def clean_mail_address(raw: str | None) -> str | None:
    if raw is None:
        return None
    if has_control_chars(raw):
        raise InvalidInput("mail_address", "control_chars")
    text = " ".join(normalize(raw).split())
    if len(text) > MAIL_ADDRESS_MAX:
        raise InvalidInput("mail_address", "too_long", limit=MAIL_ADDRESS_MAX)
    return text or None


CLEANERS = {"phone": clean_phone, "email": clean_email, "mail_address": clean_mail_address}


def clean_contact(fields: dict[str, object]) -> dict[str, str | None]:
    """The cleaned values of ``fields`` (contact fields only; a value may be None to clear it).

    Raises InvalidForm listing every wrong field; a field that is not a contact field is
    ``protected_field``: it can only change through an application.
    """
    errors: dict[str, InvalidInput] = {}
    cleaned: dict[str, str | None] = {}
    for name, value in fields.items():
        if name not in CLEANERS:
            errors[str(name)[:40]] = InvalidInput(str(name)[:40], "protected_field")
            continue
        if value is not None and not isinstance(value, str):
            errors[name] = InvalidInput(name, "not_text")
            continue
        try:
            cleaned[name] = CLEANERS[name](value)
        except InvalidInput as exc:
            errors[name] = exc
    if errors:
        raise InvalidForm(errors)
    return cleaned
