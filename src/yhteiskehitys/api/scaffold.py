"""A new plugin package to start from (``yk plugin new NAME``).

The package holds what every plugin needs and nothing more: a ``pyproject.toml`` with the
``yhteiskehitys`` entry point, a module offering a model evolved from ``general_model()`` and
one check, tests that run the conformance kit, and a README. docs/tutorial-plugin.md starts
from it; a test generates a package and runs the kit and the package's own tests on it.
"""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from attrs import frozen

from .. import __version__
from ..errors import YhteiskehitysError

if TYPE_CHECKING:
    import pluggy

FILES = Path(__file__).parent / "plugin_template"
PREFIX = "yhteiskehitys-"
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")


@frozen
class PluginNames:
    """The names one plugin goes by, all derived from the name given to ``yk plugin new``."""

    model: str
    """the model's name (``yk init --model``), e.g. ``vammaisneuvosto``"""
    distribution: str
    """the package to ``pip install``, e.g. ``yhteiskehitys-vammaisneuvosto``"""
    module: str
    """the import name, e.g. ``yhteiskehitys_vammaisneuvosto``"""
    entry_point: str
    """the plugin's name in ``yk plugins`` and ``YK_DISABLE_PLUGINS``"""
    check: str
    """the name of the check the package starts with"""

    @classmethod
    def from_name(cls, name: str) -> PluginNames:
        """Names from ``name`` (``vammaisneuvosto`` or ``yhteiskehitys-vammaisneuvosto``)."""
        given = name.strip()
        short = given[len(PREFIX) :] if given.startswith(PREFIX) else given
        if not NAME_PATTERN.fullmatch(short) or len(short) > 40:
            raise YhteiskehitysError(
                f"plugin name {given!r}: use 1-40 lower-case letters and digits, words joined "
                "by - or _, starting with a letter (e.g. vammaisneuvosto)"
            )
        model = short.replace("_", "-")
        snake = short.replace("-", "_")
        return cls(
            model=model,
            distribution=PREFIX + model,
            module="yhteiskehitys_" + snake,
            entry_point=snake,
            check=f"{snake}_sessions_facilitated",
        )


def _requirement() -> str:
    """``yhteiskehitys`` of this minor version: plugins are written against one minor."""
    major, minor = (int(part) for part in __version__.split(".")[:2])
    return f"yhteiskehitys>={major}.{minor},<{major}.{minor + 1}"


def plugin_files(names: PluginNames) -> dict[str, str]:
    """Each file of the new package (path relative to its folder → text)."""
    values = {
        "model": names.model,
        "distribution": names.distribution,
        "module": names.module,
        "entry_point": names.entry_point,
        "check": names.check,
        "title": names.model.replace("-", " ").capitalize(),
        "requirement": _requirement(),
    }

    def fill(template: str) -> str:
        return Template((FILES / template).read_text(encoding="utf-8")).substitute(values)

    return {
        "pyproject.toml": fill("pyproject.toml.tmpl"),
        "README.md": fill("README.md.tmpl"),
        f"src/{names.module}/__init__.py": fill("__init__.py.tmpl"),
        "tests/test_plugin.py": fill("test_plugin.py.tmpl"),
    }


def new_plugin(name: str, out: Path | str = ".", *, pm: pluggy.PluginManager | None = None) -> Path:
    """Write a new plugin package ``yhteiskehitys-NAME`` into ``out`` and return its folder.

    Refused, with nothing written, when the name is not a plain name, when the folder exists
    and is not empty, or when an installed plugin already offers a model of that name (the
    conformance kit would fail on the clash). The files are written into a temporary folder
    beside the target and moved into place at once.
    """
    names = PluginNames.from_name(name)
    if pm is not None:
        from ..catalogue import models

        if names.model in models(pm):
            raise YhteiskehitysError(
                f"plugin name {name!r}: a model named {names.model!r} is already offered by "
                "an installed plugin (see `yk models`); choose another name"
            )
    target = Path(out) / names.distribution
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise YhteiskehitysError(
            f"{target}: already exists and is not empty; choose another --out folder or name"
        )
    files = plugin_files(names)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Made with mkdir, not mkdtemp, so the folder gets the user's usual permissions.
    staging = target.parent / f".{target.name}.{secrets.token_hex(6)}"
    staging.mkdir()
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        if target.exists():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
