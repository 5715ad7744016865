"""One sentence for each refusal of the central administration (the 中心服务器 page); anything else
is worded by ``ui.errors.message_for``."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.errors import ActionRefused, InvalidForm, InvalidInput, SyncUnavailable
from ui.errors import message_for

translate = QCoreApplication.translate


def _input_sentences() -> dict[str, str]:
    return {
        "unknown_hall": _refusal_sentences()["unknown_hall"],  # the central report's hall filter
        "bad_hall_id": translate(
            "CentralAdmin", "A hall ID has 1 to 16 letters, digits, - or _, for example H0001."
        ),
        "hall_exists": translate(
            "CentralAdmin", "Hall {hall_id} is already registered; choose another hall ID."
        ),
        "invalid_hall": translate(
            "CentralAdmin",
            "The central server refused this hall name; enter a name of at most 100 characters.",
        ),
        "invalid_minutes": translate(
            "CentralAdmin", "A code is valid for 1 minute to 7 days; change the minutes."
        ),
        "staff_no_taken": translate(
            "CentralAdmin",
            "Staff number {staff_no} is already used on the central server; choose another number.",
        ),
        "bad_name": translate(
            "CentralAdmin", "A name has 1 to 40 characters without control characters; please retype it."
        ),
        "weak_password": translate(
            "CentralAdmin", "The password is too short for this hall: use at least {minimum} characters."
        ),
        "passwords_differ": translate(
            "CentralAdmin", "The two passwords differ; type the same password twice."
        ),
        "range_reversed": translate(
            "CentralAdmin", "The period ends before it starts; choose an end date on or after the start date."
        ),
        "future_day": translate(
            "CentralAdmin", "{day} has not come yet (today is {today}); choose today or an earlier day."
        ),
        "range_too_long": translate(
            "CentralAdmin",
            "The central server reports at most {limit} days at once; choose a shorter period.",
        ),
        "bad_admin_token": translate(
            "CentralAdmin",
            "An admin token is one word without spaces; copy it again from the server administrator.",
        ),
    }


def _refusal_sentences() -> dict[str, str]:
    return {
        "admin_token_refused": translate(
            "CentralAdmin",
            "The central server does not accept this admin token (wrong or revoked); "
            "enter a valid token and press Connect.",
        ),
        "admin_token_missing": translate(
            "CentralAdmin", "No admin token is kept for this server yet; enter the token and press Connect."
        ),
        "no_keyring": translate(
            "CentralAdmin",
            "This PC has no secure store for the token, so it was not kept; "
            "ask IT to set up the Windows credential store.",
        ),
        "unknown_hall": translate(
            "CentralAdmin",
            "Hall {hall_id} is not registered on the central server; reload the halls and choose again.",
        ),
        "unknown_device": translate(
            "CentralAdmin", "This device is no longer on the central server; reload the device list."
        ),
        "device_already_revoked": translate(
            "CentralAdmin", "Device {device_code} is already revoked; reload the device list."
        ),
        "unknown_operator": translate(
            "CentralAdmin", "Staff number {staff_no} is not an operator of hall {hall_id}; reload the list."
        ),
        "not_an_admin_server": translate(
            "CentralAdmin",
            "This address does not lead to a HallApp central server with administration; "
            "check the server address.",
        ),
    }


def central_message(exc: BaseException) -> str:
    """The sentence for ``exc`` raised by the central administration."""
    if isinstance(exc, InvalidForm):
        return central_message(next(iter(exc.errors.values())))
    if isinstance(exc, SyncUnavailable):
        return translate(
            "CentralAdmin",
            "The central server does not answer; check the server address and the network, then try again.",
        )
    table = (
        _input_sentences()
        if isinstance(exc, InvalidInput)
        else _refusal_sentences()
        if isinstance(exc, ActionRefused)
        else {}
    )
    template = table.get(getattr(exc, "reason", ""))
    if template:
        return template.format_map(_Details(getattr(exc, "params", {})))
    return message_for(exc)


class _Details(dict[str, object]):
    """A refusal's details; one the server did not send shows as "?" and the sentence stays whole."""

    def __missing__(self, key: str) -> str:
        return "?"
