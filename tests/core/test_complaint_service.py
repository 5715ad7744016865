"""Complaints in the service: deadlines, steps in order, no close without 回访, races, traces."""

import threading
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from hallapp.db.models import Complaint, HolidayRow
from hallapp.domain.errors import ActionRefused, InvalidForm, InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import luhn_valid
from hallapp.domain.service_desk import ComplaintCause, ComplaintStep, DeadlineState
from hallapp.domain.service_desk_form import ComplaintDraft
from hallapp.services.hall_core import HallCore
from tests.core.helpers import audit_rows, count_rows, details, outbox_rows, payload, write_counts

# The hall's today is Friday 2026-11-20; these complaints arrive at 10:00 hall time.
TEN = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
DRAFT = ComplaintDraft("counter", "efficiency", "孙先生", "13912340001", "3200000001", "排队一个多小时。")


@pytest.fixture
def at_ten(clock):  # type: ignore[no-untyped-def]
    clock.set(TEN)
    return clock


def receive(core, clerk, draft=DRAFT, request_id=None):  # type: ignore[no-untyped-def]
    return core.complaints.receive(clerk, draft, request_id=request_id or new_id())


def walk(core, clerk, complaint_id: str, *, close: bool = False) -> int:  # type: ignore[no-untyped-def]
    version = core.complaints.record_contact(clerk, complaint_id, "已致歉并说明处理时限。", version=1)
    version = core.complaints.record_reply(clerk, complaint_id, "已增开窗口。", version=version)
    version = core.complaints.record_followup(
        clerk, complaint_id, "客户表示满意。", satisfied=True, version=version
    )
    return core.complaints.close(clerk, complaint_id, version=version) if close else version


