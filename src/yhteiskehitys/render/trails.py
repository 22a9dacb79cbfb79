"""The whole trail of each commission and idea, and what each session handled.

Only joins records; every figure of the feedback loop (states, overdue steps, closure rate) comes
from :mod:`yhteiskehitys.loop`, never from here.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from attrs import frozen

from .snapshot import Records, by_id, grouped


@frozen(kw_only=True)
class Trail:
    kind: str  # "commission" or "idea"
    record: Any
    theme: Any
    actor: Any
    sessions: tuple[Any, ...]
    findings: tuple[Any, ...]
    responses: tuple[Any, ...]
    report_backs: tuple[Any, ...]
    child_impact: tuple[tuple[str, bool, str | None], ...] = ()
    """A commission's child impact checklist (step, done, answer), when one was recorded."""

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def started(self):
        return self.record.created if self.kind == "commission" else self.record.submitted

    @property
    def response(self) -> Any:
        """The latest response, which is the one in force."""
        return self.responses[-1] if self.responses else None


def trails(records: Records) -> list[Trail]:
    """Every commission and idea with its records, oldest first."""
    themes = by_id(records.themes)
    actors = by_id(records.actors)
    sessions = by_id(records.sessions)
    findings = grouped(records.findings, "subject")
    responses = grouped(records.responses, "subject")
    backs = grouped(records.report_backs, "subject")
    impacts = {i.commission: i for i in records.child_impacts}
    handled: dict[str, list[Any]] = defaultdict(list)
    for session in records.sessions:
        for subject in (*session.commissions, *session.ideas):
            handled[subject].append(session)
    out: list[Trail] = []
    items = [("commission", c) for c in records.commissions] + [("idea", i) for i in records.ideas]
    for kind, record in items:
        own = sorted(findings.get(record.id, []), key=lambda f: (f.recorded, f.id))
        seen = {s.id for s in handled.get(record.id, [])}
        via_findings = [
            sessions[f.session] for f in own if f.session in sessions and f.session not in seen
        ]
        trail_sessions = {s.id: s for s in [*handled.get(record.id, []), *via_findings]}
        out.append(
            Trail(
                kind=kind,
                record=record,
                theme=themes.get(record.theme) if record.theme else None,
                actor=actors.get(record.actor) if record.actor else None,
                sessions=tuple(sorted(trail_sessions.values(), key=lambda s: (s.date, s.id))),
                findings=tuple(own),
                responses=tuple(sorted(responses.get(record.id, []), key=lambda r: r.decided)),
                report_backs=tuple(sorted(backs.get(record.id, []), key=lambda b: b.at)),
                child_impact=_child_impact(impacts.get(record.id), bool(backs.get(record.id)))
                if kind == "commission"
                else (),
            )
        )
    out.sort(key=lambda t: (t.started, t.id))
    return out


def _child_impact(impact: Any, told: bool) -> tuple[tuple[str, bool, str | None], ...]:
    """The checklist of a recorded assessment; the loop's report-back is its last step."""
    from ..model.child_impact import steps

    if impact is None:
        return ()
    answers = impact.answers()
    return tuple((step, done, answers.get(step)) for step, done in steps(impact, told))


def next_meeting(records: Records, after) -> Any:
    """The first session or network meeting after ``after`` (a date), if any is known."""
    from bisect import bisect_right

    ordered = records.cache(
        "sessions_by_date", lambda: sorted(records.sessions, key=lambda s: (s.date, s.id))
    )
    days = records.cache("session_dates", lambda: [s.date for s in ordered])
    index = bisect_right(days, after)
    session = ordered[index] if index < len(ordered) else None
    network = records.programme.network
    meeting = None
    if network is not None and network.first_meeting is not None:
        start = max(after, network.first_meeting)
        dates = [d for d in network.meeting_dates(after=start, count=2) if d > after]
        meeting = dates[0] if dates else None
    if session is not None and (meeting is None or session.date <= meeting):
        return {"date": session.date, "session": session}
    if meeting is not None:
        return {"date": meeting, "session": None}
    return None
