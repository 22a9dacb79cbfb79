"""Greedy rules: take the projects best first, skipping any that no longer fits the money left.

``greedy`` ranks approval projects by their number of votes and cardinal ones by points per
euro (pabutools' ``greedy_utilitarian_welfare`` with ``Cost_Sat`` / ``Additive_Cardinal_Sat``);
``greedy-score`` ranks by total points. Scores are exact (ints and fractions); equal scores go to
the tie-breaking.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from fractions import Fraction
from math import inf

from ..election import CARDINAL, Election, Number
from .outcome import GreedyStep, Outcome
from .tiebreaking import TieBreaking


def tallies(election: Election) -> tuple[dict[str, int], dict[str, Number]]:
    """Votes (voters choosing the project) and total points of every project, exactly."""
    votes: Counter[str] = Counter()
    for b in election.ballots:
        votes.update(b.vote)
    if election.vote_type in CARDINAL or election.vote_type == "ordinal":
        points: dict[str, Number] = dict.fromkeys((p.id for p in election.projects), 0)
        for scored in election.scores():
            for pid, value in scored.items():
                points[pid] += value
    else:
        points = dict(votes)
    return (
        {p.id: votes.get(p.id, 0) for p in election.projects},
        {p.id: points.get(p.id, 0) for p in election.projects},
    )


def _per_cost(total: Number, cost: Number) -> Number | float:
    if total <= 0:
        return 0
    if cost == 0:
        return inf
    return Fraction(total) / cost


def greedy_density(election: Election, tally: tuple[dict, dict]) -> Callable[[str], object]:
    """Votes for approval ballots; points per cost for cardinal ones (both as pabutools)."""
    votes, points = tally
    costs = {p.id: p.cost for p in election.projects}
    if election.vote_type in CARDINAL or election.vote_type == "ordinal":
        return lambda pid: _per_cost(points[pid], costs[pid])
    # Cost_Sat: (votes x cost) / cost = votes; a free project with votes comes first
    return lambda pid: inf if costs[pid] == 0 and votes[pid] > 0 else votes[pid]


def run_greedy(
    election: Election,
    score: Callable[[str], object],
    tie_breaking: TieBreaking,
    *,
    funded: Iterable[str] = (),
    stage: str = "greedy",
) -> tuple[list[str], list[GreedyStep]]:
    """One greedy pass after ``funded`` (already bought): the projects added and every turn."""
    already = set(funded)
    costs = {p.id: p.cost for p in election.projects}
    left = election.budget - sum((costs[pid] for pid in already), 0)
    ordered = sorted(
        (pid for pid in costs if pid not in already),
        key=lambda pid: (_neg(score(pid)), tie_breaking.key(pid)),
    )
    if tie_breaking.refuses:
        _check_ties(ordered, score, costs, left, tie_breaking)
    added: list[str] = []
    steps: list[GreedyStep] = []
    for pid in ordered:
        fits = costs[pid] <= left
        steps.append(
            GreedyStep(
                project=pid, score=_show(score(pid)), remaining=left, cost=costs[pid],
                funded=fits, stage=stage,
            )
        )  # fmt: skip
        if fits:
            added.append(pid)
            left -= costs[pid]
    return added, steps


def _neg(value):
    return -value


def _show(value):
    return value if value != inf else 0


def _check_ties(ordered, score, costs, left, tie_breaking) -> None:
    """With "refuse", a tie matters when its projects fit one by one but not all together."""
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and score(ordered[j + 1]) == score(ordered[i]):
            j += 1
        group = ordered[i : j + 1]
        fitting = [pid for pid in group if costs[pid] <= left]
        if len(fitting) > 1 and sum(costs[pid] for pid in fitting) > left:
            tie_breaking.first(fitting, "greedy: equal scores, not all fit")
        for pid in group:
            if costs[pid] <= left:
                left -= costs[pid]
        i = j + 1


def greedy(election: Election, *, tie_breaking: TieBreaking, progress=None) -> Outcome:
    """Greedy by votes (approval) or by points per cost (cumulative, scoring, ordinal)."""
    tally = tallies(election)
    added, steps = run_greedy(election, greedy_density(election, tally), tie_breaking)
    return _outcome("greedy", election, added, steps, tie_breaking)


def greedy_score(election: Election, *, tie_breaking: TieBreaking, progress=None) -> Outcome:
    """Greedy by total points, whatever the cost (the common rule of city budgets)."""
    _, points = tallies(election)
    added, steps = run_greedy(election, points.__getitem__, tie_breaking)
    return _outcome("greedy-score", election, added, steps, tie_breaking)


def _outcome(rule, election, added, steps, tie_breaking) -> Outcome:
    costs = {p.id: p.cost for p in election.projects}
    return Outcome(
        rule=rule,
        selected=tuple(added),
        budget=election.budget,
        spent=sum((costs[pid] for pid in added), 0),
        tie_breaking=tie_breaking.describe(),
        greedy_steps=tuple(steps),
    )
