"""The Method of Equal Shares (MES), its iterated "Add1" form, and Add1 with greedy completion.

Every voter gets an equal share of the budget. In each round, the project that its supporters
can buy at the lowest price per unit of utility ``rho`` is bought: a supporter with utility ``u``
pays ``rho * u``, or all they have left if that is less. Projects their supporters can no longer
afford drop out. Utilities follow expected.json: the cost for approval ballots, the points for
cardinal ones. "Add1" reruns MES with one currency unit more per voter until the outcome spends
the budget as far as it can (exhaustive) or would overspend it (then the previous one counts).

The engine computes in floating point with numpy, lazily (a project's ``rho`` only grows from
round to round, so last round's value is a lower bound and most projects need no new look), and
decides every comparison that is too close to call with exact fractions (:mod:`.mes_exact`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from fractions import Fraction

import numpy as np
from attrs import define, field

from ..election import Election
from .greedy import greedy_density, run_greedy, tallies
from .mes_exact import ExactBudgets
from .outcome import MesMiss, MesRound, Outcome
from .profile import Profile
from .tiebreaking import TieBreaking

TOL = 1e-9
"""Relative distance under which two floating-point figures are compared exactly instead."""


@define
class Run:
    """One MES run at one per-voter budget: the projects bought in order and their prices."""

    chosen: list[int]
    rhos: list[float]
    budgets: np.ndarray
    zero_cost: list[int] = field(factory=list)


class _Exactness:
    """The exact budgets of one run, made only when a comparison needs them."""

    def __init__(self, p: Profile, per_voter: Fraction, chosen: list[int], rhos: list[float]):
        self.p, self.per_voter, self.chosen, self.rhos = p, per_voter, chosen, rhos
        self.budgets: ExactBudgets | None = None
        self.known: dict[int, Fraction] = {}

    def exact(self) -> ExactBudgets:
        if self.budgets is None:
            self.budgets = ExactBudgets(self.p, self.per_voter)
        self.budgets.catch_up(self.chosen, self.rhos)
        return self.budgets


class Engine:
    """MES over one profile; built once and run at as many per-voter budgets as Add1 needs."""

    def __init__(self, profile: Profile, tie_breaking: TieBreaking) -> None:
        self.p = profile
        self.tie = tie_breaking
        m = len(profile.ids)
        supported = [profile.votes[j] > 0 for j in range(m)]
        self.zero_cost = [j for j in range(m) if supported[j] and profile.costs[j] == 0]
        self.candidates = [j for j in range(m) if supported[j] and profile.costs[j] > 0]
        self.cost_f = [float(c) for c in profile.costs]
        self.lower = {
            j: self.cost_f[j] / float((profile.supporter_weights[j] * profile.utility_f[j]).sum())
            for j in self.candidates
        }
        self.wu = {j: profile.supporter_weights[j] * profile.utility_f[j] for j in self.candidates}
        self.unit = {j: bool((profile.supporter_weights[j] == 1).all()) for j in self.candidates}
        self.total_w = {j: float(profile.supporter_weights[j].sum()) for j in self.candidates}
        self.total_wu = {j: float(self.wu[j].sum()) for j in self.candidates}

    def run(self, per_voter: Fraction) -> Run:
        p = self.p
        budgets = np.full(len(p.weights), float(per_voter))
        chosen: list[int] = []
        rhos: list[float] = []
        state = _Exactness(p, per_voter, chosen, rhos)
        heap = [(self.lower[j], j) for j in self.candidates]
        heapq.heapify(heap)
        gone: set[int] = set()  # bought or dropped: their entries are skipped when met
        while heap:
            fresh: dict[int, float] = {}
            state.known.clear()
            while heap and heap[0][1] not in fresh:
                lower, j = heapq.heappop(heap)
                if j in gone:
                    continue
                rho = self._look(j, budgets, state, lower)
                if rho is None:
                    gone.add(j)
                else:
                    fresh[j] = rho
                    heapq.heappush(heap, (rho, j))
            if not fresh:
                break
            limit = heap[0][0] * (1 + TOL)
            for lower, j in [e for e in heap if e[0] <= limit and e[1] not in fresh]:
                if j in gone:
                    continue
                rho = self._look(j, budgets, state, lower)  # a stale lower bound this close
                if rho is None:
                    gone.add(j)
                else:
                    fresh[j] = rho
            tied = [j for j, rho in fresh.items() if rho <= limit and j not in gone]
            if len(tied) > 1:
                winner, value = self._exact_winner(tied, state)
                rho = float(value)
            else:
                winner, rho = tied[0], fresh[tied[0]]
            gone.add(winner)
            self._pay(winner, rho, budgets)
            chosen.append(winner)
            rhos.append(rho)
        return Run(chosen=chosen, rhos=rhos, budgets=budgets, zero_cost=list(self.zero_cost))

    def _look(self, j: int, budgets, state: _Exactness, lower: float) -> float | None:
        rho = self._rho(j, budgets, lower)
        if rho != "near":
            return rho
        value = state.exact().rho(j)
        if value is None:
            return None
        state.known[j] = value
        return float(value)

    def _rho(self, j: int, budgets: np.ndarray, lower: float):
        """``rho`` of project ``j`` in floating point; None if unaffordable, "near" if too close.

        The poor (who cannot pay ``rho * u``) give all they have, the rich pay ``rho * u``.
        Starting below the answer (``lower``), the poor set only grows; when it stops growing,
        ``rho`` is found. Most projects need one or two passes.
        """
        b = budgets[self.p.supporters[j]]
        cost = self.cost_f[j]
        unit = self.unit[j]
        money = float(b.sum()) if unit else float((self.p.supporter_weights[j] * b).sum())
        if money < cost * (1 - TOL):
            return None
        if money <= cost * (1 + TOL):
            return "near"
        w = self.p.supporter_weights[j]
        if not self.p.cardinal:
            return self._rho_equal(b, w, cost, lower, self.total_w[j], unit)
        u = self.p.utility_f[j]
        wb = w * b
        wu = self.wu[j]
        total_wu = self.total_wu[j]
        rho = lower
        count = -1
        while True:
            poor = b < rho * u
            n = int(np.count_nonzero(poor))
            if n == count:
                return rho
            count = n
            rho = (cost - float(wb[poor].sum())) / (total_wu - float(wu[poor].sum()))

    @staticmethod
    def _rho_equal(b, w, cost: float, lower: float, total_w: float, unit: bool) -> float:
        """Approval ballots: every rich supporter pays the same share of the cost."""
        share = lower * cost
        count = -1
        wb = b if unit else w * b
        while True:
            poor = b < share
            n = int(np.count_nonzero(poor))
            if n == count:
                return share / cost
            count = n
            if unit:
                share = (cost - float(b[poor].sum())) / (total_w - n)
            else:
                share = (cost - float(wb[poor].sum())) / (total_w - float(w[poor].sum()))

    def _exact_winner(self, tied: list[int], state: _Exactness) -> tuple[int, Fraction]:
        values = {}
        for j in tied:
            value = state.known.get(j)
            if value is None:
                value = state.exact().rho(j)
            if value is not None:
                values[j] = value
        best = min(values.values())
        ids = [self.p.ids[j] for j, v in values.items() if v == best]
        pid = self.tie.first(ids, "Method of Equal Shares: equal price per unit")
        return self.p.ids.index(pid), best

    def _pay(self, j: int, rho: float, budgets: np.ndarray) -> None:
        s = self.p.supporters[j]
        share = rho * (self.p.utility_f[j] if self.p.cardinal else self.cost_f[j])
        budgets[s] = np.maximum(budgets[s] - share, 0.0)


def _exhaustive(p: Profile, chosen: Iterable[int], among: Iterable[int]) -> bool:
    taken = set(chosen)
    spent = p.spent(list(taken))
    return all(j in taken or spent + p.costs[j] > p.budget for j in among)


def _add1(p: Profile, engine: Engine, progress=None) -> tuple[Run, Fraction, int]:
    """pabutools' ``voter_budget_increment=1``: the last feasible run before overspending."""
    per_voter = p.per_voter()
    previous: tuple[Run, Fraction, int] | None = None
    step = 0
    while True:
        run = engine.run(per_voter)
        if progress is not None:
            progress.update(step, f"share {float(per_voter):.2f}")
        taken = run.zero_cost + run.chosen
        if p.spent(taken) > p.budget:
            if previous is None:  # cannot happen: the first run spends at most the budget
                return run, per_voter, step
            return previous
        if _exhaustive(p, taken, engine.candidates):
            return run, per_voter, step
        previous = (run, per_voter, step)
        per_voter += 1
        step += 1


