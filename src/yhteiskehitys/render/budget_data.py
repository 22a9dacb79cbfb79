"""The programme's budgets, counted by their own rules, as plain data for the site's pages.

A budget that cannot be counted here (its rule's plugin is not installed, a tie its
tie-breaking refuses) is shown with the reason instead of an outcome, so the rest of the site
is still built.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import YhteiskehitysError


def read_budgets(tx: Any, pm: Any, today: date) -> tuple[dict[str, Any], ...]:
    """Each decided budget (ballots cast, voting over on ``today``: the same rule as the
    site's budget pages, :mod:`.decisions`) with its outcome
    (:func:`~yhteiskehitys.decide.data.outcome_data`) and, per project, its name, cost and
    area; called while the store is open."""
    from ..decide.budgets import list_budgets, projects
    from ..decide.count import count_budget
    from ..decide.data import outcome_data

    out = []
    from .decisions import decided

    for budget in list_budgets(tx):
        if not decided(tx, budget, today):
            continue
        item: dict[str, Any] = {
            "id": budget.id,
            "title": budget.title,
            "currency": budget.currency,
            "rule": budget.rule,
            "projects": {
                p.id: {"name": p.name, "cost": p.cost, "area": p.area, "category": p.category}
                for p in projects(tx, budget.id)
            },
        }
        try:
            election, outcome = count_budget(tx, budget.id, pm=pm)
            item["outcome"] = outcome_data(election, outcome)
            item["voters"] = len(election.ballots)
        except YhteiskehitysError as exc:
            item["error"] = str(exc)
        out.append(item)
    return tuple(out)
