"""A programme's budgets in its store: create, add projects, cast and import ballots, count.

Every function takes an open :class:`~yhteiskehitys.store.core.Transaction`; each write is in
that one transaction with its audit entries, so a failure writes nothing. Ballots are secret:
``budget_voters`` records who has voted (one ballot each), ``budget_ballots`` what was voted
under a random key, and the audit trail says that someone voted, never how.
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
from . import pabulib_checks
from .election import Ballot, Election, Number, Project, format_number, make_election, parse_number
from .errors import BudgetError, PabulibError
from .pabulib import read_pabulib, write_pabulib
from .records import Budget, BudgetProject
from .rules.outcome import Outcome
from .rules.registry import run_rule

if TYPE_CHECKING:
    from ..model import TargetGroup
    from ..store.core import Transaction

DERIVED_COLUMNS = ("votes", "score", "selected")
"""Project columns of a .pb file that are results, not inputs: recomputed on export."""


def make_budget(**values: Any) -> Budget:
    """A :class:`Budget`, with a bad field reported as a budgeting error naming the field."""
    try:
        return Budget(**values)
    except (ValueError, TypeError) as exc:
        raise BudgetError(f"budget {values.get('id')!r}: {exc}") from None


def make_project(**values: Any) -> BudgetProject:
    try:
        return BudgetProject(**values)
    except (ValueError, TypeError) as exc:
        raise BudgetError(f"project {values.get('id')!r}: {exc}") from None


# --- reading ------------------------------------------------------------------------------


def get_budget(tx: Transaction, budget_id: str) -> Budget:
    row = tx.conn.execute(sa.select(schema.budgets).where(schema.budgets.c.id == budget_id)).first()
    if row is None:
        known = list_budgets(tx)
        hint = f"; budgets: {', '.join(b.id for b in known)}" if known else "; create one first"
        raise BudgetError(f"no budget {budget_id!r}{hint}")
    r = row._mapping
    return Budget(
        id=r["id"],
        title=r["title"],
        amount=parse_number(r["amount"]),
        currency=r["currency"],
        vote_type=r["vote_type"],
        max_length=r["max_length"],
        rule=r["rule"],
        meta=dict(r["meta"] or {}),
    )


def list_budgets(tx: Transaction) -> list[Budget]:
    ids = tx.conn.execute(sa.select(schema.budgets.c.id).order_by(schema.budgets.c.id)).scalars()
    return [get_budget(tx, i) for i in list(ids)]


def projects(tx: Transaction, budget_id: str) -> list[BudgetProject]:
    t = schema.budget_projects
    rows = tx.conn.execute(
        sa.select(t).where(t.c.budget == budget_id).order_by(t.c.position)
    ).mappings()
    return [
        BudgetProject(
            id=r["id"],
            name=r["name"],
            cost=parse_number(r["cost"]),
            category=r["category"] or "",
            area=r["area"] or "",
            fields=dict(r["fields"] or {}),
        )
        for r in rows
    ]


def load_election(tx: Transaction, budget_id: str) -> Election:
    """The stored budget as an :class:`Election`, ready for any rule or a ``.pb`` export."""
    budget = get_budget(tx, budget_id)
    items = projects(tx, budget_id)
    extra = sorted({k for p in items for k in p.fields})
    has = {"category": any(p.category for p in items), "area": any(p.area for p in items)}
    election_projects = []
    for p in items:
        fields = {"name": p.name}
        if has["category"]:
            fields["category"] = p.category
        if has["area"]:
            fields["neighborhood"] = p.area
        fields.update({k: p.fields.get(k, "") for k in extra})
        election_projects.append(Project(id=p.id, cost=p.cost, fields=fields))
    t = schema.budget_ballots
    rows = tx.conn.execute(
        sa.select(t).where(t.c.budget == budget_id).order_by(t.c.position, t.c.key)
    ).mappings()
    cardinal = budget.vote_type in ("cumulative", "scoring")
    ballots = [
        Ballot(
            voter_id=r["key"],
            vote=tuple(r["vote"]),
            points=tuple(parse_number(str(x)) for x in r["points"]) if cardinal else None,
            fields=dict(r["fields"] or {}),
        )
        for r in rows
    ]
    meta = {k: v for k, v in budget.meta.items() if k not in ("num_projects", "num_votes")}
    meta.pop("budget", None)
    meta.pop("vote_type", None)
    meta.setdefault("description", budget.title)
    meta.setdefault("rule", budget.rule)
    meta.setdefault("currency", budget.currency)
    if budget.max_length is not None:
        meta["max_length"] = str(budget.max_length)
    return make_election(
        budget=budget.amount,
        projects=election_projects,
        ballots=ballots,
        vote_type=budget.vote_type,
        source=f"budget {budget_id}",
        **meta,
    )


# --- writing ------------------------------------------------------------------------------


def create_budget(tx: Transaction, budget: Budget) -> None:
    """Add a new budget; its id must be new."""
    exists = tx.conn.execute(sa.select(schema.budgets.c.id).where(schema.budgets.c.id == budget.id))
    if exists.first() is not None:
        raise BudgetError(f"budget {budget.id!r} exists already; choose another id")
    row = {
        "id": budget.id,
        "title": budget.title,
        "amount": format_number(budget.amount),
        "currency": budget.currency,
        "vote_type": budget.vote_type,
        "max_length": budget.max_length,
        "rule": budget.rule,
        "meta": dict(budget.meta),
        "created": datetime.now(UTC),
    }
    tx.require_write()
    tx.conn.execute(schema.budgets.insert().values(**row))
    audit_row = {k: v for k, v in row.items() if k != "created"}
    tx.audit.record("create", "budget", budget.id, after=audit_row)


def _has_ballots(tx: Transaction, budget_id: str) -> bool:
    t = schema.budget_ballots
    return (
        tx.conn.execute(sa.select(t.c.key).where(t.c.budget == budget_id).limit(1)).first()
        is not None
    )


def _next_position(tx: Transaction, table: sa.Table) -> int:
    return int(tx.conn.execute(sa.select(sa.func.max(table.c.position))).scalar() or 0) + 1


def add_projects(tx: Transaction, budget_id: str, items: Sequence[BudgetProject]) -> None:
    """Put projects on the ballot; not once voting has begun (that would change the vote)."""
    get_budget(tx, budget_id)
    if _has_ballots(tx, budget_id):
        raise BudgetError(
            f"budget {budget_id!r} has ballots already; projects cannot be added once voting "
            "has begun (create a new budget)"
        )
    known = {p.id for p in projects(tx, budget_id)}
    position = _next_position(tx, schema.budget_projects)
    rows = []
    for p in items:
        if p.id in known:
            raise BudgetError(f"budget {budget_id!r} has a project {p.id!r} already")
        known.add(p.id)
        rows.append(
            {
                "budget": budget_id,
                "id": p.id,
                "position": position,
                "name": p.name,
                "cost": format_number(p.cost),
                "category": p.category or None,
                "area": p.area or None,
                "fields": dict(p.fields),
            }
        )
        position += 1
    tx.require_write()
    if rows:
        tx.conn.execute(schema.budget_projects.insert(), rows)
    tx.audit.record_many(
        "create",
        "budget_project",
        [
            (
                f"{budget_id}/{r['id']}",
                None,
                {k: r[k] for k in ("name", "cost", "category", "area")},
            )
            for r in rows
        ],
    )


def _checker(tx: Transaction, budget: Budget, source: str) -> pabulib_checks.BallotCheck:
    meta = {"vote_type": budget.vote_type, **budget.meta}
    if budget.max_length is not None:
        meta["max_length"] = str(budget.max_length)
    return pabulib_checks.BallotCheck(source, meta, {p.id: p.cost for p in projects(tx, budget.id)})


def _insert_ballots(
    tx: Transaction, budget_id: str, ballots: Sequence[dict[str, Any]], *, secret: bool = False
) -> None:
    """Imported ballots keep their order; a ballot cast in person gets position 0 and is read
    back in the order of its random key, so its place does not tell when (or who) cast it."""
    position = _next_position(tx, schema.budget_ballots)
    for n, row in enumerate(ballots):
        row["budget"] = budget_id
        row["position"] = 0 if secret else position + n
    if ballots:
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
    (age on ``on``, plus any ``facts`` such as municipality), and not have voted yet."""
    budget = get_budget(tx, budget_id)
    participant = tx.participants.find(voter)
    if participant is None:
        raise BudgetError(
            f"voter {voter!r} is not a participant; add them first (yk participant add)"
        )
    known = {"age": participant.age_on(on), **(facts or {})}
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
    check = _checker(tx, budget, f"budget {budget_id}")
    vote = tuple(vote)
    cardinal = budget.vote_type in ("cumulative", "scoring")
    if cardinal and points is None:
        raise BudgetError(
            f"budget {budget_id!r} is {budget.vote_type}: give points for each project"
        )
    try:
        check(0, voter, vote, tuple(points) if cardinal else None, {})
    except PabulibError as exc:
        raise BudgetError(f"ballot of {voter!r} in budget {budget_id!r}: {exc.reason}") from None
    tx.require_write()
    now = datetime.now(UTC)
    tx.conn.execute(t.insert().values(budget=budget_id, voter=voter, at=now))
    _insert_ballots(
        tx,
        budget_id,
        [_ballot_row(secrets.token_hex(8), "vote", vote, points if cardinal else None, {})],
    )
    tx.audit.record("vote", "budget", budget_id, after={"voter": voter})


