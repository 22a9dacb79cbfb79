"""The state machine of the loop: one table of allowed transitions per kind of subject.

The table below is the single source of truth: the library checks every transition against it,
the documentation renders it (``render_table``), and a test keeps the two equal.

A commission (toimeksianto) goes through every stage. An idea (idea, aloite) raised by
participants is first routed to an actor, who may answer it at once: ``routed → delivered`` is
allowed for ideas only. A ``pending`` response is followed up by a new response, so
``responded`` may be entered again, also after the group was told (which reopens the loop until
they are told of the final answer).
"""

from __future__ import annotations

from ..errors import YhteiskehitysError

KINDS = ("commission", "idea")

TRANSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "commission": {
        "draft": ("commissioned",),
        "commissioned": ("in_work",),
        "in_work": ("documented",),
        "documented": ("delivered",),
        "delivered": ("responded",),
        "responded": ("reported_back", "responded"),
        "reported_back": ("responded",),
    },
    "idea": {
        "submitted": ("routed",),
        "routed": ("in_work", "delivered"),
        "in_work": ("documented",),
        "documented": ("delivered",),
        "delivered": ("responded",),
        "responded": ("reported_back", "responded"),
        "reported_back": ("responded",),
    },
}

INITIAL = {"commission": "draft", "idea": "submitted"}

#: Every state of each kind, in the order of the loop.
STATES: dict[str, tuple[str, ...]] = {kind: tuple(table) for kind, table in TRANSITIONS.items()}


def _reachable(start: str) -> tuple[str, ...]:
    """``start`` and every state the table leads to from it (any kind), in the loop's order."""
    seen = {start}
    for kind in KINDS:
        todo = [start] if start in TRANSITIONS[kind] else []
        while todo:
            for nxt in TRANSITIONS[kind][todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
    return tuple(s for s in dict.fromkeys(s for kind in KINDS for s in STATES[kind]) if s in seen)


#: The state in which the group's views are with the actor, awaiting a response.
DELIVERED = "delivered"
#: The state a response moves a subject to.
RESPONDED = "responded"
#: States that count as "reached delivered", the denominator of the closure rate.
DELIVERED_OR_LATER = _reachable(DELIVERED)
#: The state that closes a loop, the numerator of the closure rate, when the answer the group
#: was told is final (see :func:`is_closed`).
CLOSED = "reported_back"

#: CLI verb → the state it moves a subject to.
VERBS = {
    "confirm": "commissioned",
    "route": "routed",
    "start": "in_work",
    "document": "documented",
    "deliver": "delivered",
    "respond": "responded",
    "report-back": "reported_back",
}

#: States after a response from which the table allows another one: re-entering ``responded``
#: (a follow-up of a pending response) needs a pending response.
FOLLOW_UP_FROM = tuple(
    s
    for s in _reachable(RESPONDED)
    if any(RESPONDED in TRANSITIONS[kind].get(s, ()) for kind in KINDS)
)


def is_closed(state: str, *, pending: bool) -> bool:
    """Whether a subject's loop is closed: the group was told the answer and that answer is
    final (adopted, adapted or not adopted). A pending answer told back is an interim message:
    the loop stays open until the group hears the final answer."""
    return state == CLOSED and not pending


def is_interim(state: str, *, pending: bool) -> bool:
    """The group was told a pending answer: told back, yet the loop is open."""
    return state == CLOSED and pending


def next_steps(kind: str, state: str, *, pending: bool) -> tuple[str, ...]:
    """The moves open to a subject now: the table's, less a new response after a final one
    (only a pending answer is followed by another). Empty when the loop is closed."""
    return tuple(
        s
        for s in allowed_next(kind, state)
        if not (s == RESPONDED and state in FOLLOW_UP_FROM and not pending)
    )


class TransitionRefused(YhteiskehitysError):
    """A transition the table does not allow; names the current state and the allowed ones."""

    def __init__(
        self,
        kind: str,
        subject: str,
        current: str,
        target: str,
        reason: str = "",
        *,
        pending: bool = False,
    ) -> None:
        self.kind, self.subject, self.current, self.target = kind, subject, current, target
        self.allowed = next_steps(kind, current, pending=pending)
        nxt = ", ".join(self.allowed) or "none (the loop is closed)"
        why = reason or f"{current} → {target} is not allowed"
        super().__init__(
            f"{kind} {subject!r} is {current!r}; cannot move it to {target!r}: {why}. "
            f"Allowed next: {nxt}."
        )


def allowed_next(kind: str, state: str) -> tuple[str, ...]:
    """The states a subject of ``kind`` in ``state`` may move to."""
    try:
        return TRANSITIONS[kind][state]
    except KeyError:
        raise YhteiskehitysError(f"unknown {kind} state {state!r}") from None


def check_transition(
    kind: str, subject: str, current: str, target: str, *, pending: bool = False
) -> None:
    """Raise :class:`TransitionRefused` unless ``current → target`` is allowed.

    ``pending`` says whether the subject's latest response is ``pending``: only then may
    ``responded`` be entered again.
    """
    if kind not in TRANSITIONS:
        raise YhteiskehitysError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    if target not in TRANSITIONS[kind]:
        raise TransitionRefused(
            kind, subject, current, target, f"{target!r} is not a {kind} state", pending=pending
        )
    if target not in allowed_next(kind, current):
        raise TransitionRefused(kind, subject, current, target, pending=pending)
    if target == "responded" and current in FOLLOW_UP_FROM and not pending:
        raise TransitionRefused(
            kind,
            subject,
            current,
            target,
            "only a 'pending' response may be followed by a new response",
            pending=pending,
        )


def render_table() -> str:
    """The transition table as Markdown, one section per kind (docs/loop.md embeds it)."""
    lines: list[str] = []
    for kind in KINDS:
        lines += [f"| {kind} state | allowed next |", "|---|---|"]
        for state, nxt in TRANSITIONS[kind].items():
            lines.append(f"| `{state}` | {', '.join(f'`{n}`' for n in nxt) or '—'} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
