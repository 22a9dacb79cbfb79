"""The verifiable feedback loop (todennettava palautekehä).

``machine`` holds the transition table (the single source of truth), ``limits`` the time limits
and overdue rules, ``stats`` the figures of the loop. They are pure: persistence sits in
``yhteiskehitys.loop.actions`` on top of the store.
"""

from ..model.loop_states import (
    CLOSED,
    DELIVERED_OR_LATER,
    INITIAL,
    KINDS,
    STATES,
    TRANSITIONS,
    VERBS,
    TransitionRefused,
    allowed_next,
    check_transition,
    render_table,
)
from .limits import Due, due_for, overdue_reason

__all__ = [
    "CLOSED",
    "DELIVERED_OR_LATER",
    "INITIAL",
    "KINDS",
    "STATES",
    "TRANSITIONS",
    "VERBS",
    "Due",
    "TransitionRefused",
    "allowed_next",
    "check_transition",
    "due_for",
    "overdue_reason",
    "render_table",
]
