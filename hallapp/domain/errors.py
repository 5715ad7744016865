"""Errors a user can cause. The UI turns each into one clear sentence (ui/errors.py).

Every error has a stable ``code`` and keyword ``params``; the message shown to people is never
built here, so the core stays free of presentation and language.
"""

from typing import Any


class HallError(Exception):
    """Base of all user-facing errors. ``field`` names the input that caused it, if any."""

    code = "error"

    def __init__(self, field: str | None = None, **params: Any) -> None:
        self.field = field
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class InvalidInput(HallError):
    """A value does not pass validation; ``reason`` says which rule it broke."""

    code = "invalid_input"

    def __init__(self, field: str | None, reason: str, **params: Any) -> None:
        super().__init__(field, reason=reason, **params)
        self.reason = reason


class LoginFailed(HallError):
    code = "login_failed"


class AccountLockedOut(HallError):
    code = "account_locked_out"


class OperatorInactive(HallError):
    code = "operator_inactive"


class PermissionDenied(HallError):
    code = "permission_denied"


class NotFound(HallError):
    code = "not_found"


class AccountNotFound(NotFound):
    code = "account_not_found"


class SettingUnknown(NotFound):
    code = "setting_unknown"


class DatabaseUnavailable(HallError):
    """The local database file cannot be used: ``reason`` is damaged, locked, newer or unreadable."""

    code = "database_unavailable"


class InvalidForm(HallError):
    """Several fields failed at once; ``errors`` maps each field to its InvalidInput."""

    code = "invalid_form"

    def __init__(self, errors: dict[str, InvalidInput]) -> None:
        super().__init__(None, fields=sorted(errors))
        self.errors = errors


class ActionRefused(HallError):
    """The input is fine but the state forbids the action now; ``reason`` says which rule applies."""

    code = "action_refused"

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(None, reason=reason, **params)
        self.reason = reason


class ApprovalRequired(ActionRefused):
    """A supervisor must approve first (at the counter or through the approval queue)."""

    code = "approval_required"


class HubUnavailable(HallError):
    """The hall hub (the queue's server on the LAN) did not answer; ``reason`` is unreachable,
    timeout or protocol. The PC keeps retrying; the guide can switch to manual numbering."""

    code = "hub_unavailable"


class SyncUnavailable(HallError):
    """The central server did not answer, or answered with a transient error; retried later."""

    code = "sync_unavailable"


class SyncStopped(HallError):
    """Pushing stopped for a reason a person must look at (``reason``: history_diverged,
    chain_broken, device_revoked, device_mismatch, unauthenticated, restored_backup, malformed)."""

    code = "sync_stopped"
