"""Schema versions: an ordered list of steps, applied forward when a store is opened.

Every store has a ``schema_version`` table with one row per applied step. Opening a store
runs the missing steps in one transaction (all or nothing); a store newer than this code is
refused. A fresh store runs every step from the first, so the chain is exercised on each new
store and the tests compare its result with ``schema.metadata`` (see docs/store.md).

A step never changes once released. To change the schema: edit ``schema.py``, append a step
that brings version N-1 to N (create the new tables, add or alter columns), and commit a
fixture store of the new version made by ``tests/fixtures/stores/make_store.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from attrs import frozen

from .. import __version__
from ..errors import YhteiskehitysError
from . import schema


class SchemaVersionError(YhteiskehitysError):
    """The store was written by a newer yhteiskehitys, or is not a store at all."""


@frozen
class Step:
    version: int
    description: str
    upgrade: Callable[[sa.Connection], None]


def create_tables(conn: sa.Connection, *names: str) -> None:
    """Create the named tables as ``schema.py`` defines them (for steps adding new tables)."""
    schema.metadata.create_all(conn, tables=[schema.metadata.tables[n] for n in names])


V1_TABLES = tuple(t.name for t in schema.metadata.sorted_tables if t.name in {
    "schema_version", "programme", "organisations", "themes", "actors", "participants",
    "consents", "personal_data", "anonymous_tokens", "sessions", "session_attendance",
    "commissions", "ideas", "session_commissions", "findings", "artefacts", "responses",
    "report_backs", "collaboration_feedback", "pilots", "loop_transitions", "audit", "imports",
})  # fmt: skip

_SQLITE_AUDIT_GUARD = (
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN NOT NEW.redacted "
    "OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.operator IS NOT OLD.operator "
    "OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity "
    "OR NEW.entity_id IS NOT OLD.entity_id BEGIN "
    "SELECT RAISE(ABORT, 'the audit trail is append-only; only an erasure redacts it'); END",
)

_PG_AUDIT_GUARD = (
    """CREATE FUNCTION yk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit trail is append-only';
      END IF;
      IF NOT NEW.redacted OR NEW.seq <> OLD.seq OR NEW.at <> OLD.at
         OR NEW.operator <> OLD.operator OR NEW.action <> OLD.action
         OR NEW.entity <> OLD.entity OR NEW.entity_id <> OLD.entity_id THEN
        RAISE EXCEPTION 'the audit trail is append-only; only an erasure redacts it';
      END IF;
      RETURN NEW;
    END $$""",
    "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit "
    "FOR EACH ROW EXECUTE FUNCTION yk_audit_append_only()",
)


def _v1(conn: sa.Connection) -> None:
    create_tables(conn, *V1_TABLES)
    guard = _PG_AUDIT_GUARD if conn.dialect.name == "postgresql" else _SQLITE_AUDIT_GUARD
    for statement in guard:
        conn.exec_driver_sql(statement)


def _v2(conn: sa.Connection) -> None:
    """``loop_transitions.stay_days`` and the loop's indexes; a fresh store made by step 1 from
    today's tables has them already, so only what is missing is added."""
    inspector = sa.inspect(conn)
    table = schema.loop_transitions
    if "stay_days" not in {c["name"] for c in inspector.get_columns(table.name)}:
        kind = table.c.stay_days.type.compile(conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN stay_days {kind}")
    for index in schema.LOOP_INDEXES:
        assert index.table is not None  # each index is made on its table
        names = {i["name"] for i in inspector.get_indexes(index.table.name)}
        if index.name not in names:
            index.create(conn)


def _v3(conn: sa.Connection) -> None:
    create_tables(conn, "survey_rounds", "survey_imports", "survey_responses")


def _v4(conn: sa.Connection) -> None:
    """``follow_up`` on commissions and ideas: the follow-up date of the latest response while it
    is ``pending``, so overdue follow-ups are an index range. Backfilled from the responses."""
    inspector = sa.inspect(conn)
    for table in (schema.commissions, schema.ideas):
        if "follow_up" not in {c["name"] for c in inspector.get_columns(table.name)}:
            kind = table.c.follow_up.type.compile(conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN follow_up {kind}")
        names = {i["name"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if "follow_up" in index.columns and index.name not in names:
                index.create(conn)
    from .follow_ups import refresh_follow_ups

    refresh_follow_ups(conn)


def _v5(conn: sa.Connection) -> None:
    create_tables(conn, "checklist_progress")


def _v6(conn: sa.Connection) -> None:
    """Youth-council elections, and the facts their rules ask of participants (a fresh store
    made by step 1 from today's tables has the participant columns already)."""
    table = schema.participants
    present = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
    for name in ("municipality", "studying", "school"):
        if name not in present:
            kind = table.c[name].type.compile(conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {name} {kind}")
    create_tables(conn, *schema.ELECTION_TABLES)


def _v7(conn: sa.Connection) -> None:
    """``survey_rounds.label``: a round's label for reports, given at import (NULL: derived
    from the round's id, see ``measure.rounds``)."""
    table = schema.survey_rounds
    if "label" not in {c["name"] for c in sa.inspect(conn).get_columns(table.name)}:
        kind = table.c.label.type.compile(conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN label {kind}")


def _v8(conn: sa.Connection) -> None:
    """Sessions handle ideas as well as commissions."""
    create_tables(conn, "session_ideas")


def _v9(conn: sa.Connection) -> None:
    """Participatory budgets, their projects and ballots, and who has voted."""
    create_tables(conn, "budgets", "budget_projects", "budget_ballots", "budget_voters")


def _v10(conn: sa.Connection) -> None:
    """Several instruments in a round (one per group), sticker tallies and child impact
    assessments. Each group that answered an older round is recorded with the round's own
    instrument, so its answers read as before."""
    create_tables(conn, "survey_round_groups", "sticker_tallies", "child_impacts")
    from .round_groups import backfill

    backfill(conn)


STEPS: tuple[Step, ...] = (
    Step(1, "initial schema: records, loop, audit trail", _v1),
    Step(2, "feedback-loop figures: stay_days and indexes", _v2),
    Step(3, "survey rounds, imports and answers", _v3),
    Step(4, "feedback loop: pending follow-up dates on commissions and ideas", _v4),
    Step(5, "checklist progress through the model's phases", _v5),
    Step(6, "youth-council elections; participants' municipality, studying, school", _v6),
    Step(7, "survey rounds: a label for reports", _v7),
    Step(8, "sessions handle ideas as well as commissions", _v8),
    Step(9, "participatory budgets: projects, ballots and who has voted", _v9),
    Step(10, "several instruments in a round, sticker tallies, child impact assessments", _v10),
)
CURRENT_VERSION = STEPS[-1].version


def stored_version(conn: sa.Connection) -> int:
    """The store's schema version; 0 for an empty database."""
    names = set(sa.inspect(conn).get_table_names())
    if "schema_version" not in names:
        if names - {"sqlite_sequence"}:
            raise SchemaVersionError(
                "this database holds other tables but no yhteiskehitys store; "
                "give an empty database or a store's file"
            )
        return 0
    version = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(version or 0)


def check_not_newer(version: int) -> None:
    if version > CURRENT_VERSION:
        raise SchemaVersionError(
            f"the store has schema version {version}, but this yhteiskehitys ({__version__}) "
            f"knows versions up to {CURRENT_VERSION}; upgrade yhteiskehitys "
            "(pip install --upgrade yhteiskehitys) to open it"
        )


def migrate(conn: sa.Connection) -> list[int]:
    """Apply the missing steps inside the caller's write transaction; return their versions."""
    if conn.dialect.name == "postgresql":
        # Two programs opening one old store at once: the second waits, then finds it current.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(7907140851)"))
    version = stored_version(conn)
    check_not_newer(version)
    applied = []
    for step in STEPS:
        if step.version <= version:
            continue
        step.upgrade(conn)
        conn.execute(
            schema.schema_version.insert().values(
                version=step.version, applied_at=datetime.now(UTC), description=step.description
            )
        )
        applied.append(step.version)
    return applied
