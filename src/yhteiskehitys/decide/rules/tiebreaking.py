"""Tie-breaking: which of two equally good projects a rule takes first.

A tie-breaking is a small object with a total order ``key(project id)``; a rule only asks it when
two projects tie *exactly*. ``refuse`` stops the rule instead, naming the tied projects, when
the order would change the outcome.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from attrs import field, frozen

from ..errors import TieRefusedError, UnknownRuleError


@frozen
class TieBreaking:
    """A named order of the projects; ``refuses`` makes a deciding tie an error instead."""

    name: str
    order: Mapping[str, Any] = field(repr=False)
    refuses: bool = False
    seed: int | None = None

    def key(self, project_id: str) -> Any:
        return self.order[project_id]

    def first(self, tied: Sequence[str], stage: str) -> str:
        """The project taken from an exact tie, or :class:`TieRefusedError` for ``refuse``."""
        if len(tied) > 1 and self.refuses:
            raise TieRefusedError(sorted(tied), stage)
        return min(tied, key=self.key)

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.seed is not None:
            out["seed"] = self.seed
        return out


def lexicographic(ids: Sequence[str], **_: Any) -> TieBreaking:
    """pabutools' default: the smaller project id, compared as strings ("10" < "9")."""
    return TieBreaking("lexicographic", {pid: pid for pid in ids})


def equal_shares(
    ids: Sequence[str], *, costs: Mapping[str, Any], votes: Mapping[str, int], seed: int | None
) -> TieBreaking:
    """equalshares.net's: the cheaper project, then the one more voters chose, then a lot.

    The lot is one random order of all projects, drawn once from ``seed`` before the count, and
    the seed is recorded in the outcome so that anyone can draw the same lot again.
    """
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    lot = list(ids)
    random.Random(seed).shuffle(lot)
    rank = {pid: i for i, pid in enumerate(lot)}
    order = {pid: (costs[pid], -votes[pid], rank[pid]) for pid in ids}
    return TieBreaking("equal-shares", order, seed=seed)


def refuse(ids: Sequence[str], **_: Any) -> TieBreaking:
    """No tie-breaking: a tie that decides the outcome stops the count."""
    return TieBreaking("refuse", {pid: pid for pid in ids}, refuses=True)


TIE_BREAKINGS: dict[str, Callable[..., TieBreaking]] = {
    "lexicographic": lexicographic,
    "equal-shares": equal_shares,
    "refuse": refuse,
}


def make_tie_breaking(
    name: str,
    ids: Sequence[str],
    *,
    costs: Mapping[str, Any],
    votes: Mapping[str, int],
    seed: int | None = None,
) -> TieBreaking:
    """The tie-breaking called ``name`` for these projects."""
    try:
        factory = TIE_BREAKINGS[name]
    except KeyError:
        known = ", ".join(TIE_BREAKINGS)
        raise UnknownRuleError(f"unknown tie-breaking {name!r}; choose one of {known}") from None
    return factory(ids, costs=costs, votes=votes, seed=seed)
