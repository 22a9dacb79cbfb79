"""Shared fixtures; hypothesis profiles; CI turns every skip into a failure."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "tests", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("YK_HYPOTHESIS_PROFILE", "tests"))


# --- running the installed command line ---------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

YK = Path(sys.executable).parent / "yk"
"""The console script that installing the package created, next to the interpreter."""


@pytest.fixture
def yk(tmp_path_factory):
    """Run the installed ``yk`` in a subprocess: ``yk("models", cwd=..., env={...})``.

    Each test gets its own cache folder, and no database or plugin settings leak in.
    """
    cache = tmp_path_factory.mktemp("yk-cache")

    def run(*args, cwd=None, env=None, input=None):
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("YK_") or k in ("YK_TEST_DATABASE_URL", "YK_REQUIRE_ALL")
        }
        clean.update({"YK_CACHE_DIR": str(cache), "YK_OPERATOR": "tester"})
        clean.update(env or {})
        return subprocess.run(
            [str(YK), *map(str, args)],
            cwd=cwd,
            env=clean,
            input=input,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Keep the command line's help cache out of the home folder while testing."""
    old = os.environ.get("YK_CACHE_DIR")
    os.environ["YK_CACHE_DIR"] = str(tmp_path_factory.mktemp("yk-cache-session"))
    yield
    if old is None:
        os.environ.pop("YK_CACHE_DIR", None)
    else:
        os.environ["YK_CACHE_DIR"] = old


# --- a plugin package used from its folder, never installed ----------------------------------

import importlib  # noqa: E402
import tomllib  # noqa: E402


@pytest.fixture
def plugin_from_folder(tmp_path_factory, monkeypatch):
    """Use a plugin package (``pyproject.toml`` + ``src/``) as if installed, installing nothing.

    ``load(folder)`` imports the package from ``folder/src`` in this process and forgets it
    after the test. ``load.environment(folder)`` is the environment of a subprocess (``yk``,
    ``pytest``) in which the package is found on ``PYTHONPATH`` with its entry points, as pip
    would install them, from a ``.dist-info`` folder written beside it.
    """
    loaded: list[str] = []

    def entry_points(folder: Path) -> dict[str, str]:
        project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
        return project["project"]["entry-points"]["yhteiskehitys"]

    def load(folder: Path):
        (module,) = set(entry_points(folder).values())
        monkeypatch.syspath_prepend(str(folder / "src"))
        loaded.append(module)
        return importlib.import_module(module)

    def environment(folder: Path) -> dict[str, str]:
        project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
        meta = project["project"]
        site = tmp_path_factory.mktemp("site")
        dist = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n",
            encoding="utf-8",
        )
        lines = [f"{name} = {target}" for name, target in entry_points(folder).items()]
        (dist / "entry_points.txt").write_text(
            "[yhteiskehitys]\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("YK_") or k in ("YK_TEST_DATABASE_URL", "YK_REQUIRE_ALL")
        }
        env["PYTHONPATH"] = os.pathsep.join([str(site), str(folder / "src")])
        env["YK_CACHE_DIR"] = str(tmp_path_factory.mktemp("yk-cache"))
        env["YK_OPERATOR"] = "tester"
        return env

    load.environment = environment
    yield load
    for module in loaded:
        for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
            del sys.modules[name]
