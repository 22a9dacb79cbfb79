"""What `yk measure` says beside its numbers: why a figure is hidden, a clipped interval, a
low or negative Cronbach's alpha, in fi, sv and en."""

from __future__ import annotations

import json
from collections import namedtuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.measure.disclosure import Cell, Suppressed, Table, publish
from yhteiskehitys.measure.results import moments_table
from yhteiskehitys.measure.stats import Moments
from yhteiskehitys.measure.tables import as_data, as_json, as_text

Round = namedtuple("Round", "id name")
ROUNDS = (Round(1, "2024-spring"),)


def test_primary_and_secondary_suppression_are_told_apart():
    table = Table(
        title="t",
        rows=("a", "b", "c"),
        cols=("x",),
        cells={("a", "x"): Cell(n=2), ("b", "x"): Cell(n=40), ("c", "x"): Cell(n=9)},
    )
    shown = publish(table, 5)
    assert shown.cells[("a", "x")] == Suppressed(k=5)
    assert shown.cells[("a", "x")].primary and str(shown.cells[("a", "x")]) == "<5"
    secondary = shown.cells[("c", "x")]
    assert isinstance(secondary, Suppressed) and not secondary.primary
    assert str(secondary) == "hidden"
    text = as_text([shown], "en")
    assert "<5 = fewer than 5 respondents" in text
    assert "hidden = hidden so that a smaller group cannot be worked out" in text
    assert "piilotettu = piilotettu, jotta pienempää ryhmää" in as_text([shown], "fi")
    assert "dold = dold så att en mindre grupp" in as_text([shown], "sv")
    assert as_data([shown])["tables"][0]["rows"][2]["cells"]["x"] == "hidden"


@given(
    n=st.integers(2, 12),
    mean=st.floats(0, 100),
    spread=st.floats(0.5, 60),
)
def test_an_interval_never_leaves_the_scale(n, mean, spread):
    values = [min(100.0, max(0.0, mean + (spread if i % 2 else -spread))) for i in range(n)]
    table = moments_table("score (0-100)", ROUNDS, {(1, "participant"): Moments.of(values)},
                          scale=(0.0, 100.0))  # fmt: skip
    cell = table.cells[("participant", "2024-spring")]
    low, high = cell.values["low"], cell.values["high"]
    assert 0.0 <= low <= high <= 100.0
    assert cell.values.get("clipped", False) == (cell.values.get("scale_low") is not None)


def test_a_clipped_interval_says_so():
    # Five answers near the top of a 1-5 item: the t interval reaches past 5.
    data = {(1, "participant"): Moments.of([5, 5, 5, 5, 3])}
    table = moments_table("i1 (1-5)", ROUNDS, data, scale=(1.0, 5.0))
    cell = table.cells[("participant", "2024-spring")]
    assert cell.values["clipped"] is True and cell.values["high"] == 5.0
    shown = publish(table, 5)
    text = as_text([shown], "en")
    assert "5.0]†" in text
    assert "† interval clipped to the scale (1–5)" in text
    assert "† luottamusväli rajattu asteikon rajoihin (1–5)" in as_text([shown], "fi")
    assert json.loads(as_json([shown]))["tables"][0]["rows"][0]["cells"]["2024-spring"]["clipped"]
    unclipped = moments_table("i1 (1-5)", ROUNDS, {(1, "participant"): Moments.of([3, 3, 4, 3, 3])},
                              scale=(1.0, 5.0))  # fmt: skip
    assert "†" not in as_text([publish(unclipped, 5)], "en")


@pytest.mark.parametrize(
    ("alpha", "words"),
    [
        (-0.2, "Cronbach's alpha −0.20 is negative"),
        (0.45, "Cronbach's alpha 0.45 is below 0.7"),
        (0.85, None),
    ],
)
def test_a_low_or_negative_alpha_carries_a_note(alpha, words):
    table = Table(
        title="dimension (0-100)",
        rows=("participant",),
        cols=("2024-spring",),
        cells={
            ("participant", "2024-spring"): Cell(
                n=30, values={"mean": 50.0, "low": 45.0, "high": 55.0, "alpha": alpha}
            )
        },
    )
    shown = publish(table, 5)
    text = as_text([shown], "en")
    notes = as_data([shown])["tables"][0]["notes"]
    if words is None:
        assert notes == [] and "Note" not in text
    else:
        assert len(notes) == 1 and words in notes[0] and "participant, 2024-spring" in notes[0]
        assert notes[0] in text
        assert "Cronbachin alfa" in as_text([shown], "fi")
        assert "Cronbachs alfa" in as_text([shown], "sv")
