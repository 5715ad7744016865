"""Numbers printed for people: device-prefixed, gap-free per device, with a check digit.

receipt_no = {device_code}-{yy}{seq:07d}{luhn}   e.g. H000107-2500012345 (SYNC_DESIGN §4.8; Luhn over the 9 digits)
"""


def luhn_digit(digits: str) -> str:
    """The Luhn check digit for a string of digits (catches single-digit and most swap errors)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(digits_with_check: str) -> bool:
    return (
        len(digits_with_check) >= 2
        and digits_with_check.isascii()
        and digits_with_check.isdigit()
        and luhn_digit(digits_with_check[:-1]) == digits_with_check[-1]
    )


def receipt_no(device_code: str, year: int, seq: int) -> str:
    if not 0 < seq < 10_000_000:
        raise ValueError("receipt sequence out of range")
    body = f"{year % 100:02d}{seq:07d}"
    return f"{device_code}-{body}{luhn_digit(body)}"


def application_no(device_code: str, seq: int) -> str:
    body = f"{seq:06d}"
    return f"A{device_code}-{body}{luhn_digit(body)}"


def document_no(letter: str, device_code: str, seq: int) -> str:
    """A counter document's number: one capital letter, the device code, six digits and a check digit
    (Z for a consultation, T for a complaint), e.g. ZH000101-0000018."""
    if len(letter) != 1 or not ("A" <= letter <= "Z"):
        raise ValueError("a document letter is one capital A-Z")
    body = f"{seq:06d}"
    return f"{letter}{device_code}-{body}{luhn_digit(body)}"


def is_valid_receipt_no(text: str) -> bool:
    prefix, _, body = text.partition("-")
    return bool(prefix) and len(body) == 10 and luhn_valid(body)
