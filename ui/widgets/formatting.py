"""How values look on screen: money with ¥ and separators, local dates and times, enum labels."""

from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from hallapp.domain.enums import LABELS
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.money import format_fen


def money(fen: int) -> str:
    return format_fen(fen)


def day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def local_time(value: datetime) -> str:
    """Hall time (UTC+8), the same on every PC whatever its own time zone."""
    return to_hall_time(value).strftime("%Y-%m-%d %H:%M")


def period(text: str) -> str:
    return f"{text[:4]}-{text[4:]}"


def label(value: StrEnum) -> str:
    source = LABELS.get(value)
    return QCoreApplication.translate("Enum", source) if source else str(value)