def mes(election: Election, *, tie_breaking: TieBreaking, progress=None) -> Outcome:
    """MES with one equal share each, without completion (it may leave money unspent)."""
    p = Profile.from_election(election)
    if p.n_voters == 0:
        return _empty("mes", election, tie_breaking)
    engine = Engine(p, tie_breaking)
    run = engine.run(p.per_voter())
    return _outcome("mes", election, p, run, p.per_voter(), 0, tie_breaking)


def mes_add1(election: Election, *, tie_breaking: TieBreaking, progress=None) -> Outcome:
    """Iterated MES: each voter's share grows by one currency unit while the budget allows."""
    p = Profile.from_election(election)
    if p.n_voters == 0:
        return _empty("mes-add1", election, tie_breaking)
    engine = Engine(p, tie_breaking)
    run, per_voter, steps = _add1(p, engine, progress)
    return _outcome("mes-add1", election, p, run, per_voter, steps, tie_breaking)


def mes_add1_greedy(election: Election, *, tie_breaking: TieBreaking, progress=None) -> Outcome:
    """Add1, then greedy (by votes, or points per cost) on the money still left."""
    base = mes_add1(election, tie_breaking=tie_breaking, progress=progress)
    if all(
        p.id in base.selected_set or base.spent + p.cost > election.budget
        for p in election.projects
    ):
        return base.__class__(**{**_fields(base), "rule": "mes-add1-greedy"})
    score = greedy_density(election, tallies(election))
    added, steps = run_greedy(
        election, score, tie_breaking, funded=base.selected, stage="completion"
    )
    costs = {q.id: q.cost for q in election.projects}
    return base.__class__(
        **{
            **_fields(base),
            "rule": "mes-add1-greedy",
            "selected": base.selected + tuple(added),
            "spent": base.spent + sum((costs[pid] for pid in added), 0),
            "greedy_steps": tuple(steps),
        }
    )


def _fields(outcome: Outcome) -> dict:
    from attrs import asdict

    return asdict(outcome, recurse=False)


def _empty(rule: str, election: Election, tie_breaking: TieBreaking) -> Outcome:
    return Outcome(
        rule=rule, selected=(), budget=election.budget, spent=0,
        tie_breaking=tie_breaking.describe(),
    )  # fmt: skip


def _outcome(rule, election, p: Profile, run: Run, per_voter, steps, tie_breaking) -> Outcome:
    from .mes_record import record

    taken = run.zero_cost + run.chosen
    rounds, misses = record(p, run, per_voter)
    return Outcome(
        rule=rule,
        selected=tuple(p.ids[j] for j in taken),
        budget=election.budget,
        spent=p.spent(taken),
        tie_breaking=tie_breaking.describe(),
        mes_rounds=rounds,
        mes_misses=misses,
        voter_budget=float(per_voter),
        increments=steps,
        zero_cost=tuple(p.ids[j] for j in run.zero_cost),
    )


__all__ = ["MesMiss", "MesRound", "mes", "mes_add1", "mes_add1_greedy"]
