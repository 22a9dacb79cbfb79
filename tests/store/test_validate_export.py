"""A broken export is refused whole, each problem named by its path, before the store is touched.

Each case is one of the shapes that used to end in an internal error (a database exception, a
RecursionError, an OverflowError) instead of a message and exit 2.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from yhteiskehitys.errors import ConfigError
from yhteiskehitys.store.transfer import import_text, is_empty

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "kouvola-unelmien-kela" / "records.json"
)


def _example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _set(path: str, value):
    def change(data: dict) -> None:
        *parents, last = path.split("/")
        target = data
        for step in parents:
            target = target[int(step) if step.isdigit() else step]
        target[int(last) if last.isdigit() else last] = value

    return change


def _duplicate(section: str, key: str):
    def change(data: dict) -> None:
        rows = data["records"][section]
        rows.append({**rows[0]}) if rows else None
        assert rows and key in rows[0]

    return change


def _duplicate_audit(data: dict) -> None:
    data["audit"][1]["seq"] = data["audit"][0]["seq"]


CASES = {
    "duplicate audit seq": (_duplicate_audit, "records.json: audit[1].seq: duplicate"),
    "duplicate response number": (
        _duplicate("responses", "number"),
        "records.json: records.responses[",
    ),
    "integer of 2^63": (_set("audit/0/seq", 2**63), "records.json: audit[0].seq: the integer"),
    "negative integer below -2^63": (
        _set("audit/0/seq", -(2**63) - 1),
        "records.json: audit[0].seq: the integer",
    ),
    "null section": (_set("records/themes", None), "records.json: records.themes: expected a list"),
    "int section": (_set("records/themes", 7), "records.json: records.themes: expected a list"),
    "bool records": (_set("records", True), "records.json: records: expected a table of lists"),
    "int audit": (_set("audit", 5), "records.json: audit: expected a list (got int)"),
    "null audit": (_set("audit", None), "records.json: audit: expected a list (got null)"),
    "string programme": (_set("programme", "x"), "records.json: programme: expected a table"),
    "list where a scalar belongs": (
        _set("audit/0/action", ["import"]),
        "records.json: audit[0].action: expected a string",
    ),
    "null audit operator": (
        _set("audit/0/operator", None),
        "records.json: audit[0].operator: expected a string",
    ),
    "missing audit field": (
        lambda d: d["audit"][0].pop("at"),
        "records.json: audit[0].at: required field is missing",
    ),
    "list as a record": (
        _set("records/themes/0", [1, 2]),
        "records.json: records.themes[0]: expected a table of fields (got a list)",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_export_is_refused_with_its_path_and_nothing_is_written(store, name):
    change, message = CASES[name]
    data = copy.deepcopy(_example())
    change(data)
    with pytest.raises(ConfigError) as caught:
        import_text(store, json.dumps(data), source="records.json")
    assert any(line.startswith(message) for line in caught.value.problems), caught.value.problems
    with store.read() as tx:
        assert is_empty(tx)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[" * 100_000 + "]" * 100_000, "records.json: nested too deeply"),
        ('{"a": ' * 60 + "1" + "}" * 60, "nested more than 48 levels deep"),
        ('{"format": ', "records.json: line 1: invalid JSON"),
        ('{"x": NaN}', "records.json: invalid JSON: NaN is not a number JSON allows"),
        ('{"x": ' + "9" * 5000 + "}", "records.json: invalid JSON"),
    ],
    ids=["deep-recursion", "deep-but-parsable", "malformed", "nan", "huge-integer-text"],
)
def test_unreadable_json_is_a_config_error(store, text, message):
    with pytest.raises(ConfigError) as caught:
        import_text(store, text, source="records.json")
    assert message in str(caught.value)
    with store.read() as tx:
        assert is_empty(tx)


def test_a_text_longer_than_its_column_is_refused_on_every_backend(store):
    data = _example()
    data["records"]["survey_rounds"] = [
        {
            "id": 1,
            "name": "r1",
            "instrument": "barometer",
            "instrument_version": "v" * 33,
            "items": [],
            "dimensions": [],
            "created": "2024-01-01T00:00:00.000000Z",
        }
    ]
    with pytest.raises(ConfigError) as caught:
        import_text(store, json.dumps(data), source="records.json")
    assert caught.value.problems == [
        "records.json: records.survey_rounds[0].instrument_version: at most 32 characters (got 33)"
    ]
    with store.read() as tx:
        assert is_empty(tx)


def test_every_problem_is_reported_at_once(store):
    data = _example()
    _duplicate_audit(data)
    data["records"]["themes"] = None
    data["audit"][2]["seq"] = 2**64
    with pytest.raises(ConfigError) as caught:
        import_text(store, json.dumps(data), source="records.json")
    assert len(caught.value.problems) >= 3


def test_audit_fields_are_as_nullable_as_the_audit_table():
    from yhteiskehitys.store import schema
    from yhteiskehitys.store.validate_export import AUDIT_COLUMNS, AUDIT_FIELDS

    for key, (_, nullable) in AUDIT_FIELDS.items():
        assert schema.audit.c[AUDIT_COLUMNS[key]].nullable == nullable, key


VALUES = [None, "", "x", "x" * 300, "a\x00b", "2024-03-01", 0, -1, 2**40, True, 1.5, [], {}]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_quick_look_at_a_row_passes_only_what_the_full_check_passes(value):
    """Table sections are checked with a quick look at the common values first; every cell
    must still get exactly the problems column_problems names."""
    from yhteiskehitys.store import schema
    from yhteiskehitys.store.validate_export import _check_table, _Checker, column_problems

    for table in schema.metadata.tables.values():
        row = {c.name: value for c in table.c}
        check = _Checker("f")
        _check_table(check, table, [(0, row)], "r")
        expected = [p for c in table.c for p in column_problems(c, value, f"r[0].{c.name}")]
        assert check.problems == expected[: len(check.problems)] and len(check.problems) == min(
            len(expected), 50
        ), table.name
