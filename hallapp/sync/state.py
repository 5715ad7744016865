"""The sync bookkeeping kept in the PC's database (``sync_state``: cursors, ack position, why
pushing stopped, where the PC enrolled), read and written inside the caller's transaction."""

from sqlalchemy.orm import Session

from hallapp.db.models import SyncState


def get(s: Session, key: str) -> str:
    row = s.get(SyncState, key)
    return row.value if row else ""


def put(s: Session, key: str, value: str) -> None:
    row = s.get(SyncState, key)
    if row is None:
        s.add(SyncState(key=key, value=value))
    else:
        row.value = value
