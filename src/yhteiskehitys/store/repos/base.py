"""The repository pattern every record kind follows; a kind states only what differs.

A repository maps one attrs model class to its table (and child tables) and writes an audit
entry beside every change in the same transaction. ``add_many`` is the bulk path: one
``executemany`` per table, all or nothing with the unit of work.
"""

from __future__ import annotations

import builtins
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import sqlalchemy as sa

from ...errors import YhteiskehitysError
from ..bulk import insert_columns, paused_gc, reject_nul

if TYPE_CHECKING:
    from ..core import Transaction

T = TypeVar("T")
CHUNK = 900  # bound parameters per IN (...) query, under every backend's limit


class RecordError(YhteiskehitysError):
    """A record cannot be written as given: unknown reference, duplicate id, wrong type…"""


class NotFoundError(RecordError):
    """No record with that id."""


def existing(conn: sa.Connection, column: sa.Column, values: Iterable[Any]) -> set[Any]:
    """Which of ``values`` occur in ``column`` (chunked ``IN`` queries)."""
    wanted = sorted(set(values))
    found: set[Any] = set()
    query = _in_query(column)
    for start in range(0, len(wanted), CHUNK):
        found.update(conn.execute(query, {"values": wanted[start : start + CHUNK]}).scalars())
    return found


_IN_QUERIES: dict[int, tuple[sa.Column, sa.Select[Any]]] = {}


def _in_query(column: sa.Column) -> sa.Select[Any]:
    """``SELECT column … WHERE column IN (…)``, built once per column: an import asks some
    thirty of them, and building the statement cost three times as much as running it."""
    found = _IN_QUERIES.get(id(column))
    if found is None or found[0] is not column:  # (columns compare by building SQL, not ==)
        query = sa.select(column).where(column.in_(sa.bindparam("values", expanding=True)))
        found = _IN_QUERIES[id(column)] = (column, query)
    return found[1]


def require_known(
    conn: sa.Connection,
    column: sa.Column,
    refs: Iterable[tuple[str, str]],
    what: str,
    fix: str,
    extra: set[str] | None = None,
) -> None:
    """``refs`` are (record label, referenced id); raise naming every unknown one and the fix."""
    refs = list(refs)
    if not refs:
        return
    known = existing(conn, column, (ref for _, ref in refs)) | (extra or set())
    missing = [(label, ref) for label, ref in refs if ref not in known]
    if missing:
        shown = "; ".join(
            f"{label}: {what} {ref!r} is not in the store" for label, ref in missing[:5]
        )
        more = f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""
        raise RecordError(f"{shown}{more}; {fix}. Nothing was written.")


def group(rows: Iterable[sa.RowMapping], key: str) -> dict[Any, list[sa.RowMapping]]:
    out: dict[Any, list[sa.RowMapping]] = defaultdict(list)
    for row in rows:
        out[row[key]].append(row)
    return out


class Records(Generic[T]):
    """What every repository of one model class and one table shares."""

    entity: ClassVar[str]
    table: ClassVar[sa.Table]
    model: ClassVar[type]

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.conn = tx.conn

    def _typed(self, objs: Iterable[T]) -> list[T]:
        objs = list(objs)
        for obj in objs:
            if not isinstance(obj, self.model):
                raise RecordError(
                    f"{self.entity}s take {self.model.__name__} objects (got {type(obj).__name__})"
                )
        return objs

    def count(self) -> int:
        query = sa.select(sa.func.count()).select_from(self.table)
        return int(self.conn.execute(query).scalar_one())


