"""axe-core on every page of the example's site in headless Chromium: no WCAG 2.1 A/AA violation,
and no page requests anything but itself.

Needs ``chromium`` and ``tests/a11y/node_modules/axe-core`` (``make a11y-deps``); without them
the test skips locally, and under YK_REQUIRE_ALL=1 (CI) a skip is a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

A11Y = Path(__file__).resolve().parents[1] / "a11y"
sys.path.insert(0, str(A11Y))
from browser import AXE, Browser, chromium_path  # noqa: E402

from .test_cli_report import copy_example, load_example, run  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make a11y-deps)")
    pytest.importorskip("websocket", reason="websocket-client is not installed")
    with Browser(executable) as opened:
        yield opened


def audit(browser, site: Path) -> dict[str, list]:
    problems: dict[str, list] = {}
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        requested = browser.open(page.as_uri())
        outside = [url for url in requested if url != page.as_uri()]
        violations = browser.axe()
        if outside or violations:
            problems[str(page.relative_to(site))] = outside + violations
    return problems


def test_example_site_has_no_violations(browser, tmp_path, capsys):
    folder = copy_example(tmp_path)
    load_example(folder, capsys)
    site = tmp_path / "site"
    code, _, err = run(capsys, "report", folder, "--out", site)
    assert code == 0, err
    assert audit(browser, site) == {}


def test_full_site_and_certificates_have_no_violations(browser, tmp_path, capsys, example):
    """Every kind of page with data: loop figures, barometer charts, trails, summaries, and
    hostile text everywhere; and the certificates."""
    from .conftest import fill_store, hostile_records
    from .test_figures import import_surveys

    folder = copy_example(tmp_path)
    fill_store(hostile_records(example), folder)
    import_surveys(folder, capsys)
    site = tmp_path / "site"
    code, _, err = run(capsys, "report", folder, "--out", site)
    assert code == 0, err
    code, _, err = run(capsys, "certificates", folder, "--out", site / "certificates")
    assert code == 0, err
    assert len(list(site.rglob("*.html"))) > 40
    assert audit(browser, site) == {}


def test_budget_and_election_pages_have_no_violations(browser, tmp_path):
    """A decided budget's page and a published election's page, in every language."""
    from yhteiskehitys import open_programme

    from .test_decision_pages import TODAY, decided_programme

    folder = decided_programme(tmp_path)
    site = tmp_path / "site"
    with open_programme(folder) as prog:
        prog.report(site, today=TODAY)
    for lang in ("fi", "sv", "en"):
        assert (site / lang / "budget" / "pihat.html").exists()
        assert (site / lang / "election" / "nuva.html").exists()
    assert audit(browser, site) == {}
