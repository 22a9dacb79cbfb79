"""The loop's and the barometer's figures on the site, as their libraries give them."""

from __future__ import annotations

import pytest

from yhteiskehitys.loop import stats
from yhteiskehitys.loop.queries import loop_summary
from yhteiskehitys.store import open_store

from .conftest import fill_store, hostile_records
from .htmlcheck import Page
from .test_cli_report import copy_example, run


@pytest.fixture(scope="module")
def store_site(tmp_path_factory, example):
    tmp = tmp_path_factory.mktemp("store-site")
    folder = copy_example(tmp)
    fill_store(hostile_records(example), folder)
    from yhteiskehitys.cli.main import main

    assert main(["report", str(folder), "--out", str(tmp / "site")]) == 0
    return folder, tmp / "site"


def test_dashboard_shows_the_loop_library_figures(store_site, example):
    folder, site = store_site
    from datetime import date

    with open_store(folder) as store, store.read() as tx:
        summary = loop_summary(tx.conn, example.programme.loop_limits, date.today())
    assert isinstance(summary, stats.LoopSummary)
    assert summary.delivered == 3 and summary.closed == 1
    page = Page((site / "en" / "index.html").read_text(encoding="utf-8"))
    assert "Closure rate: 33% of commissions" in page.text
    assert "Where commissions and ideas are now" in page.text
    # c:1 and i1 (a pending answer whose report-back limit comes before its follow-up date)
    # wait to be told back; both are overdue.
    assert page.text.count("telling the group the answer") == 2
    fi = Page((site / "fi" / "index.html").read_text(encoding="utf-8")).text
    assert "Sulkeutumisaste: 33\u00a0%" in fi


def test_item_page_shows_where_the_subject_is(store_site):
    _, site = store_site
    page = Page((site / "en" / "item" / "c2.html").read_text(encoding="utf-8")).text
    assert "Where it is now" in page and "told back to the group" in page
    assert "Told back to the group on" in page


def test_chart_has_text_alternative_and_table(store_site):
    _, site = store_site
    html = (site / "sv" / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    svgs = [a for t, a in page.tags if t == "svg"]
    assert svgs and all(a.get("role") == "img" and a.get("aria-labelledby") for a in svgs)
    for svg in svgs:
        for ref in svg["aria-labelledby"].split():
            assert f'id="{ref}"' in html
    assert "siffrorna" in page.text  # the numbers as a table, captioned in Swedish


def test_no_loop_records_means_no_figures(tmp_path, capsys):
    folder = copy_example(tmp_path)
    assert run(capsys, "report", folder, "--out", tmp_path / "s", "--lang", "en")[0] == 0
    text = Page((tmp_path / "s" / "en" / "index.html").read_text(encoding="utf-8")).text
    assert "No figures yet" in text and "No results yet" in text


def import_surveys(folder, capsys, lines=None):
    for csv in sorted((folder / "surveys").glob("*.csv")):
        name = csv.stem.split("-")
        group = "participant" if name[2] == "osallistujat" else "comparison"
        if lines is not None and group == "participant":
            rows = csv.read_text(encoding="utf-8-sig").splitlines()
            csv.write_text("\n".join(rows[: lines + 1]) + "\n", encoding="utf-8")
        code, _, err = run(
            capsys,
            "survey",
            "import",
            csv,
            "--round",
            f"{name[0]}-{name[1]}",
            "--group",
            group,
            "--reader",
            "webropol",
            folder,
        )
        assert code == 0, err


def test_barometer_with_intervals_and_the_change(tmp_path, capsys):
    folder = copy_example(tmp_path)
    import_surveys(folder, capsys)
    assert run(capsys, "report", folder, "--out", tmp_path / "s", "--lang", "en")[0] == 0
    text = Page((tmp_path / "s" / "en" / "index.html").read_text(encoding="utf-8")).text
    # The figures of `yk measure` for the example (means, 95 % intervals, change, DiD).
    for shown in (
        "Participants, spring 2024",  # the round 2024-kevat by its label
        "53.5",
        "46.7 – 60.4",
        "71.5",
        "+18.0",
        "Difference: participants − comparison",
        "+16.4",
        "4.6 – 28.2",
    ):
        assert shown in text, shown


def test_barometer_hides_small_groups(tmp_path, capsys, example):
    folder = copy_example(tmp_path)
    import_surveys(folder, capsys, lines=3)  # three participants answered each round
    assert run(capsys, "report", folder, "--out", tmp_path / "s", "--lang", "fi")[0] == 0
    html = (tmp_path / "s" / "fi" / "index.html").read_text(encoding="utf-8")
    text = Page(html).text
    assert text.count("alle 5") >= 3  # both rounds of participants and their change
    assert "Ero: osallistujat − vertailuryhmä" in text
