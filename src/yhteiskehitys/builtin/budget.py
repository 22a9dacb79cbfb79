"""The built-in participatory-budgeting rules, registered like any plugin's."""

from __future__ import annotations

from .. import hookimpl


@hookimpl
def yk_budget_rules():
    from ..decide.rules import BudgetRule, greedy, greedy_score, mes, mes_add1, mes_add1_greedy

    return [
        BudgetRule("greedy", greedy, "most votes first (points per cost for points ballots)"),
        BudgetRule("greedy-score", greedy_score, "most points first, whatever the cost"),
        BudgetRule("mes", mes, "Method of Equal Shares, without completion"),
        BudgetRule("mes-add1", mes_add1, "Method of Equal Shares, shares raised by 1 (Add1)"),
        BudgetRule(
            "mes-add1-greedy",
            mes_add1_greedy,
            "Method of Equal Shares with Add1, then greedy on the money left",
        ),
    ]
