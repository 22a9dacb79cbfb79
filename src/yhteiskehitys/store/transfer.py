"""Export a whole programme to versioned JSON, and import such a file into an empty store.

The file is deterministic (sorted keys, rows in key order, times as UTC ISO text, indent 2),
so the same store always gives the same bytes, whatever the backend: SQLite → JSON →
PostgreSQL → JSON is byte-identical. An import restores the audit trail exactly as it was and
writes no entry of its own (that would change the next export); the ``imports`` table keeps
who imported which file (by hash) and when.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..convert import structure
from ..errors import ConfigError, YhteiskehitysError
from . import migrations, schema
from .sections import SECTIONS, Section, table_section
from .url import describe

if TYPE_CHECKING:
    from .core import Store, Transaction

__all__ = [
    "AFTER_LOAD",
    "FORMAT",
    "SECTIONS",
    "VERSION",
    "Section",
    "export_data",
    "export_text",
    "import_text",
    "load_data",
    "table_section",
]

FORMAT = "yhteiskehitys-export"
VERSION = 1


AFTER_LOAD: list[Callable[[sa.Connection], None]] = []
"""Run at the end of an import, in its transaction: recompute derived columns that the export
does not carry (a later schema version appends its refresh function here)."""


def _refresh_follow_ups(conn: sa.Connection) -> None:
    from .follow_ups import refresh_follow_ups  # schema step 4: pending follow-up dates

    refresh_follow_ups(conn)


AFTER_LOAD.append(_refresh_follow_ups)


def _backfill_round_groups(conn: sa.Connection) -> None:
    from .round_groups import backfill  # schema step 10: an older export's groups

    backfill(conn)


AFTER_LOAD.append(_backfill_round_groups)

SERIALS = {
    "responses": "id",
    "report_backs": "id",
    "loop_transitions": "seq",
    "audit": "seq",
    "survey_rounds": "id",
    "survey_imports": "id",
    "survey_responses": "id",
    "sticker_tallies": "id",
}
"""Tables whose numbers the database hands out; PostgreSQL's sequences move past an import."""


def export_data(tx: Transaction, programme: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole programme as JSON data; ``programme`` overrides the stored configuration."""
    from .audit import entry_dicts

    return {
        "format": FORMAT,
        "version": VERSION,
        "schema_version": migrations.stored_version(tx.conn),
        "programme": programme if programme is not None else tx.programme.get_data(),
        "records": {section.name: section.dump(tx) for section in SECTIONS},
        "audit": entry_dicts(tx.audit.entries()),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export_text(store: Store, programme: dict[str, Any] | None = None) -> str:
    """The export file's text, read in one consistent snapshot."""
    with store.read() as tx:
        return dumps(export_data(tx, programme))


def is_empty(tx: Transaction) -> bool:
    """Whether the store holds no record of any kind (the bookkeeping tables aside)."""
    return not tx.conn.execute(_any_row()).scalar()


_ANY_ROW: dict[int, sa.Select[Any]] = {}


def _any_row() -> sa.Select[Any]:
    """One query, ``EXISTS (…) OR EXISTS (…) …`` over every table, rather than one per table:
    an import asks it first, and a store has some fifty tables."""
    tables = schema.metadata.tables
    if len(tables) not in _ANY_ROW:  # a later schema step may have added tables
        found = [
            sa.exists().select_from(t) for t in tables.values() if t.name not in schema.BOOKKEEPING
        ]
        _ANY_ROW[len(tables)] = sa.select(sa.or_(*found))
    return _ANY_ROW[len(tables)]


def _check_header(data: Any, source: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError([f'{source}: not a yhteiskehitys export (no "format": "{FORMAT}")'])
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ConfigError([f"{source}: version: expected a positive integer"])
    if version > VERSION:
        raise ConfigError(
            [
                f"{source}: export format version {version} is newer than this yhteiskehitys "
                f"reads (up to {VERSION}); upgrade yhteiskehitys to import it"
            ]
        )
    records = data.get("records")
    unknown = set(records) - {s.name for s in SECTIONS} if isinstance(records, dict) else ()
    if unknown:
        raise ConfigError(
            [f"{source}: records.{name}: unknown kind of record" for name in sorted(unknown)]
        )


def load_data(
    tx: Transaction, data: Any, *, source: str = "export.json", checked: bool = False
) -> int:
    """Load export data into the empty store of ``tx``; return the number of records.

    ``checked``: the caller has run :func:`validate_export` on this very data already (as
    :func:`import_text` does), so the walk over every value is not made twice.
    """
    if not checked:
        from .validate_export import validate_export

        _check_header(data, source)
        validate_export(data, source)
    if not is_empty(tx):
        raise YhteiskehitysError(
            f"the store {describe(tx.store.url)} already holds records; "
            "import only into an empty store (a new folder, or a new database)"
        )
    if data.get("programme") is not None:
        tx.programme.set_data(data["programme"], audit=False)
    records = data.get("records") or {}
    total = 0
    for section in SECTIONS:
        items = records.get(section.name, [])
        if not isinstance(items, list):
            raise ConfigError([f"{source}: records.{section.name}: expected a list"])
        total += section.load(tx, items, f"{source}: records.{section.name}")
    _restore_audit(tx, data.get("audit") or [], source)
    _advance_serials(tx)
    for refresh in AFTER_LOAD:
        refresh(tx.conn)
    return total


def import_text(
    store: Store, text: str, *, source: str = "export.json", operator: str | None = None
) -> int:
    """Load an export into an empty store in one transaction; return the number of records.

    The file is checked whole (:mod:`.validate_export`) before the store is touched.
    """
    from .validate_export import parse_export, validate_export

    data = parse_export(text, source)
    _check_header(data, source)
    validate_export(data, source)
    with refused_by_database(source), store.transaction(operator) as tx:
        total = load_data(tx, data, source=source, checked=True)
        tx.conn.execute(
            schema.imports.insert().values(
                at=datetime.now(UTC),
                operator=tx.operator,
                format_version=data["version"],
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                records=total,
            )
        )
    return total


@contextmanager
def refused_by_database(source: str) -> Iterator[None]:
    """A constraint the checks before missed, named by its kind and the source, never with
    the row's contents (decision texts, names and dates stay off the terminal)."""
    try:
        yield
    except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else ""
        raise ConfigError(
            [
                f"{source}: the store refused a record "
                f"({type(exc.orig).__name__}: {reason[:200]}); nothing was written"
            ]
        ) from None


def _restore_audit(tx: Transaction, items: list[Any], source: str) -> None:
    rows = []
    for n, item in enumerate(items):
        try:
            rows.append(
                {
                    "seq": item["seq"],
                    "operator": item["operator"],
                    "action": item["action"],
                    "entity": item["entity"],
                    "entity_id": item["id"],
                    "before": item["before"],
                    "after": item["after"],
                    "redacted": bool(item["redacted"]),
                    "at": structure(item["at"], datetime, tx.converter, f"{source}: audit[{n}].at"),
                }
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError([f"{source}: audit[{n}]: missing or wrong field {exc}"]) from None
    if rows:
        tx.conn.execute(schema.audit.insert(), rows)


def _advance_serials(tx: Transaction) -> None:
    if tx.conn.dialect.name != "postgresql":
        return  # SQLite hands out max(rowid) + 1
    for table, column in SERIALS.items():
        tx.conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            )
        )
