"""Operators and settings pulled from the central server (hallapp.sync.pull_reference), against a
scripted feed: newer versions only, the server's fields win over a local operator of the same staff
number, a hall's override over the global value, and what this version cannot check is ignored."""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from hallapp.db.models import Operator, Setting, SyncState
from hallapp.db.schema_reference import SettingSynced
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import InvalidForm, LoginFailed, OperatorInactive
from hallapp.services.passwords import hash_password
from hallapp.sync import pull_reference
from tests.conftest import START
from tests.core.test_sync_pull import Feed, puller

PASSWORD = "Counter#2026"
VERIFIER = hash_password(PASSWORD)  # what the server sends: the same Argon2id parameters
EXPIRES = START + timedelta(days=7)


def operator(
    staff_no: str = "C101",
    version: int = 1,
    *,
    operator_id: str = "op-101",
    verifier: str | None = VERIFIER,
    **data: Any,
) -> dict[str, Any]:
    image = {
        "operator_id": operator_id,
        "hall_id": "H0001",
        "staff_no": staff_no,
        "name": "李娜",
        "role": "clerk",
        "active": True,
        "verifier": verifier,
        "verifier_expires_at": EXPIRES.isoformat(),
        "version": version,
    } | data
    return {
        "entity": "operator",
        "entity_id": operator_id,
        "entity_version": version,
        "op": "upsert",
        "data": image,
    }


def setting(key: str, value: Any, layer: str = "global", version: int = 1) -> dict[str, Any]:
    data = {"key": key, "layer": layer, "value": value, "version": version, "updated_at": START.isoformat()}
    return {"entity": "setting", "entity_id": key, "entity_version": version, "op": "upsert", "data": data}


def pull(core, *changes: dict[str, Any]) -> int:  # type: ignore[no-untyped-def]
    """Each call is a new page of the same feed: the cursor moves on, as after a real sync."""
    with core.db.write() as s:
        s.merge(SyncState(key="pull_cursor", value=""))
    return puller(core, Feed(list(changes))).pull_all().applied


def local_row(core, staff_no: str) -> Operator:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return s.scalars(select(Operator).where(Operator.staff_no == staff_no)).one()


# -- operators --------------------------------------------------------------------------------------


def test_a_pulled_operator_signs_in_with_the_servers_verifier(core) -> None:  # type: ignore[no-untyped-def]
    assert pull(core, operator()) == 1
    row = local_row(core, "C101")
    assert row.operator_id == "op-101" and row.hall_id == core.device.hall_id
    assert row.password_hash == VERIFIER and row.verifier_expires_at == EXPIRES
    actor = core.auth.login("C101", PASSWORD)
    assert (actor.operator_id, actor.name, actor.role.value) == ("op-101", "李娜", "clerk")
    assert local_row(core, "C101").password_hash == VERIFIER  # the server's verifier, never rehashed here


def test_only_a_newer_version_changes_an_operator(core) -> None:  # type: ignore[no-untyped-def]
    pull(core, operator(version=3, name="新名"))
    assert pull(core, operator(version=2, name="旧名"), operator(version=3, name="旧名")) == 0
    assert local_row(core, "C101").name == "新名"
    assert pull(core, operator(version=4, role="supervisor")) == 1
    assert core.auth.login("C101", PASSWORD).role.value == "supervisor"


def test_a_deactivated_operator_cannot_sign_in_after_the_pull(core) -> None:  # type: ignore[no-untyped-def]
    pull(core, operator())
    core.auth.login("C101", PASSWORD)
    assert pull(core, operator(version=2, active=False, verifier=None, verifier_expires_at=None)) == 1
    row = local_row(core, "C101")
    assert not row.active and row.password_hash == "" and row.verifier_expires_at is None
    with pytest.raises(OperatorInactive):
        core.auth.login("C101", PASSWORD)


def test_an_operator_never_seen_here_and_inactive_is_not_created(core) -> None:  # type: ignore[no-untyped-def]
    assert pull(core, operator(active=False, verifier=None)) == 0
    with core.db.read() as s:
        assert s.get(Operator, "op-101") is None


def test_a_role_this_version_does_not_know_is_ignored(core) -> None:  # type: ignore[no-untyped-def]
    assert pull(core, operator(role="auditor")) == 0
    with pytest.raises(LoginFailed):
        core.auth.login("C101", PASSWORD)


def test_a_local_operator_of_the_same_staff_number_takes_the_servers_fields(core) -> None:  # type: ignore[no-untyped-def]
    before = local_row(core, "C001")
    with pytest.raises(LoginFailed):
        core.auth.login("C001", "wrong-password")
    locked = START + timedelta(minutes=3)
    with core.db.write() as s:
        s.get(Operator, before.operator_id).last_login_at = locked
    assert pull(core, operator("C001", operator_id="server-id", name="王芳芳", role="supervisor")) == 1
    row = local_row(core, "C001")
    assert row.operator_id == before.operator_id  # facts taken here keep their operator
    assert (row.name, row.role, row.server_version) == ("王芳芳", "supervisor", 1)
    assert row.failed_logins == 1 and row.last_login_at == locked  # this PC's own counters
    with pytest.raises(LoginFailed):
        core.auth.login("C001", DEMO_PASSWORD)
    assert core.auth.login("C001", PASSWORD).operator_id == before.operator_id
    assert pull(core, operator("C001", 2, operator_id="server-id", active=False, verifier=None)) == 1
    with pytest.raises(OperatorInactive):
        core.auth.login("C001", PASSWORD)


