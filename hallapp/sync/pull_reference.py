"""Pulled reference data the server owns: operators with their offline-login verifier, and settings
(docs/sync_protocol.md, "Operators, settings and tariffs"). Same contract as the appliers of
``hallapp.sync.pull``: a row is written only for a newer server version; the result is rows written.

Operators. The server's fields win (name, role, active, verifier and its expiry); the lock-out
counters and the last sign-in stay this PC's. An operator made on this PC with the same staff
number (a PC set up before it was enrolled) takes the server's fields but keeps its own id: the
facts taken here refer to it, and a signed-in session holds it.

Settings. The server sends a global value and this hall's override as two layers of one key; both
are kept (``setting_synced``) and the ``setting`` row gets the override, else the global value. A key
or value this version cannot check (a newer server) is ignored, never an error.
"""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hallapp.db.models import DeviceIdentity, Operator, Setting
from hallapp.db.schema_reference import SettingSynced
from hallapp.domain.enums import Role
from hallapp.domain.errors import InvalidInput
from hallapp.domain.settings_catalog import BY_KEY

ROLES = frozenset(role.value for role in Role)
LAYERS = ("global", "hall")  # lowest first: the hall's override wins
SERVER = "central"  # ``setting.updated_by`` of a value the server set
NO_VERIFIER = ""  # never verifies: an inactive operator keeps no usable hash here
PAST = datetime(2000, 1, 1, tzinfo=UTC)


def apply_operator(s: Session, change: dict[str, Any]) -> int:
    d, version = change["data"], change["entity_version"]
    if d.get("role") not in ROLES or not d.get("staff_no"):
        return 0  # a role this version does not know: skipped, never an error
    row = (
        s.get(Operator, change["entity_id"])
        or s.scalars(select(Operator).where(Operator.staff_no == d["staff_no"])).first()
    )
    if row is not None and (row.server_version or 0) >= version:
        return 0
    active = bool(d.get("active")) and bool(d.get("verifier"))
    if row is None:
        if not active:
            return 0  # never known here: nothing to refuse
        hall_id = s.scalar(select(DeviceIdentity.hall_id))
        row = Operator(operator_id=change["entity_id"], hall_id=hall_id, failed_logins=0)
        s.add(row)
    row.staff_no, row.name, row.role, row.active = d["staff_no"], d["name"], d["role"], active
    row.password_hash = d["verifier"] if active else NO_VERIFIER
    # A missing expiry counts as past: a pulled verifier is never valid for ever.
    row.verifier_expires_at = (_moment(d.get("verifier_expires_at")) or PAST) if active else None
    row.server_version = version
    s.flush()
    return 1


def apply_setting(s: Session, change: dict[str, Any]) -> int:
    d, key, version = change["data"], change["entity_id"], change["entity_version"]
    definition, layer, value = BY_KEY.get(key), d.get("layer"), d.get("value")
    if definition is None or layer not in LAYERS:
        return 0
    if value is not None:
        try:
            value = definition.to_json(definition.from_json(value))
        except (InvalidInput, ValueError, TypeError):
            return 0
    row = s.get(SettingSynced, (key, layer))
    if row is not None and row.server_version >= version:
        return 0
    if row is None:
        row = SettingSynced(key=key, layer=layer)
        s.add(row)
    row.value = None if value is None else json.dumps(value, ensure_ascii=False)
    row.server_version = version
    s.flush()
    _settle(s, key, _moment(d.get("updated_at")) or datetime.now(UTC))
    return 1


def restart(s: Session) -> None:
    """The server was restored (a new epoch) and counts versions from its backup again: what it
    sends next is taken whatever its version. Nothing is removed meanwhile, so a PC signs its
    operators in as before while it downloads again."""
    s.execute(update(Operator).where(Operator.server_version > 0).values(server_version=0))
    s.execute(update(SettingSynced).values(server_version=0))


def server_owned(s: Session) -> frozenset[str]:
    """Keys the server sets for this PC (a layer with a value): not editable here."""
    return frozenset(s.scalars(select(SettingSynced.key).where(SettingSynced.value.is_not(None))))


def _settle(s: Session, key: str, at: datetime) -> None:
    """The ``setting`` row gets the top layer with a value; with none left it keeps the last value,
    which this PC may change again."""
    layers = {r.layer: r.value for r in s.scalars(select(SettingSynced).where(SettingSynced.key == key))}
    value = next((layers[layer] for layer in reversed(LAYERS) if layers.get(layer) is not None), None)
    row = s.get(Setting, key)
    if value is None:
        if row is not None and row.updated_by == SERVER:
            row.updated_by = None
        return
    if row is None:
        s.add(Setting(key=key, value=value, updated_at=at, updated_by=SERVER))
    else:
        row.value, row.updated_at, row.updated_by = value, at, SERVER


def _moment(text: str | None) -> datetime | None:
    """An ISO time from the server (UTC when it names no zone); None when missing or unreadable."""
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    if moment is None or moment.tzinfo:
        return moment
    return moment.replace(tzinfo=UTC)


# entity name → function(session, change) → rows written (1 or 0), as in ``hallapp.sync.pull``
APPLY: dict[str, Callable[[Session, dict[str, Any]], int]] = {
    "operator": apply_operator,
    "setting": apply_setting,
}
