"""Palautekehä: subjects' state changes, one row each in ``loop_transitions``.

The rules of which change is allowed belong to ``yhteiskehitys.loop``; this repository records
changes and answers the questions the loop asks (history of one subject, subjects per state),
in SQL so that they stay fast with millions of rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from attrs import frozen

from ...model.loop_states import check_transition
from .. import schema
from ..bulk import reject_nul
from .base import NotFoundError, RecordError
from .subjects import SUBJECT_KINDS, subject_table

T = schema.loop_transitions


@frozen(kw_only=True)
class Transition:
    """One change of a subject's state; ``seq`` is set once stored."""

    subject_kind: str
    subject_id: str
    to_state: str
    at: datetime
    from_state: str | None = None
    operator: str = ""
    note: str = ""
    seq: int | None = None


def _kind(kind: str) -> sa.Table:
    if kind not in SUBJECT_KINDS:
        raise RecordError(f"unknown subject kind {kind!r}; use one of {', '.join(SUBJECT_KINDS)}")
    return subject_table(kind)


class LoopRepo:
    entity = "loop"

    def __init__(self, tx: Any) -> None:
        self.tx = tx
        self.conn = tx.conn

    def transition(
        self,
        kind: str,
        subject_id: str,
        to_state: str,
        *,
        at: datetime | None = None,
        note: str = "",
        expect: str | None = None,
    ) -> Transition:
        """Move a subject to ``to_state`` if the loop's transition table allows it.

        With ``expect``, also refuse unless the subject is in that state now (a check against
        someone moving it meanwhile). The verbs in :mod:`yhteiskehitys.loop.actions` add the
        loop's other rules (a finding before ``documented``, a response with ``responded``);
        use those, or ``open_programme``, rather than this."""
        item = Transition(
            subject_kind=kind,
            subject_id=subject_id,
            to_state=to_state,
            at=at or datetime.now(UTC),
            note=note,
        )
        return self.transition_many([item], expect={subject_id: expect} if expect else None)[0]

    def transition_many(
        self, items: Iterable[Transition], *, expect: dict[str, str] | None = None
    ) -> list[Transition]:
        """Record many changes at once (all or none), in the given order, each checked against
        the transition table; ``from_state`` and ``operator`` are filled in from the store and
        the unit of work."""
        return self._write(items, expect=expect, check=True)

    def _write(
        self, items: Iterable[Transition], *, expect: dict[str, str] | None, check: bool
    ) -> list[Transition]:
        """Write changes; ``check=False`` only to reproduce a history recorded under an older
        transition table (the fixture stores of earlier schema versions)."""
        self.tx.require_write()
        items = list(items)
        current: dict[tuple[str, str], str] = {}
        since: dict[tuple[str, str], datetime] = {}
        pending: dict[tuple[str, str], bool] = {}
        for kind in {i.subject_kind for i in items}:
            table = _kind(kind)
            ids = sorted({i.subject_id for i in items if i.subject_kind == kind})
            query = sa.select(
                table.c.id, table.c.state, table.c.state_since, table.c.follow_up
            ).where(table.c.id.in_(ids))
            if self.conn.dialect.name == "postgresql":
                query = query.with_for_update()
            for sid, state, entered, follow_up in self.conn.execute(query):
                current[(kind, sid)] = state
                since[(kind, sid)] = _aware(entered)
                pending[(kind, sid)] = follow_up is not None
            missing = [sid for sid in ids if (kind, sid) not in current]
            if missing:
                raise NotFoundError(f"no {kind} {missing[0]!r} in the store; nothing was recorded")
        for sid, state in (expect or {}).items():
            found = [s for (k, i), s in current.items() if i == sid]
            if found and found[0] != state:
                raise RecordError(
                    f"{sid!r} is in state {found[0]!r}, not {state!r}; someone moved it meanwhile"
                )
        done: list[Transition] = []
        stays: list[float | None] = []
        last: dict[tuple[str, str], tuple[str, datetime]] = {}
        for item in items:
            key = (item.subject_kind, item.subject_id)
            if item.at.tzinfo is None:
                raise RecordError(
                    f"{item.subject_kind} {item.subject_id!r}: the time {item.at.isoformat()} "
                    "has no time zone; give it in UTC"
                )
            if check:
                check_transition(
                    item.subject_kind,
                    item.subject_id,
                    current[key],
                    item.to_state,
                    pending=pending[key],
                )
            if item.at < since[key]:
                raise RecordError(
                    f"{item.subject_kind} {item.subject_id!r} has been {current[key]!r} since "
                    f"{since[key].isoformat()}; a later step cannot be dated earlier "
                    f"({item.at.isoformat()}). Nothing was written."
                )
            stays.append((item.at - since[key]).total_seconds() / 86400 if check else None)
            done.append(
                Transition(
                    subject_kind=item.subject_kind,
                    subject_id=item.subject_id,
                    from_state=current[key],
                    to_state=item.to_state,
                    at=item.at,
                    operator=self.tx.operator,
                    note=item.note,
                )
            )
            current[key] = item.to_state
            since[key] = item.at
            pending[key] = False
            last[key] = (item.to_state, item.at)
        rows = [{**_row(t), "stay_days": stay} for t, stay in zip(done, stays, strict=True)]
        if rows:
            reject_nul(T, {k: [r[k] for r in rows] for k in rows[0]})
        seqs = (
            list(
                self.conn.execute(
                    T.insert().returning(T.c.seq, sort_by_parameter_order=True), rows
                ).scalars()
            )
            if rows
            else []
        )
        for kind in {k for k, _ in last}:
            table = subject_table(kind)
            self.conn.execute(
                table.update()
                .where(table.c.id == sa.bindparam("sid"))
                .values(state=sa.bindparam("st"), state_since=sa.bindparam("since")),
                [{"sid": i, "st": s, "since": at} for (k, i), (s, at) in last.items() if k == kind],
            )
        self.tx.audit.record_many(
            "state",
            "loop",
            [
                (
                    f"{t.subject_kind}:{t.subject_id}",
                    {"state": t.from_state},
                    {"state": t.to_state, "at": _iso(t.at), "note": t.note, "seq": seq},
                )
                for t, seq in zip(done, seqs, strict=True)
            ],
        )
        return [_with_seq(t, s) for t, s in zip(done, seqs, strict=True)]

    def history(self, kind: str, subject_id: str) -> list[Transition]:
        _kind(kind)
        query = (
            sa.select(T)
            .where(T.c.subject_kind == kind)
            .where(T.c.subject_id == subject_id)
            .order_by(T.c.seq)
        )
        return [_transition(r) for r in self.conn.execute(query).mappings()]

    def transitions(
        self,
        *,
        kind: str | None = None,
        to_state: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Iterator[Transition]:
        """Transitions in order, filtered; streamed, so millions of rows are fine."""
        query = sa.select(T).order_by(T.c.seq)
        if kind is not None:
            query = query.where(T.c.subject_kind == kind)
        if to_state is not None:
            query = query.where(T.c.to_state == to_state)
        if since is not None:
            query = query.where(T.c.at >= since)
        if until is not None:
            query = query.where(T.c.at < until)
        result = self.conn.execution_options(yield_per=10_000).execute(query).mappings()
        for row in result:
            yield _transition(row)

    def count_by_state(self, kind: str) -> dict[str, int]:
        table = _kind(kind)
        query = sa.select(table.c.state, sa.func.count()).group_by(table.c.state)
        return {s: int(n) for s, n in self.conn.execute(query)}

    def in_state(self, kind: str, state: str, *, since_before: datetime | None = None) -> list[str]:
        """Ids of subjects in ``state`` (entered before ``since_before``, to find overdue ones)."""
        table = _kind(kind)
        query = sa.select(table.c.id).where(table.c.state == state)
        if since_before is not None:
            query = query.where(table.c.state_since < since_before)
        return list(self.conn.execute(query.order_by(table.c.id)).scalars())


def _aware(at: datetime) -> datetime:
    """SQLite gives times back without their zone; every time in the store is UTC."""
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _iso(at: datetime) -> str:
    from ...convert import iso_utc

    return iso_utc(at)


def _row(t: Transition) -> dict[str, Any]:
    return {
        "subject_kind": t.subject_kind,
        "subject_id": t.subject_id,
        "from_state": t.from_state,
        "to_state": t.to_state,
        "at": t.at,
        "operator": t.operator,
        "note": t.note,
    }


def _with_seq(t: Transition, seq: int) -> Transition:
    import attrs

    return attrs.evolve(t, seq=seq)


_FIELDS = ("seq", "subject_kind", "subject_id", "from_state", "to_state", "at", "operator", "note")


def _transition(row: sa.RowMapping) -> Transition:
    return Transition(**{k: row[k] for k in _FIELDS})
