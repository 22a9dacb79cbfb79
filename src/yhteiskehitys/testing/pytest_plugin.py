"""pytest plugin (entry point ``pytest11``) for yhteiskehitys and its plugins' test suites.

Fixtures:

- ``yk_plugin_manager``: a fresh plugin manager with the built-ins and no entry points; during
  the test the ``yk`` command line (``yhteiskehitys.cli.main.main``) uses it too.
- ``yk_register``: ``yk_register(obj)`` registers an object with ``@hookimpl`` methods in that
  manager (misspelt hook names fail at once) and unregisters it after the test.
- ``yk_conformance``: ``yk_conformance(plugin)`` runs the conformance kit and fails the test
  with every problem it finds.

With ``YK_REQUIRE_ALL=1`` (CI sets it) a skipped test fails instead: a PostgreSQL or browser test
that silently skips would let CI pass without ever running it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ..plugins import YkPluginManager


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("YK_REQUIRE_ALL"):
        report.outcome = "failed"
        report.longrepr = (
            f"skipped, but YK_REQUIRE_ALL=1 requires every test to run: {report.longrepr}"
        )


@pytest.fixture
def yk_plugin_manager(monkeypatch: pytest.MonkeyPatch) -> YkPluginManager:
    """A fresh plugin manager (built-ins only), also used by the command line in this test."""
    from ..cli import main as cli_main
    from ..cli import state
    from ..plugins import get_plugin_manager

    pm = get_plugin_manager(entry_points=False)
    monkeypatch.setattr(state, "plugin_manager", lambda: pm)
    # The command line loads plugin commands once per process and caches their help.
    monkeypatch.setattr(cli_main.cli, "_plugins_loaded", False, raising=False)
    monkeypatch.setattr(cli_main.cli, "commands", {})
    monkeypatch.setenv("YK_NO_CACHE", "1")
    return pm


@pytest.fixture
def yk_register(yk_plugin_manager: YkPluginManager) -> Iterator[Callable[..., Any]]:
    """Register throwaway plugins for one test; each is unregistered when the test ends."""
    registered: list[object] = []

    def register(plugin: object, name: str | None = None) -> object:
        yk_plugin_manager.register(plugin, name=name)
        registered.append(plugin)
        yk_plugin_manager.check_pending()
        return plugin

    yield register
    for plugin in reversed(registered):
        if yk_plugin_manager.is_registered(plugin):
            yk_plugin_manager.unregister(plugin)


@pytest.fixture
def yk_conformance() -> Callable[..., None]:
    """``yk_conformance(plugin)`` fails the test with every problem the kit finds."""
    from .conformance import assert_plugin_conforms

    return assert_plugin_conforms
