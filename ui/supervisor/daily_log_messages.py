"""One sentence for each refusal of the daily counter log (``core.daily_log``); anything else is
worded by ``ui.errors.message_for``."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.errors import InvalidInput
from ui.errors import message_for

translate = QCoreApplication.translate


def _input_sentences() -> dict[str, str]:
    return {
        "future_day": translate(
            "DailyLog", "{day} has not come yet (today is {today}); choose today or an earlier day."
        ),
        "range_too_long": translate(
            "DailyLog", "A counter log covers at most {limit} days; choose a shorter period."
        ),
        "range_reversed": translate(
            "DailyLog", "The period ends before it starts; choose an end date on or after the start date."
        ),
    }


def _refusal_sentences() -> dict[str, str]:
    return {
        "export_not_writable": translate(
            "DailyLog", "The file cannot be saved in {folder}; choose another folder you may write to."
        ),
        "export_disk_full": translate(
            "DailyLog",
            "The disk holding {folder} is full and nothing was saved; choose another folder or drive.",
        ),
        "not_enrolled": translate(
            "DailyLog",
            "This PC is not connected to a central server, so it only knows its own records; "
            "untick “Every PC of the hall”.",
        ),
        "central_unreachable": translate(
            "DailyLog",
            "The central server does not answer just now; untick “Every PC of the hall” to see this "
            "PC's own records, or try again later.",
        ),
        "device_refused": translate(
            "DailyLog",
            "The central server no longer accepts this PC; ask the administrator to enrol it again.",
        ),
    }


def daily_log_message(exc: BaseException) -> str:
    """The sentence for ``exc`` raised by the daily log."""
    template = _input_sentences().get(getattr(exc, "reason", "")) if isinstance(exc, InvalidInput) else None
    if template:
        return template.format_map(_Details(getattr(exc, "params", {})))
    return message_for(exc)


class _Details(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"
