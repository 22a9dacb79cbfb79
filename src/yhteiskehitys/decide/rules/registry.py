"""Budget rules as plugins: one signature, found through the ``yk_budget_rules`` hook."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from attrs import frozen

from ..election import Election
from ..errors import UnknownRuleError
from .greedy import tallies
from .outcome import Outcome
from .tiebreaking import TieBreaking, make_tie_breaking


class RuleFunction(Protocol):
    """``rule(election, *, tie_breaking, progress=None) -> Outcome``."""

    def __call__(
        self, election: Election, *, tie_breaking: TieBreaking, progress=None
    ) -> Outcome: ...


@frozen
class BudgetRule:
    """A named allocation rule; ``summary`` says in one line what it does."""

    name: str
    function: Callable[..., Outcome]
    summary: str


def budget_rules(pm) -> dict[str, BudgetRule]:
    """Every rule every plugin offers, by name; a name offered twice is an error."""
    rules: dict[str, BudgetRule] = {}
    for offered in pm.hook.yk_budget_rules():
        for rule in offered:
            if rule.name in rules:
                raise UnknownRuleError(f"budget rule {rule.name!r} is offered twice")
            rules[rule.name] = rule
    return rules


def run_rule(
    election: Election,
    rule: str,
    *,
    pm,
    tie_breaking: str = "lexicographic",
    seed: int | None = None,
    progress=None,
) -> Outcome:
    """Run the rule called ``rule`` on ``election`` with the named tie-breaking."""
    rules = budget_rules(pm)
    if rule not in rules:
        known = ", ".join(sorted(rules))
        raise UnknownRuleError(f"unknown budget rule {rule!r}; choose one of {known}")
    votes, _ = tallies(election)
    tie = make_tie_breaking(
        tie_breaking,
        [p.id for p in election.projects],
        costs={p.id: p.cost for p in election.projects},
        votes=votes,
        seed=seed,
    )
    return rules[rule].function(election, tie_breaking=tie, progress=progress)
