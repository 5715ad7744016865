"""Money is integer fen (分) everywhere; Decimal only at the edges, never float."""

import re
from decimal import ROUND_HALF_UP, Decimal

from hallapp.domain.errors import InvalidInput
from hallapp.domain.text import normalize

FEN_PER_YUAN = 100
MAX_YUAN_DIGITS = 14
_PLAIN_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def fen_to_decimal(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_fen(fen: int, *, symbol: bool = True) -> str:
    """12345678 -> '¥123,456.78'; negative amounts keep the sign before the symbol."""
    sign = "-" if fen < 0 else ""
    text = f"{abs(fen) // FEN_PER_YUAN:,}.{abs(fen) % FEN_PER_YUAN:02d}"
    return f"{sign}{'¥' if symbol else ''}{text}"


def round_half_up_fen(value: Decimal) -> int:
    """A Decimal amount in fen (possibly fractional) rounded half-up to a whole fen."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_amount(text: str, *, field: str = "amount", max_fen: int | None = None) -> int:
    """Parse what a clerk typed ('１２３.4', '¥1,234.50') into fen, or raise InvalidInput."""
    cleaned = normalize(text).replace(",", "").replace("¥", "").replace("￥", "").strip()
    if not cleaned:
        raise InvalidInput(field, "empty")
    if not _PLAIN_DECIMAL.match(cleaned):  # no exponents, NaN or Infinity: people type digits
        raise InvalidInput(field, "not_a_number")
    whole, _, decimals = cleaned.lstrip("-").partition(".")
    if len(decimals) > 2:
        raise InvalidInput(field, "too_many_decimals")
    if len(whole.lstrip("0")) > MAX_YUAN_DIGITS:
        raise InvalidInput(field, "too_large", limit=format_fen(max_fen if max_fen is not None else 10**15))
    value = Decimal(cleaned)
    fen = int(value * FEN_PER_YUAN)
    if fen <= 0:
        raise InvalidInput(field, "not_positive")
    if max_fen is not None and fen > max_fen:
        raise InvalidInput(field, "too_large", limit=format_fen(max_fen))
    return fen
