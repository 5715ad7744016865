"""Retention: nothing goes before its period (one day either side of the cut-off), nothing the
central server has not confirmed, deletion is audited, and purging old audit events leaves a chain
the verifier still accepts (and a forged checkpoint it refuses)."""

import json
import sqlite3
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select, update

from hallapp.db.models import AuditEvent, Consultation, Outbox, Payment, PaymentAllocation, ReceiptPrint
from hallapp.db.schema_sync import AuditCheckpoint
from hallapp.domain.errors import ActionRefused, InvalidInput, PermissionDenied
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.ids import new_id
from hallapp.domain.service_desk_form import ConsultationDraft
from hallapp.services import audit
from tests.core.accounts_for_tests import make_account, pay
from tests.core.helpers import audit_rows, count_rows, details
from tests.core.test_payment_service import TWO_BILLS

DAY0 = date(2026, 11, 20)  # the fixtures' today
ASKED = ConsultationDraft(
    "counter", "王女士", "", "", "峰谷电价怎么申请？", "带身份证和户号到柜台办理。", True
)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), HALL_TZ)


def _confirm_all(core, but: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """As if the central server had answered every op (but the one about entity id ``but``)."""
    with core.db.write() as s:
        s.execute(update(Outbox).where(Outbox.entity_id != (but or "")).values(status="applied"))


def _consultations(core, clerk, clock) -> dict[date, str]:  # type: ignore[no-untyped-def]
    made = {}
    for offset in range(3):
        clock.set(_at(DAY0 + timedelta(days=offset)))
        done = core.consultations.record(clerk, ASKED, request_id=new_id())
        made[DAY0 + timedelta(days=offset)] = done.consultation_id
    return made


def _dates(core) -> list[date]:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return sorted(s.scalars(select(Consultation.business_date)))


def _preview(core, actor, key: str):  # type: ignore[no-untyped-def]
    return next(p for p in core.retention.preview(actor) if p.record_class == key)


def test_only_records_before_the_cut_off_go_and_the_purge_is_audited(core, clerk, admin, clock) -> None:  # type: ignore[no-untyped-def]
    _consultations(core, clerk, clock)
    cut_off = DAY0 + timedelta(days=1)
    clock.set(_at(cut_off + timedelta(days=365)))  # default: kept 365 days
    _confirm_all(core)
    seen = _preview(core, admin, "consultation")
    assert (seen.cut_off, seen.past_retention, seen.deletable, seen.oldest) == (cut_off, 1, 1, DAY0)
    result = core.retention.purge(admin, "consultation")
    assert (result.deleted, result.cut_off) == (1, cut_off)
    assert _dates(core) == [cut_off, cut_off + timedelta(days=1)]
    last = audit_rows(core)[-1]
    assert (last.action, last.staff_no, last.target) == ("retention.purge", "A001", "consultation")
    assert details(last) == {
        "record_class": "consultation",
        "deleted": 1,
        "cut_off": cut_off.isoformat(),
        "tables": {"consultation": 1},
    }
    with pytest.raises(ActionRefused) as info:
        core.retention.purge(admin, "consultation")  # nothing more is due
    assert info.value.reason == "nothing_to_purge"


def test_a_record_the_server_has_not_confirmed_is_never_deleted(core, clerk, admin, clock) -> None:  # type: ignore[no-untyped-def]
    made = _consultations(core, clerk, clock)
    clock.set(_at(DAY0 + timedelta(days=400)))
    seen = _preview(core, admin, "consultation")
    assert (seen.past_retention, seen.deletable) == (3, 0)  # nothing sent yet
    with pytest.raises(ActionRefused):
        core.retention.purge(admin, "consultation")
    assert len(_dates(core)) == 3
    _confirm_all(core, but=made[DAY0])
    with core.db.write() as s:  # a rejected op waits for a person too
        s.execute(
            update(Outbox).where(Outbox.entity_id == made[DAY0 + timedelta(days=1)]).values(status="rejected")
        )
    assert core.retention.purge(admin, "consultation").deleted == 1
    assert _dates(core) == [DAY0, DAY0 + timedelta(days=1)]


def test_the_retention_setting_cannot_go_below_a_year(core, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Exception) as info:
        core.settings.update(admin, {"retention.consultation_days": 364})
    assert "below_minimum" in str(info.value.errors["retention.consultation_days"].reason)  # type: ignore[attr-defined]


def test_who_may_look_and_who_may_delete(core, clerk, supervisor, admin) -> None:  # type: ignore[no-untyped-def]
    assert {p.record_class for p in core.retention.preview(supervisor)} == {
        "consultation",
        "complaint",
        "queue",
        "payment",
        "audit",
    }
    with pytest.raises(PermissionDenied):
        core.retention.preview(clerk)
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            core.retention.purge(actor, "consultation")
    with pytest.raises(InvalidInput):
        core.retention.purge(admin, "customers")


def test_payments_go_with_their_allocations_and_prints_after_thirty_years(core, clerk, admin, clock) -> None:  # type: ignore[no-untyped-def]
    paid = pay(core, clerk, make_account(core, TWO_BILLS), 10000)
    _confirm_all(core)
    clock.set(_at(DAY0 + timedelta(days=10_958)))  # the cut-off is DAY0: only older payments go
    core.retention.purge(admin, "payment")
    with core.db.read() as s:
        assert list(s.scalars(select(Payment.payment_id))) == [paid.payment_id]
    clock.set(_at(DAY0 + timedelta(days=10_959)))
    assert core.retention.purge(admin, "payment").deleted == 1
    assert [count_rows(core, m) for m in (Payment, PaymentAllocation, ReceiptPrint)] == [0, 0, 0]


def _old_and_new_events(core, admin, clock) -> int:  # type: ignore[no-untyped-def]
    """Events on DAY0 (fixtures' sign-ins), DAY0+1 and DAY0+2; then today is 182 days after DAY0+1."""
    core.settings.update(admin, {"retention.audit_days": 181})
    old = count_rows(core, AuditEvent)
    for offset in (1, 2):
        clock.set(_at(DAY0 + timedelta(days=offset)))
        core.auth.lock(admin)
    clock.set(_at(DAY0 + timedelta(days=1 + 181)))
    return old


def test_purging_old_audit_events_keeps_the_chain_verifiable(core, admin, clock) -> None:  # type: ignore[no-untyped-def]
    old = _old_and_new_events(core, admin, clock)
    assert _preview(core, admin, "audit").deletable == 0  # not yet confirmed by the server
    _confirm_all(core)
    seen = _preview(core, admin, "audit")
    assert (seen.past_retention, seen.deletable, seen.oldest) == (old, old, DAY0)
    assert core.retention.purge(admin, "audit").deleted == old
    rows = audit_rows(core)
    assert rows[0].seq == old + 1 and rows[0].at == _at(DAY0 + timedelta(days=1))
    purge = rows[-1]
    assert details(purge)["checkpoint"]["through_seq"] == old
    report = core.audit.verify(admin)
    assert report.whole and report.first_seq == old + 1
    clock.advance(days=2)  # the DAY0+1 event and the day's own events are now due too
    _confirm_all(core)
    core.retention.purge(admin, "audit")
    assert core.audit.verify(admin).whole
    assert count_rows(core, AuditCheckpoint) == 2


def test_an_unconfirmed_event_stops_the_purge_there(core, admin, clock) -> None:  # type: ignore[no-untyped-def]
    _old_and_new_events(core, admin, clock)
    held = audit_rows(core)[1]  # the second of the two DAY0 events
    _confirm_all(core, but=held.event_id)
    assert core.retention.purge(admin, "audit").deleted == 1
    assert audit_rows(core)[0].seq == held.seq


def _tamper(path, sql: str, *args) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path, timeout=5) as conn:
        assert conn.execute(sql, args).rowcount == 1
    conn.close()


