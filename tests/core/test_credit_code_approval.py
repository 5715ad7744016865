"""A credit code failing its check character, sent to the supervisor's queue: held in 受理 until
approved; a refusal keeps it held until the clerk corrects the code; stale decisions; the traces."""

from dataclasses import replace

import pytest
from sqlalchemy import update

from hallapp.db.models import Application, Approval
from hallapp.demo.applications import CREDIT_CODE, organisation_new
from hallapp.domain.application_flow import Hold, Stage
from hallapp.domain.errors import ActionRefused, ApprovalRequired, InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from tests.core.accounts_for_tests import make_account, pay
from tests.core.helpers import audit_rows, count_rows, details, outbox_rows, payload, write_counts
from tests.core.test_payment_service import TWO_BILLS
from tests.core.test_reversal_service import at_counter

WRONG = CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1")


def send(core, clerk, reason: str = "营业执照原件上即为此代码"):  # type: ignore[no-untyped-def]
    draft = replace(organisation_new(), credit_code=WRONG)
    return core.applications.submit(clerk, draft, request_id=new_id(), queue_reason=reason)


def detail(core, clerk, done):  # type: ignore[no-untyped-def]
    return core.application_reads.detail(clerk, done.application_id)


def forward(core, clerk, done) -> int:  # type: ignore[no-untyped-def]
    d = detail(core, clerk, done)
    return core.applications.advance(clerk, done.application_id, Stage.SURVEY, version=d.row.version)


def test_sent_then_approved_then_it_moves_on(core, clerk, supervisor) -> None:
    done = send(core, clerk)
    held = detail(core, clerk, done)
    assert held.row.stage is Stage.ACCEPTED and held.row.hold == Hold.CREDIT_CODE_PENDING
    assert Stage.SURVEY not in held.allowed and Stage.CANCELLED in held.allowed
    assert "credit_code_override" not in held.warnings  # nobody has confirmed it yet
    with pytest.raises(ActionRefused) as caught:
        forward(core, clerk, done)
    assert caught.value.reason == "credit_code_unconfirmed"
    assert caught.value.params["application_no"] == done.application_no
    assert [r.application_no for r in core.application_reads.worklist(clerk).held] == [done.application_no]
    [row] = core.approvals.queue(supervisor)
    assert (row.kind, row.subject.reference, row.subject.party, row.subject.credit_code) == (
        "credit_code_override",
        done.application_no,
        organisation_new().name,
        WRONG,
    )
    assert clerk.staff_no in row.requested_by and row.reason == "营业执照原件上即为此代码"
    decision = core.approvals.decide(supervisor, row.approval_id, approve=True, note="已核对执照原件")
    assert (decision.status, decision.reference) == ("approved", done.application_no)
    after = detail(core, clerk, done)
    assert after.row.hold is None and after.form["credit_code_override_by"] == supervisor.staff_no
    assert "credit_code_override" in after.warnings
    assert after.events[-1].kind == "approval" and after.events[-1].note == "已核对执照原件"
    assert core.application_reads.worklist(clerk).held == ()
    forward(core, clerk, done)
    assert detail(core, clerk, done).row.stage is Stage.SURVEY
    assert core.approvals.queue(supervisor) == []


def test_every_step_is_audited_and_queued_with_its_reason(core, clerk, supervisor) -> None:
    done = send(core, clerk, "客户坚持执照无误")
    [row] = core.approvals.queue(supervisor)
    core.approvals.decide(supervisor, row.approval_id, approve=False, note="校验位不符，请核对执照")
    [asked] = audit_rows(core, "approval.request")
    assert asked.target == done.application_no
    assert details(asked) == {
        "kind": "credit_code_override",
        "reason": "客户坚持执照无误",
        "credit_code": WRONG,
    }
    [refused] = audit_rows(core, "approval.refuse")
    assert details(refused)["note"] == "校验位不符，请核对执照" and refused.target == row.approval_id
    assert [payload(o)["status"] for o in outbox_rows(core, "approval.request")] == ["pending"]
    [decided] = outbox_rows(core, "approval.decide")
    assert (payload(decided)["status"], payload(decided)["decision_note"]) == (
        "refused",
        "校验位不符，请核对执照",
    )
    [submitted] = outbox_rows(core, "application.submit")
    assert payload(submitted)["hold"] == "credit_code_pending"
    [changed] = outbox_rows(core, "application.approval")
    assert payload(changed)["hold"] == "credit_code_refused" and payload(changed)["version"] == 2
    assert len(audit_rows(core, "application.approval")) == 1


