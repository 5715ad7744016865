"""Named points where tests make the process die or fail (SYNC_DESIGN §4.14 A).

Off unless ``HALLAPP_FAILPOINTS`` is set, e.g. ``payment.after_number=kill,payment.before_commit=raise``.
``kill`` is SIGKILL (no clean-up, no atexit, like pulling the plug); ``raise`` raises FailpointHit.
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


def hit(name: str) -> None:
    if not _ACTIVE:
        return
    action = _ACTIVE.get(name)
    if action == "kill":
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # Windows: TerminateProcess
    elif action == "raise":
        raise FailpointHit(name)


def activate(spec: str) -> None:
    """For in-process tests: replace the active failpoints."""
    _ACTIVE.clear()
    _ACTIVE.update(_parse(spec))
