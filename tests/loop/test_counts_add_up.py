"""Counts add up: on random stores every figure of the loop agrees with every other.

The header equals the open-loop rows; per theme and per actor, overdue ≤ open ≤ total and the
rows sum to the totals; the table, JSON and CSV of ``yk loop`` and the site's loop figures say
the same numbers; the SQL aggregates equal the plain-Python definition.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from yhteiskehitys import open_programme
from yhteiskehitys.loop.queries import loop_summary, open_overdue
from yhteiskehitys.loop.report import as_csv, as_json, as_table
from yhteiskehitys.loop.stats import LoopSummary, summarise
from yhteiskehitys.model import LoopLimits
from yhteiskehitys.store import open_store
from yhteiskehitys.testing.synthetic import build_loop_store

from .conftest import subject_rows

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma" / "programme.toml"

stores = st.fixed_dictionaries(
    {
        "subjects": st.integers(0, 60),
        "seed": st.integers(0, 10_000),
        "actors": st.integers(1, 4),
        "themes": st.integers(2, 4),  # each actor declares two themes,
    }
)
limits = st.builds(LoopLimits, respond_days=st.integers(1, 60), report_back_days=st.integers(1, 30))
days = st.dates(date(2021, 1, 1), date(2025, 12, 31))


def assert_adds_up(s: LoopSummary, *, open_limit: int) -> None:
    total = s.total
    assert s.open + s.closed == total and 0 <= s.interim <= s.open
    assert s.closed <= s.delivered <= total and s.overdue <= s.open
    assert s.closed + s.interim == sum(by["reported_back"] for by in s.counts.values())
    assert len(s.open_loops) == min(s.open, open_limit)
    assert sum(o.overdue for o in s.open_loops) == min(s.overdue, open_limit)
    for groups in (s.by_theme, s.by_actor):
        for g in groups:
            assert 0 <= g.overdue <= g.open <= g.total and g.closed <= g.delivered <= g.total
            assert g.open + g.closed == g.total
        for field in ("total", "delivered", "closed", "open", "overdue"):
            assert sum(getattr(g, field) for g in groups) == getattr(s, field), (
                f"{field} does not add up"
            )


def assert_formats_agree(s: LoopSummary) -> None:
    data = json.loads(as_json(s))
    for key in ("total", "delivered", "closed", "interim", "open", "overdue"):
        assert data[key] == getattr(s, key)
    rows = list(csv.DictReader(io.StringIO(as_csv(s))))
    summary = {r["measure"]: r["value"] for r in rows if r["section"] == "summary"}
    for key in ("delivered", "closed", "interim", "open", "overdue"):
        assert int(summary[key]) == getattr(s, key)
    head = re.search(r"\((\d+) of (\d+) delivered .*open (\d+)\s+overdue (\d+)", as_table(s))
    assert head is not None
    assert tuple(map(int, head.groups())) == (s.closed, s.delivered, s.open, s.overdue)
    for section, groups in (("theme", s.by_theme), ("actor", s.by_actor)):
        got = {
            (r["key"], r["measure"]): r["value"]
            for r in rows
            if r["section"] == section and r["measure"] in ("open", "overdue")
        }
        for g in groups:
            assert int(got[(g.key or "", "open")]) == g.open
            assert int(got[(g.key or "", "overdue")]) == g.overdue


@settings(max_examples=25)  # each example builds a store from scratch
@given(store=stores, limits=limits, today=days, open_limit=st.integers(1, 80))
def test_counts_add_up_on_random_stores(store, limits, today, open_limit):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "loop.db"
        build_loop_store(path, until=date(2025, 6, 1), **store)
        with open_store(path) as opened, opened.read() as tx:
            got = loop_summary(tx.conn, limits, today, open_limit=open_limit)
            rows = subject_rows(tx)
            status = open_overdue(tx.conn, limits, today)
    want = summarise(
        rows,
        [],
        respond_days=limits.respond_days,
        report_back_days=limits.report_back_days,
        today=today,
        open_limit=open_limit,
    )
    assert (got.counts, got.closed, got.interim, got.overdue) == (
        want.counts,
        want.closed,
        want.interim,
        want.overdue,
    )
    assert (got.by_theme, got.by_actor, got.open_loops) == (
        want.by_theme,
        want.by_actor,
        want.open_loops,
    )
    assert status == (got.open, got.overdue)
    assert_adds_up(got, open_limit=open_limit)
    assert_formats_agree(got)


def test_cli_json_and_site_give_the_same_figures(tmp_path, yk):
    """One synthetic programme: ``yk loop`` (table and JSON), ``yk status``, the library and the
    site's loop figures agree."""
    from yhteiskehitys.render.figures import loop_figures
    from yhteiskehitys.render.i18n import format_percent
    from yhteiskehitys.render.snapshot import OPEN_LIMIT

    shutil.copy(EXAMPLE, tmp_path / "programme.toml")
    build_loop_store(tmp_path / "yhteiskehitys.db", subjects=300, seed=7, actors=6, themes=3)
    today = date(2025, 6, 1)
    data = json.loads(yk("loop", tmp_path, "--today", today, "--format", "json").stdout)
    table = yk("loop", tmp_path, "--today", today, "--limit", "1000").stdout
    status = yk("status", tmp_path, "--today", today).stdout
    with open_programme(tmp_path) as prog:
        s = prog.loop_summary(today=today, open_limit=1000)
        records = prog.snapshot(today=today, figures=True)
    assert s.interim > 0 and s.overdue > 0
    assert_adds_up(s, open_limit=1000)
    for key in ("total", "delivered", "closed", "interim", "open", "overdue"):
        assert data[key] == getattr(s, key)
    listed = table.split("Open loops (overdue first, then oldest)")[1].split("Per state")[0]
    assert len([line for line in listed.strip().splitlines()[1:] if line.strip()]) == s.open
    assert f"Feedback loop: {s.open} open, {s.overdue} overdue" in status
    site = loop_figures(records, "en")
    assert site.overdue_total == s.overdue
    assert site.closure_rate == format_percent(s.closure_rate, "en")
    bars = {row[0]: int(row[1].replace(",", "")) for row in site.chart.rows}
    assert sum(bars.values()) == s.total
    assert bars["told back to the group"] == s.closed
    assert len(site.overdue) == min(s.overdue, OPEN_LIMIT)
    assert records.loop["summary"].closed == s.closed
    assert len(records.loop["interim"]) == s.interim