def test_refused_the_clerk_sees_why_and_corrects_the_code(core, clerk, supervisor) -> None:
    done = send(core, clerk)
    [row] = core.approvals.queue(supervisor)
    with pytest.raises(InvalidInput) as caught:  # a refusal says why
        core.approvals.decide(supervisor, row.approval_id, approve=False, note=" ")
    assert caught.value.field == "note"
    core.approvals.decide(supervisor, row.approval_id, approve=False, note="校验位不符，请核对执照")
    refused = detail(core, clerk, done)
    assert refused.row.hold == Hold.CREDIT_CODE_REFUSED
    assert refused.hold_note == "校验位不符，请核对执照" and supervisor.name in refused.hold_by
    [mine] = core.approvals.mine(clerk)
    assert (mine.status, mine.decision_note) == ("refused", "校验位不符，请核对执照")
    with pytest.raises(ActionRefused) as stopped:
        forward(core, clerk, done)
    assert stopped.value.reason == "credit_code_refused"
    with pytest.raises(ApprovalRequired):  # still failing its check: a supervisor again
        core.applications.correct_credit_code(clerk, done.application_id, WRONG, version=refused.row.version)
    core.applications.correct_credit_code(
        clerk, done.application_id, CREDIT_CODE, version=refused.row.version
    )
    fixed = detail(core, clerk, done)
    assert fixed.row.hold is None and fixed.form["credit_code"] == CREDIT_CODE
    assert "credit_code_override" not in fixed.warnings and fixed.events[-1].kind == "correction"
    assert core.application_reads.find(clerk, CREDIT_CODE)[0].application_no == done.application_no
    forward(core, clerk, done)
    assert len(outbox_rows(core, "application.correct")) == 1


def test_a_clerk_cannot_decide_and_nothing_changes(core, clerk) -> None:
    done = send(core, clerk)
    [row] = core.approvals.mine(clerk)
    before = write_counts(core)
    with pytest.raises(PermissionDenied):
        core.approvals.decide(clerk, row.approval_id, approve=True, note="")
    with pytest.raises(PermissionDenied):
        core.approvals.queue(clerk)
    assert write_counts(core) == before
    assert detail(core, clerk, done).row.hold == Hold.CREDIT_CODE_PENDING


def test_deciding_twice_is_refused(core, clerk, supervisor) -> None:
    send(core, clerk)
    [row] = core.approvals.queue(supervisor)
    core.approvals.decide(supervisor, row.approval_id, approve=True, note="")
    before = write_counts(core)
    for approve in (True, False):
        with pytest.raises(ActionRefused) as caught:
            core.approvals.decide(supervisor, row.approval_id, approve=approve, note="再次")
        assert caught.value.reason == "already_decided"
    assert write_counts(core) == before


def test_cancelling_withdraws_the_request(core, clerk, supervisor) -> None:
    done = send(core, clerk)
    [row] = core.approvals.queue(supervisor)
    version = detail(core, clerk, done).row.version
    core.applications.advance(clerk, done.application_id, Stage.CANCELLED, version=version, note="客户撤回")
    assert core.approvals.queue(supervisor) == []
    assert detail(core, clerk, done).row.hold is None
    before = write_counts(core)
    with pytest.raises(ActionRefused) as caught:
        core.approvals.decide(supervisor, row.approval_id, approve=True, note="")
    assert caught.value.reason == "approval_withdrawn"
    assert write_counts(core) == before
    [withdrawn] = audit_rows(core, "approval.withdraw")
    assert details(withdrawn)["note"] == "application_closed"


