"""The records around the loop: sessions, findings, collaboration feedback, pilots, the network.

Each verb validates its input against the programme's model, then writes in one unit of work;
a refusal raises before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..errors import FieldError, YhteiskehitysError
from .build import build, evolve, today_utc

if TYPE_CHECKING:
    from ..model import Actor, CollaborationFeedback, Finding, Note, Pilot, Session, Theme
    from .programme import OpenProgramme


class _Verbs:
    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme


class SessionVerbs(_Verbs):
    """``programme.sessions``: meetings, workshops and sittings with their attendance."""

    def add(
        self,
        session_id: str,
        *,
        date: date,
        kind: str,
        title: str = "",
        methods: Sequence[str] = (),
        facilitators: Sequence[str] = (),
        attendees: Sequence[str] = (),
        commissions: Sequence[str] = (),
        ideas: Sequence[str] = (),
    ) -> Session:
        """Add a session; ``kind`` must be one of the model's session kinds or one the
        programme adds under ``[vocabulary.session_kinds]``. It may handle commissions and ideas
        alike (each must be in the store)."""
        from ..model import Session

        self._check_kind(session_id, kind)
        new = build(
            Session,
            id=session_id,
            date=date,
            kind=kind,
            title=title,
            methods=tuple(methods),
            facilitators=tuple(facilitators),
            attendees=tuple(attendees),
            commissions=tuple(commissions),
            ideas=tuple(ideas),
        )
        with self.programme.transaction() as tx:
            tx.sessions.add(new)
        return new

    def _check_kind(self, session_id: str, kind: str) -> None:
        from ..model import known_words

        kinds = known_words(self.programme.template, self.programme.programme, "session_kinds")
        if kind not in kinds:
            raise FieldError(
                "kind",
                f"{kind!r} is not a session kind of the model (known: {', '.join(kinds)}); "
                f"use one of those, or add it to programme.toml: [vocabulary.session_kinds] "
                f'{kind} = {{ fi = "…", sv = "…", en = "…" }}',
                record=f"session {session_id!r}",
            )

    def list(self) -> list[Session]:
        """Sessions by date."""
        with self.programme.read() as tx:
            return sorted(tx.sessions.list(), key=lambda s: (s.date, s.id))

    def edit(
        self,
        session_id: str,
        *,
        date: date | None = None,
        kind: str | None = None,
        title: str | None = None,
        methods: Sequence[str] | None = None,
        facilitators: Sequence[str] | None = None,
        attendees: Sequence[str] | None = None,
        commissions: Sequence[str] | None = None,
        ideas: Sequence[str] | None = None,
    ) -> Session:
        """Correct a session: each field given replaces the stored one; ``None`` keeps it.
        Checked as :meth:`add` checks, one audited update.

        A new date must not fall after a finding recorded in the session: the group cannot have
        given its view before it met."""
        lists = {
            "methods": methods,
            "facilitators": facilitators,
            "attendees": attendees,
            "commissions": commissions,
            "ideas": ideas,
        }
        given: dict[str, object] = {k: tuple(v) for k, v in lists.items() if v is not None}
        given.update(
            {k: v for k, v in (("date", date), ("kind", kind), ("title", title)) if v is not None}
        )
        if not given:
            raise YhteiskehitysError(
                f"session {session_id!r}: nothing to change; give at least one field"
            )
        if kind is not None:
            self._check_kind(session_id, kind)
        with self.programme.transaction(create=False) as tx:
            old = tx.sessions.get(session_id)
            new = evolve(old, **given)
            if new.date != old.date:
                earlier = [
                    f.id
                    for f in tx.findings.in_session(session_id)
                    if f.recorded is not None and f.recorded < new.date
                ]
                if earlier:
                    raise FieldError(
                        "date",
                        f"findings {', '.join(earlier)} of session {session_id!r} were recorded "
                        f"before {new.date.isoformat()}; keep the date, or give the day the "
                        "session really met",
                    )
            tx.sessions.update(new)
        return new

    def remove(self, session_id: str, *, move_findings_to: str | None = None) -> Session:
        """Remove a session recorded by mistake (audited). Refused while findings name it,
        unless ``move_findings_to`` names the session they belong to: they are moved there in
        the same unit of work, then this one is removed."""
        with self.programme.transaction(create=False) as tx:
            old = tx.sessions.get(session_id)
            found = tx.findings.in_session(session_id)
            if found and move_findings_to is None:
                raise FieldError(
                    "move_findings_to",
                    f"findings {', '.join(f.id for f in found)} were recorded in session "
                    f"{session_id!r}; name the session they belong to, and they are moved there "
                    "before it is removed",
                )
            if move_findings_to is not None:
                if move_findings_to == session_id:
                    raise FieldError(
                        "move_findings_to", "name another session, not the one removed"
                    )
                tx.sessions.get(move_findings_to)  # an unknown target is refused first
                for f in found:
                    tx.findings.update(evolve(f, session=move_findings_to))
            tx.sessions.remove(session_id)
        return old


class FindingVerbs(_Verbs):
    """``programme.findings``: the group's documented views and outputs."""

    def add(
        self,
        finding_id: str,
        *,
        subject: str,
        text: str,
        session: str | None = None,
        recorded: date | None = None,
        artefacts: Iterable[tuple[str, str]] = (),
    ) -> Finding:
        """Add a finding on a commission or idea. ``recorded`` defaults to the session's date
        (else today); ``artefacts`` are (name, path) pairs of files inside the folder."""
        from ..folder import file_in_folder
        from ..model import Artefact, Finding

        files = []
        for name, path in artefacts:
            if not name.strip() or not path.strip():
                raise FieldError("artefact", f"{name}={path}: give a name and a path")
            path = file_in_folder(self.programme.folder, path, "artefact")
            files.append(Artefact(name=name.strip(), path=path))
        with self.programme.transaction() as tx:
            if recorded is None:
                recorded = tx.sessions.get(session).date if session else today_utc()
            new = build(
                Finding,
                id=finding_id,
                subject=subject,
                text=text,
                session=session,
                recorded=recorded,
                artefacts=files,
            )
            tx.findings.add(new)
        return new


