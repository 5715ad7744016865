"""Changing the numbers behind the rules: validation, permissions, audit and outbox."""

import json
import sqlite3
from datetime import time
from decimal import Decimal

import pytest

from hallapp.db.models import Setting
from hallapp.domain.errors import InvalidForm, PermissionDenied, SettingUnknown
from hallapp.domain.records import Changes
from hallapp.domain.settings_catalog import BY_KEY, CATALOG, default_value
from tests.core.helpers import audit_rows, count_rows, details, outbox_rows, payload, write_counts

KEY = "queue.wait_target_minutes"


def test_fresh_database_has_every_default(core) -> None:  # type: ignore[no-untyped-def]
    values = core.settings.values()
    assert values == {d.key: default_value(d.key) for d in CATALOG}
    listed = core.settings.list()
    assert [v.key for v in listed] == [d.key for d in CATALOG]
    assert all(v.is_default and v.value == v.default and v.updated_by is None for v in listed)


def test_admin_update_is_stored_audited_and_queued(core, admin, clock) -> None:  # type: ignore[no-untyped-def]
    assert core.settings.update(admin, {KEY: "20"}) == Changes(settings=True)
    assert core.settings.get(KEY) == 20
    assert core.settings.values()[KEY] == 20

    [row] = audit_rows(core, "settings.change")
    assert row.target == KEY
    assert details(row) == {"old": 15, "new": 20}
    assert row.operator_id == admin.operator_id

    [op] = outbox_rows(core, "setting.set")
    assert op.entity == "setting"
    assert op.entity_id == KEY
    assert payload(op) == {"v": 1, "key": KEY, "value": 20}
    assert op.operator_id == admin.operator_id

    [entry] = [v for v in core.settings.list() if v.key == KEY]
    assert (entry.value, entry.default, entry.is_default) == (20, 15, False)
    assert entry.updated_by == "A001"
    assert entry.updated_at == clock.now()


