"""Schema versions: every released fixture store migrates under today's code; newer is refused."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from yhteiskehitys.store import CURRENT_VERSION, SchemaVersionError, migrations, open_store
from yhteiskehitys.store.transfer import export_data

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stores"
STORES = sorted(FIXTURES.glob("v*.db"), key=lambda p: int(p.stem[1:]))


def _make_store_module():
    spec = importlib.util.spec_from_file_location("make_store", FIXTURES / "make_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shape(url: str) -> dict:
    engine = sa.create_engine(url)
    try:
        inspector = sa.inspect(engine)
        shape = {}
        for table in inspector.get_table_names():
            shape[table] = (
                {
                    (c["name"], c["nullable"], type(c["type"]).__name__)
                    for c in inspector.get_columns(table)
                },
                {
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in inspector.get_indexes(table)
                },
                {
                    (tuple(f["constrained_columns"]), f["referred_table"])
                    for f in inspector.get_foreign_keys(table)
                },
                tuple(inspector.get_pk_constraint(table)["constrained_columns"]),
                {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)},
            )
        with engine.connect() as conn:  # the audit trail's guard
            shape["triggers"] = set(
                conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            )
        return shape
    finally:
        engine.dispose()


def test_there_is_a_fixture_for_every_released_version():
    assert [int(p.stem[1:]) for p in STORES] == list(range(1, len(STORES) + 1))
    assert len(STORES) >= 1
    # A new schema version needs its fixture: python tests/fixtures/stores/make_store.py vN.db
    assert len(STORES) == CURRENT_VERSION


@pytest.mark.parametrize("fixture", STORES, ids=lambda p: p.name)
def test_an_old_store_migrates_and_keeps_its_records(fixture, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(fixture, old)
    version = int(fixture.stem[1:])
    with open_store(old) as store:
        assert store.migrated == list(range(version + 1, CURRENT_VERSION + 1))
        assert store.schema_version == CURRENT_VERSION
        with store.read() as tx:
            migrated = export_data(tx)
    fresh = tmp_path / "fresh.db"
    with open_store(fresh, operator="fixture") as store:
        with store.transaction() as tx:
            _make_store_module().fill(tx)
        with store.read() as tx:
            expected = export_data(tx)
    assert migrated["records"] == expected["records"]
    strip = lambda entries: [{k: v for k, v in e.items() if k != "at"} for e in entries]  # noqa: E731
    assert strip(migrated["audit"]) == strip(expected["audit"])
    fresh_shape = _shape(f"sqlite:///{fresh}")
    assert {name for name, _ in fresh_shape["triggers"]} == {"audit_no_delete", "audit_no_update"}
    assert _shape(f"sqlite:///{old}") == fresh_shape
    with open_store(old) as store:
        assert store.migrated == []  # opening again changes nothing


def test_every_table_of_the_schema_is_created(store):
    from yhteiskehitys.store.schema import metadata

    with store.read() as tx:
        names = set(sa.inspect(tx.conn).get_table_names())
    assert set(metadata.tables) <= names


def test_a_newer_store_is_refused_naming_both_versions(store_url):
    with open_store(store_url) as store, store.transaction() as tx:
        tx.conn.execute(
            sa.text(
                "INSERT INTO schema_version (version, applied_at, description) "
                "VALUES (:v, CURRENT_TIMESTAMP, 'from the future')"
            ),
            {"v": CURRENT_VERSION + 1},
        )
    with pytest.raises(SchemaVersionError) as caught:
        open_store(store_url)
    message = str(caught.value)
    assert f"schema version {CURRENT_VERSION + 1}" in message
    assert f"up to {CURRENT_VERSION}" in message and "upgrade yhteiskehitys" in message


def test_a_database_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "other.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER)")
    engine.dispose()
    with pytest.raises(SchemaVersionError, match="holds other tables but no yhteiskehitys store"):
        open_store(path)


def test_a_failing_step_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    shutil.copy(STORES[0], path)

    def broken(conn):
        conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("step failed")

    steps = (*migrations.STEPS[:1], migrations.Step(2, "broken", broken))
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with pytest.raises(RuntimeError, match="step failed"):
        open_store(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert "half_done" not in sa.inspect(conn).get_table_names()
        assert conn.exec_driver_sql("SELECT max(version) FROM schema_version").scalar() == 1
    engine.dispose()
