"""业务咨询单 in the service: numbering, callbacks, retries, refusals, outbox and audit."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from hallapp.db.models import Consultation
from hallapp.domain.errors import ActionRefused, InvalidForm, InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import luhn_valid
from hallapp.domain.service_desk import Channel, DeadlineState
from hallapp.domain.service_desk_form import ConsultationDraft
from tests.core.helpers import audit_rows, count_rows, details, outbox_rows, payload, write_counts

# The hall's today is Friday 2026-11-20; the clock starts at 09:30 hall time.
ASKED = ConsultationDraft(
    "counter", "王女士", "", "", "峰谷电价怎么申请？", "带身份证和户号到柜台办理。", True
)
OPEN = ConsultationDraft("phone", "刘先生", "13851234567", "3200000001", "电表校验结果出来了吗？", "", False)


def record(core, clerk, draft=ASKED, request_id=None):  # type: ignore[no-untyped-def]
    return core.consultations.record(clerk, draft, request_id=request_id or new_id())


def test_recording_numbers_lists_and_traces_it(core, clerk) -> None:
    done = record(core, clerk)
    prefix, body = done.consultation_no.split("-")
    assert prefix == f"Z{core.device.device_code}" and luhn_valid(body)
    assert done.callback_due_at is None and not done.replayed
    [row] = core.consultations.today(clerk)
    assert (row.consultation_no, row.channel, row.customer_name) == (
        done.consultation_no,
        Channel.COUNTER,
        "王女士",
    )
    assert row.created_at == datetime(2026, 11, 20, 9, 30) and row.staff.endswith("（C001）")
    assert row.callback_state is None and core.consultations.open_callbacks(clerk) == []
    [op] = outbox_rows(core, "consultation.record")
    assert op.entity == "consultation" and payload(op)["question"] == "峰谷电价怎么申请？"
    [event] = audit_rows(core, "consultation.record")
    assert event.target == done.consultation_no and details(event)["answered"] is True


def test_numbers_follow_each_other(core, clerk) -> None:
    first, second = record(core, clerk), record(core, clerk)
    assert int(first.consultation_no[-7:-1]) + 1 == int(second.consultation_no[-7:-1])


def test_an_unanswered_consultation_opens_a_callback_due_after_the_setting(core, clerk, admin) -> None:
    done = record(core, clerk, OPEN)
    assert done.callback_due_at == datetime(2026, 11, 21, 9, 30)  # 24 h, hall time
    [row] = core.consultations.open_callbacks(clerk)
    assert (
        row.callback_open and row.callback_state is DeadlineState.RUNNING and row.account_no == "3200000001"
    )
    core.settings.update(admin, {"applications.callback_hours": 4})
    assert record(core, clerk, OPEN).callback_due_at == datetime(2026, 11, 20, 13, 30)
    assert core.consultations.callback_default(clerk) == datetime(2026, 11, 20, 13, 30)


def test_a_chosen_callback_time_is_kept(core, clerk) -> None:
    done = record(core, clerk, replace(OPEN, callback_due=datetime(2026, 11, 23, 9, 0)))
    assert done.callback_due_at == datetime(2026, 11, 23, 9, 0)
    with core.db.read() as s:
        assert s.get(Consultation, done.consultation_id).callback_due_at == datetime(
            2026, 11, 23, 1, 0, tzinfo=UTC
        )


def test_open_callbacks_lead_with_the_overdue_and_recording_one_closes_it(core, clerk, clock) -> None:
    later = record(core, clerk, replace(OPEN, callback_due=datetime(2026, 11, 22, 18, 0)))
    sooner = record(core, clerk, OPEN)
    clock.advance(hours=30)
    rows = core.consultations.open_callbacks(clerk)
    assert [r.consultation_id for r in rows] == [sooner.consultation_id, later.consultation_id]
    assert [r.callback_state for r in rows] == [DeadlineState.OVERDUE, DeadlineState.RUNNING]
    done = core.consultations.record_callback(
        clerk, sooner.consultation_id, "已告知校验合格，误差在允许范围内。"
    )
    assert done.callback_state is DeadlineState.LATE and done.callback_staff.endswith("（C001）")
    assert done.callback_note.startswith("已告知") and done.callback_done_at == datetime(2026, 11, 21, 15, 30)
    assert [r.consultation_id for r in core.consultations.open_callbacks(clerk)] == [later.consultation_id]
    [op] = outbox_rows(core, "consultation.callback")
    assert payload(op)["callback_done_at"] is not None
    assert audit_rows(core, "consultation.callback")[0].target == sooner.consultation_no


def test_a_callback_is_recorded_once_and_only_where_one_is_due(core, clerk) -> None:
    answered, waiting = record(core, clerk), record(core, clerk, OPEN)
    with pytest.raises(ActionRefused) as caught:
        core.consultations.record_callback(clerk, answered.consultation_id, "不需要")
    assert caught.value.reason == "no_callback_due"
    core.consultations.record_callback(clerk, waiting.consultation_id, "已回电")
    before = write_counts(core)
    with pytest.raises(ActionRefused) as caught:
        core.consultations.record_callback(clerk, waiting.consultation_id, "再次回电")
    assert caught.value.reason == "callback_done"
    with pytest.raises(InvalidInput) as caught:
        core.consultations.record_callback(clerk, waiting.consultation_id, "  ")
    assert (caught.value.field, caught.value.reason) == ("note", "empty")
    assert write_counts(core) == before


def test_a_retried_save_returns_the_first_and_writes_nothing(core, clerk) -> None:
    request_id = new_id()
    first = record(core, clerk, OPEN, request_id)
    before = write_counts(core)
    again = record(core, clerk, replace(OPEN, question="别的问题"), request_id)
    assert again.replayed and again.consultation_id == first.consultation_id
    assert write_counts(core) == before and count_rows(core, Consultation) == 1


def test_bad_input_writes_nothing(core, clerk) -> None:
    before = write_counts(core)
    with pytest.raises(InvalidForm) as caught:
        record(core, clerk, replace(OPEN, phone="", question=""))
    assert set(caught.value.errors) == {"phone", "question"}
    assert write_counts(core) == before and count_rows(core, Consultation) == 0


def test_today_lists_only_todays_consultations(core, clerk, clock) -> None:
    record(core, clerk)
    clock.advance(days=1)
    assert core.consultations.today(clerk) == []
    newer = record(core, clerk)
    assert [r.consultation_id for r in core.consultations.today(clerk)] == [newer.consultation_id]


def test_only_counter_staff_record_consultations(core, clerk, guide, supervisor) -> None:
    done = record(core, clerk, OPEN)
    for actor in (guide, supervisor):
        with pytest.raises(PermissionDenied):
            record(core, actor)
        with pytest.raises(PermissionDenied):
            core.consultations.open_callbacks(actor)
        with pytest.raises(PermissionDenied):
            core.consultations.record_callback(actor, done.consultation_id, "已回电")
    assert count_rows(core, Consultation) == 1


def test_the_clock_is_hall_time_whatever_the_pc_says(core, clerk, clock) -> None:
    clock.set(datetime(2026, 11, 20, 17, 0, tzinfo=UTC))  # 01:00 on Saturday in the hall
    record(core, clerk)
    assert core.consultations.today(clerk)[0].created_at == datetime(2026, 11, 21, 1, 0)
