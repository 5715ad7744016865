"""Small helpers shared by the core tests (not collected: no test_ prefix)."""

import json
from typing import Any

from hypothesis import settings
from sqlalchemy import func, select

from hallapp.db.models import AuditEvent, Outbox

# No example database on disk, no per-example deadline (first examples pay import/JIT costs).
PROPERTY = settings(database=None, deadline=None, max_examples=300)


def count_rows(core, model) -> int:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def write_counts(core) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(audit rows, outbox rows): every audited or synced write moves at least one of these."""
    return count_rows(core, AuditEvent), count_rows(core, Outbox)


def audit_rows(core, action: str | None = None) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.seq)
        if action is not None:
            stmt = stmt.where(AuditEvent.action == action)
        return list(s.scalars(stmt))


def outbox_rows(core, op_type: str | None = None) -> list[Outbox]:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        stmt = select(Outbox).order_by(Outbox.device_seq)
        if op_type is not None:
            stmt = stmt.where(Outbox.op_type == op_type)
        return list(s.scalars(stmt))


def details(row: AuditEvent) -> dict[str, Any]:
    return json.loads(row.details)


def payload(row: Outbox) -> dict[str, Any]:
    return json.loads(row.payload)


def second_pc(template, tmp_path, clock):  # type: ignore[no-untyped-def]
    """Another PC of the same hall: a copy of the demo database with its own device identity."""
    import shutil

    from hallapp.db.engine import Database, make_engine
    from hallapp.db.models import DeviceIdentity
    from hallapp.domain.ids import new_id
    from hallapp.services.hall_core import HallCore

    path = tmp_path / "second-pc.sqlite"
    shutil.copy(template, path)
    db = Database(make_engine(path), path)
    with db.write() as s:
        row = s.get(DeviceIdentity, 1)
        row.device_id, row.device_code = new_id(), row.device_code[:-2] + "02"
    db.close()
    return HallCore.open(path, clock=clock)
