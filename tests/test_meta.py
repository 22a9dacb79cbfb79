"""Tests about the project itself: hooks documented and tested, modules import cleanly."""

from __future__ import annotations

import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import yhteiskehitys
from yhteiskehitys import hookspecs

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(
    name
    for name, obj in vars(hookspecs).items()
    if inspect.isfunction(obj) and hasattr(obj, "yhteiskehitys_spec")
)


def test_there_are_hooks():
    assert {"yk_models", "yk_checks", "yk_cli_commands"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_full_docstring(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert doc.splitlines()[0].endswith("."), "a one-line summary first"
    assert ":returns:" in doc
    for parameter in inspect.signature(getattr(hookspecs, hook)).parameters:
        assert f":param {parameter}:" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_in_the_reference(hook):
    assert f"### {hook}\n" in (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")


def test_hook_reference_is_fresh():
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "gen_hooks.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "docs/hooks.md is stale; run `make docs`"


def test_command_summaries_come_from_the_commands_docstrings():
    """``yk --help`` lists summaries generated from the docstrings: one place to write help."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "gen_cli_summaries.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "cli/summaries.py is stale; run `make docs`"
    from yhteiskehitys.cli.main import BUILTIN_COMMANDS
    from yhteiskehitys.cli.summaries import SUMMARIES

    assert set(SUMMARIES) == set(BUILTIN_COMMANDS)


def _test_sources() -> str:
    folders = [ROOT / "tests", *ROOT.glob("plugins/*/tests")]
    return "\n".join(
        path.read_text(encoding="utf-8") for folder in folders for path in folder.rglob("*.py")
    )


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook):
    this = Path(__file__).read_text(encoding="utf-8")
    others = _test_sources().replace(this, "")
    assert re.search(rf"\b{hook}\b", others), f"no test mentions {hook}"


MODULES = sorted(
    module.name for module in pkgutil.walk_packages(yhteiskehitys.__path__, prefix="yhteiskehitys.")
)


def test_every_module_imports_without_warnings():
    # One interpreter imports them all: a subprocess per module would cost seconds. The error
    # names the module that failed.
    script = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except BaseException as exc:\n"
        "        sys.exit(f'{name}: {type(exc).__name__}: {exc}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", script, *MODULES], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_module_list_is_complete():
    assert "yhteiskehitys.testing.conformance" in MODULES
    assert "yhteiskehitys.cli.main" in MODULES


def test_the_public_namespace_is_curated_and_every_name_resolves():
    import yhteiskehitys

    lazy = set(yhteiskehitys._LAZY)
    assert set(yhteiskehitys.__all__) == lazy | {"__version__", "hookimpl"}
    for name in yhteiskehitys.__all__:
        assert getattr(yhteiskehitys, name) is not None, name
