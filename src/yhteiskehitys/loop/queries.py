"""The feedback loop's figures as SQL aggregates the database computes.

Each figure is one aggregate over an index (schema step 2): counts and overdue flags per state
walk ``(state, state_since)``; figures per theme and per actor walk ``(theme|actor, state,
state_since)``; medians per stage seek ``(subject_kind, from_state, stay_days)`` with LIMIT and
OFFSET; the open-loop list is a few LIMITed index seeks merged. Python only assembles the rows
into :class:`~yhteiskehitys.loop.stats.LoopSummary`, whose docstring defines every figure; the
tests hold these queries to ``yhteiskehitys.loop.stats.summarise``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, SupportsFloat

import sqlalchemy as sa

from ..model.loop_states import CLOSED, DELIVERED, DELIVERED_OR_LATER, KINDS, RESPONDED, STATES
from ..store import schema
from .limits import STAY_LIMITS, due_for, overdue_reason
from .stats import (
    GroupFigures,
    LoopSummary,
    OpenLoop,
    StageTime,
    empty_counts,
    open_loop_order,
)

if TYPE_CHECKING:
    from ..model import LoopLimits

TABLES = {"commission": schema.commissions, "idea": schema.ideas}
R = schema.responses
LT = schema.loop_transitions


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


class Cutoffs:
    """A subject is overdue when its state began before the cut-off of that state (one per
    state with a time limit, ``loop.limits.STAY_LIMITS``)."""

    def __init__(self, limits: LoopLimits, today: date) -> None:
        self.today = today
        self.by_state = {
            state: midnight(today - timedelta(days=getattr(limits, field)))
            for state, (field, _, _) in STAY_LIMITS.items()
        }


def _state_overdue(t: sa.Table, cut: Cutoffs) -> sa.ColumnElement[bool]:
    return sa.or_(
        *(
            sa.and_(t.c.state == state, t.c.state_since < cutoff)
            for state, cutoff in cut.by_state.items()
        )
    )


def _pending_overdue(t: sa.Table, cut: Cutoffs) -> sa.ColumnElement[bool]:
    """The latest response is pending and its follow-up has passed, and the subject is not
    already overdue by its state (so no subject is counted twice)."""
    return sa.and_(t.c.follow_up < cut.today, sa.not_(_state_overdue(t, cut)))


def _closed(t: sa.Table) -> sa.ColumnElement[bool]:
    """Told back a final answer (``model.loop_states.is_closed``): a subject's ``follow_up`` is
    set exactly while its latest response is pending."""
    return sa.and_(t.c.state == CLOSED, t.c.follow_up.is_(None))


def _interim(t: sa.Table) -> sa.ColumnElement[bool]:
    """Told back a pending answer: ``reported_back`` yet open. Written so that the planner
    walks the short ``follow_up`` range of its index (which holds ``state`` too) rather than
    every ``reported_back`` subject: ``state || ''`` cannot use the state index."""
    return sa.and_(t.c.follow_up.is_not(None), (t.c.state + "") == CLOSED)


def _flag(cond: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    return sa.func.sum(sa.case((cond, 1), else_=0))


def state_counts(conn: sa.Connection, cut: Cutoffs) -> tuple[dict, int, int]:
    """Subjects per state of each kind, how many are overdue, and how many were told back a
    pending (interim) answer."""
    counts, overdue, interim = empty_counts(), 0, 0
    for kind, t in TABLES.items():
        query = sa.select(t.c.state, sa.func.count(), _flag(_state_overdue(t, cut))).group_by(
            t.c.state
        )
        rows: Iterable[tuple[str, int, int | None]] = conn.execute(query)
        for state, n, late in rows:
            counts[kind][state] = int(n)
            overdue += int(late or 0)
        pending = sa.select(sa.func.count()).where(_pending_overdue(t, cut))
        overdue += conn.execute(pending).scalar_one()
        interim += conn.execute(sa.select(sa.func.count()).where(_interim(t))).scalar_one()
    return counts, overdue, interim


def group_figures(conn: sa.Connection, cut: Cutoffs, column: str) -> tuple[GroupFigures, ...]:
    """Totals, delivered, told back, open and overdue per theme or per actor, both kinds."""
    parts = []
    for t in TABLES.values():
        key = t.c[column]
        parts.append(
            sa.select(
                key.label("key"),
                sa.func.count().label("total"),
                _flag(t.c.state.in_(DELIVERED_OR_LATER)).label("delivered"),
                _flag(t.c.state == CLOSED).label("closed"),
                _flag(_state_overdue(t, cut)).label("overdue"),
            ).group_by(key)
        )
        # Grouped by an expression, so the planner drives this part from the follow-up index
        # (a short range) instead of walking the whole theme or actor index for its order.
        pending_key = sa.func.coalesce(key, None)
        parts.append(
            sa.select(
                pending_key.label("key"),
                sa.literal(0).label("total"),
                sa.literal(0).label("delivered"),
                sa.literal(0).label("closed"),
                sa.func.count().label("overdue"),
            )
            .where(_pending_overdue(t, cut))
            .group_by(pending_key)
        )
        # Told back a pending answer: not closed (counted as closed above, taken back here).
        parts.append(
            sa.select(
                pending_key.label("key"),
                sa.literal(0).label("total"),
                sa.literal(0).label("delivered"),
                (-sa.func.count()).label("closed"),
                sa.literal(0).label("overdue"),
            )
            .where(_interim(t))
            .group_by(pending_key)
        )
    u = sa.union_all(*parts).subquery()
    query = sa.select(
        u.c.key,
        sa.func.sum(u.c.total),
        sa.func.sum(u.c.delivered),
        sa.func.sum(u.c.closed),
        sa.func.sum(u.c.overdue),
    ).group_by(u.c.key)
    figures: Iterable[tuple[str | None, int, int, int, int]] = conn.execute(query)
    rows = [
        GroupFigures(
            key=k,
            total=int(n),
            delivered=int(d),
            closed=int(c),
            open=int(n) - int(c),
            overdue=int(o),
        )
        for k, n, d, c, o in figures
    ]
    return tuple(sorted(rows, key=lambda g: (g.key is None, g.key or "")))


def stage_times(conn: sa.Connection) -> tuple[StageTime, ...]:
    """Median of ``stay_days`` per kind and stage: counts in one aggregate, then one
    LIMIT/OFFSET seek per stage into the (subject_kind, from_state, stay_days) index."""
    per_stage: Iterable[tuple[str, str, int]] = conn.execute(
        sa.select(LT.c.subject_kind, LT.c.from_state, sa.func.count(LT.c.stay_days))
        .where(LT.c.stay_days.is_not(None))
        .group_by(LT.c.subject_kind, LT.c.from_state)
    )
    counts = dict(((k, s), int(n)) for k, s, n in per_stage)
    out = []
    for kind in KINDS:
        for stage in STATES[kind]:
            if stage == CLOSED:
                continue
            n = counts.get((kind, stage), 0)
            median = None
            if n:
                values: Sequence[float] = (
                    conn.execute(
                        sa.select(LT.c.stay_days)
                        .where(LT.c.subject_kind == kind, LT.c.from_state == stage)
                        .where(LT.c.stay_days.is_not(None))
                        .order_by(LT.c.stay_days)
                        .limit(2 - n % 2)
                        .offset((n - 1) // 2)
                    )
                    .scalars()
                    .all()
                )
                median = sum(values) / len(values)
            out.append(StageTime(kind=kind, stage=stage, n=n, median_days=median))
    return tuple(out)


def open_loops(
    conn: sa.Connection, cut: Cutoffs, limits: LoopLimits, limit: int
) -> tuple[OpenLoop, ...]:
    """The ``limit`` open loops that come first (overdue, then oldest), from LIMITed seeks."""
    candidates: dict[tuple[str, str], sa.RowMapping] = {}
    for kind, t in TABLES.items():
        pending = (
            sa.select(t).where(_pending_overdue(t, cut)).order_by(t.c.state_since).limit(limit)
        )
        n_pending = 0
        for row in conn.execute(pending).mappings():
            candidates[(kind, row["id"])] = row
            n_pending += 1
        for state in STATES[kind]:
            base = sa.select(t).where(t.c.state == state).order_by(t.c.state_since)
            if state == CLOSED:  # only the interim ones are open
                base = base.where(t.c.follow_up.is_not(None))
            cutoff = cut.by_state.get(state)
            queries = [base.limit(limit + n_pending)]
            if cutoff is not None:  # the overdue ones, then the rest of that state
                queries = [
                    base.where(t.c.state_since < cutoff).limit(limit),
                    base.where(t.c.state_since >= cutoff).limit(limit + n_pending),
                ]
            for query in queries:
                for row in conn.execute(query).mappings():
                    candidates[(kind, row["id"])] = row
    loops = []
    for (kind, sid), row in candidates.items():
        since = row["state_since"].date()
        reason = overdue_reason(row["state"], since, limits, cut.today, row["follow_up"])
        due = due_for(row["state"], since, limits, row["follow_up"])
        loops.append(
            OpenLoop(
                kind=kind,
                id=sid,
                title=row["title"],
                state=row["state"],
                since=since,
                age_days=(cut.today - since).days,
                due=due.by if due else None,
                overdue=reason is not None,
                reason=reason or "",
                actor=row["actor"],
                theme=row["theme"],
            )
        )
    loops.sort(key=open_loop_order)
    return tuple(loops[:limit])


def loop_summary(
    conn: sa.Connection, limits: LoopLimits, today: date, *, open_limit: int = 20
) -> LoopSummary:
    """Every figure of ``yk loop`` for the store behind ``conn``."""
    cut = Cutoffs(limits, today)
    counts, overdue, interim = state_counts(conn, cut)
    delivered = sum(counts[k][s] for k in KINDS for s in DELIVERED_OR_LATER)
    closed = sum(counts[k][CLOSED] for k in KINDS) - interim
    return LoopSummary(
        today=today,
        respond_days=limits.respond_days,
        report_back_days=limits.report_back_days,
        counts=counts,
        delivered=delivered,
        closed=closed,
        interim=interim,
        overdue=overdue,
        stages=stage_times(conn),
        by_theme=group_figures(conn, cut, "theme"),
        by_actor=group_figures(conn, cut, "actor"),
        open_loops=open_loops(conn, cut, limits, open_limit),
    )


def interim_ids(conn: sa.Connection) -> set[str]:
    """Subjects whose group was told a pending answer: ``reported_back`` but open."""
    out: set[str] = set()
    for t in TABLES.values():
        out.update(conn.execute(sa.select(t.c.id).where(_interim(t))).scalars())
    return out


def theme_links(conn: sa.Connection) -> dict[str, tuple[int, int]]:
    """Commissions and ideas per theme id."""
    out: dict[str, list[int]] = {}
    for i, t in enumerate(TABLES.values()):
        rows: Iterable[tuple[str, int]] = conn.execute(
            sa.select(t.c.theme, sa.func.count()).where(t.c.theme.is_not(None)).group_by(t.c.theme)
        )
        for theme, n in rows:
            out.setdefault(theme, [0, 0])[i] = int(n)
    return {k: (v[0], v[1]) for k, v in out.items()}


def list_subjects(
    conn: sa.Connection, kind: str, state: str | None, limit: int
) -> list[sa.RowMapping]:
    """Subjects of ``kind`` (in ``state``), the longest-waiting first, at most ``limit``."""
    t = TABLES[kind]
    query = sa.select(
        t.c.id, t.c.title, t.c.state, t.c.state_since, t.c.actor, t.c.theme, t.c.follow_up
    )
    if state is not None:
        query = query.where(t.c.state == state)
    return list(conn.execute(query.order_by(t.c.state_since, t.c.id).limit(limit)).mappings())


def latest_feedback(conn: sa.Connection, limit: int) -> list[sa.RowMapping]:
    f = schema.collaboration_feedback
    query = sa.select(
        f.c.id, f.c.actor, f.c.given, f.c.rating, f.c.barriers, f.c.challenges, f.c.successes
    )
    return list(conn.execute(query.order_by(f.c.given.desc(), f.c.id).limit(limit)).mappings())


def partner_records(conn: sa.Connection, theme: str, limits: LoopLimits) -> list:
    """What ``yhteiskehitys.partners.suggest`` weighs, per actor, from aggregates."""
    from ..partners import ActorRecord

    a, c, f = schema.actors, schema.commissions, schema.collaboration_feedback
    past: dict[str, list[str]] = {}
    earlier: Iterable[tuple[str, str]] = conn.execute(
        sa.select(c.c.actor, c.c.id).where(c.c.theme == theme).order_by(c.c.created.desc(), c.c.id)
    )
    for actor, cid in earlier:
        past.setdefault(actor, []).append(cid)
    # answered in time: the response to each commission on the theme after its delivery, by the
    # loop's own overdue rule (days counted by date, as everywhere else)
    answered: dict[str, list[int]] = {}
    d = LT.alias("d")
    query = (
        sa.select(c.c.actor, d.c.at, LT.c.at)
        .join(LT, sa.and_(LT.c.subject_id == c.c.id, LT.c.subject_kind == "commission"))
        .outerjoin(
            d,
            sa.and_(
                d.c.subject_id == c.c.id,
                d.c.subject_kind == "commission",
                d.c.to_state == DELIVERED,
            ),
        )
        .where(c.c.theme == theme, LT.c.from_state == DELIVERED, LT.c.to_state == RESPONDED)
    )
    handled: Iterable[tuple[str, datetime | None, datetime]] = conn.execute(query)
    for actor, delivered, responded in handled:
        n = answered.setdefault(actor, [0, 0])
        n[0] += 1
        n[1] += delivered is not None and (
            overdue_reason(DELIVERED, delivered.date(), limits, responded.date()) is None
        )
    query = sa.select(f.c.actor, sa.func.avg(f.c.rating)).group_by(f.c.actor)
    means: Iterable[tuple[str, SupportsFloat | None]] = conn.execute(query)  # Decimal on PostgreSQL
    ratings = {actor: avg for actor, avg in means}
    out = []
    for row in conn.execute(sa.select(a.c.id, a.c.name, a.c.organisation, a.c.themes)).mappings():
        declared = theme in (row["themes"] or [])
        if not declared and row["id"] not in past:
            continue
        n = answered.get(row["id"], [0, 0])
        rating = ratings.get(row["id"])
        out.append(
            ActorRecord(
                id=row["id"],
                name=row["name"],
                organisation=row["organisation"],
                declared=declared,
                commissions=tuple(past.get(row["id"], ())),
                answered=n[0],
                answered_in_time=n[1],
                mean_rating=float(rating) if rating is not None else None,
            )
        )
    return out


def open_overdue(conn: sa.Connection, limits: LoopLimits, today: date) -> tuple[int, int]:
    """Open and overdue subjects: counted by index ranges only, for ``yk status``."""
    cut = Cutoffs(limits, today)
    open_n = overdue = 0
    for t in TABLES.values():
        open_n += conn.execute(sa.select(sa.func.count()).where(sa.not_(_closed(t)))).scalar_one()
        overdue += conn.execute(
            sa.select(sa.func.count()).where(_state_overdue(t, cut))
        ).scalar_one()
        overdue += conn.execute(
            sa.select(sa.func.count()).where(_pending_overdue(t, cut))
        ).scalar_one()
    return open_n, overdue
