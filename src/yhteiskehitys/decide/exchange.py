"""pabulib ``.pb`` files in and out of the store: a whole file as a new budget, a budget as a file
that anyone can recount with pabutools or equalshares.net."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .ballots import ballot_row, insert_ballots
from .budgets import add_projects, create_budget, load_election, make_budget, make_project
from .pabulib import read_pabulib, write_pabulib
from .records import Budget

if TYPE_CHECKING:
    from ..store.core import Transaction

DERIVED_COLUMNS = ("votes", "score", "selected")
"""Project columns of a .pb file that are results, not inputs: recomputed on export."""


def import_pb(
    tx: Transaction, path: str | Path, budget_id: str | None = None, *, title: str | None = None
) -> Budget:
    """A whole ``.pb`` file as a new budget: META, projects and ballots (keyed by voter_id)."""
    election = read_pabulib(path)
    meta = {k: v for k, v in election.meta.items() if k not in ("num_projects", "num_votes")}
    budget = make_budget(
        id=budget_id or Path(path).stem,
        title=title or election.meta.get("description", Path(path).stem),
        amount=election.budget,
        currency=election.meta.get("currency", "EUR"),
        vote_type=election.vote_type,
        max_length=int(election.meta["max_length"]) if "max_length" in election.meta else None,
        meta={k: v for k, v in meta.items() if k not in ("budget", "vote_type", "max_length")},
    )
    create_budget(tx, budget)
    items = []
    for p in election.projects:
        fields = {
            k: v
            for k, v in p.fields.items()
            if k not in (*DERIVED_COLUMNS, "name", "category", "neighborhood")
        }
        items.append(
            make_project(
                id=p.id,
                name=p.name,
                cost=p.cost,
                category=p.fields.get("category", ""),
                area=p.fields.get("neighborhood", ""),
                fields=fields,
            )
        )
    add_projects(tx, budget.id, items)
    insert_ballots(
        tx,
        budget.id,
        [ballot_row(b.voter_id, "pb", b.vote, b.points, b.fields) for b in election.ballots],
    )
    tx.audit.record(
        "import",
        "budget",
        budget.id,
        after={"pb_ballots": len(election.ballots), "file": Path(path).name},
    )
    return budget


def export_pb(tx: Transaction, budget_id: str) -> str:
    """The budget as a pabulib file, so anyone can check the count (pabutools, equalshares.net)."""
    return write_pabulib(load_election(tx, budget_id))
