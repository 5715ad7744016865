"""Refusals of the central server: an HTTP status and the JSON body the client reads (`error` code)."""

from typing import Any


class Refusal(Exception):
    """A request refused as a whole; the app answers ``status`` with ``body``."""

    def __init__(self, status: int, error: str, **details: Any) -> None:
        super().__init__(error)
        self.status = status
        self.body = {"error": error, **details}


class HistoryDiverged(Refusal):
    """A replayed seq carries another op, or an op id already used elsewhere: quarantine the device."""

    def __init__(self, at_seq: int) -> None:
        super().__init__(409, "history_diverged", at_seq=at_seq)
        self.at_seq = at_seq


class AdminError(Exception):
    """An administrator's command that cannot be done (unknown hall, hall exists, unknown device)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def malformed(**details: Any) -> Refusal:
    return Refusal(400, "malformed", **details)


def unauthenticated() -> Refusal:
    return Refusal(401, "unauthenticated")


def device_revoked(status: str) -> Refusal:
    return Refusal(403, "device_revoked", device_status=status)


def enrolment_code_invalid() -> Refusal:
    """One answer for an unknown, used or expired code: a guesser learns nothing."""
    return Refusal(403, "enrolment_code_invalid")
