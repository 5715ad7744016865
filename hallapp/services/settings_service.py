"""Reading and changing the numbers behind the rules, with validation, audit and outbox.

A setting the central server sets for this hall (pulled, ``hallapp.sync.pull_reference``) is the
server's: it is listed with ``updated_by`` "central" and refused here, field by field.
"""

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import Setting
from hallapp.domain.errors import InvalidForm, InvalidInput, SettingUnknown
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor, Changes, SettingValue
from hallapp.domain.settings_catalog import BY_KEY, CATALOG, ORDERED_PAIRS
from hallapp.domain.settings_rules import cross_setting_errors
from hallapp.services import audit
from hallapp.services.context import ServiceBase
from hallapp.sync import outbox
from hallapp.sync.pull_reference import server_owned

__all__ = ["ORDERED_PAIRS", "SettingsService", "values_in"]


class SettingsService(ServiceBase):
    def values(self) -> dict[str, Any]:
        """Every setting's effective value (stored override, else the catalog default)."""
        with self.db.read() as s:
            return values_in(s)

    def get(self, key: str) -> Any:
        if key not in BY_KEY:
            raise SettingUnknown(key=key)
        with self.db.read() as s:
            row = s.get(Setting, key)
        return _effective(key, row.value if row else None)

    def list(self) -> list[SettingValue]:
        with self.db.read() as s:
            rows = {row.key: row for row in s.scalars(select(Setting))}
            owned = server_owned(s)
        result = []
        for d in CATALOG:
            row = rows.get(d.key)
            default = d.parse(d.default)
            value = _effective(d.key, row.value if row else None)
            result.append(
                SettingValue(
                    d.key,
                    value,
                    default,
                    row is None,
                    row and row.updated_at,
                    row and row.updated_by,
                    server_owned=d.key in owned,
                )
            )
        return result

    def server_owned(self) -> frozenset[str]:
        """Keys the central server sets for this PC: shown, not editable."""
        with self.db.read() as s:
            return server_owned(s)

    def update(self, actor: Actor, changes: dict[str, Any]) -> Changes:
        """Validate every changed value (all errors at once), then store them in one transaction."""
        require(actor.role, Permission.EDIT_SETTINGS)
        _refuse_server_owned(self.server_owned(), changes)
        parsed = _parse_all(changes)
        merged = {**self.values(), **parsed}
        _check_pairs(merged)
        now = self.clock.now()
        with self.db.write() as s:
            for key, value in parsed.items():
                self._store(s, actor, key, value, now)
        return Changes(settings=True)

    def reset(self, actor: Actor, key: str) -> Changes:
        """Back to the catalog default: the override row goes, the change is audited and queued."""
        require(actor.role, Permission.EDIT_SETTINGS)
        definition = BY_KEY.get(key)
        if definition is None:
            raise SettingUnknown(key=key)
        _refuse_server_owned(self.server_owned(), [key])
        default = definition.parse(definition.default)
        _check_pairs({**self.values(), key: default})
        now = self.clock.now()
        with self.db.write() as s:
            row = s.get(Setting, key)
            if row is None:
                return Changes()
            old = _effective(key, row.value)
            s.delete(row)
            self._log(s, actor, key, old, default, now)
        return Changes(settings=True)

    def _store(self, s, actor: Actor, key: str, value: Any, now) -> None:  # type: ignore[no-untyped-def]
        definition = BY_KEY[key]
        row = s.get(Setting, key)
        old = _effective(key, row.value if row else None)
        if old == value:
            return
        stored = json.dumps(definition.to_json(value), ensure_ascii=False)
        if row is None:
            s.add(Setting(key=key, value=stored, updated_at=now, updated_by=actor.staff_no))
        else:
            row.value, row.updated_at, row.updated_by = stored, now, actor.staff_no
        self._log(s, actor, key, old, value, now)

    def _log(self, s, actor: Actor, key: str, old: Any, new: Any, now) -> None:  # type: ignore[no-untyped-def]
        definition = BY_KEY[key]
        details = {"old": definition.to_json(old), "new": definition.to_json(new)}
        audit.record(
            s,
            at=now,
            device_id=actor.device_id,
            action="settings.change",
            actor=actor,
            target=key,
            details=details,
        )
        outbox.append(
            s,
            at=now,
            op_type="setting.set",
            entity="setting",
            entity_id=key,
            actor=actor,
            payload={"key": key, "value": definition.to_json(new)},
        )


def values_in(s: Session) -> dict[str, Any]:
    """The effective settings read inside the caller's transaction."""
    stored = {row.key: row.value for row in s.scalars(select(Setting))}
    return {d.key: _effective(d.key, stored.get(d.key)) for d in CATALOG}


@lru_cache(maxsize=1024)
def _effective(key: str, stored: str | None) -> Any:
    """The typed value of a stored setting (or its default). Pure, so parsed once per distinct text."""
    definition = BY_KEY[key]
    if stored is not None:
        try:
            return definition.from_json(json.loads(stored))
        except (InvalidInput, ValueError):
            pass  # a stored value the current rules reject falls back to the default
    return definition.parse(definition.default)


def _refuse_server_owned(owned: frozenset[str], keys: Iterable[str]) -> None:
    errors = {key: InvalidInput(key, "server_owned") for key in keys if key in owned}
    if errors:
        raise InvalidForm(errors)


def _parse_all(changes: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, InvalidInput] = {}
    parsed: dict[str, Any] = {}
    for key, raw in changes.items():
        definition = BY_KEY.get(key)
        if definition is None:
            raise SettingUnknown(key=key)
        try:
            parsed[key] = definition.parse(raw)
        except InvalidInput as exc:
            errors[key] = exc
    if errors:
        raise InvalidForm(errors)
    return parsed


def _check_pairs(values: dict[str, Any]) -> None:
    errors = cross_setting_errors(values)
    if errors:
        raise InvalidForm(errors)
