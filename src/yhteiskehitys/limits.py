"""Bounds on the shape of data read from a file, checked before anything else looks at it.

A parsed file is walked once, without recursion, so a hostile file cannot exhaust the stack of
the code that reads it later (cattrs, jinja2 and the JSON writer all recurse), and an integer
that no database column can hold is named by its path instead of failing deep in a driver.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from .errors import ConfigError

MAX_DEPTH = 48
"""Deeper than any real configuration or export (an export is 5 levels deep)."""
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""What a 64-bit database integer holds, on SQLite and PostgreSQL alike."""
MAX_PROBLEMS = 50


def _step(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def plain_data_problems(data: Any, source: str) -> list[str]:
    """``source: path: reason`` for nesting deeper than :data:`MAX_DEPTH`, integers outside
    the 64-bit range and floats that are not finite numbers; empty when the data is fine.

    Every value of an export passes through here before an import, so the walk builds a path
    only for a value at fault, and looks at plain strings, bools and small ints only once."""
    problems: list[str] = []
    scalar = _scalar_problem(data)
    if scalar is not None:
        return [f"{source}: (top level): {scalar}"]
    if not isinstance(data, dict | list):
        return problems
    # Depth-first, in the order of the file: a stack of (children, the keys that lead there).
    stack: list[tuple[Iterator[tuple[Any, Any]], tuple[Any, ...]]] = [(_children(data), ())]
    while stack:
        children, trail = stack[-1]
        for key, value in children:
            kind = type(value)
            if kind is str or kind is bool or value is None:
                continue
            if kind is int and INT_MIN <= value <= INT_MAX:
                continue
            if kind is dict or kind is list or isinstance(value, dict | list):
                if len(trail) + 1 >= MAX_DEPTH:
                    problems.append(
                        f"{source}: {_where((*trail, key))}: nested more than {MAX_DEPTH} "
                        "levels deep"
                    )
                else:
                    stack.append((_children(value), (*trail, key)))
                    break
            else:
                reason = _scalar_problem(value)
                if reason is None:
                    continue
                problems.append(f"{source}: {_where((*trail, key))}: {reason}")
            if len(problems) >= MAX_PROBLEMS:
                return problems
        else:
            stack.pop()
    return problems


def _children(value: dict[Any, Any] | list[Any]) -> Iterator[tuple[Any, Any]]:
    return iter(value.items()) if isinstance(value, dict) else enumerate(value)


def _scalar_problem(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
        return (
            f"the integer {_short(value)} is outside the range a database holds (-2^63 to 2^63 - 1)"
        )
    if isinstance(value, float) and not math.isfinite(value):
        return f"expected a finite number (got {value})"
    return None


def _where(trail: tuple[Any, ...]) -> str:
    path = ""
    for key in trail:
        path = _step(path, key)
    where = path or "(top level)"
    return where[:80] + "…" if len(where) > 80 else where


def _short(value: int) -> str:
    return str(value) if value.bit_length() <= 80 else f"of {value.bit_length()} bits"


def check_plain_data(data: Any, source: str) -> None:
    """Raise :class:`ConfigError` with every problem :func:`plain_data_problems` finds."""
    problems = plain_data_problems(data, source)
    if problems:
        raise ConfigError(problems)


def whole_number(text: str, digits: int = 18) -> int | None:
    """``text`` (spaces around it aside) as a whole number of at most ``digits`` ASCII digits,
    or None. ``str.isdigit`` alone also passes ``²``, which ``int`` refuses, and thousands of
    digits, which ``int`` refuses too (beyond 4,300) or no database column holds."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= digits:
        return int(text)
    return None
