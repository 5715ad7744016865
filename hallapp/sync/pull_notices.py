"""Pulled notices addressed to this hall (conflict notices, applications sent to review)."""

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

# entity name → function(session, change) → rows written (1 or 0), as in ``hallapp.sync.pull``
APPLY: dict[str, Callable[[Session, dict[str, Any]], int]] = {}
