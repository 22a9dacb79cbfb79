"""Lapsivaikutusten arviointi: a commission's short child impact assessment.

Four questions answered while the commission is worked on (who is affected, how children were
heard, what changes for them, how they will be told the result), and a fifth step the feedback
loop records: the report-back that tells the children. The assessment is complete only when the
children were told.
"""

from __future__ import annotations

from datetime import datetime

from attrs import field, frozen

from ..errors import FieldValueError
from ._validate import identifier, non_empty

QUESTIONS = ("affected", "heard", "changes", "telling")
"""The checklist's questions, in the order they are answered."""

TOLD = "told"
"""The last step: the loop's report-back to the children."""

STEPS = (*QUESTIONS, TOLD)


def _answer(_instance: object, attribute: object, value: str | None) -> None:
    if value is not None and not value.strip():
        raise FieldValueError(getattr(attribute, "name", "answer"), "give a text, or leave it out")


@frozen(kw_only=True)
class ChildImpact:
    """The answers so far; an unanswered question is None."""

    commission: str = field(validator=identifier)
    affected: str | None = field(default=None, validator=_answer)
    heard: str | None = field(default=None, validator=_answer)
    changes: str | None = field(default=None, validator=_answer)
    telling: str | None = field(default=None, validator=_answer)
    recorded: datetime
    operator: str = field(validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.recorded.tzinfo is None:
            raise FieldValueError("recorded", "give the time with its time zone (e.g. UTC)")

    def answers(self) -> dict[str, str | None]:
        return {q: getattr(self, q) for q in QUESTIONS}


def steps(impact: ChildImpact | None, told: bool) -> list[tuple[str, bool]]:
    """Each step of the checklist and whether it is done; ``told``: the loop recorded a
    report-back on the commission, which is the checklist's last step."""
    answers = impact.answers() if impact is not None else dict.fromkeys(QUESTIONS)
    return [*((q, answers[q] is not None) for q in QUESTIONS), (TOLD, told)]
