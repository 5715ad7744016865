"""Reference data the admin keeps: queue business types, the holiday calendar, operators."""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import BusinessTypeRow, Hall, HolidayRow, Operator
from hallapp.domain.calendar import DayKind
from hallapp.domain.enums import Role
from hallapp.domain.errors import InvalidForm, InvalidInput, NotFound
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor, BusinessType, Changes, Holiday
from hallapp.domain.text import has_control_chars, normalize
from hallapp.services import audit
from hallapp.services.context import ServiceBase
from hallapp.sync import outbox

CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,23}$")
MAX_NAME = 20


@dataclass(frozen=True)
class OperatorInfo:
    staff_no: str
    name: str
    role: Role
    active: bool


class ReferenceService(ServiceBase):
    def hall_name(self) -> str:
        with self.db.read() as s:
            hall = s.get(Hall, self.device.hall_id)
            return hall.name if hall else ""

    def business_types(self, *, active_only: bool = False) -> list[BusinessType]:
        with self.db.read() as s:
            stmt = select(BusinessTypeRow).order_by(BusinessTypeRow.sort_order, BusinessTypeRow.letter)
            if active_only:
                stmt = stmt.where(BusinessTypeRow.active.is_(True))
            return [BusinessType(r.code, r.letter, r.name, r.sort_order, r.active) for r in s.scalars(stmt)]

    def save_business_type(self, actor: Actor, item: BusinessType) -> Changes:
        require(actor.role, Permission.EDIT_SETTINGS)
        clean = _check_business_type(item)
        with self.db.write() as s:
            clash = s.scalars(
                select(BusinessTypeRow).where(
                    BusinessTypeRow.letter == clean.letter, BusinessTypeRow.code != clean.code
                )
            ).first()
            if clash:
                raise InvalidForm({"letter": InvalidInput("letter", "letter_taken", other=clash.name)})
            row = s.get(BusinessTypeRow, clean.code)
            if row is None:
                row = BusinessTypeRow(code=clean.code)
                s.add(row)
            row.letter, row.name, row.sort_order, row.active = (
                clean.letter,
                clean.name,
                clean.sort_order,
                clean.active,
            )
            payload = {
                "code": clean.code,
                "letter": clean.letter,
                "name": clean.name,
                "sort_order": clean.sort_order,
                "active": clean.active,
            }
            audit.record(
                s,
                at=self.clock.now(),
                device_id=actor.device_id,
                action="business_type.save",
                actor=actor,
                target=clean.code,
                details=payload,
            )
            outbox.append(
                s,
                at=self.clock.now(),
                op_type="business_type.save",
                entity="business_type",
                entity_id=clean.code,
                actor=actor,
                payload=payload,
            )
        return Changes(business_types=True)

    def holidays(self, year: int | None = None) -> list[Holiday]:
        with self.db.read() as s:
            stmt = select(HolidayRow).order_by(HolidayRow.day)
            if year is not None:
                stmt = stmt.where(HolidayRow.day >= date(year, 1, 1), HolidayRow.day <= date(year, 12, 31))
            return [Holiday(r.day, r.kind, r.name) for r in s.scalars(stmt)]

    def calendar(self) -> dict[date, DayKind]:
        with self.db.read() as s:
            return calendar_in(s)

    def set_holiday(self, actor: Actor, day: date, kind: DayKind, name: str) -> Changes:
        require(actor.role, Permission.EDIT_SETTINGS)
        name = _check_name("name", name)
        if not 2000 <= day.year <= 2100:
            raise InvalidForm({"day": InvalidInput("day", "date_out_of_range")})
        with self.db.write() as s:
            row = s.get(HolidayRow, day) or HolidayRow(day=day)
            row.kind, row.name = DayKind(kind).value, name
            s.add(row)
            self._log(s, actor, "holiday.set", day, {"day": day.isoformat(), "kind": row.kind, "name": name})
        return Changes(holidays=True)

    def remove_holiday(self, actor: Actor, day: date) -> Changes:
        require(actor.role, Permission.EDIT_SETTINGS)
        with self.db.write() as s:
            row = s.get(HolidayRow, day)
            if row is None:
                raise NotFound(day=day.isoformat())
            s.delete(row)
            self._log(s, actor, "holiday.remove", day, {"day": day.isoformat()})
        return Changes(holidays=True)

    def _log(self, s, actor: Actor, action: str, day: date, payload: dict) -> None:  # type: ignore[no-untyped-def]
        audit.record(
            s,
            at=self.clock.now(),
            device_id=actor.device_id,
            action=action,
            actor=actor,
            target=day.isoformat(),
            details=payload,
        )
        outbox.append(
            s,
            at=self.clock.now(),
            op_type=action,
            entity="holiday",
            entity_id=day.isoformat(),
            actor=actor,
            payload=payload,
        )

    def operators(self, actor: Actor) -> list[OperatorInfo]:
        require(actor.role, Permission.MANAGE_OPERATORS)
        with self.db.read() as s:
            rows = s.scalars(select(Operator).order_by(Operator.role, Operator.staff_no))
            return [OperatorInfo(r.staff_no, r.name, Role(r.role), r.active) for r in rows]


def _check_name(field: str, raw: str) -> str:
    if has_control_chars(raw):
        raise InvalidForm({field: InvalidInput(field, "control_chars")})
    text = normalize(raw)
    if not text:
        raise InvalidForm({field: InvalidInput(field, "empty")})
    if len(text) > MAX_NAME:
        raise InvalidForm({field: InvalidInput(field, "too_long", limit=MAX_NAME)})
    return text


def _check_business_type(item: BusinessType) -> BusinessType:
    errors: dict[str, InvalidInput] = {}
    if not CODE_RE.fullmatch(item.code):
        errors["code"] = InvalidInput("code", "bad_code")
    letter = normalize(item.letter).upper()
    if len(letter) != 1 or not ("A" <= letter <= "Z"):
        errors["letter"] = InvalidInput("letter", "bad_letter")
    if item.sort_order < 0:
        errors["sort_order"] = InvalidInput("sort_order", "below_minimum", limit="0")
    elif item.sort_order > 999:
        errors["sort_order"] = InvalidInput("sort_order", "above_maximum", limit="999")
    try:
        name = _check_name("name", item.name)
    except InvalidForm as exc:
        errors.update(exc.errors)
        name = ""
    if errors:
        raise InvalidForm(errors)
    return BusinessType(item.code, letter, name, item.sort_order, item.active)


def calendar_in(s: Session) -> dict[date, DayKind]:
    """The holiday calendar (days off and make-up working days), read in the caller's transaction."""
    return {r.day: DayKind(r.kind) for r in s.scalars(select(HolidayRow))}
