"""Disclosure control: the one gate every published figure passes through.

A result table is a grid of cells, each computed from ``n`` respondents, whose row and column
totals are assumed to be public. :func:`publish` returns the only view that renderers accept:

- primary suppression: every cell (and total) with 1 <= n < k;
- secondary suppression: while a row or column holds exactly one suppressed cell, the smallest
  other cell of that line is suppressed too, so no value comes back by subtraction;
- an exact audit: the row and column sums are solved as a linear system over the suppressed
  cells, and any cell the system still determines (e.g. across several lines) gets a partner,
  until a fixed point. A table may declare more public sums: weighted column sums
  (``column_weights``), such as the sum of the scale points and of their squares that an item's
  published mean and SD give beside its distribution of answers;
- derived values (a change, a difference-in-differences) that use a suppressed cell are
  suppressed with it.

Tables published in one output are audited together by :func:`publish_together`: their shared
counts (:class:`Link`) join their sums into one system, so a count hidden in one table cannot be
read off or subtracted from another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from attrs import field, frozen

from ..errors import YhteiskehitysError

DEFAULT_THRESHOLD = 5
MINIMUM_THRESHOLD = 3
TOTAL = "total"

Key = tuple[str, str]


def check_threshold(k: int) -> int:
    """k may be raised by a model or programme, never set below 3."""
    if not isinstance(k, int) or isinstance(k, bool) or k < MINIMUM_THRESHOLD:
        raise YhteiskehitysError(
            f"disclosure threshold must be an integer of at least {MINIMUM_THRESHOLD} (got {k!r})"
        )
    return k


def _lines(rows: tuple[str, ...], cols: tuple[str, ...]) -> list[list[Key]]:
    """Every row and column of the grid with its margins; each line sums to its last cell."""
    all_rows, all_cols = (*rows, TOTAL), (*cols, TOTAL)
    return [[(r, c) for c in all_cols] for r in all_rows] + [
        [(r, c) for r in all_rows] for c in all_cols
    ]


def with_margins(
    counts: Mapping[Key, int], rows: tuple[str, ...], cols: tuple[str, ...]
) -> dict[Key, int]:
    """The grid's counts with row totals, column totals and the grand total added."""
    full = {(r, c): int(counts.get((r, c), 0)) for r in rows for c in cols}
    for r in rows:
        full[(r, TOTAL)] = sum(full[(r, c)] for c in cols)
    for c in cols:
        full[(TOTAL, c)] = sum(full[(r, c)] for r in rows)
    full[(TOTAL, TOTAL)] = sum(full[(r, TOTAL)] for r in rows)
    return full


Var = tuple[int, Key]  # (index of a table published together, cell key)


@frozen(kw_only=True)
class Link:
    """A public relation between tables published in one output: cell ``total`` counts the
    people of the ``parts`` cells and, unless ``exact``, some more whom no table shows (their
    count, ``total - sum(parts)``, is a group of its own: it is protected like a cell).

    ``exact``: an item's n in its moments table and the column total of its distribution;
    not exact: a group's cross-sectional n in a round and its panel n (linked respondents).
    """

    total: Var
    parts: tuple[Var, ...]
    exact: bool = True


Grid = tuple[Mapping[Key, int], tuple[str, ...], tuple[str, ...], tuple[Mapping[str, int], ...]]


def suppression_pattern(
    counts: Mapping[Key, int],
    rows: tuple[str, ...],
    cols: tuple[str, ...],
    k: int,
    *,
    column_weights: Iterable[Mapping[str, int]] = (),
) -> frozenset[Key]:
    """The cells (margins included, keyed with ``TOTAL``) that must not be published.

    ``column_weights``: for each mapping ``w``, ``sum(w[r] * n(r, c) for r in rows)`` is public
    for every column ``c`` whose total is published; no hidden cell may follow from those sums
    either.
    """
    return joint_pattern([(counts, rows, cols, tuple(column_weights))], k)[0]


def joint_pattern(
    grids: Sequence[Grid], k: int, links: Sequence[Link] = ()
) -> list[frozenset[Key]]:
    """:func:`suppression_pattern` of grids published together, whose cells ``links`` relate:
    no hidden cell (and no unshown remainder of a link with ``1 <= n < k``) follows from all
    that the output publishes. Tables that no link joins are protected one by one."""
    check_threshold(k)
    fulls = [with_margins(counts, rows, cols) for counts, rows, cols, _ in grids]
    for link in links:
        for t, key in (link.total, *link.parts):
            if not 0 <= t < len(grids) or key not in fulls[t]:
                raise ValueError(f"link to an unknown cell {(t, key)}")
        rest = fulls[link.total[0]][link.total[1]] - sum(fulls[t][key] for t, key in link.parts)
        if rest < 0 or (link.exact and rest):
            raise ValueError(f"the counts do not satisfy {link}")
    parent = list(range(len(grids)))

    def root(t: int) -> int:
        while parent[t] != t:
            t = parent[t]
        return t

    for link in links:
        for t, _ in link.parts:
            parent[root(t)] = root(link.total[0])
    hidden: set[Var] = set()
    for component in {root(t) for t in range(len(grids))}:
        members = [t for t in range(len(grids)) if root(t) == component]
        joined = [(i, link) for i, link in enumerate(links) if root(link.total[0]) == component]
        hidden |= _protect(grids, fulls, members, joined, k)
    return [frozenset(key for t_, key in hidden if t_ == t) for t in range(len(grids))]


