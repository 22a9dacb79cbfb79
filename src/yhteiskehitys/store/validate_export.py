"""An export file checked against its schema before an import touches the store.

Everything the database would refuse half-way through an import (a duplicate number, a text
longer than its column, an integer too large, a reference to a record the file lacks, a list
where a value belongs) is found here first and reported at once, each problem with its path:
``records.json: audit[1].seq: duplicate``. The model classes check their own fields when the
import structures them; this module checks what sits around them and the tables that have no
model class.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import sqlalchemy as sa

from ..errors import ConfigError
from ..limits import MAX_PROBLEMS, plain_data_problems
from . import schema

__all__ = ["column_problems", "parse_export", "validate_export"]

AUDIT_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "seq": (int, False),
    "at": (str, False),
    "operator": (str, False),
    "action": (str, False),
    "entity": (str, False),
    "id": (str, False),
    "redacted": (bool, False),
}
"""An audit entry's scalar fields: the kind and whether null is allowed (before/after are any
JSON); as the audit table's columns (a test keeps them equal)."""
AUDIT_COLUMNS = {
    "seq": "seq",
    "at": "at",
    "operator": "operator",
    "action": "action",
    "entity": "entity",
    "id": "entity_id",
    "redacted": "redacted",
}
_INT_BITS = {sa.SmallInteger: 15, sa.BigInteger: 63, sa.Integer: 31}


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_export(text: str, source: str) -> Any:
    """The JSON of an export, or :class:`ConfigError` naming the line or the path."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ConfigError([f"{source}: line {exc.lineno}: invalid JSON: {exc.msg}"]) from None
    except RecursionError:
        raise ConfigError([f"{source}: nested too deeply to be an export"]) from None
    except ValueError as exc:  # an integer of thousands of digits, NaN, Infinity
        raise ConfigError([f"{source}: invalid JSON: {exc}"]) from None
    deep = [p for p in plain_data_problems(data, source) if "levels deep" in p]
    if deep:  # nothing below may walk such a file; the other problems come with the rest
        raise ConfigError(deep)
    return data


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {int: "an integer", str: "a string", bool: "true or false", dict: "a table"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _is(value: Any, kind: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool) and kind is not bool:
        return False
    return isinstance(value, kind)


def column_problems(column: sa.Column[Any], value: Any, where: str) -> list[str]:
    """What a column of the store would refuse in ``value``, alike on SQLite and PostgreSQL."""
    if value is None:
        return [] if column.nullable else [f"{where}: required, must not be null"]
    kind = column.type
    if isinstance(kind, sa.JSON):
        return []
    if isinstance(kind, sa.Boolean):
        return [] if isinstance(value, bool) else [f"{where}: expected true or false"]
    if isinstance(kind, sa.Integer):
        if not _is(value, int):
            return [f"{where}: expected an integer (got {_describe(value)})"]
        bits = next((b for t, b in _INT_BITS.items() if isinstance(kind, t)), 63)
        if not -(2**bits) <= value < 2**bits:
            return [f"{where}: {value} is outside -2^{bits} to 2^{bits} - 1"]
        return []
    if isinstance(kind, sa.Float):
        return [] if _is(value, (int, float)) else [f"{where}: expected a number"]
    if isinstance(kind, sa.Date | sa.DateTime):
        return [] if isinstance(value, str) else [f"{where}: expected an ISO date or time text"]
    if isinstance(kind, sa.String):
        if not isinstance(value, str):
            return [f"{where}: expected a string (got {_describe(value)})"]
        if "\x00" in value:
            return [f"{where}: contains the NUL character, which the database cannot store"]
        if kind.length is not None and len(value) > kind.length:
            return [f"{where}: at most {kind.length} characters (got {len(value)})"]
    return []


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return type(value).__name__ if not isinstance(value, str) else "a string"


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []
        self.keys: dict[str, set[Any]] = {}

    def add(self, problem: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def unique(self, values: list[tuple[str, Any]], table: str | None = None) -> None:
        seen: set[Any] = set()
        for where, value in values:
            try:
                if value in seen:
                    self.add(f"{where}: duplicate")
                seen.add(value)
            except TypeError:  # unhashable: reported by the type check
                continue
        if table is not None:
            self.keys[table] = seen


def validate_export(data: Any, source: str = "export.json") -> None:
    """Raise :class:`ConfigError` listing every problem of an export's shape and values."""
    from .sections import SECTIONS

    check = _Checker(source)
    plain = plain_data_problems(data, source)
    if any("levels deep" in p for p in plain):
        raise ConfigError(plain)
    for problem in plain:
        check.add(problem)
    if not isinstance(data, dict):
        raise ConfigError([f"{source}: (top level): expected a table (a JSON object)"])
    for key in ("format", "version", "records", "audit"):
        if key not in data:
            check.add(f"{source}: {key}: required field is missing")
    if not isinstance(data.get("format", ""), str):
        check.add(f"{source}: format: expected a string")
    version = data.get("version", 1)
    if not _is(version, int):
        check.add(f"{source}: version: expected a positive integer")
    if "schema_version" in data and not _is(data["schema_version"], int):
        check.add(f"{source}: schema_version: expected an integer")
    if data.get("programme") is not None and not isinstance(data["programme"], dict):
        check.add(f"{source}: programme: expected a table or null")
    unknown = set(data) - {"format", "version", "schema_version", "programme", "records", "audit"}
    for key in sorted(unknown):
        check.add(f"{source}: {key}: unknown field")
    records = data.get("records", {})
    if not isinstance(records, dict):
        check.add(f"{source}: records: expected a table of lists (got {_describe(records)})")
        records = {}
    names = {s.name for s in SECTIONS}
    for name in sorted(set(records) - names):
        check.add(f"{source}: records.{name}: unknown kind of record")
    for section in SECTIONS:
        items = records.get(section.name, [])
        where = f"{source}: records.{section.name}"
        if not isinstance(items, list):
            check.add(f"{where}: expected a list (got {_describe(items)})")
            continue
        _check_section(check, section.name, items, where, section.table)
    audit = data.get("audit", [])
    if not isinstance(audit, list):
        check.add(f"{source}: audit: expected a list (got {_describe(audit)})")
    else:
        _check_audit(check, audit, f"{source}: audit")
    if check.problems:
        raise ConfigError(check.problems)


