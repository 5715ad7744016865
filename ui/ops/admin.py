"""Settings, business types, holidays and operators: admin operations."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from hallapp.domain.calendar import DayKind
from hallapp.domain.records import Actor, BusinessType
from ui.ops import CoreOps

OnDone = Callable[[Any], None]
OnFail = Callable[[Exception], None]


def load_settings(ops: CoreOps, *, owner: QObject, on_success: OnDone) -> None:
    ops.run(lambda core: core.settings.list(), on_success=on_success, owner=owner)


def save_settings(
    ops: CoreOps,
    *,
    owner: QObject,
    actor: Actor,
    changes: dict[str, Any],
    on_success: OnDone,
    on_failure: OnFail,
) -> None:
    ops.run(
        lambda core: core.settings.update(actor, changes),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def load_business_types(ops: CoreOps, *, owner: QObject, on_success: OnDone) -> None:
    ops.run(lambda core: core.reference.business_types(), on_success=on_success, owner=owner)


def save_business_type(
    ops: CoreOps, *, owner: QObject, actor: Actor, item: BusinessType, on_success: OnDone, on_failure: OnFail
) -> None:
    ops.run(
        lambda core: core.reference.save_business_type(actor, item),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def load_holidays(ops: CoreOps, *, owner: QObject, year: int, on_success: OnDone) -> None:
    ops.run(lambda core: core.reference.holidays(year), on_success=on_success, owner=owner)


def set_holiday(
    ops: CoreOps,
    *,
    owner: QObject,
    actor: Actor,
    day: date,
    kind: DayKind,
    name: str,
    on_success: OnDone,
    on_failure: OnFail,
) -> None:
    ops.run(
        lambda core: core.reference.set_holiday(actor, day, kind, name),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def remove_holiday(
    ops: CoreOps, *, owner: QObject, actor: Actor, day: date, on_success: OnDone, on_failure: OnFail
) -> None:
    ops.run(
        lambda core: core.reference.remove_holiday(actor, day),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def load_operators(
    ops: CoreOps, *, owner: QObject, actor: Actor, on_success: OnDone, on_failure: OnFail
) -> None:
    ops.run(
        lambda core: core.reference.operators(actor),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )
