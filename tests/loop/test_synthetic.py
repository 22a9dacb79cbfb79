"""The synthetic national-scale generator writes a store the loop reads like any other."""

from __future__ import annotations

from datetime import date

from yhteiskehitys.loop.queries import loop_summary
from yhteiskehitys.loop.stats import summarise
from yhteiskehitys.model import LoopLimits
from yhteiskehitys.store import open_store
from yhteiskehitys.testing.synthetic import build_loop_store

from .conftest import subject_rows

TODAY = date(2025, 6, 1)


def test_small_synthetic_store_is_consistent_and_seeded(tmp_path):
    counts = build_loop_store(tmp_path / "a.db", subjects=600, seed=3, actors=12, themes=5)
    again = build_loop_store(tmp_path / "b.db", subjects=600, seed=3, actors=12, themes=5)
    assert counts == again and counts["commission"] + counts["idea"] == 600
    assert counts["trans"] >= 5 * 600 * 0.9
    with open_store(tmp_path / "a.db") as store, store.read() as tx:
        got = loop_summary(tx.conn, LoopLimits(), TODAY, open_limit=50)
        rows = subject_rows(tx)
    want = summarise(rows, [], respond_days=30, report_back_days=14, today=TODAY, open_limit=50)
    assert got.counts == want.counts and got.overdue == want.overdue > 0
    assert got.by_actor == want.by_actor and got.open_loops == want.open_loops
    assert all(s.n > 0 and s.median_days > 0 for s in got.stages)
