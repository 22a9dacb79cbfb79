"""Bulk inserts at the speed of the driver's own ``executemany``.

SQLAlchemy processes every bound value of every row in Python before handing a batch to the
driver; for 100 000 rows that costs more than the database's own work. On SQLite, whose value
formats are few and fixed, the store encodes values itself (exactly as SQLAlchemy would store
them, which tests/store/test_bulk.py holds it to) and passes plain tuples to ``executemany``.
Other backends take SQLAlchemy's path, which batches into multi-row statements.
"""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from .schema import UTCDateTime

Encoder = Callable[[list[Any]], list[Any]] | None


def _datetimes(values: list[Any]) -> list[Any]:
    cache: dict[datetime, str] = {}  # a batch's audit rows share one time
    out: list[str | None] = []
    for value in values:
        if value is None:
            out.append(None)
            continue
        text = cache.get(value)
        if text is None:
            if value.tzinfo is None:
                raise ValueError(f"time {value.isoformat()} has no time zone; give it in UTC")
            v = value.astimezone(UTC)
            text = cache[value] = (
                f"{v.year:04d}-{v.month:02d}-{v.day:02d} "
                f"{v.hour:02d}:{v.minute:02d}:{v.second:02d}.{v.microsecond:06d}"
            )
        out.append(text)
    return out


def _wall_clock(values: list[Any]) -> list[Any]:
    """Times of a column without a time zone, written as given (as SQLAlchemy does)."""
    return [
        None
        if v is None
        else f"{v.year:04d}-{v.month:02d}-{v.day:02d} "
        f"{v.hour:02d}:{v.minute:02d}:{v.second:02d}.{v.microsecond:06d}"
        for v in values
    ]


def _dates(values: list[Any]) -> list[Any]:
    return [None if v is None else f"{v.year:04d}-{v.month:02d}-{v.day:02d}" for v in values]


def _jsons(values: list[Any]) -> list[Any]:
    dumps = json.dumps
    return [None if v is None else dumps(v) for v in values]


def _bools(values: list[Any]) -> list[Any]:
    return [None if v is None else int(v) for v in values]


def _encoder(kind: sa.types.TypeEngine[Any]) -> Encoder:
    if isinstance(kind, UTCDateTime):
        return _datetimes
    if isinstance(kind, sa.DateTime):
        return _datetimes if kind.timezone else _wall_clock
    if isinstance(kind, sa.Date):
        return _dates
    if isinstance(kind, sa.JSON):
        return _jsons
    if isinstance(kind, sa.Boolean):
        return _bools
    return None


@functools.cache
def _plan(table: sa.Table, columns: tuple[str, ...]) -> tuple[str, tuple[Encoder, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    return sql, tuple(_encoder(table.c[c].type) for c in columns)


@contextmanager
def paused_gc(size: int) -> Iterator[None]:
    """Pause the cyclic garbage collector while a large batch is built and written.

    A batch keeps ~100 000 fresh containers alive (rows, audit JSON) until it is written; each
    allocation burst makes the collector walk all of them again, which costs as much as the
    write itself. Records hold no reference cycles, so nothing is lost by collecting later.
    """
    if size < 1000 or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def reject_nul(table: sa.Table, columns: dict[str, list[Any]]) -> None:
    """PostgreSQL cannot store the NUL character in text, nor a text longer than its column
    (SQLite would); refuse both on every backend alike, so a store can move between them."""
    from ..errors import YhteiskehitysError

    for name, values in columns.items():
        kind = table.c[name].type
        if not isinstance(kind, sa.String):
            continue
        if any(isinstance(v, str) and "\x00" in v for v in values):
            raise YhteiskehitysError(
                f"{table.name}.{name}: a text contains the NUL character (\\x00), which the "
                "database cannot store; remove it. Nothing was written."
            )
        limit = kind.length
        if limit is not None:
            for n, v in enumerate(values):
                if isinstance(v, str) and len(v) > limit:
                    key = _row_key(table, columns, n)
                    raise YhteiskehitysError(
                        f"{table.name}{key}.{name}: at most {limit} characters (got {len(v)}). "
                        "Nothing was written."
                    )


def reject_rows(table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """:func:`reject_nul` for rows given one dict each (an insert of a few rows)."""
    if rows:
        names = dict.fromkeys(k for row in rows for k in row)
        reject_nul(table, {k: [row.get(k) for row in rows] for k in names})


def _row_key(table: sa.Table, columns: dict[str, list[Any]], n: int) -> str:
    keys = [c.name for c in table.primary_key.columns if c.name in columns]
    return f" {str(columns[keys[0]][n])[:64]!r}" if len(keys) == 1 else f" (row {n + 1})"


def insert_columns(conn: sa.Connection, table: sa.Table, columns: dict[str, list[Any]]) -> None:
    """Insert rows given column by column (equal lengths), in the caller's transaction.

    Column-wise, each value kind is encoded by one list comprehension and the rows are
    assembled by ``zip`` in C, which keeps Python's per-row work near zero.
    """
    names = tuple(columns)
    if not names or not columns[names[0]]:
        return
    reject_nul(table, columns)
    if conn.dialect.name != "sqlite":
        conn.execute(
            table.insert(),
            [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)],
        )
        return
    sql, encoders = _plan(table, names)
    values = [v if e is None else e(v) for v, e in zip(columns.values(), encoders, strict=True)]
    conn.exec_driver_sql(sql, list(zip(*values, strict=True)))


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) in one batch inside the caller's transaction."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        reject_rows(table, rows)
        conn.execute(table.insert(), list(rows))
        return
    insert_columns(conn, table, {c: [row[c] for row in rows] for c in rows[0]})
