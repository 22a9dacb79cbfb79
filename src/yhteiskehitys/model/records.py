"""The records a programme accumulates: sessions, commissions, ideas, findings, responses…"""

from __future__ import annotations

from datetime import date, datetime

from attrs import field, frozen

from ..errors import FieldValueError
from ._validate import (
    as_tuple,
    between,
    identifier,
    identifiers,
    non_empty,
    one_of,
    optional_identifier,
    ordered,
    sane_date,
    unique,
)

OUTCOMES = ("adopted", "adapted", "not_adopted", "pending")
PILOT_DECISIONS = ("permanent", "continue", "dropped")


@frozen(kw_only=True)
class Session:
    """Tapaaminen, työpaja, istunto: a meeting of the group, who took part, and the commissions
    and ideas it handled."""

    id: str = field(validator=identifier)
    date: date = field(validator=sane_date)
    kind: str = field(validator=non_empty)
    title: str = ""
    methods: tuple[str, ...] = field(default=(), converter=as_tuple, validator=unique)
    facilitators: tuple[str, ...] = field(default=(), converter=as_tuple, validator=identifiers)
    attendees: tuple[str, ...] = field(
        default=(), converter=as_tuple, validator=[identifiers, unique]
    )
    commissions: tuple[str, ...] = field(default=(), converter=as_tuple, validator=identifiers)
    ideas: tuple[str, ...] = field(default=(), converter=as_tuple, validator=identifiers)


@frozen(kw_only=True)
class Commission:
    """Toimeksianto: an actor's need made into a clear question for the group."""

    id: str = field(validator=identifier)
    title: str = field(validator=non_empty)
    question: str = field(validator=non_empty)
    actor: str = field(validator=identifier)
    theme: str | None = field(default=None, validator=optional_identifier)
    created: date = field(validator=sane_date)


@frozen(kw_only=True)
class Idea:
    """Idea, aloite, toive: a wish raised by participants themselves."""

    id: str = field(validator=identifier)
    title: str = field(validator=non_empty)
    text: str = ""
    channel: str = "meeting"
    theme: str | None = field(default=None, validator=optional_identifier)
    submitted: date = field(validator=sane_date)
    actor: str | None = field(default=None, validator=optional_identifier)


@frozen(kw_only=True)
class Artefact:
    """A named output file, such as a poster or a floor plan."""

    name: str = field(validator=non_empty)
    path: str = field(validator=non_empty)
    description: str = ""


@frozen(kw_only=True)
class Finding:
    """Näkemys, tuotos: a documented view of the group on a commission or idea."""

    id: str = field(validator=identifier)
    subject: str = field(validator=identifier)
    text: str = field(validator=non_empty)
    session: str | None = field(default=None, validator=optional_identifier)
    recorded: date = field(validator=sane_date)
    artefacts: tuple[Artefact, ...] = field(default=(), converter=as_tuple)


@frozen(kw_only=True)
class Response:
    """Vastaus, päätös: what the actor did with the group's view.

    The decision itself (text, or a document such as a board decision) is required, because
    an answer that cannot be shown to the group does not close the loop.
    """

    subject: str = field(validator=identifier)
    outcome: str = field(validator=one_of(*OUTCOMES))
    decided_by: str = field(validator=non_empty)
    decided: date = field(validator=sane_date)
    change: str = ""
    reason: str = ""
    follow_up: date | None = field(default=None, validator=sane_date)
    decision_text: str = ""
    decision_document: str = ""

    def __attrs_post_init__(self) -> None:
        if self.outcome == "not_adopted" and not self.reason.strip():
            raise FieldValueError("reason", "a response 'not_adopted' needs the reason")
        if self.outcome == "pending" and self.follow_up is None:
            raise FieldValueError("follow_up", "a response 'pending' needs a follow-up date")
        if self.outcome in ("adopted", "adapted") and not self.change.strip():
            raise FieldValueError(
                "change", f"a response {self.outcome!r} needs the concrete change"
            )
        if not (self.decision_text.strip() or self.decision_document.strip()):
            raise FieldValueError(
                "decision_text", "give the decision as text or attach it as decision_document"
            )
        ordered("decided", "follow_up")(self)


@frozen(kw_only=True)
class ReportBack:
    """Kerrottu takaisin: the group was told what became of its view (the loop's last step)."""

    subject: str = field(validator=identifier)
    at: datetime
    channel: str = field(validator=non_empty)
    text: str = field(validator=non_empty)
    operator: str = field(validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise FieldValueError("at", "give the time with its time zone (e.g. UTC)")


@frozen(kw_only=True)
class Note:
    """A tagged remark in collaboration feedback (barrier, challenge or success)."""

    text: str = field(validator=non_empty)
    tags: tuple[str, ...] = field(default=(), converter=as_tuple)


@frozen(kw_only=True)
class CollaborationFeedback:
    """Yhteistyöpalaute: an actor's view of working together."""

    id: str = field(validator=identifier)
    actor: str = field(validator=identifier)
    given: date = field(validator=sane_date)
    rating: int = field(validator=between(1, 5))
    barriers: tuple[Note, ...] = field(default=(), converter=as_tuple)
    challenges: tuple[Note, ...] = field(default=(), converter=as_tuple)
    successes: tuple[Note, ...] = field(default=(), converter=as_tuple)


@frozen(kw_only=True)
class Pilot:
    """Pilotti: a trial of a way of taking part, evaluated and then kept or dropped."""

    id: str = field(validator=identifier)
    title: str = field(validator=non_empty)
    goal: str = field(validator=non_empty)
    criteria: tuple[str, ...] = field(default=(), converter=as_tuple)
    start: date = field(validator=sane_date)
    end: date = field(validator=sane_date)
    evaluation: tuple[str, ...] = field(default=(), converter=as_tuple)
    decision: str | None = field(default=None)

    def __attrs_post_init__(self) -> None:
        ordered("start", "end")(self)
        if self.decision is not None and self.decision not in PILOT_DECISIONS:
            raise FieldValueError(
                "decision", f"must be one of {', '.join(PILOT_DECISIONS)} (got {self.decision!r})"
            )