def test_a_decision_on_an_application_closed_elsewhere_withdraws_it(core, clerk, supervisor) -> None:
    done = send(core, clerk)
    [row] = core.approvals.queue(supervisor)
    with core.db.write() as s:  # as a change pulled from another PC would leave it
        s.execute(
            update(Application)
            .where(Application.application_id == done.application_id)
            .values(status=Stage.CANCELLED.value, version=Application.version + 1)
        )
    version = detail(core, clerk, done).row.version
    decision = core.approvals.decide(supervisor, row.approval_id, approve=True, note="")
    assert (decision.status, decision.stale_reason) == ("withdrawn", "application_closed")
    after = detail(core, clerk, done)
    assert after.row.version == version and "credit_code_override_by" not in after.form
    with core.db.read() as s:
        assert s.get(Approval, row.approval_id).status == "withdrawn"
    assert payload(outbox_rows(core, "approval.decide")[-1])["status"] == "withdrawn"


def test_correcting_while_waiting_withdraws_and_can_ask_again(core, clerk, supervisor) -> None:
    done = send(core, clerk)
    [first] = core.approvals.queue(supervisor)
    version = detail(core, clerk, done).row.version
    other = CREDIT_CODE[:-2] + WRONG[-2:]
    core.applications.correct_credit_code(
        clerk, done.application_id, WRONG[:-1] + other[-1], version=version, queue_reason="再核一次"
    )
    [second] = core.approvals.queue(supervisor)
    assert second.approval_id != first.approval_id
    with pytest.raises(ActionRefused) as caught:
        core.approvals.decide(supervisor, first.approval_id, approve=True, note="")
    assert caught.value.reason == "approval_withdrawn"
    assert detail(core, clerk, done).row.hold == Hold.CREDIT_CODE_PENDING


def test_sending_needs_a_reason_and_writes_nothing_without(core, clerk) -> None:
    before = write_counts(core), count_rows(core, Application), count_rows(core, Approval)
    with pytest.raises(InvalidInput) as caught:
        send(core, clerk, reason="  ")
    assert caught.value.field == "queue_reason"
    with pytest.raises(ApprovalRequired):  # neither a supervisor here nor the queue
        core.applications.submit(clerk, replace(organisation_new(), credit_code=WRONG), request_id=new_id())
    assert (write_counts(core), count_rows(core, Application), count_rows(core, Approval)) == before


def test_held_it_can_still_be_returned_to_the_customer(core, clerk) -> None:
    done = send(core, clerk)
    version = detail(core, clerk, done).row.version
    version = core.applications.advance(
        clerk, done.application_id, Stage.RETURNED, version=version, note="缺执照"
    )
    core.applications.advance(clerk, done.application_id, Stage.ACCEPTED, version=version)
    assert detail(core, clerk, done).row.hold == Hold.CREDIT_CODE_PENDING


def test_both_kinds_share_one_queue_and_a_reversal_done_meanwhile_withdraws(core, clerk, supervisor) -> None:
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    core.reversals.request(clerk, paid.payment_id, "金额输错")
    send(core, clerk)
    kinds = {r.kind: r for r in core.approvals.queue(supervisor)}
    assert set(kinds) == {"payment_reversal", "credit_code_override"}
    reversal = kinds["payment_reversal"]
    assert (reversal.subject.reference, reversal.subject.amount_fen) == (paid.receipt_no, 10000)
    at_counter(core, clerk, paid.payment_id)  # another supervisor approved it at the counter
    assert [r.kind for r in core.approvals.queue(supervisor)] == ["credit_code_override"]
    mine = sorted((r.status, r.decision_note) for r in core.approvals.mine(clerk, "payment_reversal"))
    assert mine == [("used", ""), ("withdrawn", "already_reversed")]  # the counter's, and the queue's
