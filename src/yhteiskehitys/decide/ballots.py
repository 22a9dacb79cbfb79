"""Ballots of a stored budget: cast by a participant, or typed in from paper.

Ballots are secret: ``budget_voters`` records who has voted (one ballot each), ``budget_ballots``
what was voted under a random key, and the audit trail says that someone voted, never how.
"""

from __future__ import annotations

import csv
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..store import schema
from ..store.bulk import reject_rows
from . import pabulib_checks
from .budgets import get_budget, next_position, projects, voting_period
from .election import Number, format_number
from .errors import BudgetError, PabulibError
from .records import Budget

if TYPE_CHECKING:
    from ..model import TargetGroup
    from ..store.core import Transaction


def checker(tx: Transaction, budget: Budget, source: str) -> pabulib_checks.BallotCheck:
    meta = {"vote_type": budget.vote_type, **budget.meta}
    if budget.max_length is not None:
        meta["max_length"] = str(budget.max_length)
    return pabulib_checks.BallotCheck(source, meta, {p.id: p.cost for p in projects(tx, budget.id)})


def insert_ballots(
    tx: Transaction, budget_id: str, ballots: Sequence[dict[str, Any]], *, secret: bool = False
) -> None:
    """Imported ballots keep their order; a ballot cast in person gets position 0 and is read
    back in the order of its random key, so its place does not tell when (or who) cast it."""
    position = next_position(tx, schema.budget_ballots)
    for n, row in enumerate(ballots):
        row["budget"] = budget_id
        row["position"] = 0 if secret else position + n
    if ballots:
        reject_rows(schema.budget_ballots, ballots)
        tx.conn.execute(schema.budget_ballots.insert(), list(ballots))


def cast_vote(
    tx: Transaction,
    budget_id: str,
    voter: str,
    vote: Sequence[str],
    points: Sequence[Number] | None = None,
    *,
    target_group: TargetGroup,
    on: date,
    facts: Mapping[str, Any] | None = None,
) -> None:
    """A participant's ballot: they must be in the store, eligible by the target group's rules
    (age on ``on``, the municipality, studying and school stored with them, and any further
    ``facts``), and not have voted yet."""
    budget = get_budget(tx, budget_id)
    opens, closes = voting_period(budget)
    if (opens is not None and on < opens) or (closes is not None and on > closes):
        period = f"{opens.isoformat() if opens else '…'} – {closes.isoformat() if closes else '…'}"
        raise BudgetError(
            f"voting in budget {budget_id!r} is open {period}; on {on.isoformat()} it is "
            + ("not open yet" if opens is not None and on < opens else "closed")
            + " (paper ballots are imported with yk budget ballots import)"
        )
    participant = tx.participants.find(voter)
    if participant is None:
        raise BudgetError(
            f"voter {voter!r} is not a participant; add them first (yk participant add)"
        )
    stored = {
        "age": participant.age_on(on),
        "municipality": participant.municipality,
        "studying": participant.studying,
        "school": participant.school,
    }
    known = {**{k: v for k, v in stored.items() if v is not None}, **(facts or {})}
    eligible, reasons = target_group.check(known)
    if eligible is not True:
        raise BudgetError(
            f"voter {voter!r} may not vote in budget {budget_id!r}: {'; '.join(reasons)}"
            + ("" if eligible is False else " (give the missing facts)")
        )
    t = schema.budget_voters
    voted = tx.conn.execute(
        sa.select(t.c.voter).where(t.c.budget == budget_id, t.c.voter == voter)
    ).first()
    if voted is not None:
        raise BudgetError(f"voter {voter!r} has voted in budget {budget_id!r} already")
    check = checker(tx, budget, f"budget {budget_id}")
    vote = tuple(vote)
    cardinal = budget.vote_type in ("cumulative", "scoring")
    given = tuple(points) if points is not None else None
    if cardinal and given is None:
        raise BudgetError(
            f"budget {budget_id!r} is {budget.vote_type}: give points for each project"
        )
    try:
        check(0, voter, vote, given if cardinal else None, {})
    except PabulibError as exc:
        raise BudgetError(f"ballot of {voter!r} in budget {budget_id!r}: {exc.reason}") from None
    tx.require_write()
    now = datetime.now(UTC)
    reject_rows(t, [{"budget": budget_id, "voter": voter}])
    tx.conn.execute(t.insert().values(budget=budget_id, voter=voter, at=now))
    insert_ballots(
        tx,
        budget_id,
        [ballot_row(secrets.token_hex(8), "vote", vote, points if cardinal else None, {})],
    )
    tx.audit.record("vote", "budget", budget_id, after={"voter": voter})


def ballot_row(key, source, vote, points, fields) -> dict[str, Any]:
    return {
        "key": key,
        "source": source,
        "vote": list(vote),
        "points": [format_number(x) for x in points] if points is not None else None,
        "fields": dict(fields),
    }


def import_paper_ballots(tx: Transaction, budget_id: str, path: str | Path) -> int:
    """Paper ballots typed into a CSV (``;`` separated): ``ballot;projects[;points]``, one paper
    ballot a row, projects as comma-separated ids. Errors name the file and line."""
    budget = get_budget(tx, budget_id)
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PabulibError(source, None, "no such file") from None
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    if not rows or "ballot" not in rows[0] or "projects" not in rows[0]:
        raise PabulibError(source, 1, "the header must name the columns ballot;projects[;points]")
    header = [h.strip() for h in rows[0]]
    at_ballot, at_projects = header.index("ballot"), header.index("projects")
    at_points = header.index("points") if "points" in header else None
    cardinal = budget.vote_type in ("cumulative", "scoring")
    if cardinal and at_points is None:
        raise PabulibError(
            source, 1, f"budget {budget_id!r} is {budget.vote_type}: add a points column"
        )
    check = checker(tx, budget, source)
    t = schema.budget_ballots
    taken = set(tx.conn.execute(sa.select(t.c.key).where(t.c.budget == budget_id)).scalars())
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise PabulibError(source, line, f"{len(row)} fields, the header has {len(header)}")
        key = f"paper-{row[at_ballot].strip()}"
        if key in taken:
            raise PabulibError(
                source, line, f"paper ballot {row[at_ballot].strip()!r} is in already"
            )
        taken.add(key)
        raw = row[at_projects].strip()
        vote = tuple(v.strip() for v in raw.split(",")) if raw else ()
        points = None
        if cardinal and at_points is not None:
            raw_points = row[at_points].strip()
            points = (
                tuple(
                    pabulib_checks.number(source, line, "points", x) for x in raw_points.split(",")
                )
                if raw_points
                else ()
            )
        check(line, key, vote, points, {})
        out.append(ballot_row(key, "paper", vote, points, {}))
    tx.require_write()
    insert_ballots(tx, budget_id, out)
    tx.audit.record(
        "import", "budget", budget_id, after={"paper_ballots": len(out), "file": path.name}
    )
    return len(out)
