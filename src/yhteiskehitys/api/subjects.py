"""The verbs of the feedback loop for one kind of subject: commissions or ideas.

Each verb is one unit of work. A move the transition table does not allow raises
:class:`~yhteiskehitys.model.loop_states.TransitionRefused` naming the current state and the
allowed next ones, and nothing is written.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ..errors import YhteiskehitysError

if TYPE_CHECKING:
    from ..loop.actions import ToldBack
    from ..loop.show import ListedSubject
    from ..store import Transition
    from .programme import OpenProgramme


def _now(at: datetime | None) -> datetime:
    return at or datetime.now(UTC)


class SubjectVerbs:
    """``programme.commissions`` and ``programme.ideas``."""

    def __init__(self, programme: OpenProgramme, kind: str) -> None:
        self.programme = programme
        self.kind = kind

    # --- new subjects ----------------------------------------------------------------------

    def new(self, subject: str, *, at: datetime | None = None, draft: bool = False, **fields: Any):
        """Add a subject: a commission (confirmed as ``commissioned`` unless ``draft``) with
        ``title``, ``question``, ``actor`` and ``theme``; an idea (``submitted``) with
        ``title``, ``text``, ``channel`` and ``theme``."""
        from ..loop import actions
        from ..model import Commission, Idea
        from .build import build

        at = _now(at)
        if self.kind == "commission":
            new = build(Commission, id=subject, created=at.date(), **fields)
            with self.programme.transaction() as tx:
                actions.add_commission(tx, new, at=at)
                if not draft:
                    actions.advance(tx, "commission", subject, "commissioned", at=at)
            return new
        if draft:
            raise YhteiskehitysError("draft: only a commission can be kept as a draft")
        idea = build(Idea, id=subject, submitted=at.date(), **fields)
        with self.programme.transaction() as tx:
            actions.add_idea(tx, idea, at=at)
        return idea

    # --- moves -----------------------------------------------------------------------------

    def move(
        self, subject: str, target: str, *, at: datetime | None = None, note: str = ""
    ) -> Transition:
        """Move ``subject`` to the state ``target`` by the loop's rules (``documented`` needs a
        finding; ``responded`` and ``reported_back`` need their records: use :meth:`respond`
        and :meth:`report_back`)."""
        from ..loop import actions
        from ..model.loop_states import check_transition

        with self.programme.transaction(create=False) as tx:
            if target in ("responded", "reported_back"):
                state, _ = actions.repo(tx, self.kind).state_of(subject)
                check_transition(
                    self.kind,
                    subject,
                    state,
                    target,
                    pending=actions.latest_is_pending(tx, subject),
                )
                verb = "respond" if target == "responded" else "report_back"
                raise YhteiskehitysError(
                    f"{self.kind} {subject!r}: moving to {target!r} records an answer; "
                    f"use {verb} with its record. Nothing was written."
                )
            if target == "documented":
                return actions.document(tx, self.kind, subject, at=at, note=note)
            if target == "routed":
                raise YhteiskehitysError(
                    f"idea {subject!r}: routing names the actor; use route. Nothing was written."
                )
            return actions.advance(tx, self.kind, subject, target, at=at, note=note)

    def confirm(self, subject: str, **kw: Any) -> Transition:
        """A draft commission becomes ``commissioned`` (toimeksianto annettu)."""
        return self.move(subject, "commissioned", **kw)

    def start(self, subject: str, **kw: Any) -> Transition:
        """Work starts in the group's sessions (``in_work``)."""
        return self.move(subject, "in_work", **kw)

    def document(self, subject: str, **kw: Any) -> Transition:
        """The group's views are documented (needs a finding)."""
        return self.move(subject, "documented", **kw)

    def deliver(self, subject: str, **kw: Any) -> Transition:
        """The documented views are delivered to the actor."""
        return self.move(subject, "delivered", **kw)

    def route(
        self, subject: str, actor: str, *, at: datetime | None = None, note: str = ""
    ) -> Transition:
        """Route an idea to the actor who can answer it."""
        from ..loop import actions

        if self.kind != "idea":
            raise YhteiskehitysError("route: only ideas are routed; a commission has its actor")
        with self.programme.transaction(create=False) as tx:
            return actions.route(tx, subject, actor, at=at, note=note)

    def respond(
        self,
        subject: str,
        *,
        outcome: str,
        decided_by: str,
        decided: date | None = None,
        change: str = "",
        reason: str = "",
        follow_up: date | None = None,
        decision_text: str = "",
        decision_document: str = "",
        at: datetime | None = None,
    ) -> Transition:
        """Record the actor's response (vastaus, päätös) and move to ``responded``.

        ``decision_document`` is a file inside the programme folder, relative to it.
        """
        from ..folder import file_in_folder
        from ..loop import actions
        from ..model import Response
        from .build import build

        at = _now(at)
        if decision_document:
            decision_document = file_in_folder(
                self.programme.folder, decision_document, "decision_document"
            )
        response = build(
            Response,
            subject=subject,
            outcome=outcome,
            decided_by=decided_by,
            decided=decided or at.date(),
            change=change,
            reason=reason,
            follow_up=follow_up,
            decision_text=decision_text,
            decision_document=decision_document,
        )
        with self.programme.transaction(create=False) as tx:
            return actions.respond(tx, self.kind, response, at=at)

    def report_back(
        self, subject: str, *, channel: str, text: str, at: datetime | None = None
    ) -> ToldBack:
        """Record that the group was told the answer (``reported_back``). The result says
        whether the loop closed: telling a pending answer leaves it open until its follow-up."""
        from ..loop import actions
        from ..model import ReportBack
        from .build import build

        report = build(
            ReportBack,
            subject=subject,
            at=_now(at),
            channel=channel,
            text=text,
            operator=self.programme.operator,
        )
        with self.programme.transaction(create=False) as tx:
            return actions.report_back(tx, self.kind, report)

    # --- reading -----------------------------------------------------------------------------

    def show(self, subject: str, *, today: date | None = None) -> list[str]:
        """The subject in full, as lines: state, deadline, history, findings, answers."""
        from ..loop.show import subject_lines

        limits = self.programme.programme.loop_limits
        with self.programme.read() as tx:
            return subject_lines(tx, self.kind, subject, limits, today)

    def state_of(self, subject: str) -> tuple[str, datetime]:
        """The subject's state and since when."""
        from ..loop import actions

        with self.programme.read() as tx:
            return actions.repo(tx, self.kind).state_of(subject)

    def list(
        self, *, state: str | None = None, limit: int = 100, today: date | None = None
    ) -> list[ListedSubject]:
        """Subjects, oldest state first, each with its deadline and whether it is overdue on
        ``today`` (default: today) and whether its loop is closed."""
        from ..loop.queries import list_subjects
        from ..loop.show import listed
        from ..model.loop_states import STATES

        if state is not None and state not in STATES[self.kind]:
            from ..errors import FieldError

            raise FieldError(
                "state", f"{state!r} is not a {self.kind} state ({', '.join(STATES[self.kind])})"
            )
        limits = self.programme.programme.loop_limits
        with self.programme.read() as tx:
            rows = list_subjects(tx.conn, self.kind, state, limit)
        return listed(self.kind, rows, limits, today)
