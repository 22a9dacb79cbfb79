"""The record of a MES run that explanations are written from: who paid what, where money went."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .outcome import MesMiss, MesRound
from .profile import Profile


def record(
    p: Profile, run, per_voter: Fraction
) -> tuple[tuple[MesRound, ...], tuple[MesMiss, ...]]:
    """Replay ``run`` in floating point (display figures only) and describe each project."""
    budgets = np.full(len(p.weights), float(per_voter))
    taken = set(run.chosen) | set(run.zero_cost)
    missed = [j for j in range(len(p.ids)) if j not in taken and p.votes[j] > 0]
    went = {j: np.zeros(len(run.chosen)) for j in missed}
    rounds = []
    for r, (j, rho) in enumerate(zip(run.chosen, run.rhos, strict=True)):
        s = p.supporters[j]
        w = p.supporter_weights[j]
        b = budgets[s]
        share = rho * p.utility_f[j]
        poor = b <= share
        pay = np.where(poor, b, share)
        full = np.zeros(len(p.weights))
        full[s] = pay
        budgets[s] = b - pay
        for q in missed:
            went[q][r] = float((full[p.supporters[q]] * p.supporter_weights[q]).sum())
        rounds.append(
            MesRound(
                round=r + 1,
                project=p.ids[j],
                cost=p.costs[j],
                payers=int(w[pay > 0].sum()),
                full_share=float(share.max()) if len(share) else 0.0,
                paid_all=int(w[poor].sum()),
                per_unit=rho,
            )
        )
    misses = []
    for q in missed:
        left = float((budgets[p.supporters[q]] * p.supporter_weights[q]).sum())
        top = int(np.argmax(went[q])) if len(run.chosen) else -1
        amount = float(went[q][top]) if top >= 0 else 0.0
        misses.append(
            MesMiss(
                project=p.ids[q],
                cost=p.costs[q],
                supporters=p.votes[q],
                money_left=left,
                went_to=p.ids[run.chosen[top]] if top >= 0 and amount > 0 else None,
                went_amount=amount,
            )
        )
    return tuple(rounds), tuple(misses)
