"""What a setting is: its key, group, kind, default, label, source and limits, and how a typed-in value
is parsed. The settings themselves are in ``settings_catalog`` and its topic modules."""

import re
from dataclasses import dataclass
from datetime import time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from hallapp.domain.errors import InvalidInput
from hallapp.domain.i18n import QT_TRANSLATE_NOOP
from hallapp.domain.text import has_control_chars, normalize


class Kind(StrEnum):
    INT = "int"
    DECIMAL = "decimal"
    TEXT = "text"
    TIME = "time"
    BOOL = "bool"


class Group(StrEnum):
    HALL = "hall"
    PENALTY = "penalty"
    ARREARS = "arrears"
    TIME_LIMITS = "time_limits"
    QUEUE = "queue"
    SECURITY = "security"
    ACCOUNTS = "accounts"
    APPLICATIONS = "applications"
    SUPERVISION = "supervision"
    RETENTION = "retention"


GROUP_LABELS = {
    Group.HALL: QT_TRANSLATE_NOOP("Settings", "Hall information"),
    Group.PENALTY: QT_TRANSLATE_NOOP("Settings", "Late-payment penalty"),
    Group.ARREARS: QT_TRANSLATE_NOOP("Settings", "Arrears and notices"),
    Group.TIME_LIMITS: QT_TRANSLATE_NOOP("Settings", "Service time limits"),
    Group.QUEUE: QT_TRANSLATE_NOOP("Settings", "Queue and waiting"),
    Group.SECURITY: QT_TRANSLATE_NOOP("Settings", "Sign-in and security"),
    Group.ACCOUNTS: QT_TRANSLATE_NOOP("Settings", "Accounts and payments"),
    Group.APPLICATIONS: QT_TRANSLATE_NOOP("Settings", "Applications and complaints"),
    Group.SUPERVISION: QT_TRANSLATE_NOOP("Settings", "Daily log and scorecard"),
    Group.RETENTION: QT_TRANSLATE_NOOP("Settings", "Record retention"),
}


@dataclass(frozen=True)
class SettingDef:
    key: str
    group: Group
    kind: Kind
    default: Any
    label: str
    source: str
    unit: str = ""
    minimum: Any = None
    maximum: Any = None
    max_length: int = 80
    url: bool = False  # a text setting holding an http(s) address (or empty)

    def parse(self, raw: Any) -> Any:
        """Turn a typed-in or stored value into the setting's type, or raise InvalidInput."""
        if self.kind is Kind.BOOL:
            return _parse_bool(self.key, raw)
        text = normalize(str(raw)) if raw is not None else ""
        if not text and self.kind is not Kind.TEXT:
            raise InvalidInput(self.key, "empty")
        if self.kind is Kind.TEXT:
            return self._parse_text(text, raw)
        if self.kind is Kind.TIME:
            return _parse_time(self.key, text)
        value = _parse_number(self.key, text, self.kind)
        self._check_range(value)
        return value

    def _parse_text(self, text: str, raw: Any) -> str:
        if raw is not None and has_control_chars(str(raw).replace("\n", "")):
            raise InvalidInput(self.key, "control_chars")
        if len(text) > self.max_length:
            raise InvalidInput(self.key, "too_long", limit=self.max_length)
        if not text and self.minimum:
            raise InvalidInput(self.key, "empty")
        if self.url and text and not _URL.fullmatch(text):
            raise InvalidInput(self.key, "bad_url")
        return text.rstrip("/") if self.url else text

    def _check_range(self, value: Any) -> None:
        if self.minimum is not None and value < self.minimum:
            raise InvalidInput(self.key, "below_minimum", limit=str(self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise InvalidInput(self.key, "above_maximum", limit=str(self.maximum))

    def to_json(self, value: Any) -> Any:
        if self.kind is Kind.DECIMAL:
            return str(value)
        if self.kind is Kind.TIME:
            return value.strftime("%H:%M")
        return value

    def from_json(self, stored: Any) -> Any:
        return self.parse(stored)


_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?/?")


def _parse_bool(key: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = normalize(str(raw)).lower()
    if text in ("1", "true", "yes", "on", "是"):
        return True
    if text in ("0", "false", "no", "off", "否"):
        return False
    raise InvalidInput(key, "not_a_bool")


def _parse_time(key: str, text: str) -> time:
    try:
        hh, mm = text.replace("：", ":").split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise InvalidInput(key, "not_a_time") from None


def _parse_number(key: str, text: str, kind: Kind) -> Any:
    if kind is Kind.INT:
        if not (text.isascii() and text.removeprefix("-").isdigit()) or len(text) > 12:
            raise InvalidInput(key, "not_an_integer")
        return int(text)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidInput(key, "not_a_number") from None
    if not value.is_finite() or len(text) > 20:
        raise InvalidInput(key, "not_a_number")
    return value
