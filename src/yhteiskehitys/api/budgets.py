"""Participatory budgeting (osallistava budjetointi) of an open programme: ``programme.budgets``.

Each verb is one unit of work over :mod:`yhteiskehitys.decide`, which holds the rules: pabulib
files, eligibility by the target group's rules, one secret ballot per voter, the allocation
rules of ``yk_budget_rules`` and their explanations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .build import today_utc

if TYPE_CHECKING:
    from .programme import OpenProgramme


def count_file(
    path: Path | str,
    rule: str = "mes-add1-greedy",
    *,
    pm: Any = None,
    tie_breaking: str = "lexicographic",
    seed: int | None = None,
    progress: Any = None,
) -> tuple[Any, Any]:
    """Count a pabulib ``.pb`` file that belongs to no programme (``yk budget run FILE.pb``)."""
    from ..decide.count import count_file as count
    from ..plugins import get_plugin_manager

    return count(
        Path(path),
        rule,
        pm=pm or get_plugin_manager(),
        tie_breaking=tie_breaking,
        seed=seed,
        progress=progress,
    )


class BudgetVerbs:
    """``programme.budgets``."""

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def new(
        self,
        budget_id: str,
        *,
        title: str,
        amount: str | int,
        currency: str = "EUR",
        vote_type: str = "approval",
        max_length: int | None = None,
        rule: str = "mes-add1-greedy",
        opens: date | None = None,
        closes: date | None = None,
    ) -> Any:
        """Create a budget: the money, its vote type, the rule that allocates it and the voting
        period (whole days; META ``date_begin``/``date_end``). Votes are taken only within the
        period, and the site shows the outcome only once it has closed."""
        from ..decide import budgets

        made = budgets.make_budget(
            id=budget_id,
            title=title,
            amount=amount,
            currency=currency,
            vote_type=vote_type,
            max_length=max_length,
            rule=rule,
            meta=budgets.period_meta(opens, closes),
        )
        with self.programme.transaction() as tx:
            budgets.create_budget(tx, made)
        return made

    def list(self) -> list[Any]:
        """The programme's budgets, by id."""
        from ..decide.budgets import list_budgets

        with self.programme.read() as tx:
            return list_budgets(tx)

    def import_pb(self, budget_id: str, path: Path | str, *, title: str | None = None) -> Any:
        """Create a budget whole from a pabulib ``.pb`` file: META, projects and ballots."""
        from ..decide import exchange

        with self.programme.transaction() as tx:
            return exchange.import_pb(tx, Path(path), budget_id, title=title)

    def add_project(
        self,
        budget_id: str,
        project_id: str,
        *,
        name: str,
        cost: str | int,
        category: str = "",
        area: str = "",
    ) -> Any:
        """Put a project on the budget's ballot."""
        from ..decide import budgets

        item = budgets.make_project(
            id=project_id, name=name, cost=cost, category=category, area=area
        )
        with self.programme.transaction() as tx:
            budgets.add_projects(tx, budget_id, [item])
        return item

    def import_ballots(self, budget_id: str, path: Path | str) -> int:
        """Paper ballots typed into a CSV (``ballot;projects[;points]``); returns how many."""
        from ..decide.ballots import import_paper_ballots

        with self.programme.transaction() as tx:
            return import_paper_ballots(tx, budget_id, Path(path))

    def vote(
        self,
        budget_id: str,
        voter: str,
        projects: Sequence[str],
        *,
        points: Sequence[int] | None = None,
        on: date | None = None,
        facts: Mapping[str, Any] | None = None,
    ) -> None:
        """Cast a participant's ballot; eligibility is judged by the target group's rules on
        ``on`` (default today), one ballot per voter."""
        from ..decide.ballots import cast_vote

        prog = self.programme
        with prog.transaction() as tx:
            cast_vote(
                tx,
                budget_id,
                voter,
                list(projects),
                list(points) if points else None,
                target_group=prog.programme.target_group,
                on=today_utc(on),
                facts=dict(facts or {}),
            )

    def count(
        self,
        budget_id: str,
        *,
        rule: str | None = None,
        tie_breaking: str = "lexicographic",
        seed: int | None = None,
        progress: Any = None,
    ) -> tuple[Any, Any]:
        """Count a stored budget by its rule (or ``rule``); returns the election and outcome."""
        from ..decide.count import count_budget

        prog = self.programme
        with prog.read() as tx:
            return count_budget(
                tx,
                budget_id,
                pm=prog.pm,
                rule=rule,
                tie_breaking=tie_breaking,
                seed=seed,
                progress=progress,
            )

    def explain(
        self,
        budget_id: str,
        project_id: str,
        *,
        lang: str = "fi",
        rule: str | None = None,
        tie_breaking: str = "lexicographic",
        seed: int | None = None,
    ) -> str:
        """Why a project was or was not funded, in plain words."""
        from ..decide.count import explain_project

        prog = self.programme
        with prog.read() as tx:
            return explain_project(
                tx,
                budget_id,
                project_id,
                pm=prog.pm,
                lang=lang,
                rule=rule,
                tie_breaking=tie_breaking,
                seed=seed,
            )

    def export_pb(self, budget_id: str, out: Path | str | None = None) -> str:
        """The budget as a pabulib ``.pb`` file (written atomically to ``out`` when given)."""
        from ..decide.exchange import export_pb
        from ..folder import atomic_write

        with self.programme.read() as tx:
            text = export_pb(tx, budget_id)
        if out is not None:
            atomic_write(Path(out), text)
        return text
