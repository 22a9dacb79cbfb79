"""``yk status``: the programme on one screen, from aggregates and LIMITed queries only."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..network import next_meetings

if TYPE_CHECKING:
    from ..folder import ProgrammeFolder
    from ..store import Transaction

OVERDUE_SHOWN = 5
FEEDBACK_SHOWN = 3
FEEDBACK_NOTES = (("barriers", "barrier"), ("challenges", "challenge"), ("successes", "success"))


def status_lines(opened: ProgrammeFolder, tx: Transaction, today: date, lang: str) -> list[str]:
    from ..checklist import progress_by_phase
    from ..loop.queries import Cutoffs, latest_feedback, open_loops, open_overdue

    programme, limits = opened.programme, opened.programme.loop_limits
    lines = [f"{programme.name} — {programme.organisation} — {today.isoformat()}", "", "Phases"]
    for phase in progress_by_phase(opened.template, tx.checklist.done(), lang):
        todo = [item for item, _, mark in phase.items if mark is None]
        rest = f"; next: {', '.join(todo[:3])}" if todo else ""
        lines.append(f"  [{phase.done}/{phase.total}] {phase.title}{rest}")
    open_n, overdue_n = open_overdue(tx.conn, limits, today)
    lines += ["", f"Feedback loop: {open_n} open, {overdue_n} overdue"]
    for o in open_loops(tx.conn, Cutoffs(limits, today), limits, OVERDUE_SHOWN):
        if o.overdue:
            lines.append(f"  OVERDUE {o.kind} {o.id} ({o.state} since {o.since}): {o.reason}")
    meetings = next_meetings(programme.network, today)
    lines += ["", "Next network meetings"]
    name = programme.network.name if programme.network else ""
    lines += [f"  {d.isoformat()} {name}" for d in meetings] or ["  none scheduled"]
    lines += ["", "Latest collaboration feedback"]
    rows = latest_feedback(tx.conn, FEEDBACK_SHOWN)
    for row in rows:
        lines.append(f"  {row['given']} {row['actor']} rated {row['rating']}/5")
        # Every note is kept: a challenge is what the network most needs to read.
        for kind, word in FEEDBACK_NOTES:
            lines += [f"    {word}: {note['text']}" for note in row[kind] or []]
    if not rows:
        lines.append("  none yet")
    return lines
