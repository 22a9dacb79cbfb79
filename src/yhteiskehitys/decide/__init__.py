"""Decisions the group makes: participatory budgeting and youth-council elections.

Participatory budgeting (osallistava budjetointi): pabulib files, allocation rules and
explanations, in this package's modules; youth-council elections in :mod:`.elections`. The
budgeting rules are plain functions of one signature (see :mod:`.rules.registry`), registered
through the ``yk_budget_rules`` hook; the built-in ones are greedy and the Method of Equal Shares.
"""

from __future__ import annotations

from .election import Ballot, Election, Project, make_election
from .errors import BudgetError, PabulibError, TieRefusedError, UnknownRuleError
from .pabulib import read_pabulib, read_pabulib_text, write_pabulib

__all__ = [
    "Ballot",
    "BudgetError",
    "Election",
    "PabulibError",
    "Project",
    "TieRefusedError",
    "UnknownRuleError",
    "make_election",
    "read_pabulib",
    "read_pabulib_text",
    "write_pabulib",
]
