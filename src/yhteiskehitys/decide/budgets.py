"""A programme's budgets in its store: create them, put projects on the ballot, read them back.

Every function takes an open :class:`~yhteiskehitys.store.core.Transaction`; each write is in
that one transaction with its audit entries, so a failure writes nothing. Ballots are in
:mod:`.ballots`, ``.pb`` files in and out of the store in :mod:`.exchange`, counting in
:mod:`.count`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..store import schema
from ..store.bulk import reject_rows
from .election import Ballot, Election, Project, format_number, make_election, parse_number
from .errors import BudgetError
from .records import Budget, BudgetProject

if TYPE_CHECKING:
    from ..store.core import Transaction


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


# --- the voting period ----------------------------------------------------------------------

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y")
"""How META's ``date_begin`` and ``date_end`` are written in pabulib files."""


def meta_day(text: str | None, *, end: bool) -> date | None:
    """A META date as a day (a bare year is its first or, for an end, its last day); None when
    it is missing or cannot be read, so an unreadable date never hides or blocks a budget."""
    text = (text or "").strip()
    for form in DATE_FORMATS:
        try:
            day = datetime.strptime(text, form).date()
        except ValueError:
            continue
        return date(day.year, 12, 31) if form == "%Y" and end else day
    return None


def voting_period(budget: Budget) -> tuple[date | None, date | None]:
    """The first and last day of voting (whole days), from META; either may be open."""
    meta = budget.meta
    return meta_day(meta.get("date_begin"), end=False), meta_day(meta.get("date_end"), end=True)


def period_meta(opens: date | None, closes: date | None) -> dict[str, str]:
    """META for a voting period given to ``new``; refuses one that ends before it starts."""
    from ..errors import FieldError

    if opens is not None and closes is not None and closes < opens:
        raise FieldError(
            "closes", f"voting closes {closes.isoformat()}, before it opens "
            f"{opens.isoformat()}; give a last day on or after the first",
        )  # fmt: skip
    meta = {}
    if opens is not None:
        meta["date_begin"] = opens.isoformat()
    if closes is not None:
        meta["date_end"] = closes.isoformat()
    return meta


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
    query = sa.select(schema.budgets.c.id).order_by(schema.budgets.c.id)
    ids: list[str] = list(tx.conn.execute(query).scalars())
    return [get_budget(tx, i) for i in ids]


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
    reject_rows(schema.budgets, [row])
    tx.conn.execute(schema.budgets.insert().values(**row))
    audit_row = {k: v for k, v in row.items() if k != "created"}
    tx.audit.record("create", "budget", budget.id, after=audit_row)


def _has_ballots(tx: Transaction, budget_id: str) -> bool:
    t = schema.budget_ballots
    return (
        tx.conn.execute(sa.select(t.c.key).where(t.c.budget == budget_id).limit(1)).first()
        is not None
    )


def next_position(tx: Transaction, table: sa.Table) -> int:
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
    position = next_position(tx, schema.budget_projects)
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
        reject_rows(schema.budget_projects, rows)
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
