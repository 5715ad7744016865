"""What a staff number and a password may be: one rule for the PC's sign-in, the central server's
operator list and the app's 中心服务器 page."""

from hallapp.domain.errors import InvalidInput
from hallapp.domain.text import has_control_chars, normalize

MAX_STAFF_NO = 20  # the operator table's column
MAX_PASSWORD = 128


def clean_staff_no(raw: str) -> str:
    """Letters and digits, at most ``MAX_STAFF_NO``, upper case; else ``InvalidInput("staff_no", …)``."""
    if has_control_chars(raw):
        raise InvalidInput("staff_no", "control_chars")
    text = normalize(raw).upper()
    if not text:
        raise InvalidInput("staff_no", "empty")
    if len(text) > MAX_STAFF_NO or not text.isascii() or not text.isalnum():
        raise InvalidInput("staff_no", "bad_staff_no")
    return text


def check_password(password: str) -> str:
    """Not empty, at most ``MAX_PASSWORD``, no control characters (the hall's minimum length is a
    setting, checked where a password is set)."""
    if not password:
        raise InvalidInput("password", "empty")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput("password", "too_long", limit=MAX_PASSWORD)
    if has_control_chars(password):
        raise InvalidInput("password", "control_chars")
    return password
