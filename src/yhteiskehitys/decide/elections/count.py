"""Counting: seats to the most votes, deputies next in vote order, quotas first, ties by lot.

The lot (vaalilaki 90 §) is drawn by :class:`random.Random` seeded with the stored seed: every
group of candidates with equal votes gets an order from one shuffle of its ids sorted, groups
drawn from the most votes down. The same seed and votes give the same result, whatever order
the ballots came in; anyone holding the seed and the published votes can redo the draw.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping

from .model import Candidate, Lot, Result


def tally(ballots: Iterable[str], paper: Iterable[Mapping[str, int]] = ()) -> Counter[str]:
    """Votes per candidate from single ballots (candidate ids) and tallies per polling place."""
    votes: Counter[str] = Counter(ballots)
    for place in paper:
        votes.update(place)
    return votes


def rank(
    candidates: Iterable[str], votes: Mapping[str, int], seed: int
) -> tuple[list[str], list[Lot]]:
    """Every candidate from the most votes down, ties ordered by lot; the lots drawn."""
    ids = sorted(set(candidates))
    groups: dict[int, list[str]] = {}
    for cid in ids:
        groups.setdefault(int(votes.get(cid, 0)), []).append(cid)
    rng = random.Random(seed)
    order: list[str] = []
    lots: list[Lot] = []
    for n in sorted(groups, reverse=True):
        group = groups[n]
        if len(group) > 1:
            drawn = rng.sample(group, len(group))
            lots.append(Lot(votes=n, tied=group, order=drawn))
            group = drawn
        order.extend(group)
    return order, lots


def count(
    candidates: Iterable[Candidate],
    votes: Mapping[str, int],
    *,
    seats: int,
    deputies: int,
    seed: int,
    quotas: Mapping[str, int] | None = None,
) -> Result:
    """Elect ``seats`` candidates and name ``deputies`` deputies in vote order.

    With ``quotas`` (seats reserved per school or area), each group's best candidates take its
    reserved seats first; a group with too few candidates leaves its seats to everyone. The
    remaining seats go to the most votes, then the deputies follow in vote order.
    Votes for a name that is not a candidate are an error, not a silent loss.
    """
    by_id = {c.candidate: c for c in candidates}
    stray = sorted(set(votes) - set(by_id))
    if stray:
        raise ValueError(f"votes for candidates that do not stand: {', '.join(stray)}")
    order, lots = rank(by_id, votes, seed)
    elected: list[str] = []
    quota_seats: dict[str, tuple[str, ...]] = {}
    for group, reserved in sorted((quotas or {}).items()):
        members = [cid for cid in order if by_id[cid].school == group]
        quota_seats[group] = tuple(members[:reserved])
        elected.extend(members[:reserved])
    for cid in order:
        if len(elected) >= seats:
            break
        if cid not in elected:
            elected.append(cid)
    chosen = set(elected)
    rest = [cid for cid in order if cid not in chosen]
    position = {cid: n for n, cid in enumerate(order)}
    return Result(
        seed=seed,
        elected=sorted(elected, key=position.__getitem__),
        deputies=rest[:deputies],
        votes={cid: int(votes.get(cid, 0)) for cid in sorted(by_id)},
        lots=lots,
        quota_seats=quota_seats,
    )
