"""Money adds up to the fen, whatever the bills, the days and the payments (hypothesis).

Each example is one account with 1–5 random bills on a fresh copy of the demo database, then a
random run of payments (cash, WeChat, prepaid balance), days passing (the shift closed first, as
the till demands), reversals (approved at the counter or through the queue) and shift closes, and
finally the whole debt paid. After every step the database is checked against itself, against
what the service answered and what the test recorded, and every quote against an independent
recomputation of the penalty (a day-by-day loop in exact fractions).
"""

import re
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from hallapp.db.models import Account, Approval, Bill, Payment, PaymentAllocation
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused
from hallapp.domain.ids import new_id
from hallapp.domain.payments import DENOMINATIONS_FEN, AccountDue, PaymentRequest
from hallapp.domain.printouts import ShiftReport
from hallapp.domain.records import Actor
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from tests.conftest import START
from tests.core.accounts_for_tests import make_account
from tests.core.helpers import PROPERTY

TODAY = date(2026, 11, 20)  # START in the hall
# Every example writes to SQLite (~0.3 s): fewer of them, and no shrinking, which at this cost takes
# minutes (hypothesis gives up after 5). A failure prints every draw of its example; the minimal
# tests at the end of this file are such examples, cut down by hand.
WRITES = settings(
    PROPERTY,
    max_examples=40,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow],
)
METHODS = (PaymentMethod.CASH, PaymentMethod.WECHAT, PaymentMethod.PREPAID)


def period_of(days_ago: int) -> str:
    """The month billed: the one before the month the bill falls due in."""
    due = TODAY - timedelta(days=days_ago)
    year, month = (due.year, due.month - 1) if due.month > 1 else (due.year - 1, 12)
    return f"{year}{month:02d}"


BILLS = st.lists(
    st.tuples(st.integers(1, 10**7), st.integers(-20, 400)),  # (fen, days since it fell due)
    min_size=1,
    max_size=5,
    unique_by=lambda bill: period_of(bill[1]),  # one bill per month and account
)
STEPS = st.lists(
    st.sampled_from(("pay", "pay", "pay", "advance", "reverse", "close")), min_size=1, max_size=8
)


# --- the independent penalty: day by day, exact fractions, half-up ---------------------------------


