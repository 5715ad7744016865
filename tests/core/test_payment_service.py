"""Taking payments: hand-computed penalties, allocation, prepayment, idempotency, refusals."""

from datetime import date

import pytest
from sqlalchemy import func, select

from hallapp.db.models import Account, Bill, NumberSeries, Outbox, Payment, PaymentAllocation, Shift
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused, InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import is_valid_receipt_no
from hallapp.domain.payments import PaymentRequest
from tests.core.accounts_for_tests import make_account, pay
from tests.core.helpers import audit_rows, count_rows, outbox_rows

# Today is 2026-11-20 in the hall. 202609: ¥100 due 10-12 → 39 penalty days; 202610: ¥200 due 11-12 → 8.
TWO_BILLS = [("202609", 10000, date(2026, 10, 12)), ("202610", 20000, date(2026, 11, 12))]


def snapshot(core) -> tuple:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Payment)),
            s.scalar(select(func.count()).select_from(PaymentAllocation)),
            s.scalar(select(func.count()).select_from(Outbox)),
            s.scalar(select(func.sum(Bill.paid_fen))),
            s.scalar(select(func.sum(Account.prepaid_fen))),
            s.scalar(select(NumberSeries.next_value).where(NumberSeries.series == "receipt")),
            s.scalar(select(func.count()).select_from(Shift)),
        )


