"""Signing in and out, screen lock and unlock, with lock-out after repeated wrong passwords.

Every sign-in is checked on this PC. An operator pulled from the central server carries the
server's verifier with an expiry (SYNC_DESIGN §4.9): past it the sign-in is refused until a pull
brings a fresh one, so a PC cut off from the server does not let people in forever. Operators made
on this PC (a standalone hall, the demo) have no expiry.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from hallapp.db.models import Operator
from hallapp.domain.enums import Role
from hallapp.domain.errors import (
    AccountLockedOut,
    ActionRefused,
    LoginFailed,
    OperatorInactive,
)
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.staff_rules import MAX_STAFF_NO, check_password, clean_staff_no
from hallapp.services import audit, passwords
from hallapp.services.context import ServiceBase


@dataclass(frozen=True)
class _Outcome:
    actor: Actor | None = None
    error: Exception | None = None


class AuthService(ServiceBase):
    def __init__(self, *args, settings, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.settings = settings

    def login(self, staff_no: str, password: str) -> Actor:
        staff_no = clean_staff_no(staff_no)
        check_password(password)
        outcome = self._attempt(staff_no, password, audit_action="login")
        if outcome.error:
            raise outcome.error
        assert outcome.actor is not None
        return outcome.actor

    def unlock(self, actor: Actor, password: str) -> Actor:
        """Only the signed-in operator's own password unlocks the screen."""
        check_password(password)
        outcome = self._attempt(actor.staff_no, password, audit_action="session.unlock")
        if outcome.error:
            raise outcome.error
        return actor

    def verify_approver(self, staff_no: str, password: str, *, requested_by: Actor) -> Actor:
        """A supervisor approving at the counter: their own credentials, same lock-out rules as sign-in."""
        staff_no = clean_staff_no(staff_no)
        check_password(password)
        outcome = self._attempt(staff_no, password, audit_action="approval.sign")
        if outcome.error:
            raise outcome.error
        approver = outcome.actor
        assert approver is not None
        require(approver.role, Permission.APPROVE)
        if approver.operator_id == requested_by.operator_id:
            raise ActionRefused("own_request")
        return approver

    def lock(self, actor: Actor, *, reason: str = "idle") -> None:
        self._note(actor, "session.lock", {"reason": reason})

    def logout(self, actor: Actor) -> None:
        self._note(actor, "logout", {})

    def _note(self, actor: Actor, action: str, details: dict) -> None:
        with self.db.write() as s:
            audit.record(
                s,
                at=self.clock.now(),
                device_id=self.device.device_id,
                action=action,
                actor=actor,
                details=details,
            )

    def _attempt(self, staff_no: str, password: str, *, audit_action: str) -> _Outcome:
        """Check the password and record the result in one transaction; errors are raised after commit."""
        now = self.clock.now()
        limits = self.settings.values()
        with self.db.write() as s:
            op = s.scalars(select(Operator).where(Operator.staff_no == staff_no)).first()
            if op is None:
                passwords.burn_verification(password)
                self._fail(s, now, staff_no, audit_action, "unknown_staff_no")
                return _Outcome(error=LoginFailed())
            if not op.active:
                self._fail(s, now, staff_no, audit_action, "inactive")
                return _Outcome(error=OperatorInactive())
            if op.locked_until and op.locked_until > now:
                self._fail(s, now, staff_no, audit_action, "locked_out")
                return _Outcome(error=AccountLockedOut(until=op.locked_until))
            if op.verifier_expires_at is not None and op.verifier_expires_at <= now:
                self._fail(s, now, staff_no, audit_action, "verifier_expired")
                return _Outcome(error=ActionRefused("offline_login_expired"))
            if not passwords.verify_password(op.password_hash, password):
                return _Outcome(error=self._wrong_password(s, op, now, audit_action, limits))
            op.failed_logins = 0
            op.locked_until = None
            if op.verifier_expires_at is None and passwords.needs_rehash(
                op.password_hash
            ):  # not the server's
                op.password_hash = passwords.hash_password(password)
            actor = self._actor(op)
            if audit_action == "login":
                op.last_login_at = now
            audit.record(s, at=now, device_id=self.device.device_id, action=audit_action, actor=actor)
            return _Outcome(actor=actor)

    def _wrong_password(self, s, op: Operator, now: datetime, action: str, limits: dict) -> Exception:  # type: ignore[no-untyped-def]
        op.failed_logins += 1
        allowed = limits["security.max_failed_logins"]
        if op.failed_logins >= allowed:
            op.locked_until = now + timedelta(minutes=limits["security.lockout_minutes"])
            op.failed_logins = 0
            self._fail(s, now, op.staff_no, action, "wrong_password_locked_out")
            return AccountLockedOut(until=op.locked_until)
        self._fail(s, now, op.staff_no, action, "wrong_password")
        return LoginFailed(remaining=allowed - op.failed_logins)

    def _fail(self, s, now: datetime, staff_no: str, action: str, reason: str) -> None:  # type: ignore[no-untyped-def]
        audit.record(
            s,
            at=now,
            device_id=self.device.device_id,
            action=f"{action}.failed",
            staff_no=staff_no[:MAX_STAFF_NO],
            details={"reason": reason},
        )

    def actor_of(self, staff_no: str, device_id: str) -> Actor:
        """The active operator of this hall with ``staff_no``, acting from another PC of the hall
        (the hall hub serving a request that PC signed in locally)."""
        clean = clean_staff_no(staff_no)
        with self.db.read() as s:
            op = s.scalars(select(Operator).where(Operator.staff_no == clean)).first()
            if op is None or not op.active or op.hall_id != self.device.hall_id:
                raise OperatorInactive(staff_no=clean)
            return Actor(op.operator_id, op.staff_no, op.name, Role(op.role), op.hall_id, device_id)

    def _actor(self, op: Operator) -> Actor:
        return Actor(op.operator_id, op.staff_no, op.name, Role(op.role), op.hall_id, self.device.device_id)
