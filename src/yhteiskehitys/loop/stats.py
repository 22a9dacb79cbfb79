"""The figures of the loop: open loops, closure rate, median days per stage, by theme and actor.

*Closed* is a subject whose participants were told a final answer (state ``reported_back``
and the latest response adopted, adapted or not adopted). A pending answer told back is
*interim*: the subject is ``reported_back`` yet open, its follow-up date is its deadline, and it
counts as open everywhere (``open`` = every subject − ``closed``; ``interim`` says how many of the
``reported_back`` ones are open).

*Closure rate* is the share of subjects that reached ``delivered`` (now ``delivered``,
``responded`` or ``reported_back``) that are closed. Subjects not yet delivered are not counted:
nothing is owed to the group before its view has been handed over. With no delivered subject the
rate is ``None``.

*Days per stage* is the time from entering a stage to leaving it, over completed stays, so a
subject still waiting adds nothing until it moves on (its age shows in the open loops instead).

The store computes these as SQL aggregates (``yhteiskehitys.loop.queries``);
``summarise`` is the plain-Python definition that the tests hold the SQL to.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from attrs import asdict, frozen

from ..model.loop_states import CLOSED, DELIVERED_OR_LATER, KINDS, STATES, is_closed
from .limits import due_for, overdue_reason


@frozen(kw_only=True)
class SubjectRow:
    """One commission or idea as the statistics see it."""

    kind: str
    id: str
    title: str = ""
    state: str
    since: date
    actor: str | None = None
    theme: str | None = None
    follow_up: date | None = None


@frozen(kw_only=True)
class TransitionRow:
    kind: str
    subject: str
    from_state: str | None
    to_state: str
    at: datetime


@frozen(kw_only=True)
class OpenLoop:
    kind: str
    id: str
    title: str
    state: str
    since: date
    age_days: int
    due: date | None
    overdue: bool
    reason: str
    actor: str | None
    theme: str | None


@frozen(kw_only=True)
class StageTime:
    kind: str
    stage: str
    n: int
    median_days: float | None


@frozen(kw_only=True)
class GroupFigures:
    """Figures for one theme or one actor (``key`` None: no theme / not yet routed)."""

    key: str | None
    total: int
    delivered: int
    closed: int
    open: int
    overdue: int

    @property
    def closure_rate(self) -> float | None:
        return self.closed / self.delivered if self.delivered else None


@frozen(kw_only=True)
class LoopSummary:
    today: date
    respond_days: int
    report_back_days: int
    counts: dict[str, dict[str, int]]
    delivered: int
    closed: int
    interim: int
    overdue: int
    stages: tuple[StageTime, ...]
    by_theme: tuple[GroupFigures, ...]
    by_actor: tuple[GroupFigures, ...]
    open_loops: tuple[OpenLoop, ...]

    @property
    def closure_rate(self) -> float | None:
        return self.closed / self.delivered if self.delivered else None

    @property
    def total(self) -> int:
        return sum(n for by in self.counts.values() for n in by.values())

    @property
    def open(self) -> int:
        """Every subject whose loop is not closed, interim ones included."""
        return self.total - self.closed

    def as_dict(self) -> dict:
        data = asdict(self, recurse=True)
        data["closure_rate"] = self.closure_rate
        data["open"] = self.open
        data["total"] = self.total
        for key in ("by_theme", "by_actor"):
            for row, group in zip(data[key], getattr(self, key), strict=True):
                row["closure_rate"] = group.closure_rate
        return data


def empty_counts() -> dict[str, dict[str, int]]:
    return {kind: dict.fromkeys(STATES[kind], 0) for kind in KINDS}


def summarise(
    subjects: Iterable[SubjectRow],
    transitions: Iterable[TransitionRow],
    *,
    respond_days: int,
    report_back_days: int,
    today: date,
    open_limit: int | None = None,
) -> LoopSummary:
    """The reference computation of every figure, over rows held in memory."""
    from ..model import LoopLimits

    limits = LoopLimits(respond_days=respond_days, report_back_days=report_back_days)
    counts = empty_counts()
    groups: dict[str, dict[str | None, list[int]]] = {
        "theme": defaultdict(lambda: [0] * 5),
        "actor": defaultdict(lambda: [0] * 5),
    }
    open_loops: list[OpenLoop] = []
    delivered = closed = interim = overdue = 0
    for s in subjects:
        counts[s.kind][s.state] += 1
        reason = overdue_reason(s.state, s.since, limits, today, s.follow_up)
        is_delivered = s.state in DELIVERED_OR_LATER
        closes = is_closed(s.state, pending=s.follow_up is not None)
        delivered += is_delivered
        closed += closes
        interim += s.state == CLOSED and not closes
        overdue += reason is not None
        for key, value in (("theme", s.theme), ("actor", s.actor)):
            g = groups[key][value]
            g[0] += 1
            g[1] += is_delivered
            g[2] += closes
            g[3] += not closes
            g[4] += reason is not None
        if not closes:
            due = due_for(s.state, s.since, limits, s.follow_up)
            open_loops.append(
                OpenLoop(
                    kind=s.kind,
                    id=s.id,
                    title=s.title,
                    state=s.state,
                    since=s.since,
                    age_days=(today - s.since).days,
                    due=due.by if due else None,
                    overdue=reason is not None,
                    reason=reason or "",
                    actor=s.actor,
                    theme=s.theme,
                )
            )
    open_loops.sort(key=open_loop_order)
    if open_limit is not None:
        open_loops = open_loops[:open_limit]
    return LoopSummary(
        today=today,
        respond_days=respond_days,
        report_back_days=report_back_days,
        counts=counts,
        delivered=delivered,
        closed=closed,
        interim=interim,
        overdue=overdue,
        stages=stage_times(transitions),
        by_theme=_groups(groups["theme"]),
        by_actor=_groups(groups["actor"]),
        open_loops=tuple(open_loops),
    )


def open_loop_order(loop: OpenLoop) -> tuple:
    """Overdue first, then the oldest; ties by kind and id so the output is stable."""
    return (not loop.overdue, loop.since, loop.kind, loop.id)


def _groups(found: dict[str | None, list[int]]) -> tuple[GroupFigures, ...]:
    rows = [
        GroupFigures(key=k, total=v[0], delivered=v[1], closed=v[2], open=v[3], overdue=v[4])
        for k, v in found.items()
    ]
    return tuple(sorted(rows, key=lambda g: (g.key is None, g.key or "")))


def stage_times(transitions: Iterable[TransitionRow]) -> tuple[StageTime, ...]:
    """Median days spent in each stage, per kind, over completed stays."""
    by_subject: dict[tuple[str, str], list[TransitionRow]] = defaultdict(list)
    for t in transitions:
        by_subject[(t.kind, t.subject)].append(t)
    spans: dict[tuple[str, str], list[float]] = defaultdict(list)
    for rows in by_subject.values():
        rows.sort(key=lambda t: t.at)
        for before, after in itertools.pairwise(rows):
            days = (after.at - before.at).total_seconds() / 86400
            spans[(after.kind, before.to_state)].append(days)
    return tuple(
        StageTime(
            kind=kind,
            stage=stage,
            n=len(spans[(kind, stage)]),
            median_days=statistics.median(spans[(kind, stage)]) if spans[(kind, stage)] else None,
        )
        for kind in KINDS
        for stage in STATES[kind]
        if stage != CLOSED
    )
