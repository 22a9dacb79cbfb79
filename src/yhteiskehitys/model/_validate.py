"""Validators shared by the model classes; each names the field it rejects."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from ..errors import FieldValueError

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
"""Matched with ``fullmatch``: ``$`` would let a trailing newline through."""
EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
OptionalDate = TypeVar("OptionalDate", bound=date | None)


def identifier(instance: Any, attribute: Any, value: str) -> None:
    """Ids appear in URLs, file names and CLI arguments, so keep them plain."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise FieldValueError(
            attribute.name,
            "must be 1-64 letters, digits or . _ : - starting with a letter or digit "
            f"(got {value!r})",
        )


def optional_identifier(instance: Any, attribute: Any, value: str | None) -> None:
    if value is not None:
        identifier(instance, attribute, value)


def identifiers(instance: Any, attribute: Any, value: Iterable[str]) -> None:
    for item in value:
        if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
            raise FieldValueError(attribute.name, f"not a valid id: {item!r}")


def non_empty(instance: Any, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


def one_of(*choices: str) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value not in choices:
            raise FieldValueError(
                attribute.name, f"must be one of {', '.join(choices)} (got {value!r})"
            )

    return check


def between(low: int | float, high: int | float) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value is None:
            return
        if not low <= value <= high:
            raise FieldValueError(attribute.name, f"must be between {low} and {high} (got {value})")

    return check


def sane_date(instance: Any, attribute: Any, value: OptionalDate) -> None:
    """Catches typos such as 2204 for 2024 before they skew every time limit."""
    if value is None:
        return
    if not EARLIEST <= value <= LATEST:
        raise FieldValueError(
            attribute.name, f"date {value.isoformat()} is outside {EARLIEST.year}-{LATEST.year}"
        )


def ordered(first: str, second: str) -> Callable[[Any], None]:
    """A post-init check that ``first <= second`` when both are set."""

    def check(instance: Any) -> None:
        a, b = getattr(instance, first), getattr(instance, second)
        if a is not None and b is not None and b < a:
            raise FieldValueError(second, f"must be ≥ {first} (got {b} < {a})")

    return check


def unique_ids(items: Iterable[Any], field: str, key: str = "id") -> None:
    seen: set[str] = set()
    for item in items:
        value = getattr(item, key)
        if value in seen:
            raise FieldValueError(field, f"duplicate id {value!r}")
        seen.add(value)


def unique(instance: Any, attribute: Any, value: Iterable[Any]) -> None:
    seen: set[Any] = set()
    for item in value:
        if item in seen:
            raise FieldValueError(attribute.name, f"duplicate value {item!r}")
        seen.add(item)


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Converter so callers may pass lists and the instance stays hashable."""
    return tuple(value)
