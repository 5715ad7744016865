"""Signing in and out, lock-out after wrong passwords, screen lock and unlock, all audited."""

import pytest
from sqlalchemy import select

from hallapp.db.models import Operator
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import Role
from hallapp.domain.errors import AccountLockedOut, InvalidInput, LoginFailed, OperatorInactive
from tests.core.helpers import audit_rows, details, outbox_rows, payload, write_counts


def _operator(core, staff_no: str) -> Operator:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return s.scalars(select(Operator).where(Operator.staff_no == staff_no)).one()


def test_login_returns_the_actor(core, clock) -> None:  # type: ignore[no-untyped-def]
    actor = core.auth.login("C001", DEMO_PASSWORD)
    assert actor.staff_no == "C001"
    assert actor.name == "王芳"
    assert actor.role is Role.CLERK
    assert actor.device_id == core.device.device_id
    assert actor.hall_id == core.device.hall_id
    op = _operator(core, "C001")
    assert op.operator_id == actor.operator_id
    assert op.last_login_at == clock.now()
    [row] = audit_rows(core, "login")
    assert row.operator_id == actor.operator_id
    assert row.staff_no == "C001"
    assert row.at == clock.now()


@pytest.mark.parametrize(
    ("staff_no", "role"), [("G001", Role.GUIDE), ("S001", Role.SUPERVISOR), ("A001", Role.ADMIN)]
)
def test_each_demo_role_signs_in(core, staff_no: str, role: Role) -> None:  # type: ignore[no-untyped-def]
    assert core.auth.login(staff_no, DEMO_PASSWORD).role is role


@pytest.mark.parametrize("typed", ["Ｃ００１", "c001", "  C001  ", "ｃ００１"])
def test_staff_number_is_normalised(core, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert core.auth.login(typed, DEMO_PASSWORD).staff_no == "C001"


def test_wrong_password_reports_remaining_attempts(core) -> None:  # type: ignore[no-untyped-def]
    allowed = core.settings.get("security.max_failed_logins")
    with pytest.raises(LoginFailed) as info:
        core.auth.login("C001", "wrong-password")
    assert info.value.params["remaining"] == allowed - 1
    with pytest.raises(LoginFailed) as info:
        core.auth.login("C001", "wrong-password")
    assert info.value.params["remaining"] == allowed - 2
    assert _operator(core, "C001").failed_logins == 2
    failed = audit_rows(core, "login.failed")
    assert [details(r)["reason"] for r in failed] == ["wrong_password", "wrong_password"]
    assert all(r.staff_no == "C001" and r.operator_id is None for r in failed)


def test_the_password_is_case_sensitive(core) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoginFailed):
        core.auth.login("C001", DEMO_PASSWORD.upper())


def test_success_resets_the_failure_count(core) -> None:  # type: ignore[no-untyped-def]
    allowed = core.settings.get("security.max_failed_logins")
    for _ in range(allowed - 1):
        with pytest.raises(LoginFailed):
            core.auth.login("C001", "nope-nope")
    core.auth.login("C001", DEMO_PASSWORD)
    assert _operator(core, "C001").failed_logins == 0
    with pytest.raises(LoginFailed) as info:
        core.auth.login("C001", "nope-nope")
    assert info.value.params["remaining"] == allowed - 1


def test_lock_out_after_max_failed_logins_until_the_time_passes(core, clock) -> None:  # type: ignore[no-untyped-def]
    allowed = core.settings.get("security.max_failed_logins")
    lockout = core.settings.get("security.lockout_minutes")
    for _ in range(allowed - 1):
        with pytest.raises(LoginFailed):
            core.auth.login("C001", "bad-guess")
    with pytest.raises(AccountLockedOut) as info:
        core.auth.login("C001", "bad-guess")
    locked_at = clock.now()
    assert (info.value.params["until"] - locked_at).total_seconds() == lockout * 60

    # Even the right password is refused while locked out.
    with pytest.raises(AccountLockedOut):
        core.auth.login("C001", DEMO_PASSWORD)
    clock.advance(minutes=lockout - 1)
    with pytest.raises(AccountLockedOut):
        core.auth.login("C001", DEMO_PASSWORD)

    clock.advance(minutes=2)  # lockout + 1 minutes after the lock
    actor = core.auth.login("C001", DEMO_PASSWORD)
    assert actor.staff_no == "C001"
    reasons = [details(r)["reason"] for r in audit_rows(core, "login.failed")]
    assert reasons == ["wrong_password"] * (allowed - 1) + [
        "wrong_password_locked_out",
        "locked_out",
        "locked_out",
    ]


def test_a_fresh_count_after_the_lock_out_expires(core, clock) -> None:  # type: ignore[no-untyped-def]
    allowed = core.settings.get("security.max_failed_logins")
    for _ in range(allowed):
        with pytest.raises((LoginFailed, AccountLockedOut)):
            core.auth.login("C001", "bad-guess")
    clock.advance(minutes=core.settings.get("security.lockout_minutes") + 1)
    with pytest.raises(LoginFailed) as info:
        core.auth.login("C001", "bad-guess")
    assert info.value.params["remaining"] == allowed - 1


def test_lock_out_follows_the_settings(core, admin, clock) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {"security.max_failed_logins": 2, "security.lockout_minutes": 1})
    with pytest.raises(LoginFailed) as info:
        core.auth.login("C002", "bad-guess")
    assert info.value.params["remaining"] == 1
    with pytest.raises(AccountLockedOut):
        core.auth.login("C002", "bad-guess")
    clock.advance(seconds=61)
    assert core.auth.login("C002", DEMO_PASSWORD).staff_no == "C002"