def half_up(value: Fraction) -> int:
    return int((value + Fraction(1, 2)) // 1)


def expected_penalties(bills: list[Bill], history: dict, on: date, *, resident: bool, values: dict) -> dict:
    """Penalty per bill id by the rules hallapp/domain/penalty.py states, computed another way: day by day.

    ``history[bill_id]`` is a list of (business day, principal fen, penalty fen) of the
    allocations on the bill, reversals included. A non-resident day takes the current-year rate in
    the bill's own year and the prior-year rate after it. The minimum applies to the penalty the
    bills in play (owing principal or penalty, or paid on today) have accrued in all.
    """
    accrued, paid, owing = {}, {}, {}
    for bill in sorted(bills, key=lambda b: (b.due_date, b.period, b.bill_id)):
        paid_by_day = defaultdict(int)
        penalty_paid = 0
        for day, principal, penalty in history[bill.bill_id]:
            paid_by_day[day] += principal
            penalty_paid += penalty
        first = bill.due_date + timedelta(days=values["penalty.start_after_due_days"])
        payments = sorted(paid_by_day.items())
        total, owed, day = Fraction(0), bill.amount_fen, first
        while day <= on:  # owed on a day: all but what was paid on earlier days
            while payments and payments[0][0] < day:
                owed -= payments.pop(0)[1]
            if resident:
                rate = Fraction(values["penalty.resident_permille_per_day"])
            elif day.year <= int(bill.period[:4]):
                rate = Fraction(values["penalty.current_year_permille_per_day"])
            else:
                rate = Fraction(values["penalty.prior_year_permille_per_day"])
            total += owed * rate
            day += timedelta(days=1)
        accrued[bill.bill_id] = half_up(total / 1000)
        paid[bill.bill_id] = penalty_paid
        paid_today = any(day == on for day, _principal, _penalty in history[bill.bill_id])
        owing[bill.bill_id] = bill.amount_fen - sum(paid_by_day.values()) > 0 or paid_today
    in_play = [b for b in accrued if owing[b] or accrued[b] > paid[b]]
    total, minimum = sum(accrued[b] for b in in_play), values["penalty.minimum_fen"]
    if 0 < total < minimum:
        oldest = next(b for b in in_play if accrued[b])
        accrued[oldest] += minimum - total
    return {b: max(0, accrued[b] - paid[b]) for b in accrued}


# --- one example --------------------------------------------------------------------------------


_SIGNED_IN: dict[Path, tuple[Actor, Actor]] = {}


def signed_in(core: HallCore, template: Path) -> tuple[Actor, Actor]:
    """Clerk C001 and supervisor S001. Every example's file is a copy of one template, so one
    sign-in (Argon2: ~0.15 s each) serves them all."""
    if template not in _SIGNED_IN:
        _SIGNED_IN[template] = (
            core.auth.login("C001", DEMO_PASSWORD),
            core.auth.login("S001", DEMO_PASSWORD),
        )
    return _SIGNED_IN[template]


class Run:
    """The hall under test and what the test recorded of it: results, methods, the till since the
    last close, the quote each payment was taken against."""

    def __init__(
        self,
        core: HallCore,
        clock: FakeClock,
        actors: tuple[Actor, Actor],
        account_id: str,
        initial_prepaid: int,
    ) -> None:
        self.core, self.clock, self.account_id = core, clock, account_id
        self.clerk, self.supervisor = actors
        self.values = core.settings.values()
        self.initial_prepaid = initial_prepaid
        self.taken: list = []  # every PaymentResult, reversals included
        self.methods: dict[str, PaymentMethod] = {}
        self.shift_amounts: list[tuple[PaymentMethod, int]] = []  # since the last close
        self.due_before: dict[str, AccountDue] = {}  # payment id → the quote it was taken against
        self.reversed: set[str] = set()
        self.receipts_checked: set[str] = set()

    # reading

    def due(self) -> AccountDue:
        due = self.core.payments.due(self.clerk, self.account_id)
        assert all(line.penalty_fen >= 0 for line in due.lines)
        assert all(0 < line.outstanding_fen <= line.amount_fen or line.penalty_fen > 0 for line in due.lines)
        with self.core.db.read() as s:
            bills = list(s.scalars(select(Bill).where(Bill.account_id == self.account_id)))
            rows = s.execute(
                select(PaymentAllocation, Payment.business_date)
                .join(Payment, Payment.payment_id == PaymentAllocation.payment_id)
                .where(Payment.account_id == self.account_id)
            ).all()
        history = defaultdict(list)
        for part, day in rows:
            history[part.bill_id].append((day, part.principal_fen, part.penalty_fen))
        wanted = expected_penalties(
            bills, history, self.clock.business_date(), resident=due.resident, values=self.values
        )
        listed = {
            b.bill_id: wanted[b.bill_id] for b in bills if b.paid_fen < b.amount_fen or wanted[b.bill_id]
        }
        assert {line.bill_id: line.penalty_fen for line in due.lines} == listed
        return due

    # acting

    def pay(
        self, due: AccountDue, amount: int, method: PaymentMethod, extra_cash: int = 0, reference: str = ""
    ) -> None:
        """Take ``amount`` against ``due``, the quote the clerk has on screen (from ``self.due()``)."""
        self.clock.advance(minutes=1)
        result = self.core.payments.take(
            self.clerk,
            PaymentRequest(
                request_id=new_id(),
                account_id=self.account_id,
                amount_fen=amount,
                method=method,
                expected_due_fen=due.total_fen,
                reference=reference,
                tendered_fen=amount + extra_cash if method is PaymentMethod.CASH else None,
            ),
        )
        assert not result.replayed
        applied = min(amount, due.total_fen)
        assert result.to_prepaid_fen == amount - applied  # every fen on a bill until nothing is owed
        assert 0 <= result.penalty_fen <= due.penalty_fen
        assert result.change_fen == (extra_cash if method is PaymentMethod.CASH else None)
        after = self.due()
        # Same day, nothing else happened: what is owed went down by exactly what was applied, and
        # the receipt's 尚欠 is what the next quote says.
        assert after.total_fen == due.total_fen - applied, "a payment changed the debt by more than it paid"
        assert result.arrears_after_fen == after.total_fen
        self._took(result, method)
        self.due_before[result.payment_id] = due

    def reverse(self, payment_id: str, *, at_counter: bool) -> None:
        """With the supervisor's password at the counter, or through the approval queue."""
        self.clock.advance(minutes=1)
        with self.core.db.read() as s:
            original = s.get(Payment, payment_id)
            prepaid = s.get(Account, self.account_id).prepaid_fen
        back = prepaid - original.to_prepaid_fen
        back += original.amount_fen if original.method == PaymentMethod.PREPAID.value else 0
        try:
            if at_counter:
                result = self.core.reversals.reverse(
                    self.clerk,
                    payment_id,
                    request_id=new_id(),
                    reason="金额输错",
                    supervisor_staff_no="S001",
                    supervisor_password=DEMO_PASSWORD,
                )
            else:
                approval_id = self.core.reversals.request(self.clerk, payment_id, "户号输错")
                with self.core.db.read() as s:  # approved already if an earlier try was refused
                    pending = s.get(Approval, approval_id).status == "pending"
                if pending:
                    self.core.reversals.decide(self.supervisor, approval_id, approve=True, note="")
                result = self.core.reversals.reverse(
                    self.clerk, payment_id, request_id=new_id(), approval_id=approval_id
                )
        except ActionRefused as exc:  # its prepayment was spent since: refused, and only then
            assert (exc.reason, back < 0) == ("prepaid_used", True)
            return
        assert back >= 0
        assert (result.amount_fen, result.penalty_fen, result.to_prepaid_fen, result.prepaid_after_fen) == (
            -original.amount_fen,
            -original.penalty_fen,
            -original.to_prepaid_fen,
            back,
        )
        self.reversed.add(payment_id)
        self._took(result, PaymentMethod(original.method))
        if payment_id == self.taken[-2].payment_id:  # undone the last thing: owed as before it
            assert self.due().total_fen == self.due_before[payment_id].total_fen

    def close_shift(self) -> None:
        if self.core.shifts.current(self.clerk) is None:
            return
        self.clock.advance(minutes=1)
        expected_cash = sum(fen for method, fen in self.shift_amounts if method is PaymentMethod.CASH)
        counted, left = {}, max(expected_cash, 0)
        for denomination in DENOMINATIONS_FEN:
            counted[denomination], left = divmod(left, denomination)
        short = expected_cash != sum(d * n for d, n in counted.items())
        report = self.core.shifts.close(self.clerk, counted, "零头不足一角" if short else "")
        self._check_report(report, expected_cash)
        self.shift_amounts = []

    def advance(self, days: int, *, try_first: bool) -> None:
        if try_first and self.core.shifts.current(self.clerk) is not None:
            # The next morning, yesterday's shift still open: refused, nothing written.
            self.clock.advance(days=days)
            due = self.core.payments.due(self.clerk, self.account_id)
            with pytest.raises(ActionRefused) as exc:
                self.core.payments.take(
                    self.clerk,
                    PaymentRequest(
                        new_id(), self.account_id, 100, PaymentMethod.CASH, due.total_fen, tendered_fen=100
                    ),
                )
            assert exc.value.reason == "earlier_shift_open"
            self.clock.advance(days=-days)
        self.close_shift()
        self.clock.advance(days=days)

    def _took(self, result, method: PaymentMethod) -> None:  # type: ignore[no-untyped-def]
        self.taken.append(result)
        self.methods[result.payment_id] = method
        self.shift_amounts.append((method, result.amount_fen))

    # checking

    def check(self) -> None:
        with self.core.db.read() as s:
            payments = list(s.scalars(select(Payment).where(Payment.account_id == self.account_id)))
            parts = list(
                s.scalars(
                    select(PaymentAllocation).where(
                        PaymentAllocation.payment_id.in_([p.payment_id for p in payments])
                    )
                )
            )
            bills = list(s.scalars(select(Bill).where(Bill.account_id == self.account_id)))
            prepaid = s.get(Account, self.account_id).prepaid_fen
        by_payment = defaultdict(list)
        for part in parts:
            by_payment[part.payment_id].append(part)
        assert sorted(p.payment_id for p in payments) == sorted(r.payment_id for r in self.taken)
        results = {r.payment_id: r for r in self.taken}
        for p in payments:
            mine = by_payment[p.payment_id]
            assert sum(a.principal_fen + a.penalty_fen for a in mine) + p.to_prepaid_fen == p.amount_fen
            assert p.penalty_fen == sum(a.penalty_fen for a in mine)
            assert p.method == self.methods[p.payment_id].value
            r = results[p.payment_id]
            assert (r.receipt_no, r.amount_fen, r.penalty_fen, r.to_prepaid_fen) == (
                p.receipt_no,
                p.amount_fen,
                p.penalty_fen,
                p.to_prepaid_fen,
            )
            if p.reverses_payment_id is None:
                assert p.amount_fen > 0 and p.penalty_fen >= 0 and p.to_prepaid_fen >= 0
                assert all(a.principal_fen >= 0 and a.penalty_fen >= 0 for a in mine)
            else:
                original = {
                    a.bill_id: (a.principal_fen, a.penalty_fen) for a in by_payment[p.reverses_payment_id]
                }
                assert {a.bill_id: (-a.principal_fen, -a.penalty_fen) for a in mine} == original
            if p.payment_id not in self.receipts_checked:  # a receipt never changes: read each once
                self._check_receipt(p, mine)
                self.receipts_checked.add(p.payment_id)
        principal = defaultdict(int)
        for part in parts:
            principal[part.bill_id] += part.principal_fen
        for bill in bills:
            assert 0 <= bill.paid_fen <= bill.amount_fen
            assert bill.paid_fen == principal[bill.bill_id]
        spent = sum(p.amount_fen for p in payments if p.method == PaymentMethod.PREPAID.value)
        assert prepaid == self.initial_prepaid + sum(p.to_prepaid_fen for p in payments) - spent >= 0
        if self.taken:
            assert self.taken[-1].prepaid_after_fen == prepaid

    def _check_receipt(self, p: Payment, parts: list) -> None:  # type: ignore[type-arg]
        doc = self.core.payments.receipt_doc(self.clerk, p.payment_id)
        assert (doc.receipt_no, doc.amount_fen, doc.penalty_fen, doc.to_prepaid_fen) == (
            p.receipt_no,
            p.amount_fen,
            p.penalty_fen,
            p.to_prepaid_fen,
        )
        assert (doc.due_fen, doc.arrears_after_fen, doc.prepaid_after_fen) == (
            p.owed_before_fen,
            p.owed_after_fen,
            p.prepaid_after_fen,
        )
        assert sum(line.principal_fen for line in doc.lines) == sum(a.principal_fen for a in parts)
        assert sum(line.penalty_fen for line in doc.lines) == doc.penalty_fen
        assert (
            sum(line.principal_fen + line.penalty_fen for line in doc.lines) + doc.to_prepaid_fen
            == doc.amount_fen
        )
        if doc.tendered_fen is not None:
            assert doc.change_fen == doc.tendered_fen - doc.amount_fen >= 0

    def _check_report(self, report: ShiftReport, expected_cash: int) -> None:
        with self.core.db.read() as s:
            rows = list(
                s.scalars(
                    select(Payment).where(Payment.receipt_no.in_([x.receipt_no for x in report.payments]))
                )
            )
        assert len({r.shift_id for r in rows}) == 1  # one shift, and the report lists all of it
        net = sum(fen for _, fen in self.shift_amounts)
        assert report.net_total_fen == net == sum(r.amount_fen for r in rows)
        assert report.net_total_fen == sum(m.total_fen for m in report.by_method)
        assert report.net_total_fen == sum(line.amount_fen for line in report.payments)
        assert len(report.payments) == len(self.shift_amounts) == report.payment_count + report.reversal_count
        assert report.expected_cash_fen == expected_cash
        for m in report.by_method:
            assert m.total_fen == sum(fen for method, fen in self.shift_amounts if method is m.method)
        assert report.difference_fen == report.counted_cash_fen - report.expected_cash_fen
        assert report.counted_cash_fen == sum(c.total_fen for c in report.counted)


@WRITES
@given(
    bills=BILLS,
    commercial=st.booleans(),
    initial_prepaid=st.one_of(st.just(0), st.integers(1, 10**6)),
    steps=STEPS,
    data=st.data(),
)
def test_money_adds_up_to_the_fen(
    demo_template: Path, bills, commercial, initial_prepaid, steps, data
) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hall.sqlite"
        shutil.copy(demo_template, path)
        clock = FakeClock(START)
        core = HallCore.open(path, clock=clock)
        try:
            account_id = make_account(
                core,
                [(period_of(ago), fen, TODAY - timedelta(days=ago)) for fen, ago in bills],
                tariff="commercial" if commercial else "resident",
                prepaid_fen=initial_prepaid,
            )
            run = Run(core, clock, signed_in(core, demo_template), account_id, initial_prepaid)
            _play(run, steps, data)
            _settle_everything(run, data)
        finally:
            core.close()


def _play(run: Run, steps: list[str], data) -> None:  # type: ignore[no-untyped-def]
    for step in steps:
        if step == "pay":
            due = run.due()
            prepaid = due.prepaid_fen
            methods = [
                m for m in METHODS if m is not PaymentMethod.PREPAID or min(prepaid, due.total_fen) > 0
            ]
            method = data.draw(st.sampled_from(methods), label="method")
            if method is PaymentMethod.PREPAID:
                top = min(prepaid, due.total_fen)
            else:
                top = min(max(2 * due.total_fen, 1000), run.values["payments.max_amount_fen"])
            amount = data.draw(st.integers(1, top), label="amount")
            if method is PaymentMethod.CASH:
                run.pay(due, amount, method, extra_cash=data.draw(st.integers(0, 10_000), label="extra cash"))
            elif method is PaymentMethod.WECHAT:  # what the scanner reads off a WeChat payment code
                code = data.draw(st.integers(0, 10**16 - 1), label="payment code")
                run.pay(due, amount, method, reference=f"13{code:016d}")
            else:
                run.pay(due, amount, method)
        elif step == "advance":
            days = data.draw(st.integers(1, 45), label="days")
            run.advance(days, try_first=data.draw(st.booleans(), label="try before closing"))
        elif step == "reverse":
            today = run.clock.business_date()
            with run.core.db.read() as s:
                candidates = list(
                    s.scalars(
                        select(Payment.payment_id)
                        .where(
                            Payment.account_id == run.account_id,
                            Payment.business_date == today,
                            Payment.reverses_payment_id.is_(None),
                        )
                        .order_by(Payment.paid_at)
                    )
                )
            candidates = [c for c in candidates if c not in run.reversed]
            if candidates:
                run.reverse(
                    data.draw(st.sampled_from(candidates), label="reversed"),
                    at_counter=data.draw(st.booleans(), label="approved at the counter"),
                )
        else:
            run.close_shift()
        run.check()


def _settle_everything(run: Run, data) -> None:  # type: ignore[no-untyped-def]
    due = run.due()
    if due.total_fen:
        run.pay(due, due.total_fen, PaymentMethod.CASH)
    run.check()
    again = run.due()
    assert again.total_fen == 0 and again.lines == ()  # settled bills carry no penalty the same day
    run.close_shift()
    run.clock.advance(days=data.draw(st.integers(1, 60), label="days after"))
    assert run.due().total_fen == 0  # nor later: a settled penalty never comes back


# --- what the property test found (minimal cases) ------------------------------------------------


def test_a_part_payment_does_not_lower_the_minimum_penalty(core, clerk) -> None:
    """¥50 due 11-12: 8 days × 1‰ = ¥0.40, raised to the ¥1 minimum: ¥51.00 owed. Paying 1 fen
    leaves ¥50.99, as the receipt says (尚欠) — the next quote must not say ¥50.39."""
    account_id = make_account(core, [("202610", 5000, date(2026, 11, 12))])
    due = core.payments.due(clerk, account_id)
    assert (due.penalty_fen, due.total_fen) == (100, 5100)
    result = core.payments.take(
        clerk, PaymentRequest(new_id(), account_id, 1, PaymentMethod.CASH, due.total_fen, tendered_fen=1)
    )
    assert result.arrears_after_fen == 5099
    assert core.payments.due(clerk, account_id).total_fen == 5099


def test_a_bill_settled_in_december_owes_nothing_in_january(core, clerk, clock) -> None:
    """A commercial bill paid in full with its penalty (8 days × 2‰ × ¥100 = ¥1.60) in November
    must not show a penalty again after New Year."""
    account_id = make_account(core, [("202610", 10000, date(2026, 11, 12))], tariff="commercial")
    due = core.payments.due(clerk, account_id)
    assert due.total_fen == 10160
    core.payments.take(
        clerk, PaymentRequest(new_id(), account_id, 10160, PaymentMethod.CASH, 10160, tendered_fen=10160)
    )
    assert core.payments.due(clerk, account_id).total_fen == 0
    clock.advance(days=40)  # 2026-12-30
    assert core.payments.due(clerk, account_id).total_fen == 0
    clock.advance(days=10)  # 2027-01-09
    assert core.payments.due(clerk, account_id).lines == ()


# --- what bench/payments.py found ----------------------------------------------------------------

BIG_TABLES = ("payment", "payment_allocation", "bill", "account")  # grow with the hall's history


def full_scans(core: HallCore, call) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(plan line, statement) for every SELECT ``call`` runs that reads a big table end to end."""
    statements: list[tuple[str, object]] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(core.db.engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(core.db.engine, "before_cursor_execute", seen)
    conn = sqlite3.connect(core.db.path)
    try:
        return [
            (plan[-1], " ".join(statement.split())[:160])
            for statement, parameters in statements
            if statement.lstrip().upper().startswith("SELECT")
            for plan in conn.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            if re.fullmatch(rf"SCAN ({'|'.join(BIG_TABLES)})( .*)?", plan[-1])
        ]
    finally:
        conn.close()


def _paid_account(core, clerk) -> str:  # type: ignore[no-untyped-def]
    account_id = make_account(
        core, [("202609", 10000, date(2026, 10, 12)), ("202610", 20000, date(2026, 11, 12))]
    )
    pay = PaymentRequest(new_id(), account_id, 10000, PaymentMethod.CASH, 30550, tendered_fen=10000)
    core.payments.take(clerk, pay)  # payment history to read, and an open shift
    return account_id


def test_what_is_owed_is_read_through_indexes_not_by_scanning_every_payment(core, clerk) -> None:
    """``due()`` runs before every payment and again inside ``take()``: each of its statements must
    reach the account's rows through an index. A full scan of a big table costs time in proportion
    to the whole hall's history (1,170,000 payments at 1,000,000 accounts: ~180 ms per quote)."""
    account_id = _paid_account(core, clerk)
    assert full_scans(core, lambda: core.payments.due(clerk, account_id)) == []


def test_the_till_is_read_through_an_index_not_by_scanning_every_payment(core, clerk) -> None:
    """The till's running totals (``shifts.current``, asked by the payment page after each payment)
    and the day-end close select the shift's payments by ``shift_id``: at 1,000,000 accounts a scan
    costs ~220 ms per statement, the close ~0.8 s. (The demo's 1.17M pulled payments have no
    shift, so a plain index on ``shift_id`` looks useless to the planner: it needs to be partial,
    ``WHERE shift_id IS NOT NULL``, or the statistics must say otherwise.)"""
    _paid_account(core, clerk)
    assert full_scans(core, lambda: core.shifts.current(clerk)) == []
    assert full_scans(core, lambda: core.shifts.close(clerk, {10000: 1})) == []