def test_receiving_numbers_it_and_sets_both_deadlines(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    prefix, body = done.complaint_no.split("-")
    assert prefix == f"T{core.device.device_code}" and luhn_valid(body)
    assert done.contact_due_at == datetime(2026, 11, 21, 10, 0)  # 24 h later, hall time
    assert done.reply_due_on == date(2026, 11, 27)  # five working days: Mon 23 … Fri 27
    [row] = core.complaints.open_complaints(clerk)
    assert row.step is ComplaintStep.RECEIVED and row.cause is ComplaintCause.EFFICIENCY
    assert (row.contact_state, row.reply_state) == (DeadlineState.RUNNING, DeadlineState.RUNNING)
    [op] = outbox_rows(core, "complaint.receive")
    assert op.entity == "complaint" and payload(op)["reply_due_on"] == "2026-11-27"
    [event] = audit_rows(core, "complaint.receive")
    assert event.target == done.complaint_no and details(event)["cause"] == "efficiency"


def test_holidays_and_settings_move_the_deadlines(core, clerk, admin, at_ten) -> None:
    with core.db.write() as s:
        for day in (date(2026, 11, 23), date(2026, 11, 24)):
            s.add(HolidayRow(day=day, kind="holiday", name="测试假日"))
    assert receive(core, clerk).reply_due_on == date(2026, 12, 1)
    core.settings.update(admin, {"limits.complaint_contact_hours": 2, "limits.complaint_reply_days": 1})
    done = receive(core, clerk)
    assert done.contact_due_at == datetime(2026, 11, 20, 12, 0) and done.reply_due_on == date(2026, 11, 25)


def test_the_whole_way_to_closing_with_its_history(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    at_ten.advance(hours=3)
    version = walk(core, clerk, done.complaint_id)
    detail = core.complaints.detail(clerk, done.complaint_id)
    assert detail.row.step is ComplaintStep.FOLLOWED_UP and detail.row.followup_satisfied is True
    assert (detail.row.contact_state, detail.row.reply_state) == (DeadlineState.MET, DeadlineState.MET)
    assert core.complaints.close(clerk, done.complaint_id, version=version) == 5
    detail = core.complaints.detail(clerk, done.complaint_id)
    assert [e.step for e in detail.events] == list(ComplaintStep)
    assert detail.events[0].note == "排队一个多小时。" and detail.events[1].at == datetime(
        2026, 11, 20, 13, 0
    )
    assert all(e.staff.endswith("（C001）") for e in detail.events)
    assert core.complaints.open_complaints(clerk) == []
    ops = [o.op_type for o in outbox_rows(core) if o.entity == "complaint"]
    assert ops == [
        "complaint.receive",
        "complaint.contact",
        "complaint.reply",
        "complaint.followup",
        "complaint.close",
    ]
    assert [o.base_version for o in outbox_rows(core) if o.entity == "complaint"] == [None, 1, 2, 3, 4]
    assert len(audit_rows(core, "complaint.close")) == 1


def test_a_complaint_cannot_close_without_a_follow_up_call(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    version = core.complaints.record_contact(clerk, done.complaint_id, "已联系", version=1)
    version = core.complaints.record_reply(clerk, done.complaint_id, "已答复", version=version)
    before = write_counts(core)
    with pytest.raises(ActionRefused) as caught:
        core.complaints.close(clerk, done.complaint_id, version=version)
    assert caught.value.reason == "complaint_no_followup"
    assert write_counts(core) == before
    with core.db.read() as s:
        assert s.get(Complaint, done.complaint_id).closed_at is None


def test_steps_out_of_order_are_refused(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    with pytest.raises(ActionRefused) as caught:
        core.complaints.record_reply(clerk, done.complaint_id, "已答复", version=1)
    assert caught.value.reason == "complaint_not_contacted"
    with pytest.raises(ActionRefused) as caught:
        core.complaints.record_followup(clerk, done.complaint_id, "回访", satisfied=True, version=1)
    assert caught.value.reason == "complaint_not_replied"
    version = core.complaints.record_contact(clerk, done.complaint_id, "已联系", version=1)
    with pytest.raises(ActionRefused) as caught:
        core.complaints.record_contact(clerk, done.complaint_id, "又联系", version=version)
    assert caught.value.reason == "complaint_step_done"
    closed = walk(core, clerk, receive(core, clerk).complaint_id, close=True)
    assert closed == 5


def test_nothing_more_is_recorded_on_a_closed_complaint(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    version = walk(core, clerk, done.complaint_id, close=True)
    with pytest.raises(ActionRefused) as caught:
        core.complaints.close(clerk, done.complaint_id, version=version)
    assert caught.value.reason == "complaint_closed"


def test_a_stale_version_is_refused(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    core.complaints.record_contact(clerk, done.complaint_id, "已联系", version=1)
    before = write_counts(core)
    with pytest.raises(ActionRefused) as caught:
        core.complaints.record_reply(clerk, done.complaint_id, "已答复", version=1)
    assert caught.value.reason == "complaint_changed"
    assert caught.value.params["complaint_no"] == done.complaint_no
    assert write_counts(core) == before


def test_a_step_racing_with_another_pc_fails_for_the_second(core, clerk, demo_path, clock) -> None:
    done = receive(core, clerk)
    other = HallCore.open(demo_path, clock=clock)
    try:
        other_clerk = other.auth.login("C002", "demo1234")
        results: list[object] = []

        def contact(hall, actor) -> None:  # type: ignore[no-untyped-def]
            try:
                results.append(hall.complaints.record_contact(actor, done.complaint_id, "已联系", version=1))
            except ActionRefused as exc:
                results.append(exc.reason)

        threads = [threading.Thread(target=contact, args=a) for a in ((core, clerk), (other, other_clerk))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        other.close()
    assert sorted(map(str, results)) == ["2", "complaint_changed"]
    assert len(outbox_rows(core, "complaint.contact")) == 1


def test_overdue_complaints_lead_the_list(core, clerk, at_ten) -> None:
    later = receive(core, clerk)
    at_ten.advance(hours=2)
    earlier_reply = receive(core, clerk, replace(DRAFT, cause="attitude"))
    core.complaints.record_contact(clerk, earlier_reply.complaint_id, "已联系", version=1)
    assert [r.complaint_id for r in core.complaints.open_complaints(clerk)] == [
        later.complaint_id,
        earlier_reply.complaint_id,
    ]  # both running: by reply deadline, then contact deadline
    at_ten.advance(hours=23)  # Saturday 11:00: the first complaint was never contacted
    rows = core.complaints.open_complaints(clerk)
    assert rows[0].complaint_id == later.complaint_id and rows[0].contact_state is DeadlineState.OVERDUE
    assert rows[1].contact_state is DeadlineState.MET
    at_ten.set(datetime(2026, 11, 28, 2, 0, tzinfo=UTC))  # the day after the reply deadline
    assert all(
        r.reply_state is DeadlineState.OVERDUE and r.overdue for r in core.complaints.open_complaints(clerk)
    )


def test_a_late_contact_shows_as_met_late(core, clerk, at_ten) -> None:
    done = receive(core, clerk)
    at_ten.advance(hours=25)
    core.complaints.record_contact(clerk, done.complaint_id, "已联系", version=1)
    assert core.complaints.detail(clerk, done.complaint_id).row.contact_state is DeadlineState.LATE


def test_a_retried_receive_returns_the_first_and_writes_nothing(core, clerk, at_ten) -> None:
    request_id = new_id()
    first = receive(core, clerk, request_id=request_id)
    before = write_counts(core)
    again = receive(core, clerk, replace(DRAFT, description="另一件事"), request_id)
    assert again.replayed and again.complaint_no == first.complaint_no
    assert write_counts(core) == before and count_rows(core, Complaint) == 1


def test_bad_input_writes_nothing(core, clerk, at_ten) -> None:
    before = write_counts(core)
    with pytest.raises(InvalidForm) as caught:
        receive(core, clerk, replace(DRAFT, phone="", cause="rude"))
    assert {k: e.reason for k, e in caught.value.errors.items()} == {
        "phone": "phone_for_callback",
        "cause": "unknown_choice",
    }
    done = receive(core, clerk)
    before = write_counts(core)
    with pytest.raises(InvalidInput) as caught:
        core.complaints.record_contact(clerk, done.complaint_id, " \n ", version=1)
    assert (caught.value.field, caught.value.reason) == ("note", "empty")
    assert write_counts(core) == before


def test_only_counter_staff_handle_complaints(core, clerk, guide, supervisor, at_ten) -> None:
    done = receive(core, clerk)
    before = write_counts(core)
    for actor in (guide, supervisor):
        with pytest.raises(PermissionDenied):
            receive(core, actor)
        with pytest.raises(PermissionDenied):
            core.complaints.record_contact(actor, done.complaint_id, "已联系", version=1)
        with pytest.raises(PermissionDenied):
            core.complaints.close(actor, done.complaint_id, version=1)
        with pytest.raises(PermissionDenied):
            core.complaints.open_complaints(actor)
    assert write_counts(core) == before
