"""UUIDv7 ids (RFC 9562): version, variant, time order, strict monotonicity."""

import itertools
import time
import uuid
from types import SimpleNamespace

import pytest

from hallapp.domain import ids
from hallapp.domain.ids import new_id, uuid7, uuid7_at


def _ms(value: uuid.UUID) -> int:
    return value.int >> 80


def test_version_and_variant() -> None:
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_timestamp_is_now() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    # The counter may borrow a millisecond or two ahead when called very fast.
    assert before <= _ms(value) <= after + 5


def test_new_id_is_canonical_text() -> None:
    text = new_id()
    assert len(text) == 36
    assert str(uuid.UUID(text)) == text
    assert uuid.UUID(text).version == 7


def test_strictly_increasing_over_ten_thousand_calls() -> None:
    values = [uuid7() for _ in range(10_000)]
    assert all(a < b for a, b in itertools.pairwise(values))
    texts = [str(v) for v in values]
    assert texts == sorted(texts)  # text order is time order too (what the database sorts)
    assert len(set(values)) == 10_000


def test_counter_overflow_inside_one_millisecond_stays_monotonic(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen_ns = 1_700_000_000_000 * 1_000_000
    monkeypatch.setattr(ids, "time", SimpleNamespace(time_ns=lambda: frozen_ns))
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids, "_counter", 0)
    values = [uuid7() for _ in range(6000)]  # more than the 12-bit counter holds
    assert all(a < b for a, b in itertools.pairwise(values))
    assert _ms(values[0]) == 1_700_000_000_000
    assert _ms(values[-1]) == 1_700_000_000_001  # borrowed the next millisecond
    assert all(v.version == 7 and v.variant == uuid.RFC_4122 for v in values)


def test_clock_going_backwards_stays_monotonic(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_700_000_000_500 * 1_000_000]
    monkeypatch.setattr(ids, "time", SimpleNamespace(time_ns=lambda: now[0]))
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids, "_counter", 0)
    first = uuid7()
    now[0] -= 400 * 1_000_000  # NTP step back
    second = uuid7()
    assert second > first


def test_uuid7_at_layout_and_order() -> None:
    rand = (1 << 74) - 1
    value = uuid.UUID(uuid7_at(1_700_000_000_000, rand))
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert _ms(value) == 1_700_000_000_000
    # A later millisecond sorts after, whatever the random bits.
    assert uuid7_at(1_700_000_000_000, rand) < uuid7_at(1_700_000_000_001, 0)
    assert uuid7_at(5, 0) < uuid7_at(5, 1) < uuid7_at(5, rand)
    texts = [uuid7_at(ms, (ms * 7919) % (1 << 74)) for ms in range(1_000, 1_100)]
    assert texts == sorted(texts)
