"""Bounds on the shape of data read from a file, checked before anything else looks at it.

A parsed file is walked once, without recursion, so a hostile file cannot exhaust the stack of
the code that reads it later (cattrs, jinja2 and the JSON writer all recurse), and an integer
that no database column can hold is named by its path instead of failing deep in a driver.
"""

from __future__ import annotations

import math
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
    the 64-bit range and floats that are not finite numbers; empty when the data is fine."""
    problems: list[str] = []
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path, depth = stack.pop()
        where = path or "(top level)"
        if len(where) > 80:
            where = where[:80] + "…"
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                problems.append(f"{source}: {where}: nested more than {MAX_DEPTH} levels deep")
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((v, _step(path, k), depth + 1) for k, v in reversed(list(items)))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            problems.append(
                f"{source}: {where}: the integer {_short(value)} is outside the range a "
                "database holds (-2^63 to 2^63 - 1)"
            )
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(f"{source}: {where}: expected a finite number (got {value})")
    return problems


def _short(value: int) -> str:
    return str(value) if value.bit_length() <= 80 else f"of {value.bit_length()} bits"


def check_plain_data(data: Any, source: str) -> None:
    """Raise :class:`ConfigError` with every problem :func:`plain_data_problems` finds."""
    problems = plain_data_problems(data, source)
    if problems:
        raise ConfigError(problems)