def test_what_is_owed_with_resident_penalty_per_bill(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    due = core.payments.due(clerk, account_id)
    assert [(x.period, x.days_overdue, x.penalty_fen) for x in due.lines] == [
        ("202609", 39, 390),
        ("202610", 8, 160),
    ]
    assert (due.principal_fen, due.penalty_fen, due.total_fen) == (30000, 550, 30550)


def test_non_resident_rates_by_bill_year(core, clerk) -> None:
    bills = [("202512", 10000, date(2026, 1, 12)), ("202609", 10000, date(2026, 10, 12))]
    account_id = make_account(core, bills, tariff="commercial")
    due = core.payments.due(clerk, account_id)
    # 2025 bill: 312 days × 3‰ × ¥100 = ¥93.60; 2026 bill: 39 days × 2‰ × ¥100 = ¥7.80
    assert [x.penalty_fen for x in due.lines] == [9360, 780]


def test_full_cash_payment_settles_bills_and_shows_change(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    result = pay(core, clerk, account_id, 30550, tendered_fen=40000)
    assert is_valid_receipt_no(result.receipt_no)
    assert (result.penalty_fen, result.change_fen, result.arrears_after_fen) == (550, 9450, 0)
    assert core.payments.due(clerk, account_id).lines == ()
    assert len(outbox_rows(core, "payment.record")) == 1
    assert [a.target for a in audit_rows(core, "payment.take")] == [result.receipt_no]


def test_partial_payment_goes_to_the_oldest_penalty_first_and_is_never_charged_twice(
    core, clerk, clock
) -> None:
    account_id = make_account(core, TWO_BILLS)
    first = pay(core, clerk, account_id, 5000)
    assert first.penalty_fen == 390  # the oldest bill's penalty, then ¥46.10 of its principal
    due = core.payments.due(clerk, account_id)
    assert [(x.outstanding_fen, x.penalty_fen) for x in due.lines] == [(5390, 0), (20000, 160)]
    clock.advance(days=1)
    due = core.payments.due(clerk, account_id)
    # day 40 runs on the ¥53.90 still owed: 5390 × 40 + 4610 × 39 = 395,390 fen·days × 1‰ = 395 fen − 390 paid
    assert due.lines[0].penalty_fen == 5


def test_penalty_after_principal_when_the_setting_says_so(core, clerk, admin) -> None:
    core.settings.update(admin, {"penalty.before_principal": False})
    account_id = make_account(core, TWO_BILLS)
    result = pay(core, clerk, account_id, 10000)
    assert result.penalty_fen == 0
    assert core.payments.due(clerk, account_id).lines[0].period == "202609"  # its penalty is still owed


def test_overpayment_is_kept_as_prepayment_and_can_pay_later(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    result = pay(core, clerk, account_id, 40000)
    assert (result.to_prepaid_fen, result.prepaid_after_fen) == (9450, 9450)
    later = make_account(core, [("202610", 5000, date(2026, 11, 12))], prepaid_fen=10000)
    used = pay(core, clerk, later, 5100, method="prepaid")  # ¥50 + 8 days × 1‰ = ¥0.40, minimum ¥1 → ¥51
    assert (used.penalty_fen, used.to_prepaid_fen, used.prepaid_after_fen, used.arrears_after_fen) == (
        100,
        0,
        4900,
        0,
    )


def test_minimum_penalty_of_one_yuan(core, clerk) -> None:
    account_id = make_account(core, [("202610", 5000, date(2026, 11, 12))])
    due = core.payments.due(clerk, account_id)
    assert due.penalty_fen == 100  # ¥0.40 raised to the ¥1 minimum


def test_prepaid_refusals(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS, prepaid_fen=1000)
    rich = make_account(core, [("202610", 5000, date(2026, 11, 12))], prepaid_fen=100000)
    before = snapshot(core)
    with pytest.raises(ActionRefused) as exc:
        pay(core, clerk, account_id, 2000, method="prepaid")
    assert exc.value.reason == "prepaid_insufficient"
    with pytest.raises(ActionRefused) as exc:
        pay(core, clerk, rich, 90000, method="prepaid")
    assert exc.value.reason == "prepaid_more_than_due"
    assert snapshot(core) == before


def test_the_same_click_twice_takes_one_payment(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    request_id = new_id()
    first = pay(core, clerk, account_id, 30550, request_id=request_id)
    second = pay(core, clerk, account_id, 30550, request_id=request_id, expected_due_fen=30550)
    assert second.replayed and second.receipt_no == first.receipt_no
    assert count_rows(core, Payment) == 1 + _demo_payments(core) - 1
    with pytest.raises(ActionRefused) as exc:
        pay(core, clerk, account_id, 100, request_id=request_id, expected_due_fen=0)
    assert exc.value.reason == "request_reused"


def _demo_payments(core) -> int:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return s.scalar(select(func.count()).select_from(Payment))


def test_changed_dues_are_refused_and_nothing_is_written(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    before = snapshot(core)
    with pytest.raises(ActionRefused) as exc:
        pay(core, clerk, account_id, 30550, expected_due_fen=30000)  # paid meanwhile on another PC
    assert exc.value.reason == "dues_changed"
    assert snapshot(core) == before


def test_closed_account_is_refused(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS, status="closed")
    with pytest.raises(ActionRefused) as exc:
        pay(core, clerk, account_id, 1000)
    assert exc.value.reason == "account_closed"


@pytest.mark.parametrize(
    ("amount", "method", "kw", "field", "reason"),
    [
        (0, "cash", {}, "amount", "not_positive"),
        (-100, "cash", {}, "amount", "not_positive"),
        (10**12, "cash", {}, "amount", "too_large"),
        (1000, "cash", {"tendered_fen": 999}, "tendered", "less_than_amount"),
        (1000, "card", {}, "reference", "empty"),
        (1000, "card", {"reference": "12"}, "reference", "bad_card_reference"),
        (1000, "wechat", {"reference": "2812345678901234567"}, "reference", "bad_wechat_reference"),
        (1000, "alipay", {"reference": "131234567890123456"}, "reference", "bad_alipay_reference"),
        (1000, "wechat", {"reference": "13\x0012345678901234"}, "reference", "control_chars"),
    ],
)
def test_bad_input_changes_nothing(core, clerk, amount, method, kw, field, reason) -> None:  # type: ignore[no-untyped-def]
    account_id = make_account(core, TWO_BILLS)
    before = snapshot(core)
    with pytest.raises(InvalidInput) as exc:
        pay(core, clerk, account_id, amount, method=method, **kw)
    assert (exc.value.field, exc.value.reason) == (field, reason)
    assert snapshot(core) == before


def test_wallet_and_card_references_are_kept(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    result = pay(core, clerk, account_id, 1000, method="wechat", reference="１３4567890123456789")
    with core.db.read() as s:
        assert s.get(Payment, result.payment_id).reference == "134567890123456789"
    assert pay(core, clerk, account_id, 1000, method="alipay", reference="281234567890123456").receipt_no


def test_only_clerks_take_payments(core, guide, supervisor, admin) -> None:
    account_id = make_account(core, TWO_BILLS)
    for actor in (guide, supervisor, admin):
        with pytest.raises(PermissionDenied):
            core.payments.take(
                actor,
                PaymentRequest(new_id(), account_id, 1000, PaymentMethod.CASH, 30550, tendered_fen=1000),
            )


def test_receipt_numbers_are_gap_free_with_a_check_digit(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    numbers = [pay(core, clerk, account_id, 100).receipt_no for _ in range(5)]
    seqs = [int(n.split("-")[1][2:9]) for n in numbers]
    assert seqs == list(range(seqs[0], seqs[0] + 5))
    assert all(n.startswith(core.device.device_code + "-26") and is_valid_receipt_no(n) for n in numbers)


def test_receipt_doc_reads_the_committed_payment_and_marks_reprints(core, clerk, clock) -> None:
    account_id = make_account(core, TWO_BILLS)
    result = pay(core, clerk, account_id, 30550, tendered_fen=31000)
    doc = core.payments.receipt_doc(clerk, result.payment_id)
    assert (doc.receipt_no, doc.amount_fen, doc.penalty_fen, doc.due_fen) == (
        result.receipt_no,
        30550,
        550,
        30000,
    )
    assert [(x.period, x.billed_fen, x.principal_fen, x.penalty_fen) for x in doc.lines] == [
        ("202609", 10000, 10000, 390),
        ("202610", 20000, 20000, 160),
    ]
    assert (doc.tendered_fen, doc.change_fen, doc.arrears_after_fen, doc.reprint) == (31000, 450, 0, None)
    assert doc.paid_at.hour == 9  # hall time, UTC+8
    core.payments.record_print(clerk, result.payment_id)
    assert audit_rows(core, "receipt.reprint") == []
    clock.advance(minutes=5)
    again = core.payments.receipt_doc(clerk, result.payment_id)
    assert again.reprint is not None and again.reprint.count == 1
    core.payments.record_print(clerk, result.payment_id)
    assert [a.target for a in audit_rows(core, "receipt.reprint")] == [result.receipt_no]


def test_paying_one_bill_today_does_not_raise_the_rest_to_the_minimum(core, clerk, clock) -> None:
    # ¥200 39 days late (¥7.80) and ¥50 8 days late (¥0.40): together well over the ¥1 minimum
    bills = [("202609", 20000, date(2026, 10, 12)), ("202610", 5000, date(2026, 11, 12))]
    account_id = make_account(core, bills)
    before = core.payments.due(clerk, account_id).total_fen
    result = pay(core, clerk, account_id, 20780)
    assert (
        core.payments.due(clerk, account_id).total_fen == before - 20780 == result.arrears_after_fen == 5040
    )
    clock.advance(days=1)  # another day, another charge: the ¥50 bill alone now meets the minimum
    assert core.payments.due(clerk, account_id).penalty_fen == 100
