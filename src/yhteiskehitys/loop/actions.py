"""The loop's operations on a store: each checks the transition table, then writes.

Every function takes an open unit of work (``store.transaction()``); a refused operation raises
before anything is written, and the caller's unit of work makes the whole command one
transaction. A transition leaves a row in ``loop_transitions`` (time, operator) and one audit
entry; ``stay_days`` on that row is the time the subject spent in the state it left.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from ..errors import YhteiskehitysError
from ..model.loop_states import INITIAL, KINDS, check_transition, is_closed
from .limits import pending_follow_up

if TYPE_CHECKING:
    from ..model import Commission, Idea, ReportBack, Response
    from ..store import Transaction, Transition


def now() -> datetime:
    return datetime.now(UTC)


def repo(tx: Transaction, kind: str) -> Any:
    if kind not in KINDS:
        raise YhteiskehitysError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    return tx.commissions if kind == "commission" else tx.ideas


def add_commission(tx: Transaction, commission: Commission, *, at: datetime | None = None) -> None:
    """A new commission, in ``draft`` since ``at`` (default now)."""
    tx.commissions.add(commission, state=INITIAL["commission"], at=at or now())


def add_idea(tx: Transaction, idea: Idea, *, at: datetime | None = None) -> None:
    """A new idea, ``submitted`` since ``at`` (default now)."""
    tx.ideas.add(idea, state=INITIAL["idea"], at=at or now())


def latest_is_pending(tx: Transaction, subject: str) -> bool:
    return pending_follow_up(tx.responses.latest(subject)) is not None


def advance(
    tx: Transaction,
    kind: str,
    subject: str,
    target: str,
    *,
    at: datetime | None = None,
    note: str = "",
) -> Transition:
    """Move ``subject`` to ``target`` if the table allows it; refuse with the allowed moves.

    The store checks the move against the transition table (a pending latest response allows
    ``responded`` again), its time against the state's start, and records the stay.
    """
    repo(tx, kind)
    return tx.loop.transition(kind, subject, target, at=at or now(), note=note)


def route(
    tx: Transaction, idea_id: str, actor: str, *, at: datetime | None = None, note: str = ""
) -> Transition:
    """Route an idea to the actor who can answer it (``submitted → routed``)."""
    idea = tx.ideas.get(idea_id)
    state, _ = tx.ideas.state_of(idea_id)
    check_transition("idea", idea_id, state, "routed")
    if idea.actor != actor:
        tx.ideas.update(attrs.evolve(idea, actor=actor))
    return advance(tx, "idea", idea_id, "routed", at=at, note=note)


def document(
    tx: Transaction, kind: str, subject: str, *, at: datetime | None = None, note: str = ""
) -> Transition:
    """Mark the group's views documented; refused while no finding names the subject."""
    state, _ = repo(tx, kind).state_of(subject)
    check_transition(kind, subject, state, "documented")
    if not tx.findings.about(subject):
        raise YhteiskehitysError(
            f"{kind} {subject!r} has no findings yet; record the group's view first "
            f"(yk finding add --subject {subject} ...). Nothing was written."
        )
    return advance(tx, kind, subject, "documented", at=at, note=note)


def respond(
    tx: Transaction, kind: str, response: Response, *, at: datetime | None = None
) -> Transition:
    """Record the actor's response and move the subject to ``responded``."""
    state, _ = repo(tx, kind).state_of(response.subject)
    check_transition(
        kind, response.subject, state, "responded", pending=latest_is_pending(tx, response.subject)
    )
    done = advance(
        tx,
        kind,
        response.subject,
        "responded",
        at=at,
        note=f"{response.outcome} ({response.decided_by})",
    )
    tx.responses.add(response)  # the store keeps the subject's pending follow-up date
    return done


@frozen(kw_only=True)
class ToldBack:
    """The result of a report-back: the move made, and whether it closed the loop. Telling the
    group a pending answer is an interim message: ``closed`` is False and ``follow_up`` is the
    date by which the final answer is owed."""

    transition: Transition
    closed: bool
    follow_up: date | None = None

    @property
    def from_state(self) -> str | None:
        return self.transition.from_state

    @property
    def to_state(self) -> str:
        return self.transition.to_state

    @property
    def at(self) -> datetime:
        return self.transition.at


def report_back(tx: Transaction, kind: str, report: ReportBack) -> ToldBack:
    """Record that the group was told the answer (``reported_back``); it closes the loop only
    when that answer is final."""
    state, _ = repo(tx, kind).state_of(report.subject)
    check_transition(kind, report.subject, state, "reported_back")
    done = advance(
        tx, kind, report.subject, "reported_back", at=report.at, note=f"told via {report.channel}"
    )
    tx.report_backs.add(report)
    follow_up = pending_follow_up(tx.responses.latest(report.subject))
    closed = is_closed(done.to_state, pending=follow_up is not None)
    return ToldBack(transition=done, closed=closed, follow_up=follow_up)
