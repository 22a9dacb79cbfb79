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
