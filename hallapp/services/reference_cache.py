"""Settings, business-type names, window routes and the queue's open/paused state, read once per few
seconds instead of once per queue call (the hall hub answers every window's F1). Writes made through this process invalidate
at once; changes arriving by another way (sync, another process) show within ``TTL_SECONDS``."""

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

T = TypeVar("T")
TTL_SECONDS = 5.0
_lock = threading.Lock()
# Keyed by the connection pool: the read engine and its write-options twin share it.
_cache: "WeakKeyDictionary[Pool, dict[str, tuple[float, Any]]]" = WeakKeyDictionary()


def cached(s: Session, key: str, load: Callable[[Session], T]) -> T:
    pool = s.get_bind().pool
    with _lock:
        hit = _cache.get(pool, {}).get(key)
    if hit is not None and time.monotonic() - hit[0] < TTL_SECONDS:
        return hit[1]
    value = load(s)
    with _lock:
        _cache.setdefault(pool, {})[key] = (time.monotonic(), value)
    return value


def invalidate(pool: Pool) -> None:
    """After a change to settings, business types or windows is committed."""
    with _lock:
        _cache.pop(pool, None)


def _watched() -> tuple[type, ...]:
    from hallapp.db.models import BusinessTypeRow, QueueLog, ServiceWindow, Setting

    return (Setting, BusinessTypeRow, ServiceWindow, QueueLog)


@event.listens_for(Session, "before_flush")
def _note_reference_change(session: Session, _context: object, _instances: object) -> None:
    watched = _watched()
    if any(isinstance(o, watched) for o in (*session.new, *session.dirty, *session.deleted)):
        session.info["reference_changed"] = True


@event.listens_for(Session, "after_commit")
def _invalidate_after_commit(session: Session) -> None:
    if session.info.pop("reference_changed", False):
        invalidate(session.get_bind().pool)