def test_a_restored_server_is_believed_whatever_its_versions(core) -> None:  # type: ignore[no-untyped-def]
    pull(core, operator(version=5), setting("queue.callout_repeat", 3, version=4))
    with core.db.write() as s:
        pull_reference.restart(s)
    assert pull(core, operator(version=2, name="恢复后"), setting("queue.callout_repeat", 4, version=1)) == 2
    assert local_row(core, "C101").name == "恢复后"
    assert core.settings.get("queue.callout_repeat") == 4


def test_the_puller_believes_a_restored_server_for_operators_and_settings_too(core) -> None:  # type: ignore[no-untyped-def]
    puller(core, Feed([operator(version=5), setting("queue.callout_repeat", 3, version=4)])).pull_all()
    restored = Feed(
        [operator(version=2, name="恢复后"), setting("queue.callout_repeat", 4, version=1)], epoch="e2"
    )
    assert puller(core, restored).pull_all().applied == 2  # a new epoch: Puller._restart
    assert local_row(core, "C101").name == "恢复后"
    assert core.settings.get("queue.callout_repeat") == 4


# -- settings ---------------------------------------------------------------------------------------


def test_the_halls_override_wins_over_the_global_value(core) -> None:  # type: ignore[no-untyped-def]
    assert pull(core, setting("penalty.minimum_fen", 200)) == 1
    assert core.settings.get("penalty.minimum_fen") == 200
    pull(core, setting("penalty.minimum_fen", 300, layer="hall"))
    pull(core, setting("penalty.minimum_fen", 250, version=2))  # global changes under the override
    assert core.settings.get("penalty.minimum_fen") == 300
    pull(core, setting("penalty.minimum_fen", None, layer="hall", version=2))  # override cleared
    assert core.settings.get("penalty.minimum_fen") == 250
    with core.db.read() as s:
        row = s.get(Setting, "penalty.minimum_fen")
        assert json.loads(row.value) == 250 and row.updated_by == pull_reference.SERVER


def test_decimal_time_and_bool_values_are_stored_as_the_pc_stores_them(core) -> None:  # type: ignore[no-untyped-def]
    pull(
        core,
        setting("penalty.resident_permille_per_day", "0.5"),
        setting("hall.opening_time", "09:00"),
        setting("queue.allow_pick", True),
    )
    values = core.settings.values()
    assert str(values["penalty.resident_permille_per_day"]) == "0.5"
    assert values["hall.opening_time"].strftime("%H:%M") == "09:00"
    assert values["queue.allow_pick"] is True


@pytest.mark.parametrize(
    "change",
    [
        setting("no.such_key", 1),
        setting("penalty.minimum_fen", 10_001),  # above what this version allows
        setting("penalty.minimum_fen", "一百"),
        setting("penalty.minimum_fen", 200, layer="region"),
        setting("hall.opening_time", "25:00"),
    ],
    ids=["unknown_key", "above_maximum", "not_a_number", "unknown_layer", "bad_time"],
)
def test_what_this_version_cannot_check_is_ignored(core, change: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    before = core.settings.values()
    assert pull(core, change) == 0
    assert core.settings.values() == before
    with core.db.read() as s:
        assert s.scalars(select(SettingSynced)).first() is None
        assert pull_reference.server_owned(s) == frozenset()


def test_a_server_owned_setting_is_refused_here_and_the_rest_stays_editable(core, admin) -> None:  # type: ignore[no-untyped-def]
    pull(core, setting("penalty.minimum_fen", 200))
    assert core.settings.server_owned() == {"penalty.minimum_fen"}
    with pytest.raises(InvalidForm) as refused:
        core.settings.update(admin, {"penalty.minimum_fen": "150", "queue.priority_ratio": "3"})
    assert {k: e.reason for k, e in refused.value.errors.items()} == {"penalty.minimum_fen": "server_owned"}
    with pytest.raises(InvalidForm):
        core.settings.reset(admin, "penalty.minimum_fen")
    assert core.settings.get("penalty.minimum_fen") == 200
    core.settings.update(admin, {"queue.priority_ratio": "3"})
    assert core.settings.get("queue.priority_ratio") == 3
    listed = {v.key: v for v in core.settings.list()}
    assert listed["penalty.minimum_fen"].updated_by == pull_reference.SERVER
    assert listed["queue.priority_ratio"].updated_by == admin.staff_no


def test_a_setting_the_server_gives_up_keeps_its_value_and_is_editable_again(core, admin) -> None:  # type: ignore[no-untyped-def]
    pull(core, setting("penalty.minimum_fen", 200))
    pull(core, setting("penalty.minimum_fen", None, version=2))
    assert core.settings.server_owned() == frozenset()
    assert core.settings.get("penalty.minimum_fen") == 200
    core.settings.update(admin, {"penalty.minimum_fen": "150"})
    assert core.settings.get("penalty.minimum_fen") == 150


def test_a_local_value_is_replaced_by_the_servers(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {"queue.callout_repeat": "4"})
    pull(core, setting("queue.callout_repeat", 3))
    assert core.settings.get("queue.callout_repeat") == 3
    with core.db.read() as s:
        assert s.get(Setting, "queue.callout_repeat").updated_at == datetime.fromisoformat(
            START.isoformat()
        ).astimezone(UTC)
