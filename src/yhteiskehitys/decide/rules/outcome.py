"""What a rule returns: the funded projects in order, and the record of how it got there.

The record is what the explanations (:mod:`yhteiskehitys.decide.explain`) are written from; it
holds display figures (floats) beside the exact outcome, never a figure a decision was made on.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from ..election import Number


@frozen(kw_only=True)
class GreedyStep:
    """One project's turn in a greedy pass: its score, the money left then, and the verdict."""

    project: str
    score: Number
    remaining: Number
    cost: Number
    funded: bool
    stage: str = "greedy"


@frozen(kw_only=True)
class MesRound:
    """One project bought by the Method of Equal Shares, and who paid for it."""

    round: int
    project: str
    cost: Number
    payers: int
    full_share: float
    paid_all: int
    per_unit: float


@frozen(kw_only=True)
class MesMiss:
    """A project MES could not buy: its supporters' money left, and where the rest went."""

    project: str
    cost: Number
    supporters: int
    money_left: float
    went_to: str | None
    went_amount: float


@frozen(kw_only=True)
class Outcome:
    """The result of one rule on one election."""

    rule: str
    selected: tuple[str, ...]
    budget: Number
    spent: Number
    tie_breaking: dict[str, Any] = field(factory=dict)
    greedy_steps: tuple[GreedyStep, ...] = ()
    mes_rounds: tuple[MesRound, ...] = ()
    mes_misses: tuple[MesMiss, ...] = ()
    voter_budget: float | None = None
    increments: int = 0
    zero_cost: tuple[str, ...] = ()
    sentences: dict[str, dict[str, str]] = field(factory=dict)
    """Explanations a plugin's rule adds: a greedy step whose ``stage`` is a key here is
    explained by that kind's sentence (language → text with ``{votes}``, ``{cost}``,
    ``{left}``, ``{score}``), beside the built-in kinds of :mod:`..explain`."""

    @property
    def selected_set(self) -> frozenset[str]:
        return frozenset(self.selected)
