"""Export → import → export gives the same bytes, across SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from yhteiskehitys.errors import ConfigError, YhteiskehitysError
from yhteiskehitys.store import open_store
from yhteiskehitys.store.transfer import FORMAT, export_text, import_text

from .records import fill


def test_export_import_export_is_byte_identical(store, second_store_url):
    with store.transaction() as tx:
        fill(tx)
    first = export_text(store)
    with open_store(second_store_url, operator="importer") as other:
        assert import_text(other, first) > 10
        again = export_text(other)
    assert again == first


def test_export_is_versioned_deterministic_and_readable(store):
    with store.transaction() as tx:
        fill(tx)
    text = export_text(store)
    data = json.loads(text)
    assert (data["format"], data["version"]) == (FORMAT, 1)
    assert text == export_text(store)
    assert text.startswith('{\n  "audit": [')
    assert [s["id"] for s in data["records"]["sessions"]] == ["S-1", "S-2"]
    assert data["records"]["commissions"][0]["state"] == "reported_back"
    assert data["records"]["report_backs"][0]["at"] == "2024-03-05T12:00:00.000000Z"
    assert data["audit"][0]["at"].endswith("Z")
    assert [e["seq"] for e in data["audit"]] == sorted(e["seq"] for e in data["audit"])


def test_import_keeps_the_numbering_going(store, twin_store_url):
    from datetime import date

    from yhteiskehitys.model import Response

    with store.transaction() as tx:
        fill(tx)
    with open_store(twin_store_url) as other:
        import_text(other, export_text(store))
        with other.transaction() as tx:
            number = tx.responses.add(
                Response(
                    subject="C-1",
                    outcome="not_adopted",
                    decided_by="Kela",
                    decided=date(2024, 6, 1),
                    reason="No budget",
                    decision_text="No",
                )
            )
            assert number == 2
        with other.read() as tx:
            seqs = [e.seq for e in tx.audit.entries()]
        assert seqs == sorted(set(seqs))


def test_import_refuses_a_store_with_records(store):
    with store.transaction() as tx:
        fill(tx)
    text = export_text(store)
    with pytest.raises(
        YhteiskehitysError, match="already holds records; import only into an empty"
    ):
        import_text(store, text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=99), "export format version 99 is newer"),
        (lambda d: d.update(format="other"), "not a yhteiskehitys export"),
        (lambda d: d["records"].update(things=[]), "records.things: unknown kind of record"),
        (lambda d: d["records"]["sessions"][0].update(attendees=["P-404"]), "attendee 'P-404'"),
        (lambda d: d["records"]["themes"][0].update(kind="forever"), r"records.themes\[0\]: kind"),
    ],
)
def test_bad_import_names_the_problem_and_writes_nothing(store, twin_store_url, change, message):
    with store.transaction() as tx:
        fill(tx)
    data = json.loads(export_text(store))
    change(data)
    with open_store(twin_store_url) as other:
        with pytest.raises((ConfigError, YhteiskehitysError), match=message):
            import_text(other, json.dumps(data), source="records.json")
        with other.read() as tx:
            assert tx.audit.count() == 0 and tx.participants.count() == 0


def test_import_of_broken_json_is_a_config_error(store):
    with pytest.raises(ConfigError, match=r"records\.json: line 1: invalid JSON"):
        import_text(store, "{", source="records.json")


def test_survey_rounds_and_answers_travel_in_the_export(store, second_store_url):
    from datetime import UTC, datetime

    from yhteiskehitys.store import schema
    from yhteiskehitys.store.bulk import insert_columns
    from yhteiskehitys.store.round_groups import backfill

    with store.transaction() as tx:
        fill(tx)
        insert_columns(tx.conn, schema.survey_rounds, {
            "name": ["2024-spring"], "instrument": ["barometer"], "instrument_version": ["1"],
            "items": [["heard1", "heard2"]], "dimensions": [["heard"]],
            "created": [datetime(2024, 3, 1, tzinfo=UTC)],
        })  # fmt: skip
        round_id = tx.conn.execute(sa.select(schema.survey_rounds.c.id)).scalar()
        insert_columns(tx.conn, schema.survey_imports, {
            "round": [round_id], "at": [datetime(2024, 3, 2, tzinfo=UTC)], "operator": ["o"],
            "reader": ["csv"], "source": ["answers.csv"], "sha256": ["0" * 64], "rows": [2],
        })  # fmt: skip
        import_id = tx.conn.execute(sa.select(schema.survey_imports.c.id)).scalar()
        insert_columns(tx.conn, schema.survey_responses, {
            "round": [round_id] * 2, "grp": ["participant", "comparison"],
            "import_id": [import_id] * 2, "line": [2, 3], "respondent_key": ["k1", None],
            "age_band": ["16-19", None], "area": ["", None],
            "answered_at": [datetime(2024, 3, 1, 9, 30), None], "score": [3.25, None],
            "p01": [4, None], "p02": [2, 5], "d01": [3.0, 5.0],
        })  # fmt: skip
        # An import records each group's instrument, as every survey import does.
        backfill(tx.conn)
    first = export_text(store)
    data = json.loads(first)
    assert [g["instrument"] for g in data["records"]["survey_round_groups"]] == ["barometer"] * 2
    assert [r["grp"] for r in data["records"]["survey_responses"]] == ["participant", "comparison"]
    assert data["records"]["survey_responses"][0]["answered_at"] == "2024-03-01T09:30:00.000000"
    with open_store(second_store_url) as other:
        import_text(other, first)
        assert export_text(other) == first


def test_import_recomputes_the_follow_up_of_pending_responses(store, twin_store_url):
    from datetime import date

    from yhteiskehitys.model import Response
    from yhteiskehitys.store import schema

    with store.transaction() as tx:
        fill(tx)
        tx.responses.add(
            Response(subject="C-1", outcome="pending", decided_by="Kela", decided=date(2024, 6, 1),
                     follow_up=date(2024, 9, 1), decision_text="Budget in autumn")
        )  # fmt: skip
        query = sa.select(schema.commissions.c.follow_up)
        assert tx.conn.execute(query).scalar() == date(2024, 9, 1)
    with open_store(twin_store_url) as other:
        import_text(other, export_text(store))
        with other.read() as tx:
            assert tx.conn.execute(query).scalar() == date(2024, 9, 1)


def test_a_store_with_one_row_in_any_table_is_not_empty(store):
    """The emptiness an import asks for is one query over every table, the late ones too."""
    from datetime import UTC, datetime

    from yhteiskehitys.store import schema
    from yhteiskehitys.store.bulk import insert_columns
    from yhteiskehitys.store.transfer import _any_row, is_empty

    asked = str(_any_row())
    for table in schema.metadata.tables.values():
        assert (f"FROM {table.name})" in asked) is (table.name not in schema.BOOKKEEPING)
    with store.read() as tx:
        assert is_empty(tx)
    with store.transaction() as tx:
        insert_columns(tx.conn, schema.survey_rounds, {
            "name": ["2024-spring"], "instrument": ["barometer"], "instrument_version": ["1"],
            "items": [["heard1"]], "dimensions": [["heard"]],
            "created": [datetime(2024, 3, 1, tzinfo=UTC)],
        })  # fmt: skip
        assert not is_empty(tx)
