"""Pulled notices addressed to this hall (SYNC_DESIGN §4.2): a contact edit made here was
overwritten by a later arrival, or an application taken here was sent to review. Kept once each
(a notice never changes on the server); the supervisor reads and acknowledges them here."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from hallapp.db.models import SyncNotice

KINDS = ("contact_overwritten", "application_review")
TEXT_LIMITS = {
    "customer_id": 36,
    "account_no": 40,
    "field": 32,
    "reason": 40,
    "lost_value": 200,
    "won_value": 200,
    "won_hall_id": 16,
    "application_no": 24,
    "blocking_application_no": 24,
}


def _notice(s: Session, change: dict[str, Any]) -> int:
    d = change.get("data") or {}
    if d.get("kind") not in KINDS or s.get(SyncNotice, change["entity_id"]) is not None:
        return 0
    values = {name: _text(d.get(name), limit) for name, limit in TEXT_LIMITS.items()}
    s.add(
        SyncNotice(
            notice_id=change["entity_id"], kind=d["kind"], created_at=_when(d.get("created_at")), **values
        )
    )
    s.flush()
    return 1


def _text(value: Any, limit: int) -> str | None:
    return None if value is None else str(value)[:limit]


def _when(raw: Any) -> datetime:
    try:
        when = datetime.fromisoformat(str(raw))
    except ValueError:
        return datetime.now(UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# entity name → function(session, change) → rows written (1 or 0), as in ``hallapp.sync.pull``
APPLY: dict[str, Callable[[Session, dict[str, Any]], int]] = {"conflict_notice": _notice}
