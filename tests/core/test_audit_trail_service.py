"""The audit trail for supervisors: search (pages, filters, names of staff who left), bad ranges,
permissions, and the verifier naming the first changed, re-linked or deleted event."""

import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from hallapp.db.models import Operator
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.audit_actions import Category
from hallapp.domain.canonical import chain_hash
from hallapp.domain.errors import InvalidInput, PermissionDenied
from hallapp.services import audit
from tests.core.helpers import audit_rows, details

TODAY = date(2026, 11, 20)


def _search(core, actor, **kw):  # type: ignore[no-untyped-def]
    return core.audit.search(actor, start=kw.pop("start", TODAY), end=kw.pop("end", TODAY), **kw)


def _tamper(path, sql: str, *args) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path, timeout=5)
    try:
        with conn:
            assert conn.execute(sql, args).rowcount == 1
    finally:
        conn.close()


@pytest.fixture
def trail(core, clock, supervisor, clerk):  # type: ignore[no-untyped-def]
    """A few minutes of a day: sign-ins, locks, a refused sign-in."""
    for _ in range(3):
        clock.advance(minutes=1)
        core.auth.lock(clerk, reason="idle")
        clock.advance(minutes=1)
        core.auth.unlock(clerk, DEMO_PASSWORD)
    core.auth.login("A001", DEMO_PASSWORD)
    return audit_rows(core)


