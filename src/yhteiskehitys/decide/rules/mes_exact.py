"""Exact arithmetic for the Method of Equal Shares, used where floating point cannot decide.

:class:`ExactBudgets` keeps every voter group's budget as an exact fraction by replaying the
rounds the fast engine has already decided; it is only brought up to date when a comparison is
too close to call in floating point (two projects within a relative 1e-9, or a project whose
supporters have about exactly its cost). :func:`exact_rho` solves
``sum_i w_i * min(b_i, rho * u_i) = cost`` for the smallest ``rho``.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..election import Number
from .profile import Profile


def exact_rho(
    cost: Number,
    budgets: Sequence[Number],
    utilities: Sequence[Number],
    weights: Sequence[int],
    hint: float | None = None,
) -> Fraction | None:
    """The least price per unit of utility at which the supporters can pay ``cost``, or None.

    Poor supporters (``b < rho * u``) give all they have; rich ones pay ``rho * u``. Starting
    from the supporters that are surely poor at ``hint`` (or none), the poor set only grows, so
    the loop ends after at most one pass per supporter.
    """
    money = sum((w * b for w, b in zip(weights, budgets, strict=True)), Fraction(0))
    if money < cost:
        return None
    n = len(budgets)
    poor = [False] * n
    if hint is not None:
        below = hint * (1 - 1e-6)
        for k in range(n):
            if budgets[k] < below * float(utilities[k]):
                poor[k] = True
    while True:
        paid = Fraction(0)
        util = Fraction(0)
        for k in range(n):
            if poor[k]:
                paid += weights[k] * budgets[k]
            else:
                util += weights[k] * utilities[k]
        if util == 0:
            # everyone is poor: they pay all they have, which is exactly the cost
            return max(Fraction(b) / u for b, u in zip(budgets, utilities, strict=True))
        rho = (cost - paid) / util
        grew = False
        for k in range(n):
            if not poor[k] and budgets[k] < rho * utilities[k]:
                poor[k] = True
                grew = True
        if not grew:
            return rho


class ExactBudgets:
    """Exact budgets of every group, replayed lazily from the rounds already decided."""

    def __init__(self, profile: Profile, per_voter: Fraction) -> None:
        self.profile = profile
        self.budgets: list[Number] = [per_voter] * len(profile.weights)
        self.done = 0

    def catch_up(self, chosen: Sequence[int], hints: Sequence[float]) -> None:
        """Replay the rounds ``done..len(chosen)`` exactly."""
        while self.done < len(chosen):
            j = chosen[self.done]
            rho = self.rho(j, hints[self.done])
            if rho is None:  # cannot happen for a project the engine bought
                raise AssertionError(f"project {self.profile.ids[j]} was not affordable")
            self.pay(j, rho)
            self.done += 1

    def rho(self, j: int, hint: float | None = None) -> Fraction | None:
        p = self.profile
        groups = p.supporters[j].tolist()
        budgets = [self.budgets[g] for g in groups]
        utilities = p.points[j] if p.cardinal else [p.costs[j]] * len(groups)
        weights = [p.weights[g] for g in groups]
        return exact_rho(p.costs[j], budgets, utilities, weights, hint)

    def money(self, j: int) -> Fraction:
        p = self.profile
        return sum((p.weights[g] * self.budgets[g] for g in p.supporters[j].tolist()), Fraction(0))

    def pay(self, j: int, rho: Fraction) -> None:
        p = self.profile
        for k, g in enumerate(p.supporters[j].tolist()):
            share = rho * p.utility(j, k)
            b = self.budgets[g]
            self.budgets[g] = 0 if b <= share else b - share
