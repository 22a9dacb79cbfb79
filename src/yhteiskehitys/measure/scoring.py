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
        position = {item.id: i for i, item in enumerate(instrument.items)}
        groups = [
            [position[item.id] for item in instrument.items_of(d.id)] for d in instrument.dimensions
        ]
        groups.append(list(range(len(instrument.items))))
        self.groups = [(idx, minimum_answered(len(idx), share)) for idx in groups]

    def score(self, answers: Sequence[int | None]) -> list[float | None]:
        """One score per scope (dimensions in order, then the total); None when too few of
        the scope's items were answered."""
        item_scores = [
            None if point is None else table[point]
            for point, table in zip(answers, self.tables, strict=True)
        ]
        out: list[float | None] = []
        for idx, needed in self.groups:
            got = [item_scores[i] for i in idx if item_scores[i] is not None]
            out.append(sum(got) / len(got) if len(got) >= needed else None)
        return out
