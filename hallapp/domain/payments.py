"""Counter payments as values: what is owed, what the clerk asks for, what came of it, till totals."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from hallapp.domain.enums import AccountStatus, PaymentMethod, TariffCategory
from hallapp.domain.errors import InvalidInput
from hallapp.domain.printouts import CashCount, MethodTotal
from hallapp.domain.text import has_control_chars, normalize

# Legal-tender notes and coins in circulation (中国人民银行), in fen, largest first.
DENOMINATIONS_FEN = (10000, 5000, 2000, 1000, 500, 100, 50, 10)
MAX_PIECES = 100_000
MAX_NOTE_LENGTH = 200

# What a scanner reads off the customer's payment code (付款码), and a POS slip's reference number.
_REFERENCE_PATTERNS = {
    PaymentMethod.WECHAT: re.compile(r"^1[0-5][0-9]{16}$"),
    PaymentMethod.ALIPAY: re.compile(r"^(2[5-9]|30)[0-9]{14,22}$"),
    PaymentMethod.CARD: re.compile(r"^[0-9A-Z]{6,32}$"),
}


@dataclass(frozen=True)
class DueLine:
    bill_id: str
    period: str
    kwh: int
    amount_fen: int
    outstanding_fen: int  # principal still owed
    due_date: date
    days_overdue: int
    penalty_fen: int  # due today

    @property
    def total_fen(self) -> int:
        return self.outstanding_fen + self.penalty_fen


@dataclass(frozen=True)
class AccountDue:
    """What an account owes on ``as_of``: the basis of a payment and of an arrears notice."""

    account_id: str
    account_no: str
    holder: str
    address: str
    status: AccountStatus
    resident: bool
    prepaid_fen: int
    lines: tuple[DueLine, ...]  # oldest first
    as_of: date
    tariff: TariffCategory = TariffCategory.RESIDENT

    @property
    def principal_fen(self) -> int:
        return sum(line.outstanding_fen for line in self.lines)

    @property
    def penalty_fen(self) -> int:
        return sum(line.penalty_fen for line in self.lines)

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.penalty_fen

    @property
    def max_days_overdue(self) -> int:
        return max((line.days_overdue for line in self.lines), default=0)


@dataclass(frozen=True)
class PaymentRequest:
    """One press of the confirm key. ``request_id`` is made when the form opens: a retry replays it."""

    request_id: str
    account_id: str
    amount_fen: int
    method: PaymentMethod
    expected_due_fen: int  # what the clerk was shown; if the account changed since, we refuse
    reference: str = ""
    tendered_fen: int | None = None  # cash handed over


@dataclass(frozen=True)
class PaymentResult:
    payment_id: str
    account_id: str
    receipt_no: str
    amount_fen: int
    penalty_fen: int
    to_prepaid_fen: int
    change_fen: int | None
    arrears_after_fen: int
    prepaid_after_fen: int
    reconnection_due_by: datetime | None  # set when this payment cleared an account with a cut notice
    replayed: bool = False  # the same request had already been taken: nothing new was written


@dataclass(frozen=True)
class TillEntry:
    """One payment row as the till sees it (a reversal has a negative amount)."""

    receipt_no: str
    method: PaymentMethod
    amount_fen: int
    is_reversal: bool


@dataclass(frozen=True)
class TillTotals:
    by_method: tuple[MethodTotal, ...]
    payment_count: int
    reversal_count: int
    net_total_fen: int
    expected_cash_fen: int
    first_receipt_no: str
    last_receipt_no: str


def till_totals(entries: Iterable[TillEntry]) -> TillTotals:
    """Totals per method, net of reversals, in receipt order. One definition for screen, report and sync."""
    rows = list(entries)
    counts = dict.fromkeys(PaymentMethod, 0)
    sums = dict.fromkeys(PaymentMethod, 0)
    for row in rows:
        counts[row.method] += 0 if row.is_reversal else 1
        sums[row.method] += row.amount_fen
    by_method = tuple(MethodTotal(m, counts[m], sums[m]) for m in PaymentMethod if counts[m] or sums[m])
    return TillTotals(
        by_method=by_method,
        payment_count=sum(1 for r in rows if not r.is_reversal),
        reversal_count=sum(1 for r in rows if r.is_reversal),
        net_total_fen=sum(r.amount_fen for r in rows),
        expected_cash_fen=sums[PaymentMethod.CASH],
        first_receipt_no=rows[0].receipt_no if rows else "",
        last_receipt_no=rows[-1].receipt_no if rows else "",
    )


def clean_reference(method: PaymentMethod, raw: str) -> str:
    """The POS or wallet reference for non-cash methods, checked; cash and prepaid take none."""
    if method in (PaymentMethod.CASH, PaymentMethod.PREPAID):
        return ""
    if has_control_chars(raw):
        raise InvalidInput("reference", "control_chars")
    text = normalize(raw).replace(" ", "").upper()
    if not text:
        raise InvalidInput("reference", "empty")
    if not _REFERENCE_PATTERNS[method].match(text):
        raise InvalidInput("reference", f"bad_{method.value}_reference")
    return text


def cash_counts(pieces_by_denomination: dict[int, int]) -> tuple[CashCount, ...]:
    """Check what the clerk counted into the drawer: known denominations, whole pieces, sane counts."""
    unknown = set(pieces_by_denomination) - set(DENOMINATIONS_FEN)
    if unknown:
        raise InvalidInput("counted", "unknown_denomination")
    counts = []
    for denomination in DENOMINATIONS_FEN:
        pieces = pieces_by_denomination.get(denomination, 0)
        if not isinstance(pieces, int) or isinstance(pieces, bool) or pieces < 0:
            raise InvalidInput(f"counted.{denomination}", "not_a_count")
        if pieces > MAX_PIECES:
            raise InvalidInput(f"counted.{denomination}", "too_large", limit=MAX_PIECES)
        counts.append(CashCount(denomination, pieces))
    return tuple(counts)


def clean_note(raw: str, *, field: str, required: bool) -> str:
    """A free-text reason (reversal, cash difference): one line of plain text, not too long."""
    if has_control_chars(raw.replace("\n", " ")):
        raise InvalidInput(field, "control_chars")
    text = " ".join(raw.split())  # not NFKC: Chinese text keeps its full-width punctuation
    if required and not text:
        raise InvalidInput(field, "empty")
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidInput(field, "too_long", limit=MAX_NOTE_LENGTH)
    return text
