"""Operators and settings on the central server (hallapp.central.staff): every change is checked with
the PC's own rules, written with its change_log row in one transaction, or refused with one Chinese
sentence and nothing written; then a real PC pulls them and signs operators in offline."""

import io
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from hallapp.central.enrolment import create_hall
from hallapp.central.schema import ChangeLog
from hallapp.central.schema_staff import Operator, Setting
from hallapp.central.staff import (
    StaffRefused,
    add_operator,
    clear_setting,
    deactivate_operator,
    list_operators,
    list_settings,
    refresh_verifiers,
    set_operator,
    set_setting,
)
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services import passwords
from tests.server.test_central_support import HALL, central_url, client, pg_url, sessions  # noqa: F401
from tests.server.test_sync_end_to_end import START, pc  # noqa: F401 - fixtures

pytestmark = pytest.mark.pg

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PASSWORD = "Counter#2026"
OTHER_HALL = "H0002"
BEYOND_HORIZON = "xid >= pg_snapshot_xmin(pg_current_snapshot())"


def feed(sessions, entity: str | None = None) -> list[ChangeLog]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        query = select(ChangeLog).order_by(ChangeLog.xid, ChangeLog.id)
        if entity is not None:
            query = query.where(ChangeLog.entity == entity)
        return list(s.scalars(query))