def _protect(
    grids: Sequence[Grid],
    fulls: list[dict[Key, int]],
    members: list[int],
    links: list[tuple[int, Link]],
    k: int,
) -> set[Var]:
    """Primary, secondary suppression and the exact audit over one joint system. A link's
    remainder is a variable ``(-1 - i, (TOTAL, TOTAL))`` that is never published."""
    full: dict[Var, int] = {(t, key): n for t in members for key, n in fulls[t].items()}
    lines: list[list[Var]] = []
    weighted: list[tuple[Var, dict[Var, int]]] = []
    for t in members:
        _, rows, cols, column_weights = grids[t]
        lines += [[(t, key) for key in line] for line in _lines(rows, cols)]
        weighted += [
            ((t, (TOTAL, c)), {(t, (r, c)): w for r, w in weights.items() if w})
            for weights in column_weights
            for c in cols
        ]
    rests: set[Var] = set()
    link_lines: list[list[Var]] = []
    for i, link in links:
        line = list(link.parts)
        if not link.exact:
            rest = (-1 - i, (TOTAL, TOTAL))
            full[rest] = full[link.total] - sum(full[part] for part in link.parts)
            rests.add(rest)
            line.append(rest)
        link_lines.append([*line, link.total])
    lines += link_lines
    suppressed = {var for var, n in full.items() if 1 <= n < k and var not in rests}

    def sensitive(var: Var) -> bool:
        return var in suppressed or (var in rests and 1 <= full[var] < k)

    while True:
        changed = True
        while changed:
            changed = False
            for line in lines:
                hidden = [var for var in line if var in suppressed or var in rests]
                if len(hidden) == 1 and sensitive(hidden[0]):
                    partner = _partner(line, suppressed | rests, full)
                    if partner is not None:
                        suppressed.add(partner)
                        changed = True
        equations = [{**dict.fromkeys(line[:-1], 1), line[-1]: -1} for line in lines]
        equations += [eq for shown, eq in weighted if shown not in suppressed]
        exposed = {var for var in determined(equations, suppressed | rests) if sensitive(var)}
        if not exposed:
            return suppressed
        var = min(exposed)
        options = [
            line
            for line in (*link_lines, *lines)
            if var in line and _partner(line, suppressed | rests, full)
        ]
        unknown = suppressed | rests
        if options:
            partner = _partner(options[0], unknown, full)
        else:
            # Every line through the cell is hidden already, yet a column's weighted sum (or
            # several lines together) still gives it away: hide a cell of a weighted sum that
            # holds it, and failing that the cheapest cell still shown. Hiding more never makes
            # a hidden cell solvable, so this ends at the latest when everything is hidden.
            related = [
                v
                for shown, eq in weighted
                if var in eq and shown not in unknown
                for v in (*eq, shown)
            ]
            partner = _partner(list(dict.fromkeys(related)), unknown, full) if related else None
            if partner is None:
                partner = _partner(list(full), unknown, full)
        if partner is None:  # pragma: no cover - nothing left to hide means nothing is solvable
            raise AssertionError(f"cannot protect cell {var}")
        suppressed.add(partner)


def _partner(line: list[Var], unknown: set[Var], full: Mapping[Var, int]) -> Var | None:
    """The cell to hide next in ``line``: the smallest non-empty inner cell; a zero or a total
    only when nothing else is left."""
    candidates = [var for var in line if var not in unknown]
    if not candidates:
        return None

    def cost(var: Var) -> tuple[int, int, int]:
        is_margin = TOTAL in var[1]
        return (full[var] == 0, is_margin, full[var])

    return min(candidates, key=lambda var: (cost(var), line.index(var)))


def determined(equations: Iterable[Mapping[Any, int]], suppressed: Iterable[Any]) -> set[Any]:
    """Suppressed cells whose value follows from the published ones through the public sums.

    Each equation is ``sum(coefficient * cell) = a public value``; known cells move to the
    right-hand side. A variable is determined exactly when its unit vector lies in the row space
    of the system, i.e. when a row of the reduced echelon form is that unit vector (exact
    rational arithmetic).
    """
    unknown = sorted(set(suppressed))
    index = {key: i for i, key in enumerate(unknown)}
    matrix: list[list[Fraction]] = []
    for equation in equations:
        row = [Fraction(0)] * len(unknown)
        for key, coefficient in equation.items():
            if key in index:
                row[index[key]] += coefficient
        if any(row):
            matrix.append(row)
    pivots = _rref(matrix, len(unknown))
    return {
        unknown[col] for row, col in pivots if sum(1 for value in matrix[row] if value != 0) == 1
    }