def notes(values: Iterable[str]) -> list[Note]:
    """``"Text #tag1 #tag2"`` → a note with its tags."""
    from ..model import Note

    out = []
    for value in values:
        words = value.split()
        tags = [w[1:] for w in words if w.startswith("#") and len(w) > 1]
        text = " ".join(w for w in words if not (w.startswith("#") and len(w) > 1))
        out.append(build(Note, text=text, tags=tags))
    return out


class FeedbackVerbs(_Verbs):
    """``programme.feedback``: actors' feedback on working together (yhteistyöpalaute)."""

    def add(
        self,
        feedback_id: str,
        *,
        actor: str,
        rating: int,
        given: date | None = None,
        barriers: Iterable[str] = (),
        challenges: Iterable[str] = (),
        successes: Iterable[str] = (),
    ) -> CollaborationFeedback:
        """Add feedback; each barrier, challenge and success is text with ``#tags``."""
        from ..model import CollaborationFeedback

        new = build(
            CollaborationFeedback,
            id=feedback_id,
            actor=actor,
            given=given or today_utc(),
            rating=rating,
            barriers=notes(barriers),
            challenges=notes(challenges),
            successes=notes(successes),
        )
        with self.programme.transaction() as tx:
            tx.feedback.add(new)
        return new


class PilotVerbs(_Verbs):
    """``programme.pilots``: trials of a way of taking part, evaluated, then decided."""

    def add(
        self,
        pilot_id: str,
        *,
        title: str,
        goal: str,
        start: date,
        end: date,
        criteria: Sequence[str] = (),
    ) -> Pilot:
        from ..model import Pilot

        new = build(
            Pilot,
            id=pilot_id,
            title=title,
            goal=goal,
            criteria=tuple(criteria),
            start=start,
            end=end,
        )
        with self.programme.transaction() as tx:
            tx.pilots.add(new)
        return new

    def evaluate(self, pilot_id: str, findings: Sequence[str]) -> Pilot:
        """Add evaluation findings to a pilot."""
        if not findings:
            raise FieldError("finding", "give at least one evaluation finding")
        with self.programme.transaction(create=False) as tx:
            old = tx.pilots.get(pilot_id)
            new = evolve(old, evaluation=(*old.evaluation, *findings))
            tx.pilots.update(new)
        return new

    def decide(self, pilot_id: str, decision: str) -> Pilot:
        """Decide a pilot (permanent, continue, dropped); it needs an evaluation first."""
        with self.programme.transaction(create=False) as tx:
            old = tx.pilots.get(pilot_id)
            if not old.evaluation:
                raise YhteiskehitysError(
                    f"pilot {pilot_id!r} has no evaluation yet; add evaluation findings "
                    "first. Nothing was written."
                )
            new = evolve(old, decision=decision)
            tx.pilots.update(new)
        return new


class ActorVerbs(_Verbs):
    """``programme.actors``: the network's actors (toimijat)."""

    def add(
        self,
        actor_id: str,
        *,
        name: str,
        organisation: str,
        organisation_name: str | None = None,
        roles: Sequence[str] = (),
        themes: Sequence[str] = (),
    ) -> Actor:
        """Add an actor; with ``organisation_name`` the organisation is created when it is not
        in the store yet."""
        from ..model import Actor, Organisation

        new = build(
            Actor,
            id=actor_id,
            name=name,
            organisation=organisation,
            roles=tuple(roles),
            themes=tuple(themes),
        )
        with self.programme.transaction() as tx:
            if organisation_name and tx.organisations.find(organisation) is None:
                tx.organisations.add(build(Organisation, id=organisation, name=organisation_name))
            tx.actors.add(new)
        return new

    def list(self) -> list[Actor]:
        with self.programme.read() as tx:
            return list(tx.actors.list())


class ThemeVerbs(_Verbs):
    """``programme.themes``: phenomena (ilmiöt) the work is organised by."""

    def add(
        self, theme_id: str, *, title: str, kind: str = "situational", description: str = ""
    ) -> Theme:
        from ..model import Theme

        new = build(Theme, id=theme_id, title=title, kind=kind, description=description)
        with self.programme.transaction() as tx:
            tx.themes.add(new)
        return new

    def list(self) -> list[tuple[Theme, int, int]]:
        """Each theme with how many commissions and ideas it has."""
        from ..loop.queries import theme_links

        with self.programme.read() as tx:
            themes, links = tx.themes.list(), theme_links(tx.conn)
        return [(t, *links.get(t.id, (0, 0))) for t in themes]


__all__ = [
    "ActorVerbs",
    "FeedbackVerbs",
    "FindingVerbs",
    "PilotVerbs",
    "SessionVerbs",
    "ThemeVerbs",
    "notes",
]
