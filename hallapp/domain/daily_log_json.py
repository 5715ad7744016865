"""The daily counter log (``kpi_values.DailyLog``) as JSON and back, for the central report's API
and whoever shows it (the app's 中心服务器 page, a script).

Every dataclass becomes an object of its fields; dates and times are ISO 8601 text; tuples are
arrays. The derived figures a screen shows (``count``, ``mean_s``, ``ratio``, ``rated``,
``net_fen``, ``difference_fen``, ``same_day_rate``, ``total_s``) are added beside the fields and
ignored when read back, so ``from_json(to_json(log)) == log``.
"""

import dataclasses
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, Union

from hallapp.domain import kpi_values
from hallapp.domain.kpi_values import DailyLog

DERIVED = ("count", "total_s", "mean_s", "ratio", "rated", "net_fen", "difference_fen", "same_day_rate")


def to_json(value: Any) -> Any:
    """``value`` (a ``DailyLog`` or any part of it) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in DERIVED:
            if isinstance(getattr(type(value), name, None), property):
                out[name] = to_json(getattr(value, name))
        return out
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def from_json(data: dict[str, Any]) -> DailyLog:
    return _read(DailyLog, data)


def _read(kind: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        return _read(next(arg for arg in typing.get_args(kind) if arg is not type(None)), data)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], item) for item in data)
        return tuple(_read(arg, item) for arg, item in zip(args, data, strict=True))
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: _read(hints[f.name], data[f.name]) for f in dataclasses.fields(kind)})
    return data


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind, vars(kpi_values))