_NUMBERED = {"responses", "report_backs"}
_KEYS = {"personal_data": "participant"}
"""The key of an id-keyed kind whose key is not ``id``."""


def _check_section(
    check: _Checker, name: str, items: list[Any], where: str, table: sa.Table | None = None
) -> None:
    if name == "anonymous_tokens":
        for n, token in enumerate(items):
            if not isinstance(token, str):
                check.add(f"{where}[{n}]: expected an anon-… token")
            else:
                for problem in column_problems(
                    schema.anonymous_tokens.c.token, token, f"{where}[{n}]"
                ):
                    check.add(problem)
        check.unique([(f"{where}[{n}]", t) for n, t in enumerate(items)])
        return
    rows = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            check.add(f"{where}[{n}]: expected a table of fields (got {_describe(item)})")
        else:
            rows.append((n, item))
    if table is not None:  # every table_section, whichever schema step added it
        _check_table(check, table, rows, where)
        return
    key = "number" if name in _NUMBERED else _KEYS.get(name, "id")
    keyed = []
    for n, item in rows:
        value = item.get(key)
        if key == "number" and not _is(value, int):
            check.add(f"{where}[{n}].number: required, an integer")
            continue
        if key == "number" and isinstance(value, int) and not 0 < value < 2**31:
            check.add(f"{where}[{n}].number: must be between 1 and 2^31 - 1")
        if key != "number" and not isinstance(value, str):
            continue  # the model reports a missing or mistyped id with its other fields
        keyed.append((f"{where}[{n}].{key}", value))
    check.unique(keyed, name)


_ANY, _TEXT, _DATE, _OTHER = range(4)


def _quick(column: sa.Column[Any]) -> tuple[int, int]:
    """What :func:`column_problems` passes at a glance: any value (JSON), a text up to a
    length without NUL (strings), any text (dates and times); the rest it looks at in full."""
    kind = column.type
    if isinstance(kind, sa.JSON):
        return _ANY, 0
    if isinstance(kind, sa.Boolean | sa.Integer | sa.Float):
        return _OTHER, 0
    if isinstance(kind, sa.Date | sa.DateTime):
        return _DATE, 0
    if isinstance(kind, sa.String):
        return _TEXT, kind.length if kind.length is not None else sys.maxsize
    return _OTHER, 0


