"""The walk that bounds a parsed file's shape finds what a plain walk finds, in the same order,
with the same paths; it is only faster (it runs over every value of an export)."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from yhteiskehitys.limits import INT_MAX, INT_MIN, MAX_DEPTH, MAX_PROBLEMS, plain_data_problems


def reference(data: Any, source: str) -> list[str]:
    """The walk as first written: every value with its path, in the order of the file."""
    problems: list[str] = []

    def where_of(path: str) -> str:
        where = path or "(top level)"
        return where[:80] + "…" if len(where) > 80 else where

    def step(path: str, key: Any) -> str:
        if isinstance(key, int):
            return f"{path}[{key}]"
        return f"{path}.{key}" if path else str(key)

    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                problems.append(
                    f"{source}: {where_of(path)}: nested more than {MAX_DEPTH} levels deep"
                )
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((v, step(path, k), depth + 1) for k, v in reversed(list(items)))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            short = str(value) if value.bit_length() <= 80 else f"of {value.bit_length()} bits"
            problems.append(
                f"{source}: {where_of(path)}: the integer {short} is outside the range a "
                "database holds (-2^63 to 2^63 - 1)"
            )
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(f"{source}: {where_of(path)}: expected a finite number (got {value})")
    return problems


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, -(2**63) - 1, 2**63 - 1, -(2**63), 10**40, 2**200]),
    st.floats(),
    st.text(max_size=3),
)
KEYS = st.one_of(st.text(max_size=30), st.sampled_from(["x" * 90, "a.b", "0"]))
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=60,
)


def nest(value: Any, depth: int) -> Any:
    for n in range(depth):
        value = [value] if n % 2 else {"k": value}
    return value


@settings(max_examples=300, deadline=None)
@given(DATA, st.integers(0, MAX_DEPTH + 3))
def test_the_walk_finds_what_a_plain_walk_finds(data, depth):
    for value in (data, nest(data, depth), [data] * 30):
        assert plain_data_problems(value, "f.json") == reference(value, "f.json")


def test_no_more_than_the_limit_and_the_top_level_is_named():
    many = [2**70] * (MAX_PROBLEMS + 10)
    assert plain_data_problems(many, "f") == reference(many, "f")
    assert len(plain_data_problems(many, "f")) == MAX_PROBLEMS
    assert plain_data_problems(math.nan, "f") == [
        "f: (top level): expected a finite number (got nan)"
    ]
    assert plain_data_problems(nest(1, MAX_DEPTH + 1), "f") == reference(
        nest(1, MAX_DEPTH + 1), "f"
    )
