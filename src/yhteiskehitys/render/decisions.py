"""The decided budgets, read from the store for the site's budget pages.

A budget is decided when it has ballots and its voting is over: its META ``date_end`` (as a
``.pb`` file or ``yk budget new --closes`` gives it) is before the report's day. A budget
without a ``date_end`` counts as decided once it has ballots, since it has no period to wait
for. The outcome is counted by the budget's own rule, exactly as ``yk budget run ID`` counts it,
and kept as plain data; counts of voters per school or area are raw here and pass the disclosure
gate in :mod:`.decision_views`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any


def voting_ended(budget: Any, today: date) -> bool:
    """Whether the budget's voting period (META ``date_end``) is over on ``today``; a budget
    with no end it can read has no period to wait for."""
    from ..decide.budgets import voting_period

    _, closes = voting_period(budget)
    return closes is None or closes < today


def read_budgets(tx: Any, pm: Any, today: date) -> list[dict[str, Any]]:
    """Every decided budget as data, counted once for every page that shows it: its title,
    the outcome with explanations in fi/sv/en, each project's cost, area and category, and the
    voters per area (raw counts). An area that is an organisation's id (a school of a
    children's parliament) is shown by the organisation's name. A budget that cannot be counted
    here (its rule's plugin is not installed, a tie its tie-breaking refuses) carries the
    reason as ``error`` instead of an outcome, so the rest of the site is still built."""
    from ..decide.budgets import list_budgets, projects
    from ..decide.count import count_budget
    from ..decide.data import outcome_data
    from ..errors import YhteiskehitysError

    names = {o.id: o.name for o in tx.organisations.list()}
    out = []
    for budget in list_budgets(tx):
        if not decided(tx, budget, today):
            continue
        items = {p.id: p for p in projects(tx, budget.id)}
        area_of = {pid: names.get(p.area, p.area) for pid, p in items.items() if p.area}
        data: dict[str, Any] = {"currency": budget.currency, "rule": budget.rule}
        ballots: tuple[Any, ...] = ()
        try:
            election, outcome = count_budget(tx, budget.id, pm=pm)
        except YhteiskehitysError as exc:
            data["error"] = str(exc)
        else:
            counted = outcome_data(election, outcome)
            ballots = tuple(election.ballots)
            data.update(counted, outcome=counted, voters=len(ballots))
        voters: Counter[str] = Counter()
        for ballot in ballots:
            for area in {area_of[pid] for pid in ballot.vote if pid in area_of}:
                voters[area] += 1
        data.update(
            id=budget.id,
            title=budget.title,
            projects=[
                {
                    "id": p.id,
                    "name": p.name,
                    "cost": p.cost,
                    "category": p.category,
                    "area": area_of.get(p.id, ""),
                    "area_id": p.area,
                }
                for p in items.values()
            ],
            area_voters=dict(sorted(voters.items())),
        )
        out.append(data)
    return out


def decided(tx: Any, budget: Any, today: date) -> bool:
    """A budget is shown once it has ballots and its voting is over on ``today``."""
    return _has_ballots(tx, budget.id) and voting_ended(budget, today)


def _has_ballots(tx: Any, budget_id: str) -> bool:
    from ..decide.budgets import _has_ballots as has

    return has(tx, budget_id)
