"""Toimeksiannot ja ideat: the subjects of the feedback loop, each with its current state.

The state machine itself lives in ``yhteiskehitys.loop``; here a subject's ``state`` and
``state_since`` are plain columns, changed only through ``tx.loop.transition`` so that every
change leaves a row in ``loop_transitions``. Commission and idea ids share one namespace, so a
finding or response can name its subject by id alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar

import sqlalchemy as sa

from ...model import Commission, Idea
from .. import schema
from ..bulk import insert_rows
from .base import RecordError, Repository, existing, require_known

INITIAL_STATE = None
"""``None``: the loop's initial state of the kind (``model.loop_states.INITIAL``)."""
SUBJECT_KINDS = ("commission", "idea")


def subject_table(kind: str) -> sa.Table:
    return {"commission": schema.commissions, "idea": schema.ideas}[kind]


def subject_kinds(conn: sa.Connection, ids: Iterable[str]) -> dict[str, str]:
    """The kind of each id that names a commission or an idea."""
    ids = set(ids)
    kinds = {i: "idea" for i in existing(conn, schema.ideas.c.id, ids)}
    kinds.update({i: "commission" for i in existing(conn, schema.commissions.c.id, ids)})
    return kinds


def resolve_subjects(conn: sa.Connection, refs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Kinds for ``(record label, subject id)`` pairs; raise naming every unknown subject."""
    kinds = subject_kinds(conn, (ref for _, ref in refs))
    missing = [(label, ref) for label, ref in refs if ref not in kinds]
    if missing:
        label, ref = missing[0]
        raise RecordError(
            f"{label}: subject {ref!r} is neither a commission nor an idea in the store; "
            "add it first (yk commission new or yk idea new). Nothing was written."
        )
    return kinds


class _SubjectRepo(Repository[Any]):
    kind: ClassVar[str]
    other: ClassVar[sa.Table]

    def add(
        self, obj: Any, *, state: str | None = INITIAL_STATE, at: datetime | None = None
    ) -> None:
        self.add_many([obj], state=state, at=at)

    def add_many(
        self, objs: Iterable[Any], *, state: str | None = INITIAL_STATE, at: datetime | None = None
    ) -> int:
        """Add subjects in ``state`` (default: the loop's first state of the kind) since ``at``
        (default now)."""
        self._initial = (state or self.initial_state(), at or datetime.now(UTC))
        return super().add_many(objs)

    def initial_state(self) -> str:
        from ...model.loop_states import INITIAL

        return INITIAL[self.kind]

    def insert(
        self, objs: Sequence[Any], states: Sequence[tuple[str, datetime]] | None = None
    ) -> None:
        if not objs:
            return
        default = getattr(self, "_initial", None) or (self.initial_state(), datetime.now(UTC))
        states = states or [default] * len(objs)
        rows = [
            {**self.to_row(o), "state": s, "state_since": since}
            for o, (s, since) in zip(objs, states, strict=True)
        ]
        try:
            with self.conn.begin_nested():
                insert_rows(self.conn, self.table, rows)
        except sa.exc.IntegrityError:
            self._require_new(objs)  # names the id already in the store
            raise

    def state_of(self, id: str) -> tuple[str, datetime]:
        row = self.conn.execute(
            sa.select(self.table.c.state, self.table.c.state_since).where(self.table.c.id == id)
        ).first()
        if row is None:
            self.get(id)  # raises the not-found error
        assert row is not None
        return row[0], row[1]

    def states(self) -> dict[str, tuple[str, datetime]]:
        rows = self.conn.execute(
            sa.select(self.table.c.id, self.table.c.state, self.table.c.state_since)
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def in_state(self, state: str) -> list[str]:
        query = sa.select(self.table.c.id).where(self.table.c.state == state)
        return list(self.conn.execute(query.order_by(self.table.c.id)).scalars())

    def count_by_state(self) -> dict[str, int]:
        query = sa.select(self.table.c.state, sa.func.count()).group_by(self.table.c.state)
        rows: Iterable[tuple[str, int]] = self.conn.execute(query)
        return {state: int(n) for state, n in rows}

    def check_shared_namespace(self, objs: Sequence[Any]) -> None:
        clash = existing(self.conn, self.other.c.id, (o.id for o in objs))
        if clash:
            other = "an idea" if self.kind == "commission" else "a commission"
            raise RecordError(
                f"{self.entity} {sorted(clash)[0]!r}: {other} already has this id; "
                "commissions and ideas share ids, choose another"
            )

    def check_unreferenced(self, id: str) -> None:
        for table in (schema.findings, schema.responses, schema.report_backs):
            hit = self.conn.execute(
                sa.select(table.c.subject).where(table.c.subject == id).limit(1)
            ).first()
            if hit is not None:
                raise RecordError(
                    f"{self.entity} {id!r} has {table.name}; a subject with history is not removed"
                )
        super().check_unreferenced(id)
        self.conn.execute(
            schema.loop_transitions.delete()
            .where(schema.loop_transitions.c.subject_kind == self.kind)
            .where(schema.loop_transitions.c.subject_id == id)
        )


class CommissionRepo(_SubjectRepo):
    entity = kind = "commission"
    table = schema.commissions
    other = schema.ideas
    model = Commission

    def to_row(self, obj: Commission) -> dict[str, Any]:
        return {
            "id": obj.id,
            "title": obj.title,
            "question": obj.question,
            "actor": obj.actor,
            "theme": obj.theme,
            "created": obj.created,
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Commission:
        return Commission(**{k: row[k] for k in _FIELDS_C})

    def check(self, objs: Sequence[Commission]) -> None:
        self.check_shared_namespace(objs)
        _check_actor_theme(self, objs, actor_required=True)


class IdeaRepo(_SubjectRepo):
    entity = kind = "idea"
    table = schema.ideas
    other = schema.commissions
    model = Idea

    def to_row(self, obj: Idea) -> dict[str, Any]:
        return {
            "id": obj.id,
            "title": obj.title,
            "text": obj.text,
            "channel": obj.channel,
            "theme": obj.theme,
            "submitted": obj.submitted,
            "actor": obj.actor,
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Idea:
        return Idea(**{k: row[k] for k in _FIELDS_I})

    def check(self, objs: Sequence[Idea]) -> None:
        self.check_shared_namespace(objs)
        _check_actor_theme(self, objs, actor_required=False)


_FIELDS_C = ("id", "title", "question", "actor", "theme", "created")
_FIELDS_I = ("id", "title", "text", "channel", "theme", "submitted", "actor")


def _check_actor_theme(repo: _SubjectRepo, objs: Sequence[Any], *, actor_required: bool) -> None:
    require_known(
        repo.conn,
        schema.actors.c.id,
        ((repo.label(o), o.actor) for o in objs if o.actor is not None),
        "actor",
        "add the actor first (yk actor add)",
    )
    require_known(
        repo.conn,
        schema.themes.c.id,
        ((repo.label(o), o.theme) for o in objs if o.theme is not None),
        "theme",
        "add the theme first (yk theme add)",
    )