def test_a_forged_or_removed_checkpoint_is_found(core, demo_path, admin, clock) -> None:  # type: ignore[no-untyped-def]
    old = _old_and_new_events(core, admin, clock)
    _confirm_all(core)
    core.retention.purge(admin, "audit")
    _tamper(demo_path, "UPDATE audit_checkpoint SET last_hash = ? WHERE through_seq = ?", "0" * 64, old)
    with core.db.read() as s:
        assert audit.inspect_chain(s).broken.reason == "checkpoint_unbacked"  # type: ignore[union-attr]
    _tamper(demo_path, "DELETE FROM audit_checkpoint WHERE through_seq = ?", old)
    report = core.audit.verify(admin)
    assert (report.broken_seq, report.reason) == (1, "row_missing")


def test_a_broken_chain_is_never_purged(core, demo_path, admin, clock) -> None:  # type: ignore[no-untyped-def]
    _old_and_new_events(core, admin, clock)
    _confirm_all(core)
    _tamper(demo_path, "UPDATE audit_event SET details = '{}' WHERE seq = 2")
    with pytest.raises(ActionRefused) as info:
        core.retention.purge(admin, "audit")
    assert info.value.reason == "audit_chain_broken"
    with core.db.read() as s:
        assert s.scalar(select(func.min(AuditEvent.seq))) == 1
        assert json.loads(s.scalar(select(AuditEvent.details).where(AuditEvent.seq == 2))) == {}
