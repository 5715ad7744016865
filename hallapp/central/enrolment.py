"""Halls, one-time enrolment codes, device enrolment and revocation, and bearer-token lookup."""

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select, update

from hallapp.central.db import Sessions
from hallapp.central.errors import AdminError, enrolment_code_invalid
from hallapp.central.schema import DEVICE_CODE_SEQ, Device, EnrolmentCode, Hall, ServerMeta
from hallapp.domain.canonical import sha256_hex
from hallapp.domain.ids import new_id

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O/1/I/L
CODE_LENGTH = 10
TOKEN_BYTES = 32
MAX_CODE_MINUTES = 7 * 24 * 60
HALL_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")


@dataclass(frozen=True)
class IssuedCode:
    code: str  # shown once; the database keeps its SHA-256 only
    hall_id: str
    expires_at: datetime


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    device_code: str
    hall_id: str
    device_token: str  # shown once; the database keeps its SHA-256 only
    server_epoch: str


def normalise_code(code: str) -> str:
    """What a person types: any case, with spaces or dashes between groups."""
    return re.sub(r"[\s-]", "", code).upper()


def token_hash(token: str) -> str:
    return sha256_hex(token)


def create_hall(sessions: Sessions, hall_id: str, name: str) -> None:
    if not HALL_ID.fullmatch(hall_id) or not name.strip() or len(name) > 100:
        raise AdminError("invalid_hall", hall_id=hall_id)
    with sessions.begin() as s:
        if s.get(Hall, hall_id) is not None:
            raise AdminError("hall_exists", hall_id=hall_id)
        s.add(Hall(hall_id=hall_id, name=name.strip()))


def create_enrolment_code(sessions: Sessions, hall_id: str, *, minutes: int = 15) -> IssuedCode:
    if not 1 <= minutes <= MAX_CODE_MINUTES:
        raise AdminError("invalid_minutes", minutes=minutes)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = datetime.now(UTC) + timedelta(minutes=minutes)
    with sessions.begin() as s:
        if s.get(Hall, hall_id) is None:
            raise AdminError("unknown_hall", hall_id=hall_id)
        s.add(EnrolmentCode(code_hash=sha256_hex(code), hall_id=hall_id, expires_at=expires_at))
    return IssuedCode(code=code, hall_id=hall_id, expires_at=expires_at)


def enrol(sessions: Sessions, code: str, *, hostname: str, client_version: str) -> Enrolment:
    """Use the code (once, before it expires) and register a new device of its hall."""
    device_id, token = new_id(), secrets.token_urlsafe(TOKEN_BYTES)
    with sessions.begin() as s:
        # One statement claims the code: two PCs racing with one code cannot both get it.
        hall_id = s.scalar(
            update(EnrolmentCode)
            .where(
                EnrolmentCode.code_hash == sha256_hex(normalise_code(code)),
                EnrolmentCode.used_at.is_(None),
                EnrolmentCode.expires_at > func.now(),
            )
            .values(used_at=func.now(), used_by_device=device_id)
            .returning(EnrolmentCode.hall_id)
        )
        if hall_id is None:
            raise enrolment_code_invalid()
        number = s.scalar(select(DEVICE_CODE_SEQ.next_value()))
        device_code = f"H{number:06d}"
        s.add(
            Device(
                device_id=device_id,
                hall_id=hall_id,
                device_code=device_code,
                token_hash=token_hash(token),
                hostname=hostname,
                client_version=client_version,
            )
        )
        epoch = s.scalar(select(ServerMeta.epoch))
    return Enrolment(device_id, device_code, hall_id, token, str(epoch))


def revoke_device(sessions: Sessions, device: str, *, note: str = "revoked by an administrator") -> Device:
    """Revoke by device id or device code; the device gets 403 from then on."""
    with sessions.begin() as s:
        row = s.scalars(
            select(Device)
            .where(or_(Device.device_id == device, Device.device_code == device))
            .with_for_update()
        ).first()
        if row is None:
            raise AdminError("unknown_device", device=device)
        row.status, row.status_note = "revoked", note
    return row


def device_for_token(sessions: Sessions, token: str) -> Device | None:
    with sessions() as s:
        return s.scalars(select(Device).where(Device.token_hash == token_hash(token))).first()


def server_epoch(sessions: Sessions) -> str:
    with sessions() as s:
        return str(s.scalar(select(ServerMeta.epoch)))
