"""The open shift's payments as the till page lists them: in order, reversals marked both ways."""

import pytest

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import PermissionDenied
from hallapp.services.shift_service import TillLine
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_payment_service import TWO_BILLS
from tests.core.test_reversal_service import at_counter


def test_lists_the_open_shift_in_receipt_order_with_reversals(core, clerk, clock) -> None:
    assert core.shifts.payments(clerk) == []
    account_id = make_account(core, TWO_BILLS)
    first = pay(core, clerk, account_id, 10000)
    clock.advance(minutes=1)
    second = pay(core, clerk, account_id, 5000, method="wechat", reference="134567890123456789")
    clock.advance(minutes=1)
    reversal = at_counter(core, clerk, first.payment_id)
    lines = core.shifts.payments(clerk)
    assert all(isinstance(line, TillLine) for line in lines)
    assert [(x.receipt_no, x.amount_fen, x.method) for x in lines] == [
        (first.receipt_no, 10000, PaymentMethod.CASH),
        (second.receipt_no, 5000, PaymentMethod.WECHAT),
        (reversal.receipt_no, -10000, PaymentMethod.CASH),
    ]
    assert [x.payment_id for x in lines] == [first.payment_id, second.payment_id, reversal.payment_id]
    assert [x.reversed_by_receipt_no for x in lines] == [reversal.receipt_no, None, None]
    assert [x.reverses_receipt_no for x in lines] == [None, None, first.receipt_no]
    account_no = core.payments.due(clerk, account_id).account_no
    assert {x.account_no for x in lines} == {account_no}
    assert (lines[0].at.tzinfo, lines[0].at.hour, lines[0].at.minute) == (None, 9, 30)  # hall time, 01:30 UTC
    assert sum(x.amount_fen for x in lines) == core.shifts.current(clerk).totals.net_total_fen


def test_only_the_clerks_own_open_shift(core, clerk) -> None:
    from hallapp.demo.reference import DEMO_PASSWORD

    account_id = make_account(core, TWO_BILLS)
    pay(core, clerk, account_id, 1000)
    other = core.auth.login("C002", DEMO_PASSWORD)
    assert core.shifts.payments(other) == []
    core.shifts.close(clerk, {500: 2})
    assert core.shifts.payments(clerk) == []  # closed: the next payment opens a new shift
    later = pay(core, clerk, account_id, 700)
    assert [x.receipt_no for x in core.shifts.payments(clerk)] == [later.receipt_no]


def test_needs_the_payment_permission(core, supervisor) -> None:
    with pytest.raises(PermissionDenied):
        core.shifts.payments(supervisor)
