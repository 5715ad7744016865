"""Shift close (日结/轧账): totals by method, counted cash, closing once, the report agrees."""

import pytest

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused, InvalidInput
from tests.core.accounts_for_tests import make_account, pay
from tests.core.helpers import outbox_rows
from tests.core.test_payment_service import TWO_BILLS
from tests.core.test_reversal_service import at_counter


def test_running_totals_and_close_with_the_report(core, clerk) -> None:
    assert core.shifts.current(clerk) is None
    a = make_account(core, TWO_BILLS)
    pay(core, clerk, a, 10000, tendered_fen=10000)
    pay(core, clerk, a, 5000, method="wechat", reference="134567890123456789")
    wrong = pay(core, clerk, a, 2000)
    at_counter(core, clerk, wrong.payment_id)
    view = core.shifts.current(clerk)
    assert view is not None
    totals = view.totals
    assert (totals.payment_count, totals.reversal_count, totals.net_total_fen, totals.expected_cash_fen) == (
        3,
        1,
        15000,
        10000,
    )
    assert {m.method: (m.count, m.total_fen) for m in totals.by_method} == {
        PaymentMethod.CASH: (2, 10000),
        PaymentMethod.WECHAT: (1, 5000),
    }
    report = core.shifts.close(clerk, {10000: 1})
    assert (report.expected_cash_fen, report.counted_cash_fen, report.difference_fen) == (10000, 10000, 0)
    assert report.reversed_receipt_nos == (wrong.receipt_no,)
    assert report.first_receipt_no == report.payments[0].receipt_no
    assert report.last_receipt_no == report.payments[-1].receipt_no
    assert sum(p.amount_fen for p in report.payments) == report.net_total_fen
    [close_op] = outbox_rows(core, "shift.close")
    assert '"net_total_fen":15000' in close_op.payload
    assert core.shifts.report(clerk, close_op.entity_id).net_total_fen == 15000


def test_closing_twice_is_refused_and_the_next_payment_opens_a_new_shift(core, clerk) -> None:
    a = make_account(core, TWO_BILLS)
    pay(core, clerk, a, 1000)
    first = core.shifts.close(clerk, {500: 2})
    with pytest.raises(ActionRefused) as exc:
        core.shifts.close(clerk, {})
    assert exc.value.reason == "no_open_shift"
    pay(core, clerk, a, 700)
    view = core.shifts.current(clerk)
    assert view is not None and view.totals.net_total_fen == 700
    assert first.net_total_fen == 1000  # the closed shift took nothing more


def test_a_difference_needs_a_reason(core, clerk) -> None:
    pay(core, clerk, make_account(core, TWO_BILLS), 1000)
    with pytest.raises(InvalidInput) as exc:
        core.shifts.close(clerk, {500: 1})
    assert exc.value.field == "difference_reason"
    report = core.shifts.close(clerk, {500: 1}, "少收伍元，已登记")
    assert (report.difference_fen, report.difference_reason) == (-500, "少收伍元，已登记")


@pytest.mark.parametrize("counted", [{3: 1}, {100: -1}, {100: 10**9}, {100: 1.5}])
def test_bad_cash_counts(core, clerk, counted) -> None:  # type: ignore[no-untyped-def]
    pay(core, clerk, make_account(core, TWO_BILLS), 1000)
    with pytest.raises(InvalidInput):
        core.shifts.close(clerk, counted)
    assert core.shifts.current(clerk) is not None


def test_yesterdays_open_shift_must_be_closed_first(core, clerk, clock) -> None:
    a = make_account(core, TWO_BILLS)
    pay(core, clerk, a, 1000)
    clock.advance(days=1)
    with pytest.raises(ActionRefused) as exc:
        pay(core, clerk, a, 1000)
    assert exc.value.reason == "earlier_shift_open"
    core.shifts.close(clerk, {100: 10})
    assert pay(core, clerk, a, 1000).receipt_no
