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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def _equations(
    lines: list[list[Key]],
    cols: tuple[str, ...],
    column_weights: Iterable[Mapping[str, int]],
    suppressed: set[Key],
) -> list[dict[Key, int]]:
    """The public linear relations among the cells: each line sums to its last cell; the
    weighted sums of a column are known while its total is (a mean goes with its n)."""
    equations = [{**dict.fromkeys(line[:-1], 1), line[-1]: -1} for line in lines]
    shown = [c for c in cols if (TOTAL, c) not in suppressed]
    for weights in column_weights:
        equations += [{(r, c): w for r, w in weights.items() if w} for c in shown]
    return equations


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
    check_threshold(k)
    full = with_margins(counts, rows, cols)
    lines = _lines(rows, cols)
    suppressed = {key for key, n in full.items() if 1 <= n < k}
    while True:
        changed = True
        while changed:
            changed = False
            for line in lines:
                hidden = [key for key in line if key in suppressed]
                if len(hidden) == 1:
                    partner = _partner(line, suppressed, full)
                    if partner is not None:
                        suppressed.add(partner)
                        changed = True
        exposed = determined(_equations(lines, cols, column_weights, suppressed), suppressed)
        if not exposed:
            return frozenset(suppressed)
        key = min(exposed)
        options = [line for line in lines if key in line and _partner(line, suppressed, full)]
        if not options:  # pragma: no cover - a grid always has an unsuppressed cell left
            raise AssertionError(f"cannot protect cell {key}")
        suppressed.add(_partner(options[0], suppressed, full))


def _partner(line: list[Key], suppressed: set[Key], full: Mapping[Key, int]) -> Key | None:
    """The cell to hide next in ``line``: the smallest non-empty inner cell; a zero or a total
    only when nothing else is left."""
    candidates = [key for key in line if key not in suppressed]
    if not candidates:
        return None

    def cost(key: Key) -> tuple[int, int, int]:
        is_margin = TOTAL in key
        return (full[key] == 0, is_margin, full[key])

    return min(candidates, key=lambda key: (cost(key), line.index(key)))


def determined(equations: Iterable[Mapping[Key, int]], suppressed: Iterable[Key]) -> set[Key]:
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


@frozen(kw_only=True)
class Suppressed:
    """Stands where a figure was withheld; renders as ``<k``."""

    k: int

    def __str__(self) -> str:
        return f"<{self.k}"


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
    counts = {key: cell.n for key, cell in table.cells.items()}
    hidden = suppression_pattern(
        counts, table.rows, table.cols, k, column_weights=table.column_weights
    )
    mark = Suppressed(k=k)
    cells: dict[Key, Cell | Derived | Suppressed] = {}
    for r in table.rows:
        for c in table.cols:
            cell = table.cells.get((r, c), Cell(n=0))
            cells[(r, c)] = mark if (r, c) in hidden else cell
    for key, derived in table.derived.items():
        cells[key] = mark if any(k_ in hidden for k_ in derived.inputs) else derived
    full = with_margins(counts, table.rows, table.cols)
    totals = {key: (mark if key in hidden else n) for key, n in full.items() if TOTAL in key}
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
