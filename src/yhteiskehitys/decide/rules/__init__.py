"""Allocation rules: greedy and the Method of Equal Shares, all of one signature."""

from __future__ import annotations

from .greedy import greedy, greedy_density, greedy_score, run_greedy, tallies
from .mes import mes, mes_add1, mes_add1_greedy
from .outcome import GreedyStep, MesMiss, MesRound, Outcome
from .registry import BudgetRule, budget_rules, run_rule
from .tiebreaking import TieBreaking, make_tie_breaking

__all__ = [
    "BudgetRule",
    "GreedyStep",
    "MesMiss",
    "MesRound",
    "Outcome",
    "TieBreaking",
    "budget_rules",
    "greedy",
    "greedy_density",
    "greedy_score",
    "make_tie_breaking",
    "mes",
    "mes_add1",
    "mes_add1_greedy",
    "run_greedy",
    "run_rule",
    "tallies",
]
