"""What each role may do. Checked in services (``require``), never only by hiding buttons."""

from enum import StrEnum

from hallapp.domain.enums import Role
from hallapp.domain.errors import PermissionDenied


class Permission(StrEnum):
    ISSUE_TICKET = "issue_ticket"
    SERVE_COUNTER = "serve_counter"
    SEARCH_ACCOUNTS = "search_accounts"
    TAKE_PAYMENT = "take_payment"
    TAKE_APPLICATION = "take_application"
    APPROVE = "approve"
    VIEW_DAILY_LOG = "view_daily_log"
    VIEW_AUDIT = "view_audit"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_OPERATORS = "manage_operators"
    PURGE_RECORDS = "purge_records"  # delete records past retention (admins only)


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.GUIDE: frozenset({Permission.ISSUE_TICKET}),
    Role.CLERK: frozenset(
        {
            Permission.SERVE_COUNTER,
            Permission.SEARCH_ACCOUNTS,
            Permission.TAKE_PAYMENT,
            Permission.TAKE_APPLICATION,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.SEARCH_ACCOUNTS,
            Permission.APPROVE,
            Permission.VIEW_DAILY_LOG,
            Permission.VIEW_AUDIT,
            Permission.ISSUE_TICKET,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.EDIT_SETTINGS,
            Permission.MANAGE_OPERATORS,
            Permission.PURGE_RECORDS,
            Permission.VIEW_AUDIT,
            Permission.VIEW_DAILY_LOG,
            Permission.SEARCH_ACCOUNTS,
        }
    ),
}


def has_permission(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def require(role: Role, permission: Permission) -> None:
    if not has_permission(role, permission):
        raise PermissionDenied(permission=permission.value, role=role.value)