def test_lock_out_of_one_operator_does_not_affect_another(core) -> None:  # type: ignore[no-untyped-def]
    for _ in range(core.settings.get("security.max_failed_logins")):
        with pytest.raises((LoginFailed, AccountLockedOut)):
            core.auth.login("C001", "bad-guess")
    assert core.auth.login("C002", DEMO_PASSWORD).staff_no == "C002"


def test_unknown_staff_number_fails_and_is_audited(core) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    with pytest.raises(LoginFailed) as info:
        core.auth.login("X999", DEMO_PASSWORD)
    assert "remaining" not in info.value.params
    [row] = audit_rows(core, "login.failed")
    assert row.staff_no == "X999"
    assert row.operator_id is None
    assert details(row) == {"reason": "unknown_staff_no"}
    assert write_counts(core) == (before[0] + 1, before[1] + 1)


def test_inactive_operator_is_refused(core) -> None:  # type: ignore[no-untyped-def]
    with core.db.write() as s:
        s.scalars(select(Operator).where(Operator.staff_no == "C003")).one().active = False
    with pytest.raises(OperatorInactive):
        core.auth.login("C003", DEMO_PASSWORD)
    assert details(audit_rows(core, "login.failed")[-1]) == {"reason": "inactive"}


@pytest.mark.parametrize(
    ("staff_no", "password", "field", "reason"),
    [
        ("", DEMO_PASSWORD, "staff_no", "empty"),
        ("   ", DEMO_PASSWORD, "staff_no", "empty"),
        ("C" * 10_000, DEMO_PASSWORD, "staff_no", "bad_staff_no"),
        ("C001\x00", DEMO_PASSWORD, "staff_no", "control_chars"),
        ("\u200bC001", DEMO_PASSWORD, "staff_no", "control_chars"),
        ("C\x1b001", DEMO_PASSWORD, "staff_no", "control_chars"),
        ("C 001", DEMO_PASSWORD, "staff_no", "bad_staff_no"),
        ("王芳", DEMO_PASSWORD, "staff_no", "bad_staff_no"),
        ("C001' --", DEMO_PASSWORD, "staff_no", "bad_staff_no"),
        ("C001", "", "password", "empty"),
        ("C001", "x" * 10_000, "password", "too_long"),
        ("C001", "demo\x001234", "password", "control_chars"),
        ("C001", "demo1234\r\n", "password", "control_chars"),
    ],
)
def test_bad_input_is_refused_before_anything_is_written(  # type: ignore[no-untyped-def]
    core, staff_no: str, password: str, field: str, reason: str
) -> None:
    before = write_counts(core)
    with pytest.raises(InvalidInput) as info:
        core.auth.login(staff_no, password)
    assert info.value.field == field
    assert info.value.reason == reason
    assert write_counts(core) == before
    assert _operator(core, "C001").failed_logins == 0


def test_lock_and_unlock_are_audited(core, clerk) -> None:  # type: ignore[no-untyped-def]
    core.auth.lock(clerk)
    [lock] = audit_rows(core, "session.lock")
    assert details(lock) == {"reason": "idle"}
    assert lock.operator_id == clerk.operator_id

    with pytest.raises(LoginFailed) as info:
        core.auth.unlock(clerk, "not-my-password")
    assert info.value.params["remaining"] == core.settings.get("security.max_failed_logins") - 1
    [failed] = audit_rows(core, "session.unlock.failed")
    assert details(failed) == {"reason": "wrong_password"}
    assert audit_rows(core, "session.unlock") == []

    assert core.auth.unlock(clerk, DEMO_PASSWORD) == clerk
    [unlock] = audit_rows(core, "session.unlock")
    assert unlock.operator_id == clerk.operator_id
    assert _operator(core, "C001").failed_logins == 0


def test_lock_reason_is_recorded(core, supervisor) -> None:  # type: ignore[no-untyped-def]
    core.auth.lock(supervisor, reason="manual")
    assert details(audit_rows(core, "session.lock")[-1]) == {"reason": "manual"}


def test_unlock_refuses_bad_password_input_without_writing(core, clerk) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    for bad in ("", "y" * 10_000, "pw\x07"):
        with pytest.raises(InvalidInput) as info:
            core.auth.unlock(clerk, bad)
        assert info.value.field == "password"
    assert write_counts(core) == before


def test_repeated_wrong_unlocks_lock_the_operator_out(core, clerk) -> None:  # type: ignore[no-untyped-def]
    allowed = core.settings.get("security.max_failed_logins")
    for _ in range(allowed - 1):
        with pytest.raises(LoginFailed):
            core.auth.unlock(clerk, "guess-guess")
    with pytest.raises(AccountLockedOut):
        core.auth.unlock(clerk, "guess-guess")
    with pytest.raises(AccountLockedOut):
        core.auth.unlock(clerk, DEMO_PASSWORD)


def test_logout_is_audited_and_queued(core, clerk) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    core.auth.logout(clerk)
    [row] = audit_rows(core, "logout")
    assert row.operator_id == clerk.operator_id
    assert row.staff_no == "C001"
    assert write_counts(core) == (before[0] + 1, before[1] + 1)
    last = outbox_rows(core)[-1]
    assert last.op_type == "audit.event"
    assert payload(last)["action"] == "logout"
    assert last.operator_id == clerk.operator_id


def test_unknown_staff_number_costs_a_full_password_check(core, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Timing must not tell which staff numbers exist: an unknown one runs Argon2 too."""
    from hallapp.domain.errors import LoginFailed
    from hallapp.services import passwords

    calls: list[str] = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: calls.append(p) or real_verify(h, p))
    with pytest.raises(LoginFailed):
        core.auth.login("Z999", "whatever-it-is")
    assert calls == ["whatever-it-is"]
