"""Applications in the service: acceptance, numbering, deadlines, stages, races, 催办, rating, lookup."""

import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from hallapp.db.models import Application, ApplicationEvent, HolidayRow, Outbox
from hallapp.demo.applications import CREDIT_CODE, on_account, organisation_new, person_new
from hallapp.domain.application_flow import FLOWS, ApplicationKind, Stage, allowed_next
from hallapp.domain.application_form import BillChannel, ProofType
from hallapp.domain.application_materials import Material
from hallapp.domain.errors import ActionRefused, ApprovalRequired, InvalidForm, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import luhn_valid
from hallapp.services.hall_core import HallCore
from tests.core.accounts_for_tests import make_account
from tests.core.helpers import audit_rows, count_rows, outbox_rows, write_counts

# The hall's today is Friday 2026-11-20.


def account_no_of(core, account_id: str) -> str:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        from hallapp.db.models import Account

        return s.get(Account, account_id).account_no


def submit(core, clerk, draft=None, **kw):  # type: ignore[no-untyped-def]
    return core.applications.submit(clerk, draft or person_new(), request_id=new_id(), **kw)


def test_accepting_numbers_dates_and_traces_it(core, clerk) -> None:
    done = submit(core, clerk)
    prefix, body = done.application_no.split("-")
    assert prefix == f"A{core.device.device_code}" and luhn_valid(body)
    # Residents: the whole process within 5 working days: Mon 23 … Fri 27 November.
    assert done.due_on == date(2026, 11, 27)
    row = core.application_reads.detail(clerk, done.application_id).row
    assert row.stage is Stage.ACCEPTED
    # The plan reply (3 working days, counted from acceptance) comes first: Wednesday the 25th.
    assert row.stage_due_on == date(2026, 11, 25)
    assert row.days_left == 3
    assert [o.op_type for o in outbox_rows(core, "application.submit")] == ["application.submit"]
    assert audit_rows(core, "application.submit")[0].target == done.application_no


def test_holidays_move_the_deadlines(core, clerk, admin) -> None:
    with core.db.write() as s:
        for day in (date(2026, 11, 23), date(2026, 11, 24)):
            s.add(HolidayRow(day=day, kind="holiday", name="测试假日"))
    done = submit(core, clerk)
    assert done.due_on == date(2026, 12, 1)


def test_a_retried_submit_makes_no_second_application(core, clerk) -> None:
    request_id = new_id()
    first = core.applications.submit(clerk, person_new(), request_id=request_id)
    again = core.applications.submit(clerk, person_new(), request_id=request_id)
    assert again.application_no == first.application_no and again.replayed
    assert count_rows(core, Application) == count_rows(core, Application)  # unchanged below
    with core.db.read() as s:
        assert len(s.scalars(select(Application).where(Application.request_id == request_id)).all()) == 1


def test_numbers_never_repeat(core, clerk) -> None:
    numbers = {submit(core, clerk).application_no for _ in range(30)}
    assert len(numbers) == 30


def test_a_bad_form_writes_nothing(core, clerk) -> None:
    before = write_counts(core), count_rows(core, Application)
    with pytest.raises(InvalidForm) as caught:
        submit(core, clerk, replace(person_new(), phone="12", capacity_kw="999"))
    assert set(caught.value.errors) == {"phone", "capacity_kw"}
    assert (write_counts(core), count_rows(core, Application)) == before


def test_guides_may_not_take_applications(core, guide) -> None:
    with pytest.raises(PermissionDenied):
        submit(core, guide)


def test_the_account_must_exist_and_be_low_voltage(core, clerk) -> None:
    with pytest.raises(InvalidForm) as caught:
        submit(core, clerk, on_account(ApplicationKind.NAME_CHANGE, "9999999999"))
    assert caught.value.errors["account_no"].reason == "account_unknown"
    account_id = make_account(core, [])
    with core.db.write() as s:
        from hallapp.db.models import Account

        s.get(Account, account_id).voltage = "10kV"
    with pytest.raises(InvalidForm) as caught:
        submit(core, clerk, on_account(ApplicationKind.TRANSFER, account_no_of(core, account_id)))
    assert caught.value.errors["account_no"].reason == "account_not_low_voltage"


def test_a_credit_code_warning_needs_a_supervisor(core, clerk) -> None:
    wrong = CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1")
    draft = replace(organisation_new(), credit_code=wrong)
    before = count_rows(core, Application)
    with pytest.raises(ApprovalRequired) as caught:
        submit(core, clerk, draft)
    assert caught.value.reason == "credit_code_override"
    assert count_rows(core, Application) == before
    done = submit(core, clerk, draft, approver_staff_no="S001", approver_password="demo1234")
    detail = core.application_reads.detail(clerk, done.application_id)
    assert detail.form["credit_code_override_by"] == "S001"
    assert "credit_code_override" in detail.warnings