class Repository(Records[T]):
    """Records of one kind, keyed by ``id``.

    Subclasses set ``entity`` (the audit trail's name for the kind), ``table`` and ``model``
    and implement ``to_row`` / ``from_row``; those with child rows or references override
    ``check``, ``write_children`` and ``read_children``.
    """

    key: ClassVar[str] = "id"

    # --- what a kind defines ----------------------------------------------------------------
    def to_row(self, obj: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: sa.RowMapping, children: Any) -> T:
        raise NotImplementedError

    def check(self, objs: Sequence[T]) -> None:
        """Raise :class:`RecordError` when a record refers to something not in the store."""

    def write_children(self, objs: Sequence[T]) -> None:
        """Insert the child rows of freshly inserted (or rewritten) records."""

    def delete_children(self, ids: Sequence[str]) -> None:
        """Delete child rows before a rewrite (updates)."""

    def read_children(self, ids: Sequence[str] | None) -> dict[str, Any]:
        """Child rows by parent id; ``None`` means for every record."""
        return {}

    def dump(self, obj: T) -> Any:
        """The record as JSON data for the audit trail and exports."""
        return self.tx.converter.unstructure(obj, self.model)

    # --- the shared behaviour ---------------------------------------------------------------
    def label(self, obj: T) -> str:
        return f"{self.entity} {getattr(obj, self.key)!r}"

    def _require_unique(self, objs: Sequence[T]) -> None:
        ids = [getattr(o, self.key) for o in objs]
        if len(set(ids)) == len(ids):
            return
        twice = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise RecordError(f"{self.entity} {twice[0]!r} is given twice; ids must be unique")

    def _require_new(self, objs: Sequence[T]) -> None:
        self._require_unique(objs)
        taken = existing(self.conn, self.table.c[self.key], [getattr(o, self.key) for o in objs])
        if taken:
            first = sorted(taken)[0]
            raise RecordError(
                f"{self.entity} {first!r} is already in the store; choose another id. "
                "Nothing was written."
            )

    def columns(self, objs: Sequence[T]) -> dict[str, list[Any]]:
        """The rows of ``objs`` column by column; kinds written in bulk override it for speed."""
        rows = [self.to_row(o) for o in objs]
        return {c: [row[c] for row in rows] for c in rows[0]} if rows else {}

    def insert(self, objs: Sequence[T]) -> None:
        """Write rows and child rows without audit entries (imports restore the trail).

        The database's primary key is the judge of "already in the store": the batch runs in a
        savepoint and a violation is turned into a message naming the record afterwards, so a
        large batch pays for no look-ups before it.
        """
        if not objs:
            return
        try:
            with self.conn.begin_nested():
                insert_columns(self.conn, self.table, self.columns(objs))
                self.write_children(objs)
        except sa.exc.IntegrityError:
            self._require_new(objs)
            raise

    def add(self, obj: T) -> None:
        self.add_many([obj])

    def add_many(self, objs: Iterable[T]) -> int:
        """Add new records, all or none; return how many."""
        self.tx.require_write()
        objs = self._typed(objs)
        with paused_gc(len(objs)):
            self._require_unique(objs)
            self.check(objs)
            self.insert(objs)
            self.tx.audit.record_many(
                "add", self.entity, [(str(getattr(o, self.key)), None, self.dump(o)) for o in objs]
            )
        return len(objs)

    def find(self, id: str) -> T | None:
        row = (
            self.conn.execute(sa.select(self.table).where(self.table.c[self.key] == id))
            .mappings()
            .first()
        )
        if row is None:
            return None
        return self.from_row(row, self.read_children([id]).get(id))

    def get(self, id: str) -> T:
        found = self.find(id)
        if found is None:
            raise NotFoundError(f"no {self.entity} {id!r} in the store")
        return found

    def list(self) -> list[T]:
        """Every record, in id order."""
        rows = self.conn.execute(sa.select(self.table).order_by(self.table.c[self.key])).mappings()
        children = self.read_children(None)
        return [self.from_row(row, children.get(row[self.key])) for row in rows]

    def ids(self) -> builtins.list[str]:  # ``list`` here is the method above
        column = self.table.c[self.key]
        return list(self.conn.execute(sa.select(column).order_by(column)).scalars())

    def update(self, obj: T) -> None:
        """Replace a record by a changed version with the same id."""
        self.tx.require_write()
        (obj,) = self._typed([obj])
        id = getattr(obj, self.key)
        before = self.get(id)
        if before == obj:
            return
        self.check([obj])
        row = self.to_row(obj)
        reject_nul(self.table, {k: [v] for k, v in row.items()})
        self.conn.execute(self.table.update().where(self.table.c[self.key] == id).values(**row))
        self.delete_children([id])
        self.write_children([obj])
        self.tx.audit.record("update", self.entity, str(id), self.dump(before), self.dump(obj))

    def remove(self, id: str) -> None:
        """Remove a record that nothing else refers to (for correcting mistakes)."""
        self.tx.require_write()
        before = self.get(id)
        self.check_unreferenced(id)
        self.delete_children([id])
        self.conn.execute(self.table.delete().where(self.table.c[self.key] == id))
        self.tx.audit.record("remove", self.entity, str(id), self.dump(before), None)

    def check_unreferenced(self, id: str) -> None:
        """Raise when other records refer to ``id``; by default the foreign keys decide."""
        for fk_table in self.table.metadata.sorted_tables:
            for fk in fk_table.foreign_keys:
                if fk.column is self.table.c[self.key] and fk.ondelete != "CASCADE":
                    hit = self.conn.execute(
                        sa.select(fk.parent).where(fk.parent == id).limit(1)
                    ).first()
                    if hit is not None:
                        raise RecordError(
                            f"{self.entity} {id!r} is referred to by {fk_table.name}; "
                            "remove or change those records first"
                        )
