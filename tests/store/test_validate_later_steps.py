"""The export check and the equal text limits cover the tables of the later schema steps too
(elections, round labels, session ideas, budgets, several instruments per round, sticker
tallies, child impact assessments): a composite key is checked as one key, a
reference to a budget the file lacks is named, and a text longer than its column is refused
before writing, on SQLite as on PostgreSQL."""

from __future__ import annotations

import copy
import json

import pytest

from yhteiskehitys.decide import budgets as B
from yhteiskehitys.errors import ConfigError, YhteiskehitysError
from yhteiskehitys.store import open_store, schema
from yhteiskehitys.store.sections import SECTIONS
from yhteiskehitys.store.transfer import export_text, import_text, is_empty

ELECTION = {
    "id": "nuva-2026",
    "title": {"fi": "Nuorisovaltuuston vaali", "sv": "Val", "en": "Youth council election"},
    "seats": 3,
    "deputies": 1,
    "opens": "2026-03-01T08:00:00.000000Z",
    "closes": "2026-03-08T18:00:00.000000Z",
    "time_zone": "Europe/Helsinki",
    "term_start": "2026-04-01",
    "term_end": "2028-03-31",
    "rules": {},
    "quotas": {},
    "code_salt": "00" * 16,
    "code_cost": 14,
}


def _budget_export(store) -> dict:
    with store.transaction() as tx:
        B.create_budget(tx, B.make_budget(id="koulu", title="Koulun budjetti", amount="1000"))
        B.add_projects(
            tx,
            "koulu",
            [
                B.make_project(id="1", name="Keinut", cost=600),
                B.make_project(id="2", name="Kirjasto", cost=500),
            ],
        )
    return json.loads(export_text(store))


def _refused(url: str, data: dict) -> list[str]:
    with open_store(url, operator="tester") as other:
        with pytest.raises(ConfigError) as caught:
            import_text(other, json.dumps(data), source="records.json")
        with other.read() as tx:
            assert is_empty(tx)
    return caught.value.problems


def test_a_valid_export_with_composite_keys_passes(store, second_store_url):
    data = _budget_export(store)
    data["records"]["elections"] = [ELECTION]
    data["records"]["election_candidates"] = [
        {"election": "nuva-2026", "candidate": "c1", "name": "A", "school": None},
        {"election": "nuva-2026", "candidate": "c2", "name": "B", "school": None},
    ]
    with open_store(second_store_url, operator="tester") as other:
        import_text(other, json.dumps(data), source="records.json")


def test_a_duplicate_composite_key_is_named(store, second_store_url):
    data = _budget_export(store)
    projects = data["records"]["budget_projects"]
    projects.append({**projects[0], "position": 99})
    assert _refused(second_store_url, data) == [
        "records.json: records.budget_projects[2].budget, id: duplicate"
    ]


def test_a_reference_to_a_budget_the_file_lacks_is_named(store, second_store_url):
    data = _budget_export(store)
    data["records"]["budget_projects"][1]["budget"] = "kaupunki"
    assert _refused(second_store_url, data) == [
        "records.json: records.budget_projects[1].budget: 'kaupunki' is not in records.budgets"
    ]


@pytest.mark.parametrize(
    "section, row, message",
    [
        (
            "elections",
            {**ELECTION, "time_zone": "x" * 65},
            "records.json: records.elections[0].time_zone: at most 64 characters (got 65)",
        ),
        (
            "elections",
            {**ELECTION, "seats": 2**40},
            "records.json: records.elections[0].seats: 1099511627776 is outside",
        ),
    ],
    ids=["long-time-zone", "huge-seats"],
)
def test_an_election_row_is_checked_before_writing(store, second_store_url, section, row, message):
    data = copy.deepcopy(_budget_export(store))
    data["records"][section] = [row]
    problems = _refused(second_store_url, data)
    assert any(p.startswith(message) for p in problems), problems


def test_a_long_currency_is_refused_alike_and_nothing_is_written(store):
    too_long = B.make_budget(id="kunta", title="Kunnan budjetti", amount=1, currency="x" * 9)
    with pytest.raises(YhteiskehitysError, match=r"budgets 'kunta'\.currency: at most 8"):
        with store.transaction() as tx:
            B.create_budget(tx, too_long)
    with store.read() as tx:
        assert tx.conn.execute(schema.budgets.select()).all() == []


def test_every_table_section_is_checked_column_by_column():
    tables = {s.name for s in SECTIONS if s.table is not None}
    later = set(schema.ELECTION_TABLES) | {
        "budgets",
        "budget_projects",
        "budget_ballots",
        "budget_voters",
        "survey_round_groups",
        "sticker_tallies",
        "child_impacts",
    }
    assert later <= tables  # session ideas travel inside their session, through its model
    assert all(s.table is None or s.table.name == s.name for s in SECTIONS)