def test_one_certificate_acceptance_defers_the_property_proof(core, clerk) -> None:
    done = submit(core, clerk, replace(person_new(), proof=ProofType.MISSING))
    detail = core.application_reads.detail(clerk, done.application_id)
    assert detail.to_bring == (Material.PROPERTY_PROOF,)
    with core.db.read() as s:
        assert s.get(Application, done.application_id).promise_signed


def walk(core, clerk, application_id: str, stages) -> int:  # type: ignore[no-untyped-def]
    version = core.application_reads.detail(clerk, application_id).row.version
    for stage in stages:
        version = core.applications.advance(clerk, application_id, stage, version=version)
    return version


@pytest.mark.parametrize("kind", [ApplicationKind.RESIDENT_NEW, ApplicationKind.NON_RESIDENT_NEW])
def test_a_connection_goes_through_its_whole_flow(core, clerk, kind) -> None:
    draft = person_new() if kind is ApplicationKind.RESIDENT_NEW else organisation_new()
    done = submit(core, clerk, draft)
    walk(core, clerk, done.application_id, FLOWS[kind][1:])
    detail = core.application_reads.detail(clerk, done.application_id)
    assert detail.row.stage is Stage.ARCHIVED and detail.allowed == ()
    assert [e.to_stage for e in detail.events] == list(FLOWS[kind])
    assert all(e.staff.endswith("（C001）") for e in detail.events)
    assert len(outbox_rows(core, "application.stage")) == len(FLOWS[kind]) - 1
    with core.db.read() as s:
        app = s.get(Application, done.application_id)
        assert app.closed_on == date(2026, 11, 20) and app.stage_due_on is None


def test_illegal_transitions_are_refused_in_the_service(core, clerk) -> None:
    done = submit(core, clerk)
    before = write_counts(core)
    for stage in Stage:
        if stage in allowed_next(ApplicationKind.RESIDENT_NEW, Stage.ACCEPTED):
            continue
        with pytest.raises(ActionRefused) as caught:
            core.applications.advance(clerk, done.application_id, stage, version=1)
        assert caught.value.reason == "stage_transition"
    assert write_counts(core) == before


def test_returning_needs_a_reason_and_stops_the_clock(core, clerk, clock) -> None:
    done = submit(core, clerk)
    with pytest.raises(Exception) as caught:
        core.applications.advance(clerk, done.application_id, Stage.RETURNED, version=1)
    assert getattr(caught.value, "field", None) == "note"
    version = core.applications.advance(
        clerk, done.application_id, Stage.RETURNED, version=1, note="缺产权证明"
    )
    assert core.application_reads.detail(clerk, done.application_id).row.stage_due_on is None
    clock.advance(days=3)  # Monday the 23rd: the customer is back with the rest
    core.applications.advance(clerk, done.application_id, Stage.ACCEPTED, version=version)
    row = core.application_reads.detail(clerk, done.application_id).row
    assert row.accepted_on == date(2026, 11, 23) and row.due_on == date(2026, 11, 30)