def _rref(matrix: list[list[Fraction]], width: int) -> list[tuple[int, int]]:
    pivots: list[tuple[int, int]] = []
    top = 0
    for col in range(width):
        pivot = next((r for r in range(top, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[top], matrix[pivot] = matrix[pivot], matrix[top]
        lead = matrix[top][col]
        matrix[top] = [value / lead for value in matrix[top]]
        for r in range(len(matrix)):
            if r != top and matrix[r][col] != 0:
                factor = matrix[r][col]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[top], strict=True)]
        pivots.append((top, col))
        top += 1
    return pivots


# --- tables and their published view ----------------------------------------------------------


@frozen(kw_only=True)
class Cell:
    """A figure computed from ``n`` respondents; ``values`` are its statistics by name."""

    n: int
    values: Mapping[str, Any] = field(factory=dict)


@frozen(kw_only=True)
class Derived:
    """A figure computed from other cells (a change, a DiD): hidden when any of them is."""

    values: Mapping[str, Any]
    inputs: tuple[Key, ...]


@frozen(kw_only=True)
class Table:
    """An unpublished result: count cells on a rows x columns grid, plus derived columns."""

    title: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: Mapping[Key, Cell]
    derived_cols: tuple[str, ...] = ()
    derived_rows: tuple[str, ...] = ()
    derived: Mapping[Key, Derived] = field(factory=dict)
    note: str = ""
    #: Weighted column sums that are public beside the table (see :func:`suppression_pattern`).
    column_weights: tuple[Mapping[str, int], ...] = ()


PRIMARY, SECONDARY = "primary", "secondary"
"""Why a figure is withheld: its own group is smaller than k (primary), or it would let such a
group be worked out from the others (secondary)."""


@frozen(kw_only=True)
class Suppressed:
    """Stands where a figure was withheld; renders as ``<k`` (primary) or ``hidden``
    (secondary), so a reader can tell a small group from one hidden to protect another."""

    k: int
    reason: str = PRIMARY

    @property
    def primary(self) -> bool:
        return self.reason == PRIMARY

    def __str__(self) -> str:
        return f"<{self.k}" if self.primary else "hidden"


@frozen(kw_only=True)
class PublishedTable:
    """What may be shown: every value is a :class:`Cell`, a :class:`Derived` or
    :class:`Suppressed`. Only :func:`publish` makes one."""

    title: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    derived_cols: tuple[str, ...]
    derived_rows: tuple[str, ...]
    note: str
    k: int
    cells: Mapping[Key, Cell | Derived | Suppressed]
    totals: Mapping[Key, int | Suppressed]


def publish(table: Table, k: int) -> PublishedTable:
    """The published view of ``table`` under threshold ``k`` (see the module docstring)."""
    return publish_together([table], k)[0]


def publish_together(
    tables: Sequence[Table], k: int, links: Sequence[Link] = ()
) -> list[PublishedTable]:
    """The published views of tables shown in one output, audited jointly: ``links`` name the
    counts they share (a :class:`Link`'s cells are ``(index in tables, key)``), and no count
    hidden in one table can be worked out from the others."""
    counts = [{key: cell.n for key, cell in table.cells.items()} for table in tables]
    patterns = joint_pattern(
        [(n, t.rows, t.cols, t.column_weights) for n, t in zip(counts, tables, strict=True)],
        k,
        links,
    )
    return [
        _view(table, n, hidden, k)
        for table, n, hidden in zip(tables, counts, patterns, strict=True)
    ]


def _view(table: Table, counts: dict[Key, int], hidden: frozenset[Key], k: int) -> PublishedTable:
    full = with_margins(counts, table.rows, table.cols)
    small = {key for key, n in full.items() if 1 <= n < k}
    primary, secondary = Suppressed(k=k), Suppressed(k=k, reason=SECONDARY)

    def mark(keys: Iterable[Key]) -> Suppressed:
        return primary if any(key in small for key in keys) else secondary

    cells: dict[Key, Cell | Derived | Suppressed] = {}
    for r in table.rows:
        for c in table.cols:
            cell = table.cells.get((r, c), Cell(n=0))
            cells[(r, c)] = mark([(r, c)]) if (r, c) in hidden else cell
    for key, derived in table.derived.items():
        used = [k_ for k_ in derived.inputs if k_ in hidden]
        cells[key] = mark(used) if used else derived
    totals = {key: (mark([key]) if key in hidden else n) for key, n in full.items() if TOTAL in key}
    return PublishedTable(
        title=table.title,
        rows=table.rows,
        cols=table.cols,
        derived_cols=table.derived_cols,
        derived_rows=table.derived_rows,
        note=table.note,
        k=k,
        cells=cells,
        totals=totals,
    )
