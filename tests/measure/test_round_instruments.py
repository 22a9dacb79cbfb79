"""A round holds several instruments, one per group: the children's faces and the parents'
survey side by side, published together; older stores keep working."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from yhteiskehitys.errors import ConfigError
from yhteiskehitys.measure import registry
from yhteiskehitys.measure.importing import import_export
from yhteiskehitys.measure.results import measure
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.store import CURRENT_VERSION, open_store, schema

PM = get_plugin_manager()
INSTRUMENTS = registry.instruments(PM)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stores"


def answers(path: Path, instrument, rows) -> Path:
    header = ";".join(
        ["Vastaaja", *[f"{i}. {it.text.fi}" for i, it in enumerate(instrument.items, 1)]]
    )
    lines = [header, *(";".join([str(n), *map(str, r)]) for n, r in enumerate(rows, 1))]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _import(store, path, round_name, name, group):
    return import_export(store, path, round_name=round_name, instrument=INSTRUMENTS[name],
                         reader=registry.get_reader(PM, "webropol"), group=group)  # fmt: skip


def test_children_and_parents_answer_one_round_side_by_side(store, tmp_path):
    kids, adults = INSTRUMENTS["barometer-lapset"], INSTRUMENTS["barometer"]
    _import(store, answers(tmp_path / "k.csv", kids, [[3] * 6] * 6), "r1", kids.name, "children")
    _import(store, answers(tmp_path / "p.csv", adults, [[4] * 12] * 8), "r1", adults.name,
            "parents")  # fmt: skip
    _import(store, answers(tmp_path / "k2.csv", kids, [[2] * 6] * 7), "r2", kids.name, "children")
    with store.read() as tx:
        groups = tx.surveys.groups([r.id for r in tx.surveys.rounds()])
        tables = measure(tx.surveys, INSTRUMENTS, k=5, lang="en", by="dimension")
        items = measure(tx.surveys, INSTRUMENTS, k=5, lang="en", by="item", items=["heard1"])
    assert {(g.group, g.instrument) for g in groups.values()} == {
        ("children", "barometer-lapset"), ("parents", "barometer")
    }  # fmt: skip
    kids_total, parents_total = tables[0], tables[1 + len(kids.dimensions)]
    assert kids_total.title.startswith("Children's participation barometer")
    assert kids_total.cols == ("r1", "r2") and kids_total.rows == ("children",)
    assert kids_total.cells[("children", "r1")].values["mean"] == 100.0
    assert "change" in kids_total.derived_cols
    assert parents_total.title.startswith("Participation barometer")
    assert parents_total.cols == ("r1",) and parents_total.rows == ("parents",)
    assert parents_total.cells[("parents", "r1")].n == 8
    means = {t.title[-5:]: t.rows for t in items if t.title.startswith("heard1") and ")" in t.title}
    assert means == {"(1–3)": ("children",), "(1–5)": ("parents",)}


def test_a_file_with_a_group_column_cannot_switch_a_groups_instrument(store, tmp_path):
    kids, adults = INSTRUMENTS["barometer-lapset"], INSTRUMENTS["barometer"]
    _import(store, answers(tmp_path / "k.csv", kids, [[3] * 6] * 6), "r1", kids.name, "children")
    with pytest.raises(ConfigError, match="group 'children' answered round 'r1'"):
        _import(store, answers(tmp_path / "p.csv", adults, [[4] * 12] * 8), "r1", adults.name,
                "children")  # fmt: skip
    with store.read() as tx:
        n = tx.conn.execute(sa.select(sa.func.count()).select_from(schema.survey_responses))
        assert n.scalar() == 6


def test_an_old_store_with_answers_gets_each_groups_instrument(tmp_path):
    """A version-5 store answered before rounds held several instruments: migrating records
    the round's instrument for each group that answered, so its results read as before."""
    old = tmp_path / "v5.db"
    shutil.copy(FIXTURES / "v5.db", old)
    engine = sa.create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO survey_rounds (name, instrument, instrument_version, items, dimensions, "
            "created) VALUES ('r1', 'barometer-lapset', '1', "
            '\'["heard1","heard2","influence1","influence2","belonging1","belonging2"]\','
            ' \'["heard","influence","belonging"]\', \'2024-03-01 00:00:00.000000\')'
        )
        conn.exec_driver_sql(
            "INSERT INTO survey_imports (round, at, operator, reader, source, sha256, rows) "
            "VALUES (1, '2024-03-01 00:00:00.000000', 'o', 'csv', 'a.csv', '0', 6)"
        )
        for line in range(2, 8):
            conn.exec_driver_sql(
                "INSERT INTO survey_responses (round, grp, import_id, line, score, p01) "
                f"VALUES (1, 'participant', 1, {line}, 100.0, 3)"
            )
    engine.dispose()
    with open_store(old) as store:
        assert store.migrated == list(range(6, CURRENT_VERSION + 1))
        with store.read() as tx:
            (group,) = tx.surveys.groups([1]).values()
            (table,) = measure(tx.surveys, INSTRUMENTS, k=5, lang="en")
    assert (group.group, group.instrument) == ("participant", "barometer-lapset")
    assert table.cells[("participant", "r1")].n == 6


def test_a_persons_answers_are_named_by_their_groups_instrument(store, tmp_path):
    from yhteiskehitys.store.rights import _survey_answers

    kids, adults = INSTRUMENTS["barometer-lapset"], INSTRUMENTS["barometer"]
    _import(store, answers(tmp_path / "k.csv", kids, [[3] * 6] * 5), "r1", kids.name, "children")
    _import(store, answers(tmp_path / "p.csv", adults, [[4] * 12] * 6), "r1", adults.name,
            "parents")  # fmt: skip
    r = schema.survey_responses
    with store.transaction() as tx:
        first = sa.select(sa.func.min(r.c.id)).where(r.c.grp == "parents").scalar_subquery()
        tx.conn.execute(r.update().where(r.c.id == first).values(respondent_key="k-6"))
    with store.read() as tx:
        (found,) = _survey_answers(tx, ["k-6"])
    assert found["group"] == "parents"
    assert list(found["answers"]) == list(adults.item_ids())
