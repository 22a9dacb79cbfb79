"""``YK_TRACE_PLUGINS=1``: one line per hook call and one per result, on standard error.

Each line names the hook and the plugins that implement it, with short summaries of the
arguments and results (a type and a name or a length), never whole reprs: a model's repr alone
runs to pages, which would bury the names a person is looking for.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pluggy

PREFIX = "yk trace: "
LIMIT = 40
"""The longest a text or path is shown, in characters."""


def summarise(value: Any) -> str:
    """A few words for ``value``: numbers and short texts as they are, collections by their
    length, other objects by their type and, when they have one, their name."""
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        return repr(text if len(text) <= LIMIT else text[: LIMIT - 3] + "...")
    kind = type(value).__name__
    if isinstance(value, (Mapping, Sequence, set, frozenset)):
        return f"{kind}[{len(value)}]"
    if isinstance(value, type):
        return f"class {value.__name__}"
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return f"{kind} {summarise(name)}"
    return kind


def summarise_result(results: Any) -> str:
    """What the plugins returned, all together: the number of items in their lists and the
    kinds of item (``3 items: ModelTemplate``), or the one value of a first-result hook."""
    if not isinstance(results, list):
        return summarise(results)
    items = [
        item
        for result in results
        if result is not None
        for item in (result if isinstance(result, (list, tuple)) else [result])
    ]
    if not items:
        return "nothing"
    kinds = sorted({summarise(i) if isinstance(i, type) else type(i).__name__ for i in items})
    shown = ", ".join(kinds[:4]) + (", ..." if len(kinds) > 4 else "")
    return f"{len(items)} item{'s' if len(items) != 1 else ''}: {shown}"


def install(pm: pluggy.PluginManager, write: Callable[[str], Any]) -> Callable[[], None]:
    """Trace every hook call of ``pm`` through ``write``; returns the function that stops it."""
    started: list[float] = []

    def before(hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
        arguments = ", ".join(f"{k}={summarise(v)}" for k, v in kwargs.items())
        plugins = ", ".join(impl.plugin_name for impl in reversed(impls)) or "none"
        write(f"{PREFIX}{hook}({arguments}) -> plugins: {plugins}\n")
        started.append(time.perf_counter())

    def after(
        outcome: pluggy.Result[Any],
        hook: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        took = (time.perf_counter() - started.pop()) * 1000 if started else 0.0
        if outcome.exception is not None:
            error = outcome.exception
            write(f"{PREFIX}{hook} raised {type(error).__name__}: {summarise(str(error))}\n")
        else:
            write(f"{PREFIX}{hook} returned {summarise_result(outcome.get_result())}")
            write(f" in {took:.1f} ms\n")

    return pm.add_hookcall_monitoring(before, after)
