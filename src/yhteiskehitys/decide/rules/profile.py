"""An election turned into what the rules count with: identical ballots merged, per-project arrays.

Ballots that are the same (the same projects with the same points) become one *group* with a
weight, as pabutools' multiprofile does; it changes no outcome and saves time and memory. The
utilities are those of expected.json: for approval ballots the project's cost (pabutools'
``Cost_Sat``), for cumulative and scoring ballots the points (``Additive_Cardinal_Sat``);
ordinal ballots count as Borda points.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
from attrs import define

from ..election import CARDINAL, Election, Number


@define(slots=True)
class Profile:
    """Exact and floating-point views of one election, shared by every rule run on it."""

    ids: list[str]
    costs: list[Number]
    budget: Number
    n_voters: int
    cardinal: bool
    weights: list[int]
    weights_f: np.ndarray
    supporters: list[np.ndarray]
    supporter_weights: list[np.ndarray]
    points: list[list[Number]]
    utility_f: list[np.ndarray]
    votes: list[int]
    total_points: list[Number]

    @classmethod
    def from_election(cls, election: Election) -> Profile:
        enabled = gc.isenabled()
        gc.disable()  # many small objects, no cycles (as in the reader)
        try:
            return cls._build(election)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _build(cls, election: Election) -> Profile:
        ids = [p.id for p in election.projects]
        index = {pid: j for j, pid in enumerate(ids)}
        cardinal = election.vote_type in CARDINAL or election.vote_type == "ordinal"
        groups: dict[tuple, int] = {}
        weights: list[int] = []
        for ballot in _scored(election):
            key = tuple(sorted(ballot.items()))
            g = groups.get(key)
            if g is None:
                groups[key] = len(weights)
                weights.append(1)
            else:
                weights[g] += 1
        members: list[list[int]] = [[] for _ in ids]
        pts: list[list[Number]] = [[] for _ in ids]
        for key, g in groups.items():
            for pid, value in key:
                if value:
                    j = index[pid]
                    members[j].append(g)
                    pts[j].append(value)
        weights_f = np.asarray(weights, dtype=np.float64)
        costs = [p.cost for p in election.projects]
        supporters = [np.asarray(m, dtype=np.int64) for m in members]
        utility_f = []
        for j, m in enumerate(members):
            if cardinal:
                utility_f.append(np.asarray([float(x) for x in pts[j]], dtype=np.float64))
            else:
                utility_f.append(np.full(len(m), float(costs[j]), dtype=np.float64))
        return cls(
            ids=ids,
            costs=costs,
            budget=election.budget,
            n_voters=len(election.ballots),
            cardinal=cardinal,
            weights=weights,
            weights_f=weights_f,
            supporters=supporters,
            supporter_weights=[weights_f[s] for s in supporters],
            points=pts,
            utility_f=utility_f,
            votes=[sum(weights[g] for g in m) for m in members],
            total_points=[
                sum(weights[g] * x for g, x in zip(m, pts[j], strict=True))
                for j, m in enumerate(members)
            ],
        )

    def utility(self, j: int, k: int) -> Number:
        """The exact MES utility of the ``k``-th supporter group of project ``j``."""
        return self.points[j][k] if self.cardinal else self.costs[j]

    def spent(self, chosen: Sequence[int]) -> Number:
        return sum((self.costs[j] for j in chosen), 0)

    def per_voter(self) -> Fraction:
        return Fraction(self.budget) / self.n_voters


def _scored(election: Election):
    if election.vote_type in CARDINAL or election.vote_type == "ordinal":
        yield from election.scores()
    else:
        for b in election.ballots:
            yield dict.fromkeys(b.vote, 1)
