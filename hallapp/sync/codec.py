"""Plain values (frozen dataclasses) to JSON and back, for the hall hub's LAN API and its events.

Decoding follows the dataclass's type hints, so a malformed payload fails with InvalidInput
instead of building a half-typed value.
"""

import dataclasses
import functools
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from hallapp.domain.errors import InvalidInput

T = TypeVar("T")


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(cls: type[T], data: Any) -> T:
    try:
        return _decode(cls, data)
    except (TypeError, ValueError, KeyError, AttributeError):
        raise InvalidInput("payload", "malformed", type=cls.__name__) from None


def _decode(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner[0], data)
    if origin in (tuple, list):
        args = typing.get_args(hint)
        items = [_decode(args[0], v) for v in _as_list(data)]
        return tuple(items) if origin is tuple else items
    if origin is dict or hint is dict:
        if not isinstance(data, dict):
            raise TypeError("object expected")
        return data
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, data)
    return _decode_scalar(hint, data)


@functools.cache
def _fields(cls: Any) -> tuple[tuple[dataclasses.Field, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in dataclasses.fields(cls))


def _decode_dataclass(cls: Any, data: Any) -> Any:
    if not isinstance(data, dict):
        raise TypeError("object expected")
    values = {}
    for f, hint in _fields(cls):
        if f.name in data:
            values[f.name] = _decode(hint, data[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise KeyError(f.name)
    return cls(**values)


def _decode_scalar(hint: Any, data: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if hint is datetime:
        return datetime.fromisoformat(_str(data))
    if hint is date:
        return date.fromisoformat(_str(data))
    if hint is bool:
        if not isinstance(data, bool):
            raise TypeError("bool expected")
        return data
    if hint is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise TypeError("int expected")
        return data
    if hint is str:
        return _str(data)
    if hint is Any:
        return data
    raise TypeError(f"cannot decode {hint!r}")


def _str(data: Any) -> str:
    if not isinstance(data, str):
        raise TypeError("string expected")
    return data


def _as_list(data: Any) -> list:
    if not isinstance(data, list):
        raise TypeError("array expected")
    return data
