"""Realistic demo documents for the printout previews, tests and benchmarks (fixed values, no I/O)."""

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.numbering import receipt_no
from hallapp.domain.printouts import (
    CashCount,
    HallHeader,
    MethodTotal,
    NoticeDoc,
    NoticeKind,
    NoticeLine,
    ReceiptDoc,
    ReceiptLine,
    ReprintMark,
    ShiftPaymentLine,
    ShiftReport,
    TicketDoc,
)

DEVICE = "H000101"
YEAR = 2026
CLERK = ("C001", "王芳")
ACCOUNT_NO = "3301234567"
HOLDER = "王建华"
ADDRESS = "示例市城东区建设路12号3单元502室"
PAID_AT = datetime(2026, 11, 20, 9, 41, 12)
HEADER = HallHeader(
    unit_name="国网示例市供电公司",
    hall_name="城东供电营业厅",
    hall_address="示例市城东区人民路88号",
    service_hotline="95598",
    regulator_hotline="12398",
)

# (period, kWh, principal fen, penalty fen paid now)
RECEIPT_PERIODS = (("202608", 412, 25630, 1922), ("202609", 356, 21470, 966), ("202610", 298, 17880, 268))
RECEIPT_PREPAID_FEN = 500
RECEIPT_TENDERED_FEN = 70000

# (period, due date, principal fen, penalty fen as of NOTICE_AS_OF)
NOTICE_PERIODS = (
    ("202607", date(2026, 8, 25), 23140, 2013),
    ("202608", date(2026, 9, 25), 25630, 1435),
    ("202609", date(2026, 10, 25), 21470, 558),
)
NOTICE_AS_OF = date(2026, 11, 20)

TICKET_ISSUED_AT = datetime(2026, 11, 23, 9, 41, 12)
TICKET_REPRINT_AT = datetime(2026, 11, 23, 9, 43, 5)

SHIFT_OPEN = datetime(2026, 11, 20, 8, 30, 0)
SHIFT_CLOSE = datetime(2026, 11, 20, 17, 5, 0)
SHIFT_FIRST_SEQ = 1201
SHIFT_CASH_SHORT_FEN = -1000  # counted ¥10.00 less than expected
REVERSAL_EVERY = 20
DENOMINATIONS_FEN = (10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 2, 1)
METHOD_WEIGHTS = {
    PaymentMethod.CASH: 5,
    PaymentMethod.WECHAT: 4,
    PaymentMethod.ALIPAY: 3,
    PaymentMethod.CARD: 2,
    PaymentMethod.PREPAID: 1,
}


def sample_receipt() -> ReceiptDoc:
    """A cash payment settling three overdue months with penalty, the rest booked as prepayment."""
    lines = tuple(
        ReceiptLine(period, kwh, billed, billed, penalty) for period, kwh, billed, penalty in RECEIPT_PERIODS
    )
    due = sum(line.principal_fen for line in lines)
    penalty = sum(line.penalty_fen for line in lines)
    amount = due + penalty + RECEIPT_PREPAID_FEN
    return ReceiptDoc(
        header=HEADER,
        receipt_no=receipt_no(DEVICE, YEAR, 1234),
        account_no=ACCOUNT_NO,
        holder=HOLDER,
        address=ADDRESS,
        lines=lines,
        due_fen=due,
        penalty_fen=penalty,
        amount_fen=amount,
        to_prepaid_fen=RECEIPT_PREPAID_FEN,
        prepaid_after_fen=RECEIPT_PREPAID_FEN,
        arrears_after_fen=0,
        method=PaymentMethod.CASH,
        reference="",
        tendered_fen=RECEIPT_TENDERED_FEN,
        change_fen=RECEIPT_TENDERED_FEN - amount,
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        paid_at=PAID_AT,
    )


def sample_reprint(count: int = 1) -> ReceiptDoc:
    return replace(sample_receipt(), reprint=ReprintMark(count, datetime(2026, 11, 20, 15, 2, 11)))


def sample_reversal() -> ReceiptDoc:
    """The sample cash payment reversed the same day: negative amounts, arrears restored."""
    original = sample_receipt()
    lines = tuple(
        replace(line, billed_fen=0, principal_fen=-line.principal_fen, penalty_fen=-line.penalty_fen)
        for line in original.lines
    )
    return replace(
        original,
        receipt_no=receipt_no(DEVICE, YEAR, 1251),
        lines=lines,
        due_fen=0,
        penalty_fen=-original.penalty_fen,
        amount_fen=-original.amount_fen,
        to_prepaid_fen=-original.to_prepaid_fen,
        prepaid_after_fen=0,
        arrears_after_fen=original.due_fen + original.penalty_fen,
        tendered_fen=None,
        change_fen=None,
        paid_at=datetime(2026, 11, 20, 10, 12, 40),
        reverses_receipt_no=original.receipt_no,
    )


def sample_notice(kind: NoticeKind = NoticeKind.REMINDER) -> NoticeDoc:
    lines = tuple(
        NoticeLine(period, due, (NOTICE_AS_OF - due).days, outstanding, penalty)
        for period, due, outstanding, penalty in NOTICE_PERIODS
    )
    cut_plan = kind is NoticeKind.CUT_PLAN
    return NoticeDoc(
        header=HEADER,
        kind=kind,
        notice_no=f"{'TD' if cut_plan else 'CJ'}-{DEVICE}-26110{'7' if cut_plan else '3'}",
        account_no=ACCOUNT_NO,
        holder=HOLDER,
        address=ADDRESS,
        lines=lines,
        outstanding_fen=sum(line.outstanding_fen for line in lines),
        penalty_fen=sum(line.penalty_fen for line in lines),
        as_of=NOTICE_AS_OF,
        pay_by=date(2026, 11, 27) if cut_plan else date(2026, 11, 30),
        cut_from=date(2026, 11, 28) if cut_plan else None,
        cut_to=date(2026, 11, 30) if cut_plan else None,
        issued_at=datetime(2026, 11, 20, 14, 20, 5),
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
    )


