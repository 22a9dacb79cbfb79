"""Counting a budget from a ``.pb`` file: read, check, run the named rule, in one call."""

from __future__ import annotations

from pathlib import Path

from .election import Election
from .pabulib import read_pabulib
from .rules.outcome import Outcome
from .rules.registry import run_rule


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
