"""One sentence for each refusal of the monthly scorecard and the week's problem list
(``core.scorecard``) and of the scorecard's weights (settings); anything else is worded by
``ui.errors.message_for``. ``_input_sentences`` is meant to be merged into ui/errors.py's tables."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.errors import InvalidForm, InvalidInput
from ui.errors import message_for

translate = QCoreApplication.translate


def _input_sentences() -> dict[str, str]:
    return {
        "bad_month": translate(
            "Scorecard", "There is no month {month} in year {year}; choose a month from the list."
        ),
        "future_month": translate(
            "Scorecard",
            "Month {month} has not begun yet (today is {today}); choose this month or an earlier one.",
        ),
        "bad_week": translate(
            "Scorecard", "“{day}” is not a day; choose a day of the week you want to review."
        ),
        "future_week": translate(
            "Scorecard",
            "The week of {monday} has not begun yet (today is {today}); choose this week or an earlier one.",
        ),
        "weights_sum": translate(
            "Scorecard",
            "The scorecard's weights add up to {total} points; change them so that they add up to {required}.",
        ),
    }


def scorecard_message(exc: BaseException) -> str:
    """The sentence for ``exc`` raised by the scorecard (or a settings change of its weights)."""
    if isinstance(exc, InvalidForm) and exc.errors:
        exc = next(iter(exc.errors.values()))
    template = _input_sentences().get(getattr(exc, "reason", "")) if isinstance(exc, InvalidInput) else None
    if template:
        return template.format_map(_Details(getattr(exc, "params", {})))
    return message_for(exc)


class _Details(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"
