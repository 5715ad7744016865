"""Canonical JSON and hashes: the same value always gives the same bytes (hash chains, sync)."""

import hashlib
import json
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_hash(prev_hash: str, *parts: str) -> str:
    """The next link of a hash chain: covers the previous link and this row's content."""
    return sha256_hex("|".join((prev_hash, *parts)))
