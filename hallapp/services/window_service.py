"""The hall's counter windows and the business types each serves (an administrator's setting)."""

from sqlalchemy import select

from hallapp.db.models import BusinessTypeRow, ServiceWindow
from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.domain.ids import new_id
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor, Changes, WindowDef
from hallapp.domain.text import has_control_chars, normalize
from hallapp.services import audit
from hallapp.services.context import ServiceBase
from hallapp.sync import outbox

MAX_WINDOW_NO = 99  # the voice call-out reads window numbers 1–99
MAX_NAME = 40


class WindowService(ServiceBase):
    def windows(self) -> list[WindowDef]:
        with self.db.read() as s:
            rows = s.scalars(
                select(ServiceWindow)
                .where(ServiceWindow.hall_id == self.device.hall_id)
                .order_by(ServiceWindow.number)
            )
            return [WindowDef(w.number, w.name, tuple(w.business_types), w.active) for w in rows]

    def save(self, actor: Actor, item: WindowDef) -> Changes:
        """Add a window or change one (found by number)."""
        require(actor.role, Permission.EDIT_SETTINGS)
        now = self.clock.now()
        with self.db.write() as s:
            clean = _check(item, set(s.scalars(select(BusinessTypeRow.code))))
            row = s.scalars(
                select(ServiceWindow).where(
                    ServiceWindow.hall_id == self.device.hall_id, ServiceWindow.number == clean.number
                )
            ).first()
            if row is None:
                row = ServiceWindow(window_id=new_id(), hall_id=self.device.hall_id, number=clean.number)
                s.add(row)
            row.name, row.business_types, row.active = clean.name, list(clean.business_types), clean.active
            s.flush()
            payload = {
                "number": clean.number,
                "name": clean.name,
                "business_types": list(clean.business_types),
            }
            payload["active"] = clean.active
            audit.record(
                s,
                at=now,
                device_id=actor.device_id,
                action="window.save",
                actor=actor,
                target=str(clean.number),
                details=payload,
            )
            outbox.append(
                s,
                at=now,
                op_type="window.save",
                entity="service_window",
                entity_id=row.window_id,
                actor=actor,
                payload=payload,
            )
        return Changes(business_types=True)


def _check(item: WindowDef, known_types: set[str]) -> WindowDef:
    errors: dict[str, InvalidInput] = {}
    if (
        isinstance(item.number, bool)
        or not isinstance(item.number, int)
        or not 1 <= item.number <= MAX_WINDOW_NO
    ):
        errors["number"] = InvalidInput("number", "window_number_range", limit=MAX_WINDOW_NO)
    name = normalize(item.name) if not has_control_chars(item.name) else ""
    if has_control_chars(item.name):
        errors["name"] = InvalidInput("name", "control_chars")
    elif not name:
        errors["name"] = InvalidInput("name", "empty")
    elif len(name) > MAX_NAME:
        errors["name"] = InvalidInput("name", "too_long", limit=MAX_NAME)
    types = tuple(dict.fromkeys(item.business_types))
    if any(code not in known_types for code in types):
        errors["business_types"] = InvalidInput("business_types", "unknown_business_type")
    elif item.active and not types:
        errors["business_types"] = InvalidInput("business_types", "window_serves_nothing")
    if errors:
        raise InvalidForm(errors)
    return WindowDef(item.number, name, types, item.active)