def sample_ticket(display_no: str = "A012", ahead: int = 5, wait_minutes: int = 12) -> TicketDoc:
    """A 缴费 ticket from the machine at the door: five people ahead, about twelve minutes."""
    return TicketDoc(
        header=HEADER,
        display_no=display_no,
        business_type_name="缴费",
        ahead=ahead,
        wait_minutes=wait_minutes,
        issued_at=TICKET_ISSUED_AT,
        barcode=f"T{TICKET_ISSUED_AT:%Y%m%d}{display_no.replace('-', '')}",
    )


def sample_priority_ticket(count: int = 1) -> TicketDoc:
    """A 军人依法优先 ticket for 业扩报装, reprinted at the guide desk (the first one jammed)."""
    return replace(
        sample_ticket("B003", ahead=1, wait_minutes=0),
        business_type_name="业扩报装（新装、增容）",
        priority_label="军人依法优先",
        reprint=ReprintMark(count, TICKET_REPRINT_AT),
    )


def sample_manual_ticket() -> TicketDoc:
    """Numbered by hand at guide desk 07 while the queue server is unreachable."""
    return replace(sample_ticket("07-A001", ahead=3, wait_minutes=8), manual=True)


def sample_shift_report(n_payments: int = 40) -> ShiftReport:
    """One clerk's day: ``n_payments`` lines, every 20th a reversal of an earlier one, ¥10 short."""
    payments = _shift_payments(n_payments)
    reversals = [line for line in payments if line.reverses_receipt_no]
    expected_cash = sum(line.amount_fen for line in payments if line.method is PaymentMethod.CASH)
    counted = _count_cash(expected_cash + SHIFT_CASH_SHORT_FEN if expected_cash else 0)
    counted_total = sum(count.total_fen for count in counted)
    return ShiftReport(
        header=HEADER,
        shift_no="S20261120-01",
        business_date=SHIFT_OPEN.date(),
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        device_code=DEVICE,
        opened_at=SHIFT_OPEN,
        closed_at=SHIFT_CLOSE,
        by_method=_method_totals(payments),
        payment_count=len(payments) - len(reversals),
        reversal_count=len(reversals),
        net_total_fen=sum(line.amount_fen for line in payments),
        expected_cash_fen=expected_cash,
        counted=counted,
        counted_cash_fen=counted_total,
        difference_fen=counted_total - expected_cash,
        difference_reason="找零差错，已报值班长" if counted_total != expected_cash else "",
        first_receipt_no=payments[0].receipt_no if payments else "",
        last_receipt_no=payments[-1].receipt_no if payments else "",
        reversed_receipt_nos=tuple(line.reverses_receipt_no or "" for line in reversals),
        payments=payments,
        chain_head="9f2c4e71d0b83a5f6e1c27d94b08a3f5c6d7e8f90a1b2c3d4e5f60718293a4b5",
    )


def _shift_payments(count: int) -> tuple[ShiftPaymentLine, ...]:
    rng = random.Random(20261120)
    step = (SHIFT_CLOSE - SHIFT_OPEN - timedelta(minutes=10)) / max(count, 1)
    methods = list(METHOD_WEIGHTS)
    weights = list(METHOD_WEIGHTS.values())
    lines: list[ShiftPaymentLine] = []
    for index in range(count):
        at = (SHIFT_OPEN + step * (index + 1)).replace(microsecond=0)
        number = receipt_no(DEVICE, YEAR, SHIFT_FIRST_SEQ + index)
        if (index + 1) % REVERSAL_EVERY == 0:
            original = lines[index - rng.randint(3, 9)]
            lines.append(
                ShiftPaymentLine(
                    number,
                    at,
                    original.account_no,
                    original.method,
                    -original.amount_fen,
                    original.receipt_no,
                )
            )
            continue
        account = f"33{rng.randint(0, 99_999_999):08d}"
        amount = rng.randint(30, 900) * 100 + rng.choice((0, 0, 50, rng.randint(1, 99)))
        method = rng.choices(methods, weights)[0]
        lines.append(ShiftPaymentLine(number, at, account, method, amount, None))
    return tuple(lines)


def _method_totals(payments: tuple[ShiftPaymentLine, ...]) -> tuple[MethodTotal, ...]:
    totals = []
    for method in METHOD_WEIGHTS:
        lines = [line for line in payments if line.method is method]
        if lines:
            paid = sum(1 for line in lines if not line.reverses_receipt_no)
            totals.append(MethodTotal(method, paid, sum(line.amount_fen for line in lines)))
    return tuple(totals)


def _count_cash(total_fen: int) -> tuple[CashCount, ...]:
    """Notes and coins in the drawer, largest first."""
    counts = []
    for denomination in DENOMINATIONS_FEN:
        pieces, total_fen = divmod(total_fen, denomination)
        if pieces:
            counts.append(CashCount(denomination, pieces))
    return tuple(counts)
