"""Central tables for operators and settings, owned by the server and pulled by the PCs of a hall.

An operator's ``password_hash`` is the Argon2id verifier a PC of its hall receives for offline
login, with ``verifier_expires_at`` (SYNC_DESIGN §4.9). A setting row is either the global value
(scope ``global``) or one hall's override (scope ``hall:<hall_id>``); a cleared value keeps its
row with ``value`` NULL, so its version goes on and a PC can tell "cleared" from "older".
Tariffs have no table: the PC keeps none (docs/sync_protocol.md, "Operators, settings and tariffs").
"""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.central.schema import CentralBase, Id, Timestamp
from hallapp.domain.enums import Role

ROLES = tuple(role.value for role in Role)
GLOBAL_SCOPE = "global"
HALL_SCOPE_PREFIX = "hall:"


class Operator(CentralBase):
    """A member of a hall's staff; ``staff_no`` is unique across all halls (audit trails name it)."""

    __tablename__ = "operator"
    __table_args__ = (
        CheckConstraint(f"role IN {ROLES!r}", name="role"),
        Index("ix_operator_hall_id", "hall_id"),
    )

    operator_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    staff_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))  # Argon2id, the PC's parameters
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    verifier_expires_at: Mapped[datetime] = mapped_column(Timestamp)
    password_changed_at: Mapped[datetime] = mapped_column(Timestamp)
    # Kept for the push-side check "was the operator active at device_time" (§4.9).
    deactivated_at: Mapped[datetime | None] = mapped_column(Timestamp)
    version: Mapped[int] = mapped_column(BigInteger, server_default="1")
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())


class Setting(CentralBase):
    """One value of the settings catalog (``hallapp.domain.settings_catalog``), global or for a hall."""

    __tablename__ = "setting"
    __table_args__ = (
        CheckConstraint(f"scope = '{GLOBAL_SCOPE}' OR scope LIKE '{HALL_SCOPE_PREFIX}%'", name="scope"),
    )

    scope: Mapped[str] = mapped_column(Text, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any | None] = mapped_column(JSONB(none_as_null=True))  # catalog JSON; NULL: cleared
    version: Mapped[int] = mapped_column(BigInteger, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    updated_by: Mapped[str | None] = mapped_column(String(80))
