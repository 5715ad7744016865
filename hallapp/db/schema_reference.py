"""Reference data owned by the central server (pulled), plus this device's identity and settings."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.db.base import Base, Id, UtcDateTime


class DeviceIdentity(Base):
    __tablename__ = "device_identity"
    __table_args__ = (CheckConstraint("singleton = 1", name="singleton"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(Id)
    hall_id: Mapped[str] = mapped_column(Id)
    device_code: Mapped[str] = mapped_column(String(16))  # e.g. H000101: receipt prefix, never reused
    key_ref: Mapped[str] = mapped_column(String(120))  # keyring reference, never the key itself
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    server_epoch: Mapped[str | None] = mapped_column(String(64))


class Hall(Base):
    __tablename__ = "hall"

    hall_id: Mapped[str] = mapped_column(Id, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    server_version: Mapped[int] = mapped_column(Integer, default=0)


class BusinessTypeRow(Base):
    __tablename__ = "business_type"

    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    letter: Mapped[str] = mapped_column(String(1), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceWindow(Base):
    __tablename__ = "service_window"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)

    window_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(40))
    business_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Operator(Base):
    __tablename__ = "operator"
    __table_args__ = (CheckConstraint("role IN ('guide','clerk','supervisor','admin')", name="role"),)

    operator_id: Mapped[str] = mapped_column(Id, primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    # Pulled operators only: ``password_hash`` is the server's verifier, valid for offline sign-in
    # until then. NULL: an operator made on this PC (set-up, demo), which never expires.
    verifier_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(20))


class SettingSynced(Base):
    """The server's layers of a setting as pulled: the global value and this hall's override
    (``value`` NULL: cleared). The ``setting`` row holds the effective one; while any layer has a
    value, the setting is the server's and cannot be changed on this PC."""

    __tablename__ = "setting_synced"
    __table_args__ = (CheckConstraint("layer IN ('global','hall')", name="layer"),)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    layer: Mapped[str] = mapped_column(String(8), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)  # JSON, as in ``setting.value``
    server_version: Mapped[int] = mapped_column(Integer)


class HolidayRow(Base):
    __tablename__ = "holiday"
    __table_args__ = (CheckConstraint("kind IN ('holiday','workday')", name="kind"),)

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(40))