def test_today_newest_first_with_who_where_and_what(core, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    page = _search(core, supervisor)
    assert [r.seq for r in page.rows] == sorted((r.seq for r in trail), reverse=True)
    assert not page.more
    newest = page.rows[0]
    assert (newest.action, newest.category, newest.label) == ("login", Category.SIGN_IN, "Signed in")
    assert (newest.staff_no, newest.device) == ("A001", core.device.device_code)
    assert newest.staff_name and newest.staff_name != newest.staff_no
    lock = next(r for r in page.rows if r.action == "session.lock")
    assert lock.category is Category.LOCK and lock.details == {"reason": "idle"}


def test_pages_follow_each_other_without_overlap(core, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    seen, before = [], None
    while True:
        page = _search(core, supervisor, limit=3, before_seq=before)
        seen += [r.seq for r in page.rows]
        if not page.more:
            break
        assert len(page.rows) == 3
        before = page.rows[-1].seq
    assert seen == sorted((r.seq for r in trail), reverse=True)


def test_filters_by_category_staff_pc_and_text(core, supervisor, clerk, trail) -> None:  # type: ignore[no-untyped-def]
    locks = _search(core, supervisor, action_kinds=frozenset({"lock"})).rows
    assert {r.action for r in locks} == {"session.lock", "session.unlock"} and len(locks) == 6
    only_lock = _search(core, supervisor, action_kinds=frozenset({"session.lock"})).rows
    assert len(only_lock) == 3
    mine = _search(core, supervisor, staff_no=" c001 ").rows  # typed in lower case with spaces
    assert mine and {r.staff_no for r in mine} == {"C001"}
    assert len(_search(core, supervisor, device_id=core.device.device_code).rows) == len(trail)
    assert _search(core, supervisor, device_id="H999999").rows == ()
    assert [r.action for r in _search(core, supervisor, text="idle").rows] == ["session.lock"] * 3
    assert _search(core, supervisor, text="100%").rows == ()  # % is a character, not a wildcard


def test_an_unknown_action_shows_under_other(core, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    with core.db.write() as s:
        audit.record(s, at=clock.now(), device_id="another-pc", action="future.thing", staff_no="X9")
    [row] = _search(core, supervisor, action_kinds=frozenset({"other"})).rows
    assert (row.category, row.label, row.device, row.staff_name) == (
        Category.OTHER,
        "future.thing",
        "another-pc",
        "",
    )


def test_a_clerk_who_left_keeps_his_name(core, supervisor, clerk) -> None:  # type: ignore[no-untyped-def]
    with core.db.write() as s:
        s.execute(update(Operator).where(Operator.staff_no == "C001").values(active=False))
    rows = _search(core, supervisor, staff_no="C001").rows
    assert rows and {r.staff_name for r in rows} == {clerk.name}


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        (TODAY + timedelta(days=1), TODAY + timedelta(days=1), "audit_start_future"),
        (TODAY, TODAY - timedelta(days=1), "audit_range_reversed"),
        (TODAY - timedelta(days=92), TODAY, "audit_range_too_long"),
        (TODAY - timedelta(days=365), TODAY, "audit_range_too_long"),
    ],
)
def test_bad_ranges_are_refused_with_a_reason(core, supervisor, start, end, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        _search(core, supervisor, start=start, end=end)
    assert info.value.reason == reason


def test_the_longest_allowed_range_and_a_day_without_events(core, supervisor) -> None:  # type: ignore[no-untyped-def]
    assert _search(core, supervisor, start=TODAY - timedelta(days=91), end=TODAY).rows
    assert (
        _search(core, supervisor, start=TODAY - timedelta(days=1), end=TODAY - timedelta(days=1)).rows == ()
    )


def test_too_long_a_search_text_is_refused(core, supervisor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        _search(core, supervisor, text="x" * 41)
    assert (info.value.field, info.value.reason) == ("text", "too_long")


def test_a_clerk_can_neither_search_nor_verify(core, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        _search(core, clerk)
    with pytest.raises(PermissionDenied):
        core.audit.verify(clerk)


def test_a_whole_chain_is_reported_and_the_check_is_audited(core, admin, trail) -> None:  # type: ignore[no-untyped-def]
    report = core.audit.verify(admin)
    assert report.whole and report.checked == len(audit_rows(core)) - 1 and report.first_seq == 1
    last = audit_rows(core)[-1]
    assert (last.action, last.staff_no) == ("audit.verify", "A001")
    assert details(last) == {"checked": report.checked, "broken_seq": None, "reason": None, "via": "app"}


def test_changed_details_are_found_at_that_event(core, demo_path, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    victim = trail[5]
    _tamper(demo_path, "UPDATE audit_event SET details = ? WHERE seq = ?", '{"reason":"none"}', victim.seq)
    report = core.audit.verify(supervisor)
    assert (report.broken_seq, report.reason) == (victim.seq, "content_changed")
    assert (report.broken_at, report.broken_action) == (victim.at, victim.action)
    assert details(audit_rows(core)[-1])["broken_seq"] == victim.seq


def test_a_changed_hash_is_found_at_that_event(core, demo_path, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    victim = trail[3]
    _tamper(demo_path, "UPDATE audit_event SET hash = ? WHERE seq = ?", "f" * 64, victim.seq)
    report = core.audit.verify(supervisor)
    assert (report.broken_seq, report.reason) == (victim.seq, "content_changed")


def test_a_rehashed_event_breaks_the_next_link(core, demo_path, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    victim = trail[4]
    parts = (victim.event_id, victim.at.isoformat(), victim.device_id, victim.operator_id or "")
    forged = chain_hash(
        victim.prev_hash, *parts, victim.staff_no or "", victim.action, victim.target or "", "{}"
    )
    _tamper(demo_path, "UPDATE audit_event SET details = '{}', hash = ? WHERE seq = ?", forged, victim.seq)
    report = core.audit.verify(supervisor)
    assert (report.broken_seq, report.reason) == (victim.seq + 1, "link_broken")


def test_a_deleted_event_in_the_middle_is_named(core, demo_path, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    victim = trail[6]
    _tamper(demo_path, "DELETE FROM audit_event WHERE seq = ?", victim.seq)
    report = core.audit.verify(supervisor)
    assert (report.broken_seq, report.reason, report.broken_at) == (victim.seq, "row_missing", None)
    assert report.previous_at == trail[5].at
    assert report.checked == 6


def test_deleted_newest_events_are_found_too(core, demo_path, supervisor, trail) -> None:  # type: ignore[no-untyped-def]
    last = trail[-1]
    _tamper(demo_path, "DELETE FROM audit_event WHERE seq = ?", last.seq)
    with core.db.read() as s:
        broken = audit.inspect_chain(s).broken
    assert broken is not None and (broken.seq, broken.reason) == (last.seq, "row_missing")
    assert broken.previous_at == trail[-2].at


def test_actions_list_categories_for_every_known_kind(core) -> None:  # type: ignore[no-untyped-def]
    kinds = core.audit.actions()
    assert {k.action for k in kinds} >= {"login", "payment.take", "receipt.reprint", "payment.reverse"}
    assert len({k.action for k in kinds}) == len(kinds)
    assert all(k.category is not Category.OTHER for k in kinds)


def test_an_equal_time_written_differently_is_not_taken_for_tampering(
    core, demo_path, supervisor, trail
) -> None:  # type: ignore[no-untyped-def]
    victim = trail[2]
    iso = victim.at.replace(tzinfo=None).isoformat()  # "2026-11-20T01:31:00", not "… 01:31:00.000000"
    _tamper(demo_path, "UPDATE audit_event SET at = ? WHERE seq = ?", iso, victim.seq)
    assert core.audit.verify(supervisor).whole
    _tamper(demo_path, "UPDATE audit_event SET at = ? WHERE seq = ?", "not a time", victim.seq)
    report = core.audit.verify(supervisor)
    assert (report.broken_seq, report.reason, report.broken_at) == (victim.seq, "content_changed", None)
