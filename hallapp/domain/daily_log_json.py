"""The daily counter log (``kpi_values.DailyLog``), and any other frozen dataclass of KPI values
(``kpi_summary.Summary``, ``kpi_facts.KpiRules``), as JSON and back, for the central report's API
and store and whoever shows it (the app's 中心服务器 page, a script).

Every dataclass becomes an object of its fields; dates and times are ISO 8601 text; tuples are
arrays. The derived figures a screen shows (``count``, ``mean_s``, ``ratio``, ``rated``,
``net_fen``, ``difference_fen``, ``same_day_rate``, ``total_s``) are added beside the fields and
ignored when read back, so ``from_json(to_json(log)) == log``.
"""

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from typing import Any, TypeVar, Union

from hallapp.domain.kpi_values import DailyLog

T = TypeVar("T")
DERIVED = (
    *("count", "total_s", "mean_s", "max_s", "wait_mean_s", "ratio", "rated", "net_fen", "difference_fen"),
    *(
        "same_day_rate",
        "service_level",
        "wait_percentile_s",
        "handling_percentile_s",
        "reversals_of_other_days",
    ),
)
PLAIN = (int, str, float, bool)
PARSE: dict[Any, Any] = {datetime: datetime.fromisoformat, date: date.fromisoformat, time: time.fromisoformat}


def to_json(value: Any, *, derived: bool = True) -> Any:
    """``value`` (a ``DailyLog`` or any part of it) as plain JSON values; ``derived=False`` leaves out
    the figures a screen would derive (for storing)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_json(getattr(value, f.name), derived=derived) for f in dataclasses.fields(value)}
        if derived:
            for name in DERIVED:
                if isinstance(getattr(type(value), name, None), property):
                    out[name] = to_json(getattr(value, name))
        return out
    if isinstance(value, tuple | list):
        return [to_json(item, derived=derived) for item in value]
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return value


def from_json(data: dict[str, Any]) -> DailyLog:
    return read(DailyLog, data)


def read(kind: type[T], data: dict[str, Any]) -> T:
    """``data`` (as ``to_json`` wrote it) read back into the dataclass ``kind``."""
    return _decoder(kind)(data)


Decoder = Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


@cache
def _decoder(kind: Any) -> Decoder:
    """How to read a value of ``kind``, worked out once per type (a report reads thousands)."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        inner = _decoder(next(arg for arg in typing.get_args(kind) if arg is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            if args[0] in PLAIN:
                return tuple
            item = _decoder(args[0])
            return lambda data: tuple(item(x) for x in data)
        parts = [_decoder(arg) for arg in args]
        if all(part is _same for part in parts):
            return tuple
        return lambda data: tuple(part(x) for part, x in zip(parts, data, strict=True))
    if kind in PARSE:
        return PARSE[kind]
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind)]
        return lambda data: kind(**{name: decode(data[name]) for name, decode in fields})
    return _same
