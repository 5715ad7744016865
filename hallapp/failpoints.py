"""Named points where tests make the process die or fail (SYNC_DESIGN §4.14 A).

Off unless ``HALLAPP_FAILPOINTS`` is set, e.g. ``payment.after_number=kill,payment.before_commit=raise``.
``kill`` is SIGKILL (no clean-up, no atexit, like pulling the plug); ``raise`` raises FailpointHit.
``raise@3`` / ``kill@3`` act on the third time the point is reached (e.g. the third op of a batch).
Used by the PC (services, sync) and by the central server alike.
"""

import os
import signal

ENV = "HALLAPP_FAILPOINTS"


class FailpointHit(RuntimeError):
    pass


def _parse(spec: str) -> dict[str, str]:
    points = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, action = item.partition("=")
        points[name] = action or "raise"
    return points


_ACTIVE = _parse(os.environ.get(ENV, ""))
_REACHED: dict[str, int] = {}


def hit(name: str) -> None:
    if not _ACTIVE:
        return
    action = _ACTIVE.get(name)
    if action is None:
        return
    action, _, nth = action.partition("@")
    if nth:
        _REACHED[name] = _REACHED.get(name, 0) + 1
        if _REACHED[name] != int(nth):
            return
    if action == "kill":
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # Windows: TerminateProcess
    elif action == "raise":
        raise FailpointHit(name)


def activate(spec: str) -> None:
    """For in-process tests: replace the active failpoints."""
    _ACTIVE.clear()
    _REACHED.clear()
    _ACTIVE.update(_parse(spec))
