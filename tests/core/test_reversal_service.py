"""Reversals (冲正): same day, supervisor's approval at the counter or from the queue, a new fact."""

from datetime import date

import pytest
from sqlalchemy import update

from hallapp.db.models import Account
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import ActionRefused, ApprovalRequired, LoginFailed, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import is_valid_receipt_no
from tests.core.accounts_for_tests import make_account, pay
from tests.core.helpers import audit_rows, outbox_rows
from tests.core.test_payment_service import TWO_BILLS, snapshot


def at_counter(core, clerk, payment_id: str, **kw):  # type: ignore[no-untyped-def]
    return core.reversals.reverse(
        clerk,
        payment_id,
        request_id=kw.pop("request_id", new_id()),
        reason=kw.pop("reason", "金额输错"),
        supervisor_staff_no=kw.pop("staff_no", "S001"),
        supervisor_password=kw.pop("password", DEMO_PASSWORD),
    )


def test_counter_approval_reverses_as_a_new_negative_payment(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    paid = pay(core, clerk, account_id, 40000)
    reversal = at_counter(core, clerk, paid.payment_id)
    assert reversal.amount_fen == -40000 and reversal.receipt_no != paid.receipt_no
    assert is_valid_receipt_no(reversal.receipt_no)
    due = core.payments.due(clerk, account_id)
    assert (due.total_fen, due.prepaid_fen) == (30550, 0)
    doc = core.payments.receipt_doc(clerk, reversal.payment_id)
    assert doc.reverses_receipt_no == paid.receipt_no and doc.amount_fen == -40000
    assert [r.reversed for r in core.accounts.open(clerk, account_id).payments] == [False, True]
    assert len(outbox_rows(core, "payment.reverse")) == 1
    [event] = audit_rows(core, "payment.reverse")
    assert event.target == reversal.receipt_no


def test_a_clerk_alone_cannot_reverse(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    paid = pay(core, clerk, account_id, 30550)
    before = snapshot(core)
    with pytest.raises(ApprovalRequired):
        core.reversals.reverse(clerk, paid.payment_id, request_id=new_id(), reason="x")
    with pytest.raises(LoginFailed):
        at_counter(core, clerk, paid.payment_id, password="wrong-password")
    with pytest.raises(PermissionDenied):
        at_counter(core, clerk, paid.payment_id, staff_no="C002")  # another clerk is no approver
    after = snapshot(core)
    assert after[:2] + after[3:] == before[:2] + before[3:]  # only the audit of the sign-in attempts grew
    assert [e.action for e in audit_rows(core)][-2:] == ["approval.sign.failed", "approval.sign"]


def test_reversal_needs_a_reason(core, clerk) -> None:
    from hallapp.domain.errors import InvalidInput

    account_id = make_account(core, TWO_BILLS)
    paid = pay(core, clerk, account_id, 30550)
    with pytest.raises(InvalidInput) as exc:
        at_counter(core, clerk, paid.payment_id, reason="  ")
    assert exc.value.field == "reason"


def test_no_reversal_of_a_reversal_twice_or_of_yesterday(core, clerk, clock) -> None:
    account_id = make_account(core, TWO_BILLS)
    paid = pay(core, clerk, account_id, 30550)
    reversal = at_counter(core, clerk, paid.payment_id)
    for target, reason in (
        (reversal.payment_id, "reversal_of_reversal"),
        (paid.payment_id, "already_reversed"),
    ):
        with pytest.raises(ActionRefused) as exc:
            at_counter(core, clerk, target)
        assert exc.value.reason == reason
    other = pay(core, clerk, make_account(core, TWO_BILLS), 1000)
    core.shifts.close(clerk, {100: 10})  # cash-up (¥10 net) so the next day can start
    clock.advance(days=1)
    with pytest.raises(ActionRefused) as exc:
        at_counter(core, clerk, other.payment_id)
    assert exc.value.reason == "not_same_day"


def test_reversal_is_refused_when_the_prepayment_was_spent(core, clerk) -> None:
    account_id = make_account(core, [("202610", 5000, date(2026, 11, 12))])
    over = pay(core, clerk, account_id, 20000)  # ¥51 owed, ¥149 to prepayment
    with core.db.write() as s:  # the prepayment was used up by a monthly deduction synced from billing
        s.execute(update(Account).where(Account.account_id == account_id).values(prepaid_fen=0))
    with pytest.raises(ActionRefused) as exc:
        at_counter(core, clerk, over.payment_id)
    assert exc.value.reason == "prepaid_used"


def test_approval_queue(core, clerk, supervisor) -> None:
    account_id = make_account(core, TWO_BILLS)
    paid = pay(core, clerk, account_id, 30550)
    approval_id = core.reversals.request(clerk, paid.payment_id, "客户重复缴费")
    assert core.reversals.request(clerk, paid.payment_id, "again") == approval_id  # one open request
    with pytest.raises(ApprovalRequired) as exc:
        core.reversals.reverse(clerk, paid.payment_id, request_id=new_id(), approval_id=approval_id)
    assert exc.value.reason == "approval_pending"
    [row] = core.reversals.queue(supervisor)
    assert (row.receipt_no, row.amount_fen, row.reason) == (paid.receipt_no, 30550, "客户重复缴费")
    with pytest.raises(PermissionDenied):
        core.reversals.decide(clerk, approval_id, approve=True, note="")
    core.reversals.decide(supervisor, approval_id, approve=True, note="")
    with pytest.raises(ActionRefused):
        core.reversals.decide(supervisor, approval_id, approve=False, note="late")
    reversal = core.reversals.reverse(clerk, paid.payment_id, request_id=new_id(), approval_id=approval_id)
    assert reversal.amount_fen == -30550
    assert core.reversals.queue(supervisor) == []
    assert [a.target for a in audit_rows(core, "approval.approve")] == [approval_id]


def test_refused_approval_cannot_be_used(core, clerk, supervisor) -> None:
    from hallapp.domain.errors import InvalidInput

    paid = pay(core, clerk, make_account(core, TWO_BILLS), 30550)
    approval_id = core.reversals.request(clerk, paid.payment_id, "写错户号")
    with pytest.raises(InvalidInput):
        core.reversals.decide(supervisor, approval_id, approve=False, note="")  # a refusal says why
    core.reversals.decide(supervisor, approval_id, approve=False, note="请核实后重新申请")
    with pytest.raises(ApprovalRequired) as exc:
        core.reversals.reverse(clerk, paid.payment_id, request_id=new_id(), approval_id=approval_id)
    assert exc.value.reason == "approval_refused"


def test_retried_reversal_is_replayed(core, clerk) -> None:
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 30550)
    request_id = new_id()
    first = at_counter(core, clerk, paid.payment_id, request_id=request_id)
    again = at_counter(core, clerk, paid.payment_id, request_id=request_id)
    assert again.receipt_no == first.receipt_no
