"""Tapaamiset ja näkemykset: sessions with attendance and handled commissions and ideas;
findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from ...model import Artefact, Finding, Session
from .. import schema
from ..bulk import insert_rows
from .base import Repository, existing, group, require_known
from .subjects import resolve_subjects

ATTEND = schema.session_attendance
HANDLES = schema.session_commissions
HANDLES_IDEAS = schema.session_ideas  # schema step 6


class SessionRepo(Repository[Session]):
    entity = "session"
    table = schema.sessions
    model = Session

    def to_row(self, obj: Session) -> dict[str, Any]:
        return {
            "id": obj.id,
            "date": obj.date,
            "kind": obj.kind,
            "title": obj.title,
            "methods": list(obj.methods),
            "facilitators": list(obj.facilitators),
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Session:
        attendees, commissions, ideas = children or ((), (), ())
        return Session(
            id=row["id"],
            date=row["date"],
            kind=row["kind"],
            title=row["title"],
            methods=row["methods"],
            facilitators=row["facilitators"],
            attendees=attendees,
            commissions=commissions,
            ideas=ideas,
        )

    def check(self, objs: Sequence[Session]) -> None:
        attendees = [(self.label(s), p) for s in objs for p in s.attendees]
        # Erasure leaves anonymous tokens in attendance; a rewrite of the session may keep them.
        tokens = existing(self.conn, schema.anonymous_tokens.c.token, (p for _, p in attendees))
        require_known(
            self.conn,
            schema.participants.c.id,
            attendees,
            "attendee",
            "add the participant first (yk participant add)",
            extra=tokens,
        )
        facilitators = [(self.label(s), f) for s in objs for f in s.facilitators]
        people = existing(self.conn, schema.participants.c.id, (f for _, f in facilitators))
        people |= existing(self.conn, schema.anonymous_tokens.c.token, (f for _, f in facilitators))
        require_known(
            self.conn,
            schema.actors.c.id,
            facilitators,
            "facilitator",
            "a facilitator is an actor or a participant; add them first",
            extra=people,
        )
        require_known(
            self.conn,
            schema.commissions.c.id,
            ((self.label(s), c) for s in objs for c in s.commissions),
            "commission",
            "add the commission first (yk commission new)",
        )
        require_known(
            self.conn,
            schema.ideas.c.id,
            ((self.label(s), i) for s in objs for i in s.ideas),
            "idea",
            "add the idea first (yk idea new)",
        )

    def write_children(self, objs: Sequence[Session]) -> None:
        attend = [
            {"session": s.id, "position": n, "participant": p}
            for s in objs
            for n, p in enumerate(s.attendees)
        ]
        handles = [
            {"session": s.id, "position": n, "commission": c}
            for s in objs
            for n, c in enumerate(s.commissions)
        ]
        ideas = [
            {"session": s.id, "position": n, "idea": i} for s in objs for n, i in enumerate(s.ideas)
        ]
        insert_rows(self.conn, ATTEND, attend)
        insert_rows(self.conn, HANDLES, handles)
        insert_rows(self.conn, HANDLES_IDEAS, ideas)

    def delete_children(self, ids: Sequence[str]) -> None:
        self.conn.execute(ATTEND.delete().where(ATTEND.c.session.in_(ids)))
        self.conn.execute(HANDLES.delete().where(HANDLES.c.session.in_(ids)))
        self.conn.execute(HANDLES_IDEAS.delete().where(HANDLES_IDEAS.c.session.in_(ids)))

    def read_children(self, ids: Sequence[str] | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        parts = []
        children = ((ATTEND, "participant"), (HANDLES, "commission"), (HANDLES_IDEAS, "idea"))
        for table, column in children:
            query = sa.select(table.c.session, table.c[column]).order_by(
                table.c.session, table.c.position
            )
            if ids is not None:
                query = query.where(table.c.session.in_(ids))
            parts.append(group(self.conn.execute(query).mappings(), "session"))
        for sid in set(parts[0]) | set(parts[1]) | set(parts[2]):
            out[sid] = tuple(
                tuple(r[column] for r in part.get(sid, ()))
                for part, (_, column) in zip(parts, children, strict=True)
            )
        return out

    def attended_by(self, participant: str) -> list[str]:
        """Ids of the sessions a participant attended, in id order."""
        query = sa.select(ATTEND.c.session).where(ATTEND.c.participant == participant)
        return sorted(self.conn.execute(query).scalars())

    def attendance_counts(self) -> dict[str, int]:
        query = sa.select(ATTEND.c.session, sa.func.count()).group_by(ATTEND.c.session)
        rows: Iterable[tuple[str, int]] = self.conn.execute(query)
        return {sid: int(n) for sid, n in rows}


class FindingRepo(Repository[Finding]):
    """Näkemykset: the group's views on a commission or idea, with artefacts."""

    entity = "finding"
    table = schema.findings
    model = Finding

    def to_row(self, obj: Finding) -> dict[str, Any]:
        return {
            "id": obj.id,
            "subject_kind": self._kinds[obj.subject],
            "subject": obj.subject,
            "text": obj.text,
            "session": obj.session,
            "recorded": obj.recorded,
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Finding:
        return Finding(
            id=row["id"],
            subject=row["subject"],
            text=row["text"],
            session=row["session"],
            recorded=row["recorded"],
            artefacts=children or (),
        )

    def check(self, objs: Sequence[Finding]) -> None:
        self._kinds = resolve_subjects(self.conn, [(self.label(f), f.subject) for f in objs])
        require_known(
            self.conn,
            schema.sessions.c.id,
            ((self.label(f), f.session) for f in objs if f.session is not None),
            "session",
            "add the session first (yk session add)",
        )

    def insert(self, objs: Sequence[Finding]) -> None:
        if not hasattr(self, "_kinds"):
            self.check(objs)
        super().insert(objs)

    def write_children(self, objs: Sequence[Finding]) -> None:
        rows = [
            {"finding": f.id, "position": n, **_artefact_row(a)}
            for f in objs
            for n, a in enumerate(f.artefacts)
        ]
        insert_rows(self.conn, schema.artefacts, rows)

    def delete_children(self, ids: Sequence[str]) -> None:
        self.conn.execute(schema.artefacts.delete().where(schema.artefacts.c.finding.in_(ids)))

    def read_children(self, ids: Sequence[str] | None) -> dict[str, Any]:
        table = schema.artefacts
        query = sa.select(table).order_by(table.c.finding, table.c.position)
        if ids is not None:
            query = query.where(table.c.finding.in_(ids))
        rows = group(self.conn.execute(query).mappings(), "finding")
        return {
            fid: tuple(
                Artefact(name=r["name"], path=r["path"], description=r["description"]) for r in rs
            )
            for fid, rs in rows.items()
        }

    def in_session(self, session: str) -> list[Finding]:
        """The findings recorded in ``session``, by id."""
        ids: Iterable[str] = self.conn.execute(
            sa.select(self.table.c.id)
            .where(self.table.c.session == session)
            .order_by(self.table.c.id)
        ).scalars()
        return [self.get(i) for i in ids]

    def about(self, subject: str) -> list[Finding]:
        ids: Iterable[str] = self.conn.execute(
            sa.select(self.table.c.id)
            .where(self.table.c.subject == subject)
            .order_by(self.table.c.id)
        ).scalars()
        return [self.get(i) for i in ids]


def _artefact_row(a: Artefact) -> dict[str, Any]:
    return {"name": a.name, "path": a.path, "description": a.description}
