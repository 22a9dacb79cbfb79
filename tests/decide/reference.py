"""Slow, exact reference definitions of the rules, written from the definitions alone.

They share no code with the library: MES finds each project's price by trying every set of
"poor" supporters (so only for tiny elections), greedy is the textbook loop.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations


def utilities(election):
    cardinal = election.vote_type != "approval"
    costs = {p.id: p.cost for p in election.projects}
    out = []
    for ballot in election.scores():
        out.append({pid: (v if cardinal else costs[pid]) for pid, v in ballot.items() if v})
    return out


def brute_rho(cost, pairs):
    """The least rho with sum(min(b, rho*u)) == cost, trying every set of poor supporters."""
    best = None
    n = len(pairs)
    for k in range(n + 1):
        for poor in combinations(range(n), k):
            rich = [i for i in range(n) if i not in poor]
            paid = sum((pairs[i][0] for i in poor), Fraction(0))
            if not rich:
                if paid != cost:
                    continue
                rho = max(Fraction(b) / u for b, u in pairs)
            else:
                rho = (cost - paid) / sum(pairs[i][1] for i in rich)
            if all(pairs[i][0] <= rho * pairs[i][1] for i in poor) and all(
                pairs[i][0] >= rho * pairs[i][1] for i in rich
            ):
                best = rho if best is None else min(best, rho)
    return best


def ref_mes(election, per_voter):
    utils = utilities(election)
    costs = {p.id: p.cost for p in election.projects}
    budgets = [Fraction(per_voter)] * len(utils)
    supported = [p.id for p in election.projects if any(p.id in u for u in utils)]
    chosen = [pid for pid in supported if costs[pid] == 0]
    left = [pid for pid in supported if costs[pid] > 0]
    while True:
        prices = {}
        for pid in list(left):
            voters = [i for i, u in enumerate(utils) if pid in u]
            if sum(budgets[i] for i in voters) < costs[pid]:
                left.remove(pid)
                continue
            prices[pid] = brute_rho(costs[pid], [(budgets[i], utils[i][pid]) for i in voters])
        if not prices:
            return chosen
        low = min(prices.values())
        pid = min(p for p, r in prices.items() if r == low)
        for i, u in enumerate(utils):
            if pid in u:
                budgets[i] -= min(budgets[i], low * u[pid])
        chosen.append(pid)
        left.remove(pid)


def ref_add1(election):
    n = len(election.ballots)
    if n == 0:
        return []
    costs = {p.id: p.cost for p in election.projects}
    utils = utilities(election)
    available = [p.id for p in election.projects if p.cost > 0 and any(p.id in u for u in utils)]
    per_voter = Fraction(election.budget) / n
    previous = None
    while True:
        outcome = ref_mes(election, per_voter)
        spent = sum(costs[p] for p in outcome)
        if spent > election.budget:
            return previous
        if all(p in outcome or spent + costs[p] > election.budget for p in available):
            return outcome
        previous = outcome
        per_voter += 1


def ref_greedy(election, score, funded=()):
    costs = {p.id: p.cost for p in election.projects}
    left = election.budget - sum(costs[p] for p in funded)
    chosen = list(funded)
    for pid in sorted((p for p in costs if p not in funded), key=lambda p: (-score(p), p)):
        if costs[pid] <= left:
            chosen.append(pid)
            left -= costs[pid]
    return chosen
