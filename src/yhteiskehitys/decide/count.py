"""Counting a budget, from a ``.pb`` file or from the store: read, check, run the named rule."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .budgets import get_budget, load_election
from .election import Election
from .errors import BudgetError
from .pabulib import read_pabulib
from .rules.outcome import Outcome
from .rules.registry import run_rule

if TYPE_CHECKING:
    from ..store.core import Transaction


def count_file(
    path: str | Path,
    rule: str,
    *,
    pm,
    tie_breaking: str = "lexicographic",
    seed: int | None = None,
    progress=None,
) -> tuple[Election, Outcome]:
    """Read and check ``path``, then run ``rule`` on it; bad files raise before any counting."""
    election = read_pabulib(path)
    outcome = run_rule(
        election, rule, pm=pm, tie_breaking=tie_breaking, seed=seed, progress=progress
    )
    return election, outcome


def count_budget(
    tx: Transaction,
    budget_id: str,
    *,
    pm,
    rule: str | None = None,
    tie_breaking: str = "lexicographic",
    seed: int | None = None,
    progress=None,
) -> tuple[Election, Outcome]:
    """Count a stored budget by its own rule (or ``rule``)."""
    election = load_election(tx, budget_id)
    name = rule or get_budget(tx, budget_id).rule
    return election, run_rule(
        election, name, pm=pm, tie_breaking=tie_breaking, seed=seed, progress=progress
    )


def explain_project(
    tx: Transaction,
    budget_id: str,
    project_id: str,
    *,
    pm,
    lang: str = "fi",
    rule: str | None = None,
    tie_breaking: str = "lexicographic",
    seed: int | None = None,
) -> str:
    """One project's explanation as a sentence in ``lang``, after counting the budget."""
    from .explain import explain
    from .explain_text import sentence

    election, outcome = count_budget(
        tx, budget_id, pm=pm, rule=rule, tie_breaking=tie_breaking, seed=seed
    )
    for item in explain(election, outcome):
        if item.project == project_id:
            return sentence(item, lang, election.currency or "EUR")
    ids = ", ".join(p.id for p in election.projects)
    raise BudgetError(f"budget {budget_id!r} has no project {project_id!r}; projects: {ids}")
