"""One subject in full, for ``yk commission show`` / ``yk idea show``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..model.loop_states import is_closed, is_interim, next_steps
from .limits import due_for, overdue_reason, pending_follow_up

if TYPE_CHECKING:
    from ..model import LoopLimits
    from ..store import Transaction


def subject_lines(
    tx: Transaction, kind: str, subject: str, limits: LoopLimits, today: date | None = None
) -> list[str]:
    today = today or datetime.now(UTC).date()
    repo = tx.commissions if kind == "commission" else tx.ideas
    obj = repo.get(subject)
    state, since = repo.state_of(subject)
    latest = tx.responses.latest(subject)
    follow = pending_follow_up(latest)
    lines = [f"{kind} {obj.id}: {obj.title}"]
    if kind == "commission":
        lines.append(f"  question: {obj.question}")
    elif obj.text:
        lines.append(f"  text: {obj.text} (via {obj.channel})")
    lines.append(f"  actor: {obj.actor or '—'}   theme: {obj.theme or '—'}")
    steps = next_steps(kind, state, pending=follow is not None)
    nxt = ", ".join(steps) if steps else "none (the loop is closed)"
    lines.append(f"  state: {state} since {since:%Y-%m-%d}; next: {nxt}")
    if is_interim(state, pending=follow is not None):
        lines.append(
            "  open: the group was told a pending answer; the loop closes when they are told "
            "the final one"
        )
    due = due_for(state, since.date(), limits, follow)
    if due is not None:
        late = overdue_reason(state, since.date(), limits, today, follow)
        lines.append(
            f"  due: {due.step} by {due.by.isoformat()}" + (f"  OVERDUE: {late}" if late else "")
        )
    lines.append("  history:")
    for t in tx.loop.history(kind, subject):
        note = f"  ({t.note})" if t.note else ""
        lines.append(
            f"    {t.at:%Y-%m-%d %H:%M} {t.from_state} → {t.to_state} by {t.operator}{note}"
        )
    for f in tx.findings.about(subject):
        where = f" in session {f.session}" if f.session else ""
        files = "".join(f"; {a.name}: {a.path}" for a in f.artefacts)
        lines.append(f"  finding {f.id} ({f.recorded}{where}): {f.text}{files}")
    for r in tx.responses.list(subject):
        detail = r.change or r.reason or (f"follow-up {r.follow_up}" if r.follow_up else "")
        doc = r.decision_document or r.decision_text
        lines.append(f"  response {r.decided} {r.outcome} by {r.decided_by}: {detail} [{doc}]")
    for b in tx.report_backs.list(subject):
        lines.append(f"  told back {b.at:%Y-%m-%d} via {b.channel}: {b.text}")
    return lines


@frozen(kw_only=True)
class ListedSubject:
    """One row of ``yk commission list`` / ``yk idea list``: where the subject is, its next
    deadline on ``today`` and whether it is past, and whether its loop is closed."""

    kind: str
    id: str
    title: str
    state: str
    since: datetime
    actor: str | None
    theme: str | None
    due: date | None
    overdue: str | None
    closed: bool


def listed(
    kind: str, rows: Iterable[Any], limits: LoopLimits, today: date | None = None
) -> list[ListedSubject]:
    """Subjects as listed, each with its deadline and overdue reason by the loop's rules."""
    today = today or datetime.now(UTC).date()
    out = []
    for row in rows:
        state, since, follow = row["state"], row["state_since"], row["follow_up"]
        due = due_for(state, since.date(), limits, follow)
        out.append(
            ListedSubject(
                kind=kind,
                id=row["id"],
                title=row["title"],
                state=state,
                since=since,
                actor=row["actor"],
                theme=row["theme"],
                due=due.by if due else None,
                overdue=overdue_reason(state, since.date(), limits, today, follow),
                closed=is_closed(state, pending=follow is not None),
            )
        )
    return out
