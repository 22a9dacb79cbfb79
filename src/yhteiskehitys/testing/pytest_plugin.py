"""pytest plugin (entry point ``pytest11``) for yhteiskehitys and its plugins' test suites.

With ``YK_REQUIRE_ALL=1`` (CI sets it) a skipped test fails instead: a PostgreSQL or browser test
that silently skips would let CI pass without ever running it.
"""

from __future__ import annotations

import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("YK_REQUIRE_ALL"):
        report.outcome = "failed"
        report.longrepr = f"skipped, but YK_REQUIRE_ALL=1 requires every test to run: {report.longrepr}"
