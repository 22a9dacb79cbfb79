"""Tables published together share counts: nothing hidden in one comes back from another."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.measure.disclosure import (
    TOTAL,
    Cell,
    Link,
    Suppressed,
    joint_pattern,
    publish_together,
    with_margins,
)
from yhteiskehitys.measure.results import (
    _distribution_links,
    _panel_links,
    distribution_table,
    moments_table,
    panel_table,
)
from yhteiskehitys.measure.stats import Moments


@st.composite
def outputs(draw):
    """One output as `yk measure` publishes it: groups x rounds (table 0), each cell's answers
    per scale point (table 1, whose column totals are table 0's cells), and the respondents
    linked across the first and last round (table 2, at most each group's n in either)."""
    groups = tuple(f"g{i}" for i in range(draw(st.integers(1, 3))))
    rounds = tuple(f"r{j}" for j in range(draw(st.integers(1, 3))))
    points = tuple(f"p{p}" for p in range(draw(st.integers(2, 4))))
    small = st.integers(0, 8)
    count = st.one_of(small, st.integers(0, 60))
    dist_cols = tuple(f"{r}/{g}" for r in rounds for g in groups)
    dist = {(p, c): draw(count) for p in points for c in dist_cols}
    cross = {(g, r): sum(dist[(p, f"{r}/{g}")] for p in points) for g in groups for r in rounds}
    panel = {
        (g, "linked"): draw(st.integers(0, min(cross[(g, rounds[0])], cross[(g, rounds[-1])])))
        for g in groups
    }
    weights = (
        ({p: i for i, p in enumerate(points, 1)}, {p: i * i for i, p in enumerate(points, 1)})
        if draw(st.booleans())
        else ()
    )
    grids = [
        (cross, groups, rounds, ()),
        (dist, points, dist_cols, weights),
        (panel, groups, ("linked",), ()),
    ]
    links = [Link(total=(0, (g, r)), parts=((1, (TOTAL, f"{r}/{g}")),)) for g in groups
             for r in rounds]  # fmt: skip
    links += [Link(total=(0, (g, r)), parts=((2, (g, "linked")),), exact=False) for g in groups
              for r in {rounds[0], rounds[-1]}]  # fmt: skip
    return grids, links, draw(st.integers(3, 8))


def recoverable(grids, links, hidden, k):
    """Hidden cells, and unshown remainders of links with 1 <= n < k, that an attacker can
    solve from everything published: every line sum of every table, the weighted sums of shown
    columns, and the links. x_j is fixed exactly when adding e_j does not raise the rank."""
    fulls = [with_margins(counts, rows, cols) for counts, rows, cols, _ in grids]
    unknown = [(t, key) for t, keys in enumerate(hidden) for key in sorted(keys)]
    sensitive = set(unknown)
    for i, link in enumerate(links):
        if not link.exact:
            rest = fulls[link.total[0]][link.total[1]] - sum(fulls[t][c] for t, c in link.parts)
            unknown.append((-1 - i, None))
            if 1 <= rest < k:
                sensitive.add((-1 - i, None))
    if not sensitive:
        return set()
    index = {var: i for i, var in enumerate(unknown)}

    def row(terms):
        vector = np.zeros(len(unknown))
        for var, coefficient in terms:
            if var in index:
                vector[index[var]] += coefficient
        return vector

    equations = []
    for t, (_, rows, cols, weights) in enumerate(grids):
        for r in (*rows, TOTAL):
            terms = [((t, (r, c)), 1) for c in cols]
            equations.append(row([*terms, ((t, (r, TOTAL)), -1)]))
        for c in (*cols, TOTAL):
            terms = [((t, (r, c)), 1) for r in rows]
            equations.append(row([*terms, ((t, (TOTAL, c)), -1)]))
        for w in weights:
            for c in cols:
                if (TOTAL, c) not in hidden[t]:
                    equations.append(row([((t, (r, c)), w[r]) for r in rows]))
    for i, link in enumerate(links):
        terms = [(part, 1) for part in link.parts] + [(link.total, -1)]
        if not link.exact:
            terms.append(((-1 - i, None), 1))
        equations.append(row(terms))
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    found = set()
    for var in sensitive:
        unit = np.zeros(len(unknown))
        unit[index[var]] = 1
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            found.add(var)
    return found


@given(outputs())
def test_nothing_below_k_is_published_in_any_table(output):
    grids, links, k = output
    hidden = joint_pattern(grids, k, links)
    for (counts, rows, cols, _), keys in zip(grids, hidden, strict=True):
        for key, n in with_margins(counts, rows, cols).items():
            if 1 <= n < k:
                assert key in keys


@given(outputs())
def test_no_hidden_count_is_solvable_from_all_the_tables_together(output):
    grids, links, k = output
    hidden = joint_pattern(grids, k, links)
    assert recoverable(grids, links, hidden, k) == set()


def test_a_link_the_counts_do_not_satisfy_is_refused():
    grids = [({("a", "x"): 7}, ("a",), ("x",), ()), ({("b", "y"): 6}, ("b",), ("y",), ())]
    with pytest.raises(ValueError, match="do not satisfy"):
        joint_pattern(grids, 5, [Link(total=(0, ("a", "x")), parts=((1, ("b", "y")),))])
    with pytest.raises(ValueError, match="unknown cell"):
        joint_pattern(grids, 5, [Link(total=(0, ("a", "x")), parts=((1, ("c", "y")),))])


ROUNDS = [SimpleNamespace(id=1, name="spring"), SimpleNamespace(id=2, name="autumn")]


def moments(*values):
    return Moments.of(list(values))


def test_an_items_distribution_does_not_give_back_its_hidden_n_and_mean():
    """Participants in spring are 3, so the moments table hides all four cells; published on
    its own, the distribution would show the comparison group's spring column and the
    participants' autumn column in full, i.e. those hidden cells' n and mean again."""
    labels = ("1", "2", "3")
    dist = {
        (1, "participant"): [1, 1, 1],
        (1, "comparison"): [20, 21, 22],
        (2, "participant"): [10, 10, 10],
        (2, "comparison"): [9, 8, 9],
    }
    data = {
        (r, g): moments(*[p for p, n in enumerate(row, 1) for _ in range(n)])
        for (r, g), row in dist.items()
    }
    tables = [
        moments_table("q1", ROUNDS, data),
        distribution_table("q1: answers", ROUNDS, dist, labels),
    ]
    shown_moments, shown_dist = publish_together(tables, 5, _distribution_links(0, tables[0]))
    assert isinstance(shown_moments.cells[("comparison", "spring")], Suppressed)
    assert isinstance(shown_moments.cells[("comparison", "change")], Suppressed)
    for col in ("spring/comparison", "autumn/participant"):
        assert any(isinstance(shown_dist.cells[(p, col)], Suppressed) for p in labels)
    for table in (shown_moments, shown_dist):
        for value in table.cells.values():
            if isinstance(value, Cell):
                assert not 1 <= value.n < 5
    alone = publish_together(tables, 5)
    assert isinstance(alone[0].cells[("comparison", "spring")], Suppressed)
    for col in ("spring/comparison", "autumn/participant"):
        assert not any(isinstance(alone[1].cells[(p, col)], Suppressed) for p in labels)


def test_panel_n_does_not_reveal_the_unlinked_by_subtraction():
    """12 participants answered in spring, 9 of them are linked to autumn: 3 answered spring
    but are not in the panel, a group of fewer than 5 that n - panel n would show."""
    data = {
        (1, "participant"): moments(*range(50, 62)),
        (2, "participant"): moments(*range(60, 75)),
        (1, "comparison"): moments(*range(40, 60)),
        (2, "comparison"): moments(*range(40, 62)),
    }
    cross = moments_table("total", ROUNDS, data)
    linked = {
        "participant": Moments.of([1.0] * 4 + [2.0] * 5),
        "comparison": Moments.of([0.0, 1.0] * 10),
    }
    panel = panel_table("panel", linked)
    links = _panel_links(ROUNDS, [cross], [panel])
    shown_cross, shown_panel = publish_together([cross, panel], 5, links)
    assert isinstance(shown_cross.cells[("participant", "spring")], Suppressed) or isinstance(
        shown_panel.cells[("participant", "linked")], Suppressed
    )
    grids = [
        ({key: c.n for key, c in t.cells.items()}, t.rows, t.cols, t.column_weights)
        for t in (cross, panel)
    ]
    hidden = [
        frozenset(
            key
            for key, value in (*shown.cells.items(), *shown.totals.items())
            if isinstance(value, Suppressed) and key[1] in (*t.cols, TOTAL)
            and key[0] in (*t.rows, TOTAL)
        )
        for shown, t in ((shown_cross, cross), (shown_panel, panel))
    ]  # fmt: skip
    assert recoverable(grids, links, hidden, 5) == set()
    # Separately, both tables would have shown every cell.
    assert not any(
        isinstance(v, Suppressed)
        for t in publish_together([cross, panel], 5)
        for v in t.cells.values()
    )
