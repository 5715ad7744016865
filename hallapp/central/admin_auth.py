"""Who may use the administration API: a bearer token made on the server itself.

``hallapp central admin-token --name NAME`` prints a new token once; the database keeps its SHA-256
only (as for device tokens, ``enrolment.token_hash``). The tokens live in their own table, so a
device token is never an admin token and an admin token never a device token: each is looked up
in its own table only. A token is refused from the moment it is revoked.
"""

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import Request
from sqlalchemy import select

from hallapp.central.db import Sessions
from hallapp.central.errors import AdminError, unauthenticated
from hallapp.central.schema_admin import AdminToken
from hallapp.domain.canonical import sha256_hex

TOKEN_PREFIX = "hadm_"  # tells a person (and a log reader) which kind of token this is
TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 128
ADMIN_NAME = re.compile(r"[A-Za-z0-9_.@-]{1,40}")


@dataclass(frozen=True)
class AdminTokenView:
    name: str
    created_at: datetime
    revoked_at: datetime | None


def issue_admin_token(sessions: Sessions, name: str) -> str:
    """A new token for ``name``; a revoked name gets a fresh token, an active one is refused."""
    _check_name(name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    with sessions.begin() as s:
        row = s.get(AdminToken, name, with_for_update=True)
        if row is not None and row.revoked_at is None:
            raise AdminError("admin_token_exists", name=name)
        if row is None:
            s.add(AdminToken(name=name, token_hash=sha256_hex(token)))
        else:
            row.token_hash, row.revoked_at, row.created_at = sha256_hex(token), None, datetime.now(UTC)
    return token


def revoke_admin_token(sessions: Sessions, name: str) -> None:
    with sessions.begin() as s:
        row = s.get(AdminToken, name, with_for_update=True)
        if row is None or row.revoked_at is not None:
            raise AdminError("unknown_admin_token", name=name)
        row.revoked_at = datetime.now(UTC)


def list_admin_tokens(sessions: Sessions) -> list[AdminTokenView]:
    with sessions() as s:
        rows = s.scalars(select(AdminToken).order_by(AdminToken.name))
        return [AdminTokenView(r.name, r.created_at, r.revoked_at) for r in rows]


def admin_for_token(sessions: Sessions, token: str) -> str | None:
    """The name of the administrator holding ``token``, if it is known and not revoked."""
    with sessions() as s:
        return s.scalar(
            select(AdminToken.name).where(
                AdminToken.token_hash == sha256_hex(token), AdminToken.revoked_at.is_(None)
            )
        )


def admin_guard(sessions: Sessions) -> Callable[[Request], str]:
    """A route dependency: the calling administrator's name, or 401 before anything is read."""

    def calling_admin(request: Request) -> str:
        scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
            raise unauthenticated()
        name = admin_for_token(sessions, token)
        if name is None:
            raise unauthenticated()
        request.state.admin = name
        return name

    return calling_admin


def _check_name(name: str) -> None:
    if not ADMIN_NAME.fullmatch(name):
        raise AdminError("invalid_admin_name", name=name[:40])
