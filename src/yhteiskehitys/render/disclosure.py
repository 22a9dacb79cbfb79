"""Counts of people as reports show them, through the measurement library's disclosure control.

Every number of people a page shows comes from :func:`published_counts`, which hands the whole
list to :func:`yhteiskehitys.measure.disclosure.publish` at once, so that a hidden count cannot
come back by subtraction from the others, and the same count is hidden on every page.
Templates print a :class:`Count` with the ``count`` macro, which marks it up as
``<data class="n">`` so tests can check every group size a page shows.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

COLUMN = "n"


@frozen
class Count:
    n: int | None
    """The number, or None when it is withheld."""
    threshold: int
    primary: bool = True
    """Withheld because the group itself is smaller than the threshold (True), or so that a
    smaller group cannot be worked out from the others (False)."""

    @property
    def hidden(self) -> bool:
        return self.n is None


def published_counts(counts: Mapping[str, int], threshold: int) -> dict[str, Count]:
    """The counts by key as they may be published under ``threshold``."""
    from ..measure.disclosure import Cell, Suppressed, Table, publish

    keys = tuple(counts)
    if not keys:
        return {}
    table = Table(
        title="counts",
        rows=keys,
        cols=(COLUMN,),
        cells={(key, COLUMN): Cell(n=int(n)) for key, n in counts.items()},
    )
    published = publish(table, threshold)
    out: dict[str, Count] = {}
    for key in keys:
        cell = published.cells[(key, COLUMN)]
        # A table without derived columns holds only cells and suppressions.
        if isinstance(cell, Suppressed):
            out[key] = Count(None, threshold, cell.primary)
        elif isinstance(cell, Cell):
            out[key] = Count(cell.n, threshold)
    return out


def published_count(n: int, threshold: int) -> Count:
    """One count on its own (no other figure it could be subtracted from)."""
    return published_counts({"one": n}, threshold)["one"]
