"""The verifiable feedback loop (todennettava palautekehä).

``machine`` holds the transition table (the single source of truth), ``limits`` the time limits
and overdue rules, ``stats`` the figures of the loop. They are pure: persistence sits in
``yhteiskehitys.loop.records`` on top of the store.
"""

from .limits import Due, due_for, overdue_reason
from .machine import (
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
