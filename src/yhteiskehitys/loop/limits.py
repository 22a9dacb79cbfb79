"""Time limits of the loop and when a step is overdue.

The limits come from the programme (``Programme.loop_limits``), which ``yk init`` copies from the
model template (defaults: the actor responds within 30 days of delivery; participants are told
within 14 days of the response). A step is overdue on the day after its due date:

- ``delivered`` and no response after ``respond_days``;
- ``responded`` and the participants not told after ``report_back_days``;
- the latest response is ``pending`` and its follow-up date has passed (also after the group
  was told: the promised decision is still missing).

The SQL statistics (``yhteiskehitys.loop.queries``) build their conditions from the same
``STAY_LIMITS`` and ``FOLLOW_UP_FROM``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from ..model.loop_states import DELIVERED, FOLLOW_UP_FROM, RESPONDED

if TYPE_CHECKING:
    from ..model import LoopLimits, Response


#: The states whose stay has a time limit: the ``LoopLimits`` field that sets it, the step
#: awaited and who owes it.
STAY_LIMITS = {
    DELIVERED: ("respond_days", "respond", "actor"),
    RESPONDED: ("report_back_days", "report_back", "programme"),
}


@frozen(kw_only=True)
class Due:
    """The next deadline of a subject: what is awaited, by whom, and by when."""

    step: str
    by: date
    waiting_for: str


def due_for(
    state: str, since: date, limits: LoopLimits, follow_up: date | None = None
) -> Due | None:
    """The deadline that applies to a subject in ``state`` since ``since``, if any.

    A passed follow-up date of a pending response wins over the report-back limit, because
    it is the older promise.
    """
    dues: list[Due] = []
    if follow_up is not None and state in FOLLOW_UP_FROM:
        dues.append(Due(step="follow_up", by=follow_up, waiting_for="actor"))
    if state in STAY_LIMITS:
        field, step, who = STAY_LIMITS[state]
        by = since + timedelta(days=getattr(limits, field))
        dues.append(Due(step=step, by=by, waiting_for=who))
    return min(dues, key=lambda d: d.by) if dues else None


def overdue_reason(
    state: str, since: date, limits: LoopLimits, today: date, follow_up: date | None = None
) -> str | None:
    """Why the subject is overdue on ``today``, or ``None`` when it is not."""
    due = due_for(state, since, limits, follow_up)
    if due is None or today <= due.by:
        return None
    late = (today - due.by).days
    if due.step == "respond":
        return f"no response {(today - since).days} days after delivery ({late} days late)"
    if due.step == "report_back":
        age = (today - since).days
        return f"participants not told {age} days after the response ({late} days late)"
    return f"pending response: follow-up date {due.by.isoformat()} passed ({late} days late)"


def pending_follow_up(latest: Response | None) -> date | None:
    """The follow-up date that can make a subject overdue: the latest response's, while that
    response is ``pending``; a final answer after it ends the wait."""
    return latest.follow_up if latest is not None and latest.outcome == "pending" else None
