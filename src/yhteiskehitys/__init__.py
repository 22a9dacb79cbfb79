"""yhteiskehitys: co-developing public services with the people who use them.

The package root stays light so the command line starts fast; model classes and the store are
imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "ModelTemplate": "yhteiskehitys.model",
    "Programme": "yhteiskehitys.model",
    "TargetGroup": "yhteiskehitys.model",
    "general_model": "yhteiskehitys.model",
    "Check": "yhteiskehitys.checks",
    "Problem": "yhteiskehitys.checks",
    "CheckContext": "yhteiskehitys.checks",
    "ProgrammeFolder": "yhteiskehitys.folder",
    "get_plugin_manager": "yhteiskehitys.plugins",
    "YhteiskehitysError": "yhteiskehitys.errors",
    "ConfigError": "yhteiskehitys.errors",
    "open_store": "yhteiskehitys.store",
    "validate": "yhteiskehitys.validation",
    "open_programme": "yhteiskehitys.api",
    "OpenProgramme": "yhteiskehitys.api",
    "create_programme": "yhteiskehitys.api",
    "import_programme": "yhteiskehitys.api",
}

__all__ = [
    "Check",
    "CheckContext",
    "ConfigError",
    "ModelTemplate",
    "OpenProgramme",
    "Problem",
    "Programme",
    "ProgrammeFolder",
    "TargetGroup",
    "YhteiskehitysError",
    "__version__",
    "create_programme",
    "general_model",
    "get_plugin_manager",
    "hookimpl",
    "import_programme",
    "open_programme",
    "open_store",
    "validate",
]

if TYPE_CHECKING:
    import pluggy

    hookimpl: pluggy.HookimplMarker
    """Marker for hook implementations: ``from yhteiskehitys import hookimpl``."""

    from .api import OpenProgramme, create_programme, import_programme, open_programme
    from .checks import Check, CheckContext, Problem
    from .errors import ConfigError, YhteiskehitysError
    from .folder import ProgrammeFolder
    from .model import ModelTemplate, Programme, TargetGroup, general_model
    from .plugins import get_plugin_manager
    from .store import open_store
    from .validation import validate


def __getattr__(name: str) -> Any:
    if name == "hookimpl":
        # Made on first use: importing pluggy would slow down ``yk --help``.
        import pluggy

        marker = globals()["hookimpl"] = pluggy.HookimplMarker("yhteiskehitys")
        return marker
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'yhteiskehitys' has no attribute {name!r}")
