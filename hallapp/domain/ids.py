"""UUIDv7 (RFC 9562): time-ordered ids made on the client, so synced rows never collide."""

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> uuid.UUID:
    """A UUIDv7; ids made in one process are strictly increasing (12-bit counter in rand_a)."""
    global _last_ms, _counter  # noqa: PLW0603 - process-wide monotonic state, guarded by _lock
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _counter = ms, int.from_bytes(os.urandom(2), "big") & 0x3FF
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted inside one millisecond: borrow the next one
                _last_ms, _counter = _last_ms + 1, 0
        ms, counter = _last_ms, _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand_b
    return uuid.UUID(int=value)


def new_id() -> str:
    return str(uuid7())


def uuid7_at(ms: int, rand74: int) -> str:
    """A UUIDv7 text for a given millisecond and 74 random bits (bulk generation, no locking)."""
    rand_a = (rand74 >> 62) & 0xFFF
    rand_b = rand74 & ((1 << 62) - 1)
    return str(uuid.UUID(int=(ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b))
