"""居民身份证号 (GB 11643-1999): 17 digits + ISO 7064 MOD 11-2 check character."""

from dataclasses import dataclass
from datetime import date

from hallapp.domain.errors import InvalidInput
from hallapp.domain.text import has_control_chars, normalize

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def make_id_number(region: str, born: date, sequence: int) -> str:
    """A well-formed number (used for demo data and tests)."""
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


# GB/T 2260 province-level codes (the first two digits); 71 台湾, 81 香港, 82 澳门 (居住证), 83 港澳台居民居住证
PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)
EARLIEST_BIRTH = date(1880, 1, 1)
LENGTH = 18


@dataclass(frozen=True)
class IdNumber:
    """A 居民身份证号 that passed the hard rules; ``region_warning`` is only shown (R5.2)."""

    text: str
    born: date
    region_warning: bool


def clean_id_number(raw: str, today: date, *, field: str = "id_no") -> IdNumber:
    """Length and characters, a real birth date not in the future, the check character; an unknown
    province code is only a warning. Full-width digits and a lower-case x are accepted."""
    if has_control_chars(raw):
        raise InvalidInput(field, "control_chars")
    text = normalize(raw).replace(" ", "").upper()
    if not text:
        raise InvalidInput(field, "empty")
    if len(text) != LENGTH or not text[:17].isascii() or not text[:17].isdigit():
        raise InvalidInput(field, "id_format", length=len(text))
    if not (text[17].isdigit() or text[17] == "X"):
        raise InvalidInput(field, "id_format", length=len(text))
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidInput(field, "id_birth_date") from None
    if born > today or born < EARLIEST_BIRTH:
        raise InvalidInput(field, "id_birth_date")
    if check_char(text[:17]) != text[17]:
        raise InvalidInput(field, "id_checksum")
    return IdNumber(text, born, region_warning=text[:2] not in PROVINCES)
