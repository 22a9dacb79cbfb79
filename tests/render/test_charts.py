"""No chart label is cut off: long labels and values wrap onto lines, every word drawn."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.render.charts import LABEL_CHARS, VALUE_CHARS, WIDTH, Bar, bar_chart, wrap

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöå", min_size=1, max_size=30)


@given(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), st.integers(5, 40))
def test_wrapping_keeps_every_character(text, width):
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_long_label_and_value_are_drawn_whole_inside_the_chart():
    label = "Osallistujat, 1. vuosineljännes 2024 (kaikki vastaajat yhteensä)"
    shown = "piilotettu, jotta pienempää ryhmää ei voi päätellä"
    chart = bar_chart(
        key="k",
        title="t",
        description="d",
        bars=[Bar(label=label, value=None, shown=shown), Bar(label="B", value=3.0, shown="3,0")],
        columns=("a", "b"),
    )
    svg = str(chart.svg)
    spans = re.findall(r'<tspan x="([\d.]+)" y="[\d.]+">([^<]*)</tspan>', svg)
    drawn = " ".join(text for _, text in spans)
    assert "…" not in svg
    assert " ".join(label.split()) in " ".join(drawn.split())
    assert " ".join(shown.split()) in " ".join(drawn.split())
    for x, text in spans:
        assert len(text) <= max(LABEL_CHARS, VALUE_CHARS)
        assert float(x) + 8 * len(text) <= WIDTH or float(x) < WIDTH / 2  # end-anchored labels
    height = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))
    ys = [float(y) for y in re.findall(r'<tspan x="[\d.]+" y="([\d.]+)"', svg)]
    assert 0 < min(ys) and max(ys) < height
