"""统一社会信用代码 (GB 32100-2015, DOMAIN_RULES R5.4): 18 characters, the last a MOD 31 check.

A failed check is a *warning* a supervisor can override (real codes that fail exist), so this module
says what is wrong and lets the service decide; the character set and length are hard rules.
"""

from dataclasses import dataclass
from enum import StrEnum

from hallapp.domain.text import normalize

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
VALUES = {ch: i for i, ch in enumerate(CHARSET)}
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
LENGTH = 18
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code inside positions 9–17


class CodeProblem(StrEnum):
    LENGTH = "credit_code_length"
    CHARSET = "credit_code_chars"
    REGION = "credit_code_region"  # characters 3–8 are a region code: digits only
    CHECKSUM = "credit_code_checksum"  # a warning: supervisor override


@dataclass(frozen=True)
class CreditCode:
    text: str  # upper-cased, full-width folded
    problems: tuple[CodeProblem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def only_checksum(self) -> bool:
        return self.problems == (CodeProblem.CHECKSUM,)


def check_char(first17: str) -> str:
    total = sum(VALUES[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def org_code_check(body8: str) -> str:
    """The GB 11714 check character of an organisation code's first eight characters."""
    total = sum(
        (int(ch) if ch.isdigit() else ord(ch) - 55) * w for ch, w in zip(body8, ORG_WEIGHTS, strict=True)
    )
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def inspect(raw: str) -> CreditCode:
    """What is wrong with ``raw`` as a credit code, hard problems first; () when it is well-formed."""
    text = normalize(raw).replace(" ", "").upper()
    if len(text) != LENGTH:
        return CreditCode(text, (CodeProblem.LENGTH,))
    if any(ch not in VALUES for ch in text):
        return CreditCode(text, (CodeProblem.CHARSET,))
    if not text[2:8].isdigit():
        return CreditCode(text, (CodeProblem.REGION,))
    if check_char(text[:17]) != text[17]:
        return CreditCode(text, (CodeProblem.CHECKSUM,))
    return CreditCode(text, ())


def make_credit_code(first17: str) -> str:
    """A well-formed code from its first 17 characters (demo data and tests)."""
    return first17 + check_char(first17)
