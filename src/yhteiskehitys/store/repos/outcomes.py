"""Vastaukset ja takaisinkerronta: actors' responses and what the group was told back.

A subject may get several responses over time (``pending`` first, then the final one) and
several report-backs, so these rows have a number of their own instead of a chosen id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, TypeVar

import attrs
import sqlalchemy as sa

from ...model import ReportBack, Response
from .. import schema
from ..bulk import insert_rows, reject_nul
from .base import RecordError, Records
from .subjects import resolve_subjects

T = TypeVar("T", bound=Response | ReportBack)


class _NumberedRepo(Records[T]):
    """Rows the database numbers, about a commission or an idea (``subject``)."""

    def to_row(self, obj: T) -> dict[str, Any]:
        return {k: getattr(obj, k) for k in self.fields}

    def from_row(self, row: sa.RowMapping) -> T:
        return self.model(**{k: row[k] for k in self.fields})

    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in attrs.fields(self.model))

    def add(self, obj: T) -> int:
        """Record one; return its number."""
        return self.add_many([obj])[0]

    def add_many(self, objs: Iterable[T]) -> list[int]:
        """Record several at once, all or none; return their numbers in order."""
        self.tx.require_write()
        objs = self._typed(objs)
        if not objs:
            return []
        kinds = resolve_subjects(
            self.conn, [(f"{self.entity} on {o.subject!r}", o.subject) for o in objs]
        )
        rows = [{**self.to_row(o), "subject_kind": kinds[o.subject]} for o in objs]
        reject_nul(self.table, {k: [r[k] for r in rows] for k in rows[0]})
        insert = self.table.insert().returning(self.table.c.id, sort_by_parameter_order=True)
        ids: list[int] = list(self.conn.execute(insert, rows).scalars())
        self.after_add({o.subject for o in objs})
        dump = self.tx.converter.unstructure
        self.tx.audit.record_many(
            "add",
            self.entity,
            [(str(i), None, dump(o, self.model)) for i, o in zip(ids, objs, strict=True)],
        )
        return ids

    def after_add(self, subjects: set[str]) -> None:
        """Keep columns derived from these rows current (see ``ResponseRepo``)."""

    def numbered(self, subject: str | None = None) -> list[tuple[int, T]]:
        """``(number, record)`` pairs in the order they were recorded."""
        query = sa.select(self.table).order_by(self.table.c.id)
        if subject is not None:
            query = query.where(self.table.c.subject == subject)
        return [(row["id"], self.from_row(row)) for row in self.conn.execute(query).mappings()]

    def list(self, subject: str | None = None) -> list[T]:
        return [obj for _, obj in self.numbered(subject)]

    def get(self, number: int) -> T:
        row = (
            self.conn.execute(sa.select(self.table).where(self.table.c.id == number))
            .mappings()
            .first()
        )
        if row is None:
            raise RecordError(f"no {self.entity} number {number} in the store")
        return self.from_row(row)

    def latest(self, subject: str) -> T | None:
        found = self.numbered(subject)
        return found[-1][1] if found else None

    def insert_numbered(self, items: Sequence[tuple[int, str, T]]) -> None:
        """Restore rows with their numbers and subject kinds (imports); no audit entries."""
        rows = [{**self.to_row(o), "id": i, "subject_kind": k} for i, k, o in items]
        insert_rows(self.conn, self.table, rows)


class ResponseRepo(_NumberedRepo[Response]):
    entity = "response"
    table = schema.responses
    model = Response

    def after_add(self, subjects: set[str]) -> None:
        """A subject's ``follow_up`` is its latest response's date while that one is pending."""
        from ..follow_ups import refresh_follow_ups

        if len(subjects) > 50:
            refresh_follow_ups(self.conn)
        else:
            for subject in sorted(subjects):
                refresh_follow_ups(self.conn, subject)


class ReportBackRepo(_NumberedRepo[ReportBack]):
    entity = "report_back"
    table = schema.report_backs
    model = ReportBack