_PLANS: dict[int, tuple[sa.Table, list[tuple[sa.Column[Any], str, bool, int, int]]]] = {}


def _plan(table: sa.Table) -> list[tuple[sa.Column[Any], str, bool, int, int]]:
    """Per column: the column, its name, whether it may be null, and :func:`_quick`; built once
    per table, as an export has hundreds of rows and each is checked column by column."""
    found = _PLANS.get(id(table))
    if found is None or found[0] is not table:
        plan = [(c, c.name, bool(c.nullable), *_quick(c)) for c in table.c]
        found = _PLANS[id(table)] = (table, plan)
    return found[1]


def _check_table(
    check: _Checker, table: sa.Table, rows: list[tuple[int, dict[str, Any]]], where: str
) -> None:
    columns = table.c
    plan = _plan(table)
    allowed = set(columns.keys())
    for n, item in rows:
        if not allowed.issuperset(item):
            for key in sorted(set(item) - allowed):
                check.add(
                    f"{where}[{n}].{key}: unknown field (allowed: {', '.join(columns.keys())})"
                )
        for column, name, nullable, quick, longest in plan:
            if name not in item:
                if not nullable:
                    check.add(f"{where}[{n}].{name}: required field is missing")
                continue
            value = item[name]
            if value is None:
                if nullable:
                    continue
            elif quick == _ANY:
                continue
            elif type(value) is str and (
                quick == _DATE or (quick == _TEXT and len(value) <= longest and "\x00" not in value)
            ):
                continue
            for problem in column_problems(column, value, f"{where}[{n}].{name}"):
                check.add(problem)
    # The primary key and every unique constraint, single or composite, as the database
    # checks them; a single-column key is also what other tables' references are checked by.
    pk = [c.name for c in table.primary_key.columns]
    keys = [pk] if pk else []
    keys += [
        [c.name for c in constraint.columns]
        for constraint in table.constraints
        if isinstance(constraint, sa.UniqueConstraint)
    ]
    keys += [[c.name] for c in columns if c.unique and not c.primary_key]
    for names in keys:
        here = ", ".join(names) if len(names) > 1 else names[0]
        values = [
            (f"{where}[{n}].{here}", _key(item, names))
            for n, item in rows
            if all(item.get(k) is not None for k in names)
        ]
        check.unique(values, table.name if names is pk and len(pk) == 1 else None)
    for column in columns:
        for fk in column.foreign_keys:
            target = fk.column.table.name
            known = check.keys.get(target)
            if known is None or list(fk.column.table.primary_key.columns) != [fk.column]:
                continue
            for n, item in rows:
                value = item.get(column.name)
                if value is not None and _hashable(value) and value not in known:
                    check.add(f"{where}[{n}].{column.name}: {value!r} is not in records.{target}")


def _key(item: dict[str, Any], names: list[str]) -> Any:
    """A row's key: the value of a single column, a tuple of a composite key's values."""
    if len(names) == 1:
        return item[names[0]]
    values = tuple(item[k] for k in names)
    return values if all(_hashable(v) for v in values) else [values]  # unhashable: type error


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _check_audit(check: _Checker, items: list[Any], where: str) -> None:
    seqs = []
    for n, item in enumerate(items):
        here = f"{where}[{n}]"
        if not isinstance(item, dict):
            check.add(f"{here}: expected a table of fields (got {_describe(item)})")
            continue
        for key, (kind, nullable) in AUDIT_FIELDS.items():
            if key not in item:
                check.add(f"{here}.{key}: required field is missing")
            elif item[key] is None and nullable:
                continue
            elif not _is(item[key], kind):
                check.add(f"{here}.{key}: expected {_kind_name(kind)}")
            elif key in AUDIT_COLUMNS:
                column = schema.audit.c[AUDIT_COLUMNS[key]]
                for problem in column_problems(column, item[key], f"{here}.{key}"):
                    check.add(problem)
        for key in ("before", "after"):
            if key not in item:
                check.add(f"{here}.{key}: required field is missing")
        for key in sorted(set(item) - set(AUDIT_FIELDS) - {"before", "after"}):
            check.add(f"{here}.{key}: unknown field")
        if _is(item.get("seq"), int):
            seqs.append((f"{here}.seq", item["seq"]))
    check.unique(seqs)