def test_each_kind_round_trips_through_the_database(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(
        admin,
        {
            "penalty.resident_permille_per_day": "１.５",
            "hall.opening_time": "８：００",
            "penalty.before_principal": "否",
            "hall.name": "  城西供电营业厅 ",
        },
    )
    assert core.settings.get("penalty.resident_permille_per_day") == Decimal("1.5")
    assert core.settings.get("hall.opening_time") == time(8, 0)
    assert core.settings.get("penalty.before_principal") is False
    assert core.settings.get("hall.name") == "城西供电营业厅"
    stored = {r.entity_id: payload(r)["value"] for r in outbox_rows(core, "setting.set")}
    assert stored == {
        "penalty.resident_permille_per_day": "1.5",
        "hall.opening_time": "08:00",
        "penalty.before_principal": False,
        "hall.name": "城西供电营业厅",
    }


def test_an_unchanged_value_writes_nothing(core, admin) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    core.settings.update(admin, {KEY: "15", "penalty.resident_permille_per_day": "1.0"})
    assert write_counts(core) == before
    assert count_rows(core, Setting) == 0


def test_several_keys_in_one_update_are_all_audited(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {KEY: 30, "queue.callout_repeat": 3})
    assert {r.target for r in audit_rows(core, "settings.change")} == {KEY, "queue.callout_repeat"}
    assert len(outbox_rows(core, "setting.set")) == 2


@pytest.mark.parametrize("role", ["clerk", "guide", "supervisor"])
def test_non_admins_cannot_change_settings(core, request, role: str) -> None:  # type: ignore[no-untyped-def]
    actor = request.getfixturevalue(role)
    before = write_counts(core)
    with pytest.raises(PermissionDenied):
        core.settings.update(actor, {KEY: "20"})
    with pytest.raises(PermissionDenied):
        core.settings.reset(actor, KEY)
    assert core.settings.get(KEY) == 15
    assert write_counts(core) == before
    assert count_rows(core, Setting) == 0


def test_permission_is_checked_before_validation(core, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        core.settings.update(clerk, {"no.such.key": "x", KEY: "abc"})


def test_several_bad_values_are_all_reported_and_nothing_is_stored(core, admin) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    bad = {
        KEY: "abc",
        "queue.priority_ratio": "0",
        "hall.opening_time": "25:00",
        "penalty.resident_permille_per_day": "9",
        "hall.name": "",
        "penalty.before_principal": "maybe",
    }
    with pytest.raises(InvalidForm) as info:
        core.settings.update(admin, {**bad, "queue.callout_repeat": "3"})  # one good value too
    assert set(info.value.errors) == set(bad)
    assert info.value.params["fields"] == sorted(bad)
    reasons = {k: e.reason for k, e in info.value.errors.items()}
    assert reasons == {
        KEY: "not_an_integer",
        "queue.priority_ratio": "below_minimum",
        "hall.opening_time": "not_a_time",
        "penalty.resident_permille_per_day": "above_maximum",
        "hall.name": "empty",
        "penalty.before_principal": "not_a_bool",
    }
    assert all(e.field == k for k, e in info.value.errors.items())
    assert core.settings.get("queue.callout_repeat") == 2
    assert write_counts(core) == before
    assert count_rows(core, Setting) == 0


def test_cut_lead_min_above_max_is_refused(core, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidForm) as info:
        core.settings.update(admin, {"arrears.cut_lead_min_days": 8, "arrears.cut_lead_max_days": 5})
    [(field, error)] = info.value.errors.items()
    assert field == "arrears.cut_lead_max_days"
    assert error.reason == "order"
    assert error.params["other"] == "arrears.cut_lead_min_days"
    assert core.settings.get("arrears.cut_lead_min_days") == 3
    assert count_rows(core, Setting) == 0


def test_order_is_checked_against_stored_values(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {"arrears.cut_lead_max_days": 4})
    with pytest.raises(InvalidForm):
        core.settings.update(admin, {"arrears.cut_lead_min_days": 5})
    core.settings.update(admin, {"arrears.cut_lead_min_days": 4})  # equal is fine
    assert core.settings.get("arrears.cut_lead_min_days") == 4


def test_opening_after_closing_is_refused(core, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidForm) as info:
        core.settings.update(admin, {"hall.opening_time": "18:00"})
    assert set(info.value.errors) == {"hall.closing_time"}


def test_reset_returns_to_the_default(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {KEY: 45})
    assert core.settings.reset(admin, KEY) == Changes(settings=True)
    assert core.settings.get(KEY) == 15
    changes = [details(r) for r in audit_rows(core, "settings.change")]
    assert changes == [{"old": 15, "new": 45}, {"old": 45, "new": 15}]


def test_reset_marks_the_setting_as_default_again(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {KEY: 45})
    core.settings.reset(admin, KEY)
    [entry] = [v for v in core.settings.list() if v.key == KEY]
    assert entry.is_default


def test_unknown_keys(core, admin) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    with pytest.raises(SettingUnknown) as info:
        core.settings.get("no.such.key")
    assert info.value.params == {"key": "no.such.key"}
    with pytest.raises(SettingUnknown):
        core.settings.update(admin, {"no.such.key": 1})
    with pytest.raises(SettingUnknown):
        core.settings.update(admin, {KEY: 20, "no.such.key": 1})
    with pytest.raises(SettingUnknown):
        core.settings.reset(admin, "no.such.key")
    assert core.settings.get(KEY) == 15
    assert write_counts(core) == before


def test_a_stored_value_the_rules_reject_falls_back_to_the_default(core, demo_path) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.executemany(
            "INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?, ?, '2026-01-01 00:00:00', 'X')",
            [(KEY, json.dumps("abc")), ("queue.callout_repeat", "{not json"), ("queue.priority_ratio", "99")],
        )
    conn.close()
    assert core.settings.get(KEY) == 15
    assert core.settings.get("queue.callout_repeat") == 2
    assert core.settings.get("queue.priority_ratio") == BY_KEY["queue.priority_ratio"].parse(2)
