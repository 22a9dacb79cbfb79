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
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from attrs import frozen

from ..convert import iso_utc, structure
from ..errors import ConfigError, YhteiskehitysError
from . import migrations, schema
from .url import describe

if TYPE_CHECKING:
    from .core import Store, Transaction

FORMAT = "yhteiskehitys-export"
VERSION = 1


@frozen
class Section:
    """One list in ``records``: how to read it out of a store and write it back."""

    name: str
    dump: Callable[[Transaction], list[Any]]
    load: Callable[[Transaction, list[Any], str], int]


def _repo_section(name: str, attr: str) -> Section:
    """Id-keyed records through their repository (``Repository.dump`` / ``insert``)."""

    def dump(tx: Transaction) -> list[Any]:
        repo = getattr(tx, attr)
        return [repo.dump(obj) for obj in repo.list()]

    def load(tx: Transaction, items: list[Any], source: str) -> int:
        repo = getattr(tx, attr)
        objs = [
            structure(d, repo.model, tx.converter, f"{source}[{n}]") for n, d in enumerate(items)
        ]
        repo._require_new(objs)
        repo.check(objs)
        repo.insert(objs)
        return len(objs)

    return Section(name, dump, load)


def _subject_section(name: str, attr: str) -> Section:
    """Commissions and ideas with their loop state."""

    def dump(tx: Transaction) -> list[Any]:
        repo = getattr(tx, attr)
        states = repo.states()
        return [
            {**repo.dump(o), "state": states[o.id][0], "state_since": iso_utc(states[o.id][1])}
            for o in repo.list()
        ]

    def load(tx: Transaction, items: list[Any], source: str) -> int:
        repo = getattr(tx, attr)
        objs, states = [], []
        for n, item in enumerate(items):
            where = f"{source}[{n}]"
            data = dict(item)
            state, since = data.pop("state", None), data.pop("state_since", None)
            if not isinstance(state, str) or not isinstance(since, str):
                raise ConfigError([f"{where}: state and state_since are required"])
            objs.append(structure(data, repo.model, tx.converter, where))
            states.append((state, structure(since, datetime, tx.converter, f"{where}.state_since")))
        repo._require_new(objs)
        repo.check(objs)
        repo.insert(objs, states)
        return len(objs)

    return Section(name, dump, load)


def _numbered_section(name: str, attr: str) -> Section:
    """Responses and report-backs with their numbers."""

    def dump(tx: Transaction) -> list[Any]:
        repo = getattr(tx, attr)
        return [
            {"number": n, **tx.converter.unstructure(o, repo.model)} for n, o in repo.numbered()
        ]

    def load(tx: Transaction, items: list[Any], source: str) -> int:
        from .repos.subjects import resolve_subjects

        repo = getattr(tx, attr)
        rows = []
        for n, item in enumerate(items):
            data = dict(item)
            number = data.pop("number", None)
            if not isinstance(number, int):
                raise ConfigError([f"{source}[{n}].number: required, an integer"])
            rows.append((number, structure(data, repo.model, tx.converter, f"{source}[{n}]")))
        kinds = resolve_subjects(
            tx.conn, [(f"{source}[{n}]", o.subject) for n, (_, o) in enumerate(rows)]
        )
        repo.insert_numbered([(number, kinds[o.subject], o) for number, o in rows])
        return len(rows)

    return Section(name, dump, load)


def _tokens() -> Section:
    table = schema.anonymous_tokens

    def dump(tx: Transaction) -> list[Any]:
        return list(tx.conn.execute(sa.select(table.c.token).order_by(table.c.token)).scalars())

    def load(tx: Transaction, items: list[Any], source: str) -> int:
        if not all(isinstance(t, str) and t.startswith("anon-") for t in items):
            raise ConfigError([f"{source}: expected a list of anon-… tokens"])
        if items:
            tx.conn.execute(table.insert(), [{"token": t} for t in items])
        return len(items)

    return Section("anonymous_tokens", dump, load)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_json(column: sa.Column, value: Any, where: str, tx: Transaction) -> Any:
    if value is None:
        return None
    kind = column.type
    python_type = datetime if isinstance(kind, schema.UTCDateTime | sa.DateTime) else None
    python_type = date if isinstance(kind, sa.Date) else python_type
    if python_type in (datetime, date):
        return structure(value, python_type, tx.converter, where)
    return value


def table_section(table: sa.Table, order_by: str) -> Section:
    """A table exported column by column, for rows that have no model class of their own
    (loop transitions, and tables a later schema version adds). Times and dates become ISO
    text; every other value is written as the database holds it."""

    def dump(tx: Transaction) -> list[Any]:
        query = sa.select(table).order_by(table.c[order_by])
        result = tx.conn.execution_options(yield_per=10_000).execute(query).mappings()
        return [{k: _to_json(v) for k, v in row.items()} for row in result]

    def load(tx: Transaction, items: list[Any], source: str) -> int:
        rows = []
        for n, item in enumerate(items):
            where = f"{source}[{n}]"
            if not isinstance(item, dict) or set(item) - set(table.c.keys()):
                extra = sorted(set(item) - set(table.c.keys())) if isinstance(item, dict) else []
                raise ConfigError(
                    [f"{where}: unknown fields {extra} (allowed: {list(table.c.keys())})"]
                )
            rows.append({k: _from_json(table.c[k], v, f"{where}.{k}", tx) for k, v in item.items()})
        if rows:
            tx.conn.execute(table.insert(), rows)
        return len(rows)

    return Section(table.name, dump, load)


SECTIONS: list[Section] = [
    _repo_section("organisations", "organisations"),
    _repo_section("themes", "themes"),
    _repo_section("actors", "actors"),
    _repo_section("participants", "participants"),
    _repo_section("personal_data", "personal_data"),
    _tokens(),
    _subject_section("commissions", "commissions"),
    _subject_section("ideas", "ideas"),
    _repo_section("sessions", "sessions"),
    _repo_section("findings", "findings"),
    _numbered_section("responses", "responses"),
    _numbered_section("report_backs", "report_backs"),
    _repo_section("collaboration_feedback", "feedback"),
    _repo_section("pilots", "pilots"),
    table_section(schema.loop_transitions, "seq"),
]
"""In dependency order. A later schema version appends its own sections here."""

AFTER_LOAD: list[Callable[[sa.Connection], None]] = []
"""Run at the end of an import, in its transaction: recompute derived columns that the export
does not carry (a later schema version appends its refresh function here)."""

SERIALS = {"responses": "id", "report_backs": "id", "loop_transitions": "seq", "audit": "seq"}
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
    for table in schema.metadata.sorted_tables:
        if table.name in schema.BOOKKEEPING:
            continue
        if tx.conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            return False
    return True


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
    unknown = set(data.get("records") or {}) - {s.name for s in SECTIONS}
    if unknown:
        raise ConfigError(
            [f"{source}: records.{name}: unknown kind of record" for name in sorted(unknown)]
        )


def load_data(tx: Transaction, data: Any, *, source: str = "export.json") -> int:
    """Load export data into the empty store of ``tx``; return the number of records."""
    _check_header(data, source)
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
    """Load an export into an empty store in one transaction; return the number of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError([f"{source}: line {exc.lineno}: invalid JSON: {exc.msg}"]) from None
    _check_header(data, source)
    with store.transaction(operator) as tx:
        total = load_data(tx, data, source=source)
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