def written(sessions) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(operators, settings, change_log rows) on the server."""
    with sessions() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0 for model in (Operator, Setting, ChangeLog)
        )


def clerk(sessions, staff_no: str = "C101", password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return add_operator(sessions, HALL, staff_no, "李娜", "clerk", password, now=NOW)


# -- operators --------------------------------------------------------------------------------------


def test_a_new_operator_goes_to_its_halls_feed_with_a_verifier_the_pc_accepts(sessions) -> None:
    op = clerk(sessions, " c101 ")
    assert op.staff_no == "C101" and op.version == 1 and op.active
    assert op.verifier_expires_at == NOW + timedelta(days=7)
    [row] = feed(sessions)
    assert (row.scope, row.entity, row.entity_id, row.entity_version, row.op) == (
        f"hall:{HALL}",
        "operator",
        op.operator_id,
        1,
        "upsert",
    )
    data = row.data
    assert data is not None
    assert {k: data[k] for k in ("staff_no", "name", "role", "active", "hall_id")} == {
        "staff_no": "C101",
        "name": "李娜",
        "role": "clerk",
        "active": True,
        "hall_id": HALL,
    }
    assert datetime.fromisoformat(data["verifier_expires_at"]) == op.verifier_expires_at
    assert data["verifier"].startswith("$argon2id$") and PASSWORD not in str(data)
    assert passwords.verify_password(data["verifier"], PASSWORD)
    assert not passwords.needs_rehash(data["verifier"])  # the PC's parameters exactly


BAD_OPERATORS = [
    ({"staff_no": ""}, "bad_staff_no"),
    ({"staff_no": "   "}, "bad_staff_no"),
    ({"staff_no": "C" * 21}, "bad_staff_no"),
    ({"staff_no": "C" * 10_000}, "bad_staff_no"),
    ({"staff_no": "C-101"}, "bad_staff_no"),
    ({"staff_no": "收费1"}, "bad_staff_no"),
    ({"staff_no": "C10\x001"}, "bad_staff_no"),
    ({"hall_id": "H9999"}, "unknown_hall"),
    ({"role": "cashier"}, "unknown_role"),
    ({"name": ""}, "bad_name"),
    ({"name": "名" * 41}, "bad_name"),
    ({"password": "short7!"}, "weak_password"),
    ({"password": " " * 12}, "weak_password"),
    ({"password": "x" * 129}, "weak_password"),
    ({"password": "good\x07password"}, "weak_password"),
]


@pytest.mark.parametrize(("change", "code"), BAD_OPERATORS, ids=[c for _, c in BAD_OPERATORS])
def test_bad_operator_input_is_refused_with_a_sentence_and_nothing_written(
    sessions, change: dict[str, str], code: str
) -> None:
    clerk(sessions, "C100")
    before = written(sessions)
    args = {"hall_id": HALL, "staff_no": "C101", "name": "李娜", "role": "clerk", "password": PASSWORD}
    with pytest.raises(StaffRefused) as refused:
        add_operator(sessions, **(args | change), now=NOW)
    assert refused.value.code == code
    sentence = refused.value.sentence
    assert "：" in sentence and sentence.endswith("。") and len(sentence) < 120
    assert written(sessions) == before


def test_a_taken_staff_number_is_refused_even_in_another_hall(sessions) -> None:
    create_hall(sessions, OTHER_HALL, "城西供电营业厅")
    clerk(sessions)
    before = written(sessions)
    with pytest.raises(StaffRefused) as refused:
        add_operator(sessions, OTHER_HALL, "c101", "王强", "guide", PASSWORD, now=NOW)
    assert refused.value.code == "staff_no_taken" and "C101" in refused.value.sentence
    assert written(sessions) == before


def test_the_shortest_password_is_the_halls_setting(sessions) -> None:
    set_setting(sessions, "security.min_password_length", "14", hall_id=HALL)
    with pytest.raises(StaffRefused) as refused:
        clerk(sessions)  # 12 characters
    assert refused.value.code == "weak_password" and "14" in refused.value.sentence
    assert clerk(sessions, password="Counter#2026-long").active


def test_changes_are_published_once_each_and_a_move_leaves_the_old_hall(sessions) -> None:
    create_hall(sessions, OTHER_HALL, "城西供电营业厅")
    op = clerk(sessions)
    assert set_operator(sessions, "C101", name="李娜", now=NOW).version == 1  # nothing changed
    renamed = set_operator(sessions, "C101", name="李娜娜", role="supervisor", now=NOW + timedelta(days=1))
    assert renamed.version == 2 and renamed.verifier_expires_at == NOW + timedelta(days=8)
    moved = set_operator(sessions, "C101", hall_id=OTHER_HALL, now=NOW + timedelta(days=2))
    rows = feed(sessions, "operator")
    assert [(r.scope, r.entity_version, r.data["active"]) for r in rows] == [  # type: ignore[index]
        (f"hall:{HALL}", 1, True),
        (f"hall:{HALL}", 2, True),
        (f"hall:{OTHER_HALL}", 3, True),
        (f"hall:{HALL}", 3, False),
    ]
    assert rows[-1].data["verifier"] is None  # type: ignore[index]
    assert moved.hall_id == OTHER_HALL and rows[2].data["role"] == "supervisor"  # type: ignore[index]
    assert {o.operator_id for o in list_operators(sessions, OTHER_HALL)} == {op.operator_id}
    assert list_operators(sessions, HALL) == []


def test_a_new_password_is_a_new_verifier(sessions) -> None:
    clerk(sessions)
    set_operator(sessions, "C101", password="Another#Pass1", now=NOW)
    verifier = feed(sessions, "operator")[-1].data["verifier"]  # type: ignore[index]
    assert passwords.verify_password(verifier, "Another#Pass1")
    assert not passwords.verify_password(verifier, PASSWORD)
    with pytest.raises(StaffRefused) as refused:
        set_operator(sessions, "C101", password="short")
    assert refused.value.code == "weak_password"
    with pytest.raises(StaffRefused) as refused:
        set_operator(sessions, "C999", name="谁")
    assert refused.value.code == "unknown_operator"


def test_a_deactivated_operator_goes_out_without_a_verifier(sessions) -> None:
    clerk(sessions)
    off = deactivate_operator(sessions, "C101", now=NOW + timedelta(hours=1))
    assert not off.active and off.version == 2
    data = feed(sessions, "operator")[-1].data
    assert data is not None and data["active"] is False and data["verifier"] is None
    with sessions() as s:
        row = s.scalars(select(Operator)).one()
        assert row.deactivated_at == NOW + timedelta(hours=1)
    back = set_operator(sessions, "C101", active=True, now=NOW + timedelta(days=1))
    assert back.active and feed(sessions, "operator")[-1].data["verifier"]  # type: ignore[index]


def test_refresh_reissues_active_verifiers_once(sessions) -> None:
    create_hall(sessions, OTHER_HALL, "城西供电营业厅")
    set_setting(sessions, "auth.offline_verifier_days", "3", hall_id=OTHER_HALL)
    clerk(sessions, "C101")
    add_operator(sessions, OTHER_HALL, "C201", "赵敏", "clerk", PASSWORD, now=NOW)
    add_operator(sessions, HALL, "C102", "周杰", "clerk", PASSWORD, now=NOW)
    deactivate_operator(sessions, "C102", now=NOW)
    assert refresh_verifiers(sessions, now=NOW + timedelta(hours=11)) == 0  # issued under 12 h ago
    later = NOW + timedelta(days=1)
    assert refresh_verifiers(sessions, now=later) == 2
    assert refresh_verifiers(sessions, now=later + timedelta(hours=1)) == 0
    expiries = {o.staff_no: o.verifier_expires_at for o in list_operators(sessions) if o.active}
    assert expiries == {"C101": later + timedelta(days=7), "C201": later + timedelta(days=3)}
    refreshed = [r for r in feed(sessions, "operator") if r.entity_version == 2 and r.data["active"]]  # type: ignore[index]
    assert {r.data["staff_no"] for r in refreshed} == {"C101", "C201"}  # type: ignore[index]


# -- settings ---------------------------------------------------------------------------------------


def test_a_global_value_and_a_halls_override_go_to_their_scopes(sessions) -> None:
    g = set_setting(sessions, "penalty.minimum_fen", "200", by="admin", now=NOW)
    h = set_setting(sessions, "penalty.minimum_fen", 300, hall_id=HALL, now=NOW)
    again = set_setting(sessions, "penalty.minimum_fen", " 300 ", hall_id=HALL, now=NOW)
    assert (g.version, h.version, again.version) == (1, 1, 1)
    rows = feed(sessions, "setting")
    assert [(r.scope, r.entity_id, r.data["layer"], r.data["value"]) for r in rows] == [  # type: ignore[index]
        ("global", "penalty.minimum_fen", "global", 200),
        (f"hall:{HALL}", "penalty.minimum_fen", "hall", 300),
    ]
    decimal = set_setting(sessions, "penalty.resident_permille_per_day", "0.5", now=NOW)
    assert decimal.value == "0.5"  # the catalog's JSON form, as the PC stores it
    cleared = clear_setting(sessions, "penalty.minimum_fen", hall_id=HALL, now=NOW)
    assert cleared.value is None and cleared.version == 2
    assert feed(sessions, "setting")[-1].data["value"] is None  # type: ignore[index]
    sources = {v.key: (v.value, v.source) for v in list_settings(sessions, HALL)}
    assert sources["penalty.minimum_fen"] == (200, "global")
    assert sources["queue.callout_repeat"] == (2, "default")


BAD_SETTINGS = [
    ("no.such_key", "1", "unknown_setting"),
    ("sync.server_url", "http://evil.example", "pc_only_setting"),
    ("penalty.minimum_fen", "10001", "invalid_value"),
    ("penalty.minimum_fen", "一百", "invalid_value"),
    ("hall.opening_time", "25:00", "invalid_value"),
    ("queue.board_notice", "x" * 201, "invalid_value"),
    ("queue.allow_pick", "maybe", "invalid_value"),
]


@pytest.mark.parametrize(("key", "value", "code"), BAD_SETTINGS, ids=[f"{k}={c}" for k, _, c in BAD_SETTINGS])
def test_bad_settings_are_refused_with_a_sentence_and_nothing_written(
    sessions, key: str, value: str, code: str
) -> None:
    before = written(sessions)
    with pytest.raises(StaffRefused) as refused:
        set_setting(sessions, key, value)
    assert refused.value.code == code and refused.value.sentence.endswith("。")
    assert written(sessions) == before


def test_the_sentence_names_the_broken_rule(sessions) -> None:
    with pytest.raises(StaffRefused) as refused:
        set_setting(sessions, "penalty.minimum_fen", "10001")
    assert refused.value.sentence == "设置项 penalty.minimum_fen 的值不能大于 10000：请改正后再设置。"


def test_ordered_pairs_hold_in_every_hall(sessions) -> None:
    set_setting(sessions, "arrears.cut_lead_max_days", "5", hall_id=HALL)
    before = written(sessions)
    with pytest.raises(StaffRefused) as refused:
        set_setting(sessions, "arrears.cut_lead_min_days", "6")  # globally: above the hall's maximum
    assert refused.value.code == "order" and HALL in refused.value.sentence
    assert written(sessions) == before
    with pytest.raises(StaffRefused):
        set_setting(sessions, "arrears.cut_lead_max_days", "2", hall_id=HALL)  # below the default minimum
    assert set_setting(sessions, "arrears.cut_lead_min_days", "4").version == 1


def test_server_only_settings_are_kept_but_not_published(sessions) -> None:
    set_setting(sessions, "auth.offline_verifier_days", "10")
    assert feed(sessions, "setting") == []
    assert clerk(sessions).verifier_expires_at == NOW + timedelta(days=10)
    with pytest.raises(StaffRefused) as refused:
        set_setting(sessions, "auth.offline_verifier_days", "0")
    assert refused.value.code == "invalid_value"


def test_unknown_hall_for_a_setting(sessions) -> None:
    before = written(sessions)
    with pytest.raises(StaffRefused) as refused:
        set_setting(sessions, "penalty.minimum_fen", "200", hall_id="H9999")
    assert refused.value.code == "unknown_hall"
    assert written(sessions) == before


# -- the commands -----------------------------------------------------------------------------------


def run(central_url: str, monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    from hallapp.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["central", *argv, "--db-url", central_url])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_read_the_password_from_stdin_and_say_what_is_wrong(
    central_url, sessions, monkeypatch, capsys
) -> None:
    args = ("add-operator", "--hall", HALL, "--staff-no", "C101", "--name", "李娜", "--role", "clerk")
    code, out, _ = run(central_url, monkeypatch, capsys, *args, "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and "C101" in out
    [op] = list_operators(sessions)
    assert op.staff_no == "C101"
    verifier = feed(sessions, "operator")[0].data["verifier"]  # type: ignore[index]
    assert passwords.verify_password(verifier, PASSWORD)  # the newline is not part of it
    code, _, err = run(central_url, monkeypatch, capsys, *args, "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 1 and "工号 C101 已有人使用" in err
    code, _, err = run(
        central_url, monkeypatch, capsys, *args[:-1], "boss", "--password-stdin", stdin=PASSWORD
    )
    assert code == 1 and "角色只能是" in err
    code, out, _ = run(central_url, monkeypatch, capsys, "set-setting", "penalty.minimum_fen", "150")
    assert code == 0 and "全部营业厅" in out
    code, _, err = run(central_url, monkeypatch, capsys, "set-setting", "penalty.minimum_fen", "x")
    assert code == 1 and "应为整数" in err
    code, out, _ = run(central_url, monkeypatch, capsys, "list-settings", "--hall", HALL)
    assert code == 0 and "penalty.minimum_fen\t150\t全局" in out
    code, out, _ = run(central_url, monkeypatch, capsys, "deactivate-operator", "--staff-no", "c101")
    assert code == 0 and not list_operators(sessions)[0].active
    code, out, _ = run(central_url, monkeypatch, capsys, "list-operators")
    assert code == 0 and "C101" in out and "已停用" in out
    code, out, _ = run(central_url, monkeypatch, capsys, "refresh-verifiers")
    assert code == 0 and "0 名" in out


def test_typed_passwords_must_match(central_url, sessions, monkeypatch, capsys) -> None:
    typed = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(typed))
    args = ("add-operator", "--hall", HALL, "--staff-no", "C101", "--name", "李娜", "--role", "clerk")
    code, _, err = run(central_url, monkeypatch, capsys, *args)
    assert code == 2 and "两次输入的密码不一致" in err
    assert list_operators(sessions) == []


# -- end to end: the server's operators and settings on a real PC -----------------------------------


def pull(core, client, token: str, sessions) -> int:  # type: ignore[no-untyped-def]
    """Once every change is below the feed's horizon: transactions of other databases on the same
    PostgreSQL (tests running beside these) hold the horizon back for a moment (docs/sync_protocol.md)."""
    from hallapp.sync.pull import Puller

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with sessions() as s:
            if not s.scalar(text(f"SELECT count(*) FROM change_log WHERE {BEYOND_HORIZON}")):
                break
        time.sleep(0.05)
    return Puller(core.db, client, token).pull_all().applied


def test_an_operator_added_on_the_server_signs_in_offline_until_deactivated(pc, client, sessions) -> None:
    from hallapp.domain.errors import ActionRefused, OperatorInactive

    core, _clerk, token, _ = pc
    op = add_operator(sessions, HALL, "C101", "李娜", "clerk", PASSWORD, now=START)
    assert pull(core, client, token, sessions) >= 1
    actor = core.auth.login("c101", PASSWORD)
    assert actor.operator_id == op.operator_id and actor.name == "李娜"
    deactivate_operator(sessions, "C101", now=START)
    pull(core, client, token, sessions)
    with pytest.raises(OperatorInactive):
        core.auth.login("C101", PASSWORD)
    set_operator(sessions, "C101", active=True, now=START)
    pull(core, client, token, sessions)
    assert core.auth.login("C101", PASSWORD).operator_id == op.operator_id
    core.clock.advance(days=7)  # no pull for a week: the verifier has expired
    with pytest.raises(ActionRefused) as refused:
        core.auth.login("C101", PASSWORD)
    assert refused.value.reason == "offline_login_expired"
    refresh_verifiers(sessions, now=core.clock.now())
    pull(core, client, token, sessions)  # back on the network: a fresh verifier
    assert core.auth.login("C101", PASSWORD).staff_no == "C101"


def test_a_local_operator_with_the_same_staff_number_takes_the_servers_fields(pc, client, sessions) -> None:
    from hallapp.domain.errors import LoginFailed

    core, local_clerk, token, _ = pc
    add_operator(sessions, HALL, "C001", "王芳芳", "supervisor", PASSWORD, now=START)
    with pytest.raises(LoginFailed):
        core.auth.login("C001", "wrong-password")
    pull(core, client, token, sessions)
    with pytest.raises(LoginFailed) as failed:
        core.auth.login("C001", DEMO_PASSWORD)  # the server's password now
    allowed = core.settings.get("security.max_failed_logins")
    assert failed.value.params["remaining"] == allowed - 2  # the local count went on
    actor = core.auth.login("C001", PASSWORD)
    assert actor.operator_id == local_clerk.operator_id  # the facts taken here keep their operator
    assert (actor.name, actor.role.value) == ("王芳芳", "supervisor")


def test_settings_set_on_the_server_apply_on_the_pc_and_are_not_editable_there(pc, client, sessions) -> None:
    from hallapp.domain.errors import InvalidForm

    core, _clerk, token, _ = pc
    admin = core.auth.login("A001", DEMO_PASSWORD)
    set_setting(sessions, "penalty.minimum_fen", "200")
    set_setting(sessions, "penalty.minimum_fen", "300", hall_id=HALL)
    set_setting(sessions, "queue.callout_repeat", "3")
    pull(core, client, token, sessions)
    assert core.settings.get("penalty.minimum_fen") == 300
    assert core.settings.get("queue.callout_repeat") == 3
    with pytest.raises(InvalidForm) as refused:
        core.settings.update(admin, {"penalty.minimum_fen": "400", "queue.priority_ratio": "3"})
    assert set(refused.value.errors) == {"penalty.minimum_fen"}
    assert refused.value.errors["penalty.minimum_fen"].reason == "server_owned"
    clear_setting(sessions, "penalty.minimum_fen", hall_id=HALL)
    pull(core, client, token, sessions)
    assert core.settings.get("penalty.minimum_fen") == 200
