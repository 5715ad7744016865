"""Offline sign-in with a verifier pulled from the central server: valid until its expiry, refused
after it (until a pull brings a fresh one), lock-out as for any operator; operators made on this PC
never expire."""

from datetime import timedelta

import pytest

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import AccountLockedOut, ActionRefused, LoginFailed
from tests.core.helpers import audit_rows, details
from tests.core.test_sync_pull_reference import EXPIRES, PASSWORD, local_row, operator, pull


@pytest.fixture
def pulled(core):  # type: ignore[no-untyped-def]
    pull(core, operator())
    return core


def test_the_last_moment_before_expiry_still_signs_in(pulled, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(EXPIRES - timedelta(seconds=1))
    assert pulled.auth.login("C101", PASSWORD).staff_no == "C101"


def test_an_expired_verifier_is_refused_whatever_the_password(pulled, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(EXPIRES)
    for password in (PASSWORD, "wrong-password"):
        with pytest.raises(ActionRefused) as refused:
            pulled.auth.login("C101", password)
        assert refused.value.reason == "offline_login_expired"
    assert local_row(pulled, "C101").failed_logins == 0  # not a wrong password: no step to lock-out
    failed = audit_rows(pulled, "login.failed")
    assert [details(r)["reason"] for r in failed] == ["verifier_expired", "verifier_expired"]


def test_a_fresh_verifier_from_the_next_pull_signs_in_again(pulled, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(EXPIRES + timedelta(days=1))
    with pytest.raises(ActionRefused):
        pulled.auth.login("C101", PASSWORD)
    later = EXPIRES + timedelta(days=8)
    pull(pulled, operator(version=2, verifier_expires_at=later.isoformat()))
    assert pulled.auth.login("C101", PASSWORD).staff_no == "C101"


def test_a_verifier_without_an_expiry_is_never_valid(core) -> None:  # type: ignore[no-untyped-def]
    pull(core, operator(verifier_expires_at=None))
    with pytest.raises(ActionRefused) as refused:
        core.auth.login("C101", PASSWORD)
    assert refused.value.reason == "offline_login_expired"


def test_unlock_and_approval_also_need_a_valid_verifier(pulled, clock) -> None:  # type: ignore[no-untyped-def]
    pull(pulled, operator("S101", operator_id="op-s101", role="supervisor"))
    actor = pulled.auth.login("C101", PASSWORD)
    clock.set(EXPIRES)
    with pytest.raises(ActionRefused):
        pulled.auth.unlock(actor, PASSWORD)
    with pytest.raises(ActionRefused):
        pulled.auth.verify_approver("S101", PASSWORD, requested_by=actor)


def test_lock_out_works_for_pulled_operators_and_survives_a_pull(pulled) -> None:  # type: ignore[no-untyped-def]
    allowed = pulled.settings.get("security.max_failed_logins")
    for _ in range(allowed - 1):
        with pytest.raises(LoginFailed):
            pulled.auth.login("C101", "wrong-password")
    with pytest.raises(AccountLockedOut):
        pulled.auth.login("C101", "wrong-password")
    pull(pulled, operator(version=2, name="李娜娜"))  # the server's change does not lift the lock
    with pytest.raises(AccountLockedOut):
        pulled.auth.login("C101", PASSWORD)
    assert local_row(pulled, "C101").name == "李娜娜"


def test_operators_made_on_this_pc_never_expire(core, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(days=3650)
    assert local_row(core, "C001").verifier_expires_at is None
    assert core.auth.login("C001", DEMO_PASSWORD).staff_no == "C001"
