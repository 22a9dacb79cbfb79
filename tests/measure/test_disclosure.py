"""Suppression never publishes 1 <= n < k, and nothing it hides can be solved back."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.errors import YhteiskehitysError
from yhteiskehitys.measure.disclosure import (
    TOTAL,
    Cell,
    Derived,
    Suppressed,
    Table,
    publish,
    suppression_pattern,
    with_margins,
)


@st.composite
def grids(draw):
    rows = tuple(f"r{i}" for i in range(draw(st.integers(1, 5))))
    cols = tuple(f"c{j}" for j in range(draw(st.integers(1, 5))))
    small = st.integers(0, 12)
    counts = {(r, c): draw(st.one_of(small, st.integers(0, 200))) for r in rows for c in cols}
    k = draw(st.integers(3, 10))
    return rows, cols, counts, k


def recoverable(rows, cols, counts, hidden, column_weights=()):
    """Cells an attacker can compute from the published cells and totals (and the weighted sums
    of each column whose total is published): x_j is fixed by the sums exactly when adding the
    unit vector e_j does not raise the rank."""
    full = with_margins(counts, rows, cols)
    unknown = sorted(hidden)
    if not unknown:
        return set()
    index = {key: i for i, key in enumerate(unknown)}
    lines = [[(r, c) for c in (*cols, TOTAL)] for r in (*rows, TOTAL)]
    lines += [[(r, c) for r in (*rows, TOTAL)] for c in (*cols, TOTAL)]
    equations = []
    for line in lines:
        row = np.zeros(len(unknown))
        for pos, key in enumerate(line):
            if key in index:
                row[index[key]] += -1 if pos == len(line) - 1 else 1
        equations.append(row)
    for weights in column_weights:
        for c in (c for c in cols if (TOTAL, c) not in hidden):
            row = np.zeros(len(unknown))
            for r in rows:
                if (r, c) in index:
                    row[index[(r, c)]] += weights[r]
            equations.append(row)
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    found = set()
    for key, i in index.items():
        unit = np.zeros(len(unknown))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            found.add(key)
    assert set(full) >= hidden
    return found


@given(grids())
def test_nothing_below_k_is_published(grid):
    rows, cols, counts, k = grid
    hidden = suppression_pattern(counts, rows, cols, k)
    for key, n in with_margins(counts, rows, cols).items():
        if 1 <= n < k:
            assert key in hidden


@given(grids())
def test_no_hidden_cell_can_be_solved_from_the_published_sums(grid):
    rows, cols, counts, k = grid
    hidden = suppression_pattern(counts, rows, cols, k)
    assert recoverable(rows, cols, counts, hidden) == set()


@given(grids())
def test_every_line_hides_zero_or_at_least_two_cells(grid):
    rows, cols, counts, k = grid
    hidden = suppression_pattern(counts, rows, cols, k)
    for r in (*rows, TOTAL):
        assert sum((r, c) in hidden for c in (*cols, TOTAL)) != 1
    for c in (*cols, TOTAL):
        assert sum((r, c) in hidden for r in (*rows, TOTAL)) != 1


@given(grids())
def test_no_hidden_cell_follows_from_published_means_and_sds_of_the_columns(grid):
    """Rows as scale points: the item's mean and SD beside the distribution give each column's
    sum of points and of squares; with those, too, nothing hidden can be solved."""
    rows, cols, counts, k = grid
    weights = (
        {r: i for i, r in enumerate(rows, 1)},
        {r: i * i for i, r in enumerate(rows, 1)},
    )
    hidden = suppression_pattern(counts, rows, cols, k, column_weights=weights)
    for key, n in with_margins(counts, rows, cols).items():
        if 1 <= n < k:
            assert key in hidden
    assert recoverable(rows, cols, counts, hidden, weights) == set()


def test_the_distribution_of_an_item_cannot_be_solved_from_its_mean():
    """Answers 1..5 given by 2, 3, 5, 5, 5 people: the two small counts hide each other in
    their column, but n and the mean (sum of points 68) would give a + b = 5, a + 2b = 8."""
    from types import SimpleNamespace

    from yhteiskehitys.measure.results import distribution_table

    labels = ("1", "2", "3", "4", "5")
    rounds = [SimpleNamespace(id=1, name="2024")]
    table = distribution_table("q1", rounds, {(1, "participant"): [2, 3, 5, 5, 5]}, labels)
    shown = publish(table, 5)
    hidden = {
        key
        for key, value in (*shown.cells.items(), *shown.totals.items())
        if isinstance(value, Suppressed)
    }
    assert {("1", "2024/participant"), ("2", "2024/participant")} <= hidden
    counts = {key: cell.n for key, cell in table.cells.items()}
    assert recoverable(labels, table.cols, counts, hidden, table.column_weights) == set()
    assert len(hidden) >= 4  # two equations more than the column sum: two more cells go


def test_secondary_suppression_takes_the_smallest_other_cell():
    rows, cols = ("participant", "comparison", "other"), ("2024-spring",)
    counts = {
        ("participant", "2024-spring"): 3,
        ("comparison", "2024-spring"): 40,
        ("other", "2024-spring"): 12,
    }
    hidden = suppression_pattern(counts, rows, cols, 5)
    assert ("participant", "2024-spring") in hidden
    assert ("other", "2024-spring") in hidden
    assert ("comparison", "2024-spring") not in hidden


def test_a_cross_line_pattern_gets_an_extra_partner():
    # Hidden cells forming a "bridge" between two protected blocks would be solvable;
    # the audit must add cells until none is.
    rows, cols = ("a", "b", "c", "d"), ("w", "x", "y", "z")
    counts = {(r, c): 50 for r in rows for c in cols}
    counts.update({("a", "w"): 2, ("b", "x"): 2, ("c", "y"): 2, ("d", "z"): 2})
    hidden = suppression_pattern(counts, rows, cols, 5)
    assert recoverable(rows, cols, counts, hidden) == set()


def test_threshold_floor():
    with pytest.raises(YhteiskehitysError, match="at least 3"):
        suppression_pattern({}, ("a",), ("b",), 2)


def test_publish_hides_derived_values_of_hidden_cells():
    rows, cols = ("participant", "comparison"), ("spring", "autumn")
    cells = {
        ("participant", "spring"): Cell(n=3, values={"mean": 70.0}),
        ("participant", "autumn"): Cell(n=30, values={"mean": 75.0}),
        ("comparison", "spring"): Cell(n=25, values={"mean": 60.0}),
        ("comparison", "autumn"): Cell(n=28, values={"mean": 61.0}),
    }
    derived = {
        ("participant", "change"): Derived(
            values={"estimate": 5.0}, inputs=(("participant", "spring"), ("participant", "autumn"))
        ),
        ("comparison", "change"): Derived(
            values={"estimate": 1.0}, inputs=(("comparison", "spring"), ("comparison", "autumn"))
        ),
    }
    table = Table(
        title="t", rows=rows, cols=cols, cells=cells, derived_cols=("change",), derived=derived
    )
    shown = publish(table, 5)
    assert isinstance(shown.cells[("participant", "spring")], Suppressed)
    assert str(shown.cells[("participant", "spring")]) == "<5"
    assert isinstance(shown.cells[("participant", "change")], Suppressed)
    # The column of spring has one small cell: the other group's spring cell goes with it,
    # and with it the comparison group's change.
    assert isinstance(shown.cells[("comparison", "spring")], Suppressed)
    assert isinstance(shown.cells[("comparison", "change")], Suppressed)
    for value in shown.cells.values():
        if isinstance(value, Cell):
            assert not 1 <= value.n < 5
