"""Recompute every bold number of the worked example in docs/measurement.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from yhteiskehitys.measure import stats
from yhteiskehitys.measure.stats import Moments

DOC = (Path(__file__).resolve().parents[2] / "docs" / "measurement.md").read_text(encoding="utf-8")


def m(values):
    return Moments.of([float(v) for v in values])


SPRING_P, AUTUMN_P = m([60, 70, 55, 80, 65]), m([75, 80, 70, 90, 85, 72])
SPRING_C, AUTUMN_C = m([50, 60, 55, 65, 58]), m([52, 63, 57, 66, 60])


def test_mean_and_interval():
    est = stats.mean(SPRING_P)
    assert (SPRING_P.n, SPRING_P.total, SPRING_P.total_sq) == (5, 330, 22150)
    assert SPRING_P.variance == pytest.approx(92.5)
    assert f"**[{est.low:.4f}, {est.high:.4f}]**" in DOC


def test_change_did_and_effect_sizes():
    change = stats.welch(SPRING_P, AUTUMN_P)
    assert f"**[{change.low:.4f}, {change.high:.4f}]**" in DOC
    assert f"df = {change.df:.4f}" in DOC and f"p = {change.p:.4f}" in DOC
    assert f"Hedges' g = {stats.hedges_g(SPRING_P, AUTUMN_P):.4f}" in DOC
    did = stats.did(SPRING_P, AUTUMN_P, SPRING_C, AUTUMN_C)
    assert f"**[−{abs(did.low):.4f}, {did.high:.4f}]**" in DOC
    assert f"se = √(5.3489² + 3.4814²) = {did.se:.4f}" in DOC
    g = stats.hedges_g_did([SPRING_P, AUTUMN_P, SPRING_C, AUTUMN_C], did.estimate)
    assert f"p = {did.p:.4f}, g = {g:.4f}" in DOC


def test_panel_and_alpha():
    panel = stats.did_panel(m([8, 12, 5, 10]), m([1, -2, 3, 0, 2]))
    assert f"**{panel.estimate:.2f}** (se {panel.se:.4f}, df {panel.df:.4f}" in DOC
    rows = [[4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 3, 2], [4, 4, 5]]
    items = [m([r[i] for r in rows]).variance for i in range(3)]
    total = m([sum(r) for r in rows]).variance
    assert f"**{stats.cronbach_alpha(items, total):.4f}**" in DOC
