"""Build many instances of a frozen dataclass fast (a start-up builds thousands).

A frozen dataclass's `__init__` sets each field with `object.__setattr__`, which is about half
the cost of building one. `build_frozen` sets them all in one step instead. The result is the
same instance as `cls(**fields)`, equal, hashed and printed alike, and still frozen; `fields`
must name every field (defaults are not filled in) and nothing else.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")

_new = object.__new__


def build_frozen(cls: type[T], **fields: Any) -> T:
    instance = _new(cls)
    instance.__dict__.update(fields)
    return instance
