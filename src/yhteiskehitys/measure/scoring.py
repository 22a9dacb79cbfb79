"""Scoring a respondent: each item's point rescaled to 0-100 (reverse items turned round), a
dimension's score the mean of its answered items, valid only with enough of them answered.

Scores are computed once, when answers are imported, and stored beside them: the statistics
then aggregate one number per respondent and dimension in SQL.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .instrument import Instrument

TOTAL = "total"
"""The score over all items of the instrument, stored and reported like a dimension."""


def rescale(point: int, points: int, *, reverse: bool = False) -> float:
    """Point 1..points to 0..100; a reverse-coded item counts points + 1 - point."""
    if reverse:
        point = points + 1 - point
    return (point - 1) * 100.0 / (points - 1)


def minimum_answered(n_items: int, share: float) -> int:
    """How many of ``n_items`` must be answered for a valid score (at least one)."""
    return max(1, math.ceil(n_items * share - 1e-9))


class Scorer:
    """Scores answer vectors of one instrument; built once per import, fast per respondent."""

    def __init__(self, instrument: Instrument) -> None:
        points = instrument.scale.points
        self.instrument = instrument
        self.scopes: tuple[str, ...] = (*(d.id for d in instrument.dimensions), TOTAL)
        # tables[i][point] is item i's score for that point; index 0 is unused.
        self.tables = [
            [math.nan, *(rescale(p, points, reverse=item.reverse) for p in range(1, points + 1))]
            for item in instrument.items
        ]
        share = instrument.scoring.min_answered
        dims = {d.id: i for i, d in enumerate(instrument.dimensions)}
        self.dimension_of = [dims[item.dimension] for item in instrument.items]
        self.needed = [
            minimum_answered(len(instrument.items_of(d.id)), share) for d in instrument.dimensions
        ]
        self.needed_total = minimum_answered(len(instrument.items), share)

    def score(self, answers: Sequence[int | None]) -> list[float | None]:
        """One score per scope (dimensions in order, then the total); None when too few of
        the scope's items were answered."""
        n_dims = len(self.needed)
        sums = [0.0] * n_dims
        counts = [0] * n_dims
        total, answered = 0.0, 0
        for point, table, dim in zip(answers, self.tables, self.dimension_of, strict=True):
            if point is not None:
                value = table[point]
                sums[dim] += value
                counts[dim] += 1
                total += value
                answered += 1
        out: list[float | None] = [
            sums[d] / counts[d] if counts[d] >= self.needed[d] else None for d in range(n_dims)
        ]
        out.append(total / answered if answered >= self.needed_total else None)
        return out
