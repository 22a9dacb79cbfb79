"""The lists of an export's ``records``: how each kind leaves a store and comes back.

Id-keyed records go through their repository (the model objects, through the converter);
commissions and ideas carry their loop state; responses and report-backs their numbers; tables
without a model class (loop transitions, and tables a later schema version adds) column by
column. ``SECTIONS`` is in dependency order; a later schema version appends to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from attrs import frozen

from ..convert import iso_utc, structure
from ..errors import ConfigError
from . import schema

if TYPE_CHECKING:
    from .core import Transaction


@frozen
class Section:
    """One list in ``records``: how to read it out of a store and write it back."""

    name: str
    dump: Callable[[Transaction], list[Any]]
    load: Callable[[Transaction, list[Any], str], int]
    table: sa.Table | None = None
    """The table written column by column (:func:`table_section`), checked column by column
    before an import (``validate_export``); None for kinds that go through a model class."""


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
        repo._require_unique(objs)  # the store is empty; insert() names an id it holds
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
        repo._require_unique(objs)  # as above
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
        # A column without a time zone holds local wall-clock times; keep them as they are.
        return value.isoformat(timespec="microseconds") if value.tzinfo is None else iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_json(column: sa.Column, value: Any, where: str, tx: Transaction) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, sa.DateTime) and not isinstance(kind, schema.UTCDateTime):
        if not kind.timezone:
            try:
                return datetime.fromisoformat(value)
            except (TypeError, ValueError):
                raise ConfigError([f"{where}: expected a date and time (got {value!r})"]) from None
    if isinstance(kind, schema.UTCDateTime | sa.DateTime):
        return structure(value, datetime, tx.converter, where)
    if isinstance(kind, sa.Date):
        return structure(value, date, tx.converter, where)
    return value


def table_section(table: sa.Table, order_by: str, *then_by: str) -> Section:
    """A table exported column by column, for rows that have no model class of their own
    (loop transitions, and tables a later schema version adds). Times and dates become ISO
    text; every other value is written as the database holds it."""

    def dump(tx: Transaction) -> list[Any]:
        query = sa.select(table).order_by(*(table.c[c] for c in (order_by, *then_by)))
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
            # Every row with every column, so one batch insert takes them all (a column left
            # out of one row is null, as the schema's check before allowed).
            row = dict.fromkeys(table.c.keys())
            row.update({k: _from_json(table.c[k], v, f"{where}.{k}", tx) for k, v in item.items()})
            rows.append(row)
        if rows:
            tx.conn.execute(table.insert(), rows)
        return len(rows)

    return Section(table.name, dump, load, table)


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
    # Survey rounds and answers (schema step 3): wide rows without a model class.
    table_section(schema.survey_rounds, "id"),
    table_section(schema.survey_imports, "id"),
    table_section(schema.survey_responses, "id"),
    # Checklist progress (schema step 5).
    table_section(schema.checklist_progress, "item"),
    # Youth-council elections (schema step 6): codes by hash and tallies by key, never in the
    # order they were written.
    table_section(schema.elections, "id"),
    table_section(schema.election_roll, "election", "voter"),
    table_section(schema.election_candidates, "election", "candidate"),
    table_section(schema.election_codes, "election", "code_hash"),
    table_section(schema.election_ballots, "election", "place", "candidate"),
    table_section(schema.election_results, "election"),
    # Participatory budgets (schema step 9).
    table_section(schema.budgets, "id"),
    table_section(schema.budget_projects, "budget", "position"),
    table_section(schema.budget_ballots, "budget", "position", "key"),
    table_section(schema.budget_voters, "budget", "voter"),
    # Several instruments in a round, sticker tallies, child impact assessments (step 10).
    table_section(schema.survey_round_groups, "round"),
    table_section(schema.sticker_tallies, "id"),
    table_section(schema.child_impacts, "commission"),
]
"""In dependency order. A later schema version appends its own sections here."""
