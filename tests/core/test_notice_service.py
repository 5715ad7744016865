"""Arrears notices: when each is allowed, numbering, delivery and signature, reconnection on full payment."""

from datetime import date, timedelta

import pytest

from hallapp.domain.enums import NoticeDelivery, NoticeOutcome
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.printouts import NoticeKind
from tests.core.accounts_for_tests import make_account, pay
from tests.core.helpers import audit_rows, outbox_rows
from tests.core.test_payment_service import TWO_BILLS
from tests.core.test_reversal_service import at_counter

TODAY = date(2026, 11, 20)


def test_reminder_after_the_due_date_cut_plan_after_thirty_days(core, clerk) -> None:
    recent = make_account(core, [("202610", 20000, date(2026, 11, 12))])
    options = core.notices.options(clerk, recent)
    assert (options.reminder_allowed, options.cut_plan_allowed) == (True, False)
    with pytest.raises(ActionRefused) as exc:
        core.notices.issue(clerk, recent, NoticeKind.CUT_PLAN, NoticeDelivery.IN_PERSON)
    assert exc.value.reason == "cut_plan_not_due"
    old = make_account(core, TWO_BILLS)
    options = core.notices.options(clerk, old)
    assert options.cut_plan_allowed
    assert (options.cut_from, options.cut_to) == (TODAY + timedelta(days=3), TODAY + timedelta(days=7))
    paid_up = make_account(core, [])
    assert not core.notices.options(clerk, paid_up).reminder_allowed


def test_issue_prints_numbered_notice_with_the_amounts(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    doc = core.notices.issue(clerk, account_id, NoticeKind.CUT_PLAN, NoticeDelivery.IN_PERSON)
    assert doc.notice_no.startswith("N" + core.device.device_code)
    assert (doc.outstanding_fen, doc.penalty_fen) == (30000, 550)
    assert (doc.cut_from, doc.cut_to, doc.pay_by) == (
        date(2026, 11, 23),
        date(2026, 11, 27),
        date(2026, 11, 22),
    )
    assert [line.period for line in doc.lines] == ["202609", "202610"]
    second = core.notices.issue(clerk, account_id, NoticeKind.REMINDER, NoticeDelivery.POST)
    assert second.notice_no != doc.notice_no
    assert len(outbox_rows(core, "notice.issue")) == 2


def test_signature_or_refusal_is_recorded_once(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    core.notices.issue(clerk, account_id, NoticeKind.REMINDER, NoticeDelivery.IN_PERSON)
    [row] = core.notices.for_account(clerk, account_id)
    with pytest.raises(InvalidInput):
        core.notices.record_outcome(clerk, row.notice_id, NoticeOutcome.REFUSED, "")  # name the witness
    core.notices.record_outcome(clerk, row.notice_id, NoticeOutcome.REFUSED, "见证人：李强（C002）")
    with pytest.raises(ActionRefused):
        core.notices.record_outcome(clerk, row.notice_id, NoticeOutcome.SIGNED, "王某")
    [row] = core.notices.for_account(clerk, account_id)
    assert (row.outcome, row.outcome_note) == (NoticeOutcome.REFUSED, "见证人：李强（C002）")
    assert len(audit_rows(core, "notice.outcome")) == 1


def test_full_payment_after_a_cut_notice_raises_a_reconnection_request(core, clerk) -> None:
    account_id = make_account(core, TWO_BILLS)
    core.notices.issue(clerk, account_id, NoticeKind.CUT_PLAN, NoticeDelivery.POSTED_AT_PREMISES)
    partial = pay(core, clerk, account_id, 10000)
    assert partial.reconnection_due_by is None
    full = pay(core, clerk, account_id, 20550)
    assert full.reconnection_due_by is not None
    assert full.reconnection_due_by - core.clock.now() == timedelta(hours=24)
    assert [n.settled for n in core.notices.for_account(clerk, account_id)] == [True]
    assert len(outbox_rows(core, "reconnection.request")) == 1
    at_counter(core, clerk, full.payment_id)  # reversed: the notice is open again
    assert [n.settled for n in core.notices.for_account(clerk, account_id)] == [False]