def _ballot_row(key, source, vote, points, fields) -> dict[str, Any]:
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
    check = _checker(tx, budget, source)
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
        if cardinal:
            raw_points = row[at_points].strip()
            points = (
                tuple(
                    pabulib_checks.number(source, line, "points", x) for x in raw_points.split(",")
                )
                if raw_points
                else ()
            )
        check(line, key, vote, points, {})
        out.append(_ballot_row(key, "paper", vote, points, {}))
    tx.require_write()
    _insert_ballots(tx, budget_id, out)
    tx.audit.record(
        "import", "budget", budget_id, after={"paper_ballots": len(out), "file": path.name}
    )
    return len(out)


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
    _insert_ballots(
        tx,
        budget.id,
        [_ballot_row(b.voter_id, "pb", b.vote, b.points, b.fields) for b in election.ballots],
    )
    tx.audit.record(
        "import",
        "budget",
        budget.id,
        after={"pb_ballots": len(election.ballots), "file": Path(path).name},
    )
    return budget


# --- counting and export -----------------------------------------------------------------------


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


def export_pb(tx: Transaction, budget_id: str) -> str:
    """The budget as a pabulib file, so anyone can check the count (pabutools, equalshares.net)."""
    return write_pabulib(load_election(tx, budget_id))


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
