"""The programme's budgets, counted by their own rules, as plain data for the site's pages.

A budget that cannot be counted here (its rule's plugin is not installed, a tie its
tie-breaking refuses) is shown with the reason instead of an outcome, so the rest of the site
is still built.
"""

from __future__ import annotations

from typing import Any


def budget_outcomes(budgets: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """The decided budgets of :func:`.decisions.read_budgets` (counted once there), shaped for
    a model's own pages: each with its ``outcome``
    (:func:`~yhteiskehitys.decide.data.outcome_data`), ``voters`` and, per project id, its name,
    cost, area (as stored: a school's id, say), ``area_name`` (the organisation's name when the
    area is one's id) and category; or its ``error``."""
    out = []
    for data in budgets:
        item: dict[str, Any] = {
            "id": data["id"],
            "title": data["title"],
            "currency": data["currency"],
            "rule": data["rule"],
            "projects": {
                p["id"]: {
                    "name": p["name"],
                    "cost": p["cost"],
                    "area": p["area_id"],
                    "area_name": p["area"],
                    "category": p["category"],
                }
                for p in data["projects"]
            },
        }
        if "error" in data:
            item["error"] = data["error"]
        else:
            item["outcome"] = data["outcome"]
            item["voters"] = data["voters"]
        out.append(item)
    return tuple(out)
