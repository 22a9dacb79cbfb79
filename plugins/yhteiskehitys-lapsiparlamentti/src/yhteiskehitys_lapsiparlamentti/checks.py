"""The parliament's own checks, run by ``yk validate`` through ``yk_checks``.

- ``schools_represented``: at every sitting and general assembly each school has a pupil and a
  teacher present (a warning naming the schools missing).
- ``ideas_answered``: an idea handled at a sitting gets an agreed action or an answer from the
  responsible body within the model's time limit (``loop_limits.respond_days``).
- ``children_consented``: a sitting has its attendance recorded, and each child under 15 there
  has a guardian's consent covering that day (a pupil of unknown age counts as a child).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from yhteiskehitys import Check, CheckContext, Problem

from .model import MODEL_NAME, PARLIAMENT_KINDS, SITTING_KINDS
from .schools import school_of, schools


def _ours(ctx: CheckContext) -> bool:
    """The checks judge programmes of the children's parliament only: a sitting of another
    model's body (a disability council's, say) follows that model's own rules."""
    return ctx.template.name == MODEL_NAME


def _sittings(tx, kinds):
    return [s for s in tx.sessions.list() if s.kind in kinds]


def schools_represented(ctx: CheckContext) -> Iterator[Problem]:
    """Each school has a pupil and a teacher at each sitting and general assembly."""
    if not _ours(ctx) or ctx.store is None:
        return
    with ctx.store.read() as tx:
        known = schools(tx)
        if not known:
            return
        people = {p.id: p for p in tx.participants.list()}
        actors = {a.id: a for a in tx.actors.list()}
        for session in _sittings(tx, SITTING_KINDS):
            pupils_from = {
                school.id
                for pid in session.attendees
                if pid in people and (school := school_of(known, people[pid].school))
            }
            teachers_from = {
                actors[aid].organisation
                for aid in (*session.facilitators, *session.attendees)
                if aid in actors and "teacher" in actors[aid].roles
            }
            missing = []
            for school in known:
                lacks = [
                    word
                    for word, present in (
                        ("a pupil", school.id in pupils_from),
                        ("a teacher", school.id in teachers_from),
                    )
                    if not present
                ]
                if lacks:
                    missing.append(f"{school.name} ({' and '.join(lacks)})")
            if missing:
                yield Problem(
                    check="schools_represented",
                    severity="warning",
                    record=f"session {session.id}",
                    message=f"not represented on {session.date.isoformat()}: " + "; ".join(missing),
                )


def ideas_answered(ctx: CheckContext) -> Iterator[Problem]:
    """An idea handled at a sitting has an action or answer within the time limit."""
    if not _ours(ctx) or ctx.store is None:
        return
    days = ctx.programme.loop_limits.respond_days
    with ctx.store.read() as tx:
        first_handled: dict[str, Any] = {}
        for session in sorted(_sittings(tx, PARLIAMENT_KINDS), key=lambda s: s.date):
            for idea in session.ideas:
                first_handled.setdefault(idea, session)
        for idea, session in sorted(first_handled.items()):
            deadline = session.date + timedelta(days=days)
            answers = [r for r in tx.responses.list(idea) if r.outcome != "pending"]
            in_time = [r for r in answers if r.decided <= deadline]
            if in_time:
                continue
            if answers:
                late = min(r.decided for r in answers)
                yield Problem(
                    check="ideas_answered",
                    severity="warning",
                    record=f"idea {idea}",
                    message=f"handled at {session.id} on {session.date.isoformat()} and answered "
                    f"on {late.isoformat()}, {(late - deadline).days} days after the "
                    f"{days}-day limit",
                )
            elif ctx.today > deadline:
                yield Problem(
                    check="ideas_answered",
                    record=f"idea {idea}",
                    message=f"handled at {session.id} on {session.date.isoformat()} with no "
                    f"agreed action or answer by {deadline.isoformat()} ({days} days); record "
                    f"the answer of the responsible body (yk idea respond)",
                )


def children_consented(ctx: CheckContext) -> Iterator[Problem]:
    """A sitting records who attended, and every child there has a guardian's consent."""
    if not _ours(ctx) or ctx.store is None:
        return
    policy = ctx.programme.consent_policy
    with ctx.store.read() as tx:
        people = {p.id: p for p in tx.participants.list()}
        for session in _sittings(tx, PARLIAMENT_KINDS):
            children = [people[pid] for pid in session.attendees if pid in people]
            if not session.attendees:
                yield Problem(
                    check="children_consented",
                    record=f"session {session.id}",
                    message="no attendance is recorded; record the children who took part "
                    "(yk session edit --attendee)",
                )
                continue
            for child in children:
                age = child.age_on(session.date)
                if age is not None and age >= policy.guardian_under:
                    continue
                lacking = [
                    scope
                    for scope in policy.required_scopes
                    if not child.consent_covers(session.date, scope, "guardian")
                ]
                if lacking:
                    aged = f"aged {age}" if age is not None else "of unknown age"
                    yield Problem(
                        check="children_consented",
                        record=f"session {session.id}",
                        message=f"participant {child.id} ({aged}) attended on "
                        f"{session.date.isoformat()} without a guardian's consent covering "
                        f"{', '.join(lacking)}",
                    )


CHECKS = (
    Check(
        name="schools_represented",
        description="Every school has a pupil and a teacher at each sitting.",
        run=schools_represented,
    ),
    Check(
        name="ideas_answered",
        description="An idea handled at a sitting gets an action or an answer in time.",
        run=ideas_answered,
    ),
    Check(
        name="children_consented",
        description="A sitting records attendance; each child there has a guardian's consent.",
        run=children_consented,
    ),
)
