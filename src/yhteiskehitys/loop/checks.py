"""The loop's checks over a programme's records, run by ``yk validate``.

Each yields :class:`~yhteiskehitys.checks.Problem` objects naming the record; the queries are
LIMITed, so a national-scale store reports its first problems and a count, quickly.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa

from ..checks import Check, CheckContext, Problem
from ..store import schema

SHOWN = 20
R, RB, LT, F = schema.responses, schema.report_backs, schema.loop_transitions, schema.findings


def _rows(ctx: CheckContext, query: sa.Select) -> list[sa.Row]:
    store = ctx.store
    if store is None:
        return []
    with store.read() as tx:
        return list(tx.conn.execute(query.limit(SHOWN + 1)))


def _reached(kind_col: sa.ColumnElement, id_col: sa.ColumnElement, state: str) -> sa.Exists:
    return sa.exists().where(
        LT.c.subject_kind == kind_col, LT.c.subject_id == id_col, LT.c.to_state == state
    )


def loop_integrity(ctx: CheckContext) -> Iterator[Problem]:
    """No report-back without a response; no response without delivery."""
    no_response = sa.select(RB.c.subject_kind, RB.c.subject).where(
        ~sa.exists().where(R.c.subject_kind == RB.c.subject_kind, R.c.subject == RB.c.subject)
    )
    for kind, sid in _rows(ctx, no_response.distinct()):
        yield Problem(
            check="loop_integrity",
            record=f"{kind} {sid}",
            message="the group was told back, but no response is recorded",
        )
    undelivered = sa.select(R.c.subject_kind, R.c.subject).where(
        ~_reached(R.c.subject_kind, R.c.subject, "delivered")
    )
    for kind, sid in _rows(ctx, undelivered.distinct()):
        yield Problem(
            check="loop_integrity",
            record=f"{kind} {sid}",
            message="a response is recorded, but the views were never delivered",
        )


def overdue_steps(ctx: CheckContext) -> Iterator[Problem]:
    from ..loop.queries import Cutoffs, open_loops, open_overdue

    store = ctx.store
    if store is None:
        return
    limits, today = ctx.programme.loop_limits, ctx.today
    with store.read() as tx:
        _, total = open_overdue(tx.conn, limits, today)
        shown = [o for o in open_loops(tx.conn, Cutoffs(limits, today), limits, SHOWN) if o.overdue]
    for o in shown:
        yield Problem(
            check="overdue_steps", severity="warning", record=f"{o.kind} {o.id}", message=o.reason
        )
    if total > len(shown):
        yield Problem(
            check="overdue_steps",
            severity="warning",
            message=f"{total - len(shown)} more overdue steps; see `yk loop`",
        )


def findings_without_session(ctx: CheckContext) -> Iterator[Problem]:
    for (fid,) in _rows(ctx, sa.select(F.c.id).where(F.c.session.is_(None)).order_by(F.c.id)):
        yield Problem(
            check="finding_session",
            severity="warning",
            record=f"finding {fid}",
            message="no session is named; say in which session the group formed it",
        )


def attendance_consent(ctx: CheckContext) -> Iterator[Problem]:
    """Everyone attending has the consent the programme's policy requires on that day."""
    from ..consent import missing_consent

    store = ctx.store
    if store is None:
        return
    policy = ctx.programme.consent_policy
    with store.read() as tx:
        people = {p.id: p for p in tx.participants.list()}
        for session in tx.sessions.list():
            for pid in session.attendees:
                person = people.get(pid)
                if person is None:
                    continue  # an erased participant's anonymous token
                missing = missing_consent(person, session.date, policy)
                if missing:
                    yield Problem(
                        check="attendance_consent", record=f"session {session.id}", message=missing
                    )


def themes_unused(ctx: CheckContext) -> Iterator[Problem]:
    t, c, i = schema.themes, schema.commissions, schema.ideas
    query = (
        sa.select(t.c.id)
        .where(~sa.exists().where(c.c.theme == t.c.id), ~sa.exists().where(i.c.theme == t.c.id))
        .order_by(t.c.id)
    )
    for (tid,) in _rows(ctx, query):
        yield Problem(
            check="theme_linked",
            severity="warning",
            record=f"theme {tid}",
            message="no commission or idea is linked to it",
        )


CHECKS = (
    Check(
        name="loop_integrity",
        run=loop_integrity,
        description="No report-back without a response, no response without delivery.",
    ),
    Check(
        name="overdue_steps",
        run=overdue_steps,
        description="Responses and report-backs within the programme's time limits.",
    ),
    Check(
        name="finding_session",
        run=findings_without_session,
        description="Every finding names the session it came from.",
    ),
    Check(
        name="attendance_consent",
        run=attendance_consent,
        description="Attendees have the consent the consent policy requires.",
    ),
    Check(
        name="theme_linked",
        run=themes_unused,
        description="Every theme has a commission or an idea.",
    ),
)