def test_a_stage_change_racing_with_another_pc_fails_for_the_second(core, clerk, demo_path, clock) -> None:
    done = submit(core, clerk)
    other = HallCore.open(demo_path, clock=clock)
    try:
        other_clerk = other.auth.login("C002", "demo1234")
        results: list[object] = []

        def move(hall, actor) -> None:  # type: ignore[no-untyped-def]
            try:
                results.append(hall.applications.advance(actor, done.application_id, Stage.SURVEY, version=1))
            except ActionRefused as exc:
                results.append(exc.reason)

        threads = [threading.Thread(target=move, args=a) for a in ((core, clerk), (other, other_clerk))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        other.close()
    assert sorted(map(str, results)) == ["2", "application_changed"]
    with core.db.read() as s:
        events = s.scalars(
            select(ApplicationEvent).where(ApplicationEvent.application_id == done.application_id)
        )
        assert [e.to_status for e in events].count("survey") == 1


def test_a_transfer_waits_for_the_arrears_unless_the_new_holder_takes_them(core, clerk) -> None:
    account_id = make_account(core, [("202609", 10000, date(2026, 10, 12))])
    draft = on_account(ApplicationKind.TRANSFER, account_no_of(core, account_id), real_name_verified=True)
    done = submit(core, clerk, draft)
    version = walk(core, clerk, done.application_id, [Stage.ARREARS_CHECK])
    with pytest.raises(ActionRefused) as caught:
        core.applications.advance(clerk, done.application_id, Stage.CONTRACT, version=version)
    assert caught.value.reason == "transfer_arrears"
    assert caught.value.params["account_no"] == account_no_of(core, account_id)
    core.applications.advance(
        clerk, done.application_id, Stage.CONTRACT, version=version, arrears_assumed=True
    )
    detail = core.application_reads.detail(clerk, done.application_id)
    assert detail.row.stage is Stage.CONTRACT and detail.form["arrears_assumed"] is True


def test_a_name_change_records_a_missing_real_name_check(core, clerk) -> None:
    account_id = make_account(core, [])
    done = submit(core, clerk, on_account(ApplicationKind.NAME_CHANGE, account_no_of(core, account_id)))
    assert "real_name_missing" in core.application_reads.detail(clerk, done.application_id).warnings


def test_expedite_and_rating(core, clerk) -> None:
    done = submit(core, clerk)
    core.applications.expedite(clerk, done.application_id, "客户来电催办")
    core.applications.expedite(clerk, done.application_id, "")
    with pytest.raises(ActionRefused) as caught:
        core.applications.rate(clerk, done.application_id, 5)
    assert caught.value.reason == "rating_before_archive"
    walk(core, clerk, done.application_id, FLOWS[ApplicationKind.RESIDENT_NEW][1:])
    with pytest.raises(Exception) as caught:
        core.applications.rate(clerk, done.application_id, 1)  # a bad rating needs a reason
    core.applications.rate(clerk, done.application_id, 2, "装表慢")
    with pytest.raises(ActionRefused):
        core.applications.rate(clerk, done.application_id, 5)
    detail = core.application_reads.detail(clerk, done.application_id)
    assert detail.row.expedite_count == 2 and detail.rating == 2 and detail.rating_reason == "装表慢"
    assert [e.kind for e in detail.events].count("expedite") == 2
    with pytest.raises(ActionRefused):
        core.applications.expedite(clerk, done.application_id, "")


def test_progress_lookup_by_number_account_id_and_name(core, clerk) -> None:
    account_id = make_account(core, [])
    number = account_no_of(core, account_id)
    done = submit(core, clerk, on_account(ApplicationKind.RESIDENT_INCREASE, number))
    for text in (
        done.application_no,
        done.application_no.lower(),
        number,
        person_new().id_no,
        "王小明",
        "13912345678",
    ):
        assert done.application_no in [r.application_no for r in core.application_reads.find(clerk, text)], (
            text
        )
    assert core.application_reads.find(clerk, "没有这个人") == []


def test_the_worklist_shows_overdue_and_due_soon(core, clerk, clock) -> None:
    early = submit(core, clerk)
    clock.advance(days=3)  # Monday the 23rd
    late = submit(core, clerk)
    clock.advance(days=2)  # Wednesday the 25th: early's plan reply is due today, late's on the 26th
    work = core.application_reads.worklist(clerk)
    assert early.application_no in [r.application_no for r in work.due_soon]
    assert late.application_no in [r.application_no for r in work.due_soon]
    clock.advance(days=1)  # Thursday: early is a day late
    work = core.application_reads.worklist(clerk)
    overdue = {r.application_no: r.days_left for r in work.overdue}
    assert overdue[early.application_no] == -1
    assert late.application_no in [r.application_no for r in work.due_soon]


def test_outbox_ops_carry_the_version_they_were_based_on(core, clerk) -> None:
    done = submit(core, clerk)
    walk(core, clerk, done.application_id, [Stage.SURVEY, Stage.PLAN])
    with core.db.read() as s:
        ops = s.scalars(
            select(Outbox).where(Outbox.entity_id == done.application_id).order_by(Outbox.device_seq)
        ).all()
    assert [o.base_version for o in ops] == [None, 1, 2]


def test_a_clock_far_in_the_future_still_counts_working_days(core, clerk, clock) -> None:
    clock.advance(days=400)
    done = submit(core, clerk)
    assert done.due_on > date(2026, 11, 20) + timedelta(days=400)


junk = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "\x00", "\u202e王", "１３９", "𠀋" * 40, "9" * 40, "-1", "1e9", "NaN"]),
)


@settings(
    database=None, deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["name", "id_no", "phone", "address", "capacity_kw", "email", "note"]), value=junk
)
def test_junk_in_any_field_writes_nothing_or_a_clean_application(core, clerk, field, value) -> None:  # type: ignore[no-untyped-def]
    draft = replace(replace(person_new(), bill_channel=BillChannel.EMAIL, email="a@b.cn"), **{field: value})
    before = write_counts(core), count_rows(core, Application)
    try:
        core.applications.submit(clerk, draft, request_id=new_id())
    except InvalidForm as exc:
        assert all(e.field == name for name, e in exc.errors.items())
        assert (write_counts(core), count_rows(core, Application)) == before
        return
    assert count_rows(core, Application) == before[1] + 1
