"""Who may do what: checked in the domain, used by every service."""

import pytest

from hallapp.domain.enums import Role
from hallapp.domain.errors import PermissionDenied
from hallapp.domain.permissions import ROLE_PERMISSIONS, Permission, has_permission, require


def test_every_role_has_a_permission_set() -> None:
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert all(ROLE_PERMISSIONS[role] for role in Role)


def test_clerk_cannot_edit_settings() -> None:
    assert not has_permission(Role.CLERK, Permission.EDIT_SETTINGS)
    with pytest.raises(PermissionDenied) as info:
        require(Role.CLERK, Permission.EDIT_SETTINGS)
    assert info.value.params == {"permission": "edit_settings", "role": "clerk"}


def test_guide_cannot_search_accounts() -> None:
    with pytest.raises(PermissionDenied):
        require(Role.GUIDE, Permission.SEARCH_ACCOUNTS)


def test_admin_can_edit_settings_and_manage_operators() -> None:
    require(Role.ADMIN, Permission.EDIT_SETTINGS)
    require(Role.ADMIN, Permission.MANAGE_OPERATORS)
    assert has_permission(Role.ADMIN, Permission.EDIT_SETTINGS)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.GUIDE, {Permission.ISSUE_TICKET}),
        (
            Role.CLERK,
            {
                Permission.SERVE_COUNTER,
                Permission.SEARCH_ACCOUNTS,
                Permission.TAKE_PAYMENT,
                Permission.TAKE_APPLICATION,
            },
        ),
    ],
)
def test_front_line_roles_get_exactly_their_duties(role: Role, allowed: set[Permission]) -> None:
    for permission in Permission:
        assert has_permission(role, permission) is (permission in allowed)


def test_only_admin_edits_settings_and_only_clerks_take_money() -> None:
    assert {r for r in Role if has_permission(r, Permission.EDIT_SETTINGS)} == {Role.ADMIN}
    assert {r for r in Role if has_permission(r, Permission.TAKE_PAYMENT)} == {Role.CLERK}
    assert {r for r in Role if has_permission(r, Permission.APPROVE)} == {Role.SUPERVISOR}


def test_only_supervisors_and_admins_open_the_daily_log() -> None:
    assert {r for r in Role if has_permission(r, Permission.VIEW_DAILY_LOG)} == {Role.SUPERVISOR, Role.ADMIN}
