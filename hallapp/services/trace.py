"""The two traces every synced change leaves in its own transaction: the outbox op (what the
central server will receive) and the audit entry (who did it, on which PC). One call, so no write
path can forget either."""

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from hallapp.domain.records import Actor
from hallapp.services import audit
from hallapp.sync import outbox


def trace(
    s: Session,
    actor: Actor,
    *,
    at: datetime,
    op_type: str,
    entity: str,
    entity_id: str,
    target: str,
    payload: dict[str, Any],
    details: dict[str, Any],
    **op: Any,  # base_version, local_tx_id: passed to the outbox op
) -> None:
    outbox.append(
        s,
        at=at,
        op_type=op_type,
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        payload=payload,
        **op,
    )
    audit.record(
        s, at=at, device_id=actor.device_id, action=op_type, actor=actor, target=target, details=details
    )
