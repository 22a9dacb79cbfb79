"""The plugin manager: built-ins first, then the ``yhteiskehitys`` entry points.

``get_plugin_manager()`` is a factory, never an import-time global, so tests and embedders get a
fresh manager. ``YK_DISABLE_PLUGINS`` (comma-separated entry-point names) blocks plugins;
``YK_TRACE_PLUGINS=1`` prints every hook call to standard error: the hook, the plugins that
implement it and short summaries of its arguments and results (see ``plugin_trace``).
"""

from __future__ import annotations

import importlib
import os
import sys
from importlib import metadata
from typing import TypedDict

import pluggy
from attrs import frozen

from . import hookspecs

ENTRY_POINT_GROUP = "yhteiskehitys"

BUILTIN_PLUGINS = (
    "yhteiskehitys.builtin.general_model",
    "yhteiskehitys.builtin.eligibility",
    "yhteiskehitys.builtin.config_checks",
    "yhteiskehitys.builtin.measure",
    "yhteiskehitys.builtin.budget",
    "yhteiskehitys.builtin.loop_checks",
    "yhteiskehitys.builtin.vocabulary_checks",
    "yhteiskehitys.builtin.elections",
)


@frozen
class PluginFailure:
    """A plugin that could not be loaded, with its error, so the rest can still run."""

    name: str
    distribution: str
    error: str


class YkPluginManager(pluggy.PluginManager):
    """A pluggy manager that remembers which plugins failed to load and where each came from."""

    def __init__(self) -> None:
        super().__init__(ENTRY_POINT_GROUP)
        self.failures: list[PluginFailure] = []
        self.distributions: dict[str, tuple[str, str]] = {}


def get_plugin_manager(*, entry_points: bool = True) -> YkPluginManager:
    """Build a plugin manager with every hook spec, the built-ins and (optionally) entry points."""
    pm = YkPluginManager()
    pm.add_hookspecs(hookspecs)
    blocked = {n.strip() for n in os.environ.get("YK_DISABLE_PLUGINS", "").split(",") if n.strip()}
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if entry_points:
        _load_entry_points(pm, blocked)
    pm.check_pending()
    if os.environ.get("YK_TRACE_PLUGINS"):
        from .plugin_trace import install

        # Looked up on each write, so that a redirected standard error gets the lines.
        install(pm, lambda text: sys.stderr.write(text))
    return pm


def _load_entry_points(pm: YkPluginManager, blocked: set[str]) -> None:
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in blocked or pm.get_plugin(ep.name) is not None:
            continue
        dist = ep.dist.name if ep.dist else "?"
        version = ep.dist.version if ep.dist else "?"
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # noqa: BLE001 - any plugin's failure is reported by name
            pm.failures.append(PluginFailure(ep.name, dist, f"{type(exc).__name__}: {exc}"))
            continue
        pm.distributions[ep.name] = (dist, version)


class PluginRow(TypedDict):
    """One line of ``yk plugins``."""

    name: str
    distribution: str
    version: str
    hooks: list[str]
    builtin: bool


def describe_plugins(pm: YkPluginManager) -> list[PluginRow]:
    """Name, version, and the hooks each registered plugin implements (for ``yk plugins``)."""
    from . import __version__

    rows: list[PluginRow] = []
    for name, plugin in pm.list_name_plugin():
        hooks = sorted(caller.name for caller in pm.get_hookcallers(plugin) or [])
        dist, version = pm.distributions.get(name, ("yhteiskehitys", __version__))
        rows.append(
            {
                "name": name,
                "distribution": dist,
                "version": version,
                "hooks": hooks,
                "builtin": name in BUILTIN_PLUGINS,
            }
        )
    return rows
