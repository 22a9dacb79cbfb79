"""Child impact assessment (lapsivaikutusten arviointi): ``programme.child_impacts``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from ..errors import FieldError

if TYPE_CHECKING:
    from ..model.child_impact import ChildImpact
    from .programme import OpenProgramme

MAX_ANSWER = 2000


@frozen
class ChildImpactStatus:
    """A commission's assessment so far and each step of its checklist, done or not; the last
    step, ``told``, is the loop's report-back to the children."""

    commission: str
    impact: ChildImpact | None
    steps: tuple[tuple[str, bool], ...]

    @property
    def complete(self) -> bool:
        return all(done for _, done in self.steps)


class ChildImpactVerbs:
    """Record and show the child impact assessment of a commission."""

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def record(
        self,
        commission: str,
        *,
        affected: str | None = None,
        heard: str | None = None,
        changes: str | None = None,
        telling: str | None = None,
    ) -> ChildImpactStatus:
        """Answer questions of ``commission``'s assessment (those left out keep their answers):
        who is affected, how children were heard, what changes for them, how they will be told.
        One transaction with an audit entry; an unknown commission writes nothing."""
        given = {"affected": affected, "heard": heard, "changes": changes, "telling": telling}
        answers = {}
        for name, value in given.items():
            if value is None:
                continue
            text = " ".join(value.split()) if "\n" not in value else value.strip()
            if not text:
                raise FieldError(name, "give a text, or leave the question out", record=commission)
            if len(text) > MAX_ANSWER:
                raise FieldError(name, f"at most {MAX_ANSWER} characters", record=commission)
            answers[name] = text
        if not answers:
            raise FieldError("affected", "answer at least one question ({affected}, {heard}, "
                             "{changes} or {telling})", record=commission)  # fmt: skip
        with self.programme.transaction(create=False) as tx:
            tx.child_impacts.record(commission, answers)
        return self.show(commission)

    def show(self, commission: str) -> ChildImpactStatus:
        """The assessment of ``commission`` and its checklist (an unknown commission raises)."""
        from ..model.child_impact import steps

        with self.programme.read() as tx:
            tx.commissions.get(commission)
            impact = tx.child_impacts.find(commission)
            told = bool(tx.report_backs.list(commission))
        return ChildImpactStatus(commission, impact, tuple(steps(impact, told)))
