"""A bad programme.toml: exit code 2, a message naming the file and the field, no traceback,
and nothing written. Run through the installed ``yk``, as a user would."""

from __future__ import annotations

import pytest

GOOD = """\
name = "Kehittäjäryhmä"
model = "nuoret-aikuiset"
organisation = "Hyvinvointialue"
language = "fi"
disclosure_threshold = 5

[period]
start = 2024-01-15
end = 2025-12-31

[target_group]
name = "Nuoret aikuiset"
eligibility = [{ rule = "status", statuses = [] }]

[target_group.age]
min = 18
max = 34

[consent_policy]
guardian_under = 15
"""


def edit(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


# (case id, file content, lines that must appear in stderr)
CASES = [
    (
        "syntax-error",
        GOOD.replace('name = "Kehittäjäryhmä"', 'name = "Kehittäjäryhmä'),
        ["programme.toml: line 1, column 23: invalid TOML: Illegal character '\\n'"],
    ),
    (
        "wrong-type",
        edit('name = "Kehittäjäryhmä"', "name = 5"),
        ["programme.toml: name: expected a string (got 5)"],
    ),
    (
        "unknown-field",
        edit("language", 'colour = "red"\nlanguage'),
        ["programme.toml: colour: unknown field (allowed: name, model, organisation,"],
    ),
    (
        "age-reversed",
        edit("min = 18\nmax = 34", "min = 16\nmax = 12"),
        ["programme.toml: target_group.age.max: must be ≥ min (got 12 < 16)"],
    ),
    (
        "unknown-model",
        edit('model = "nuoret-aikuiset"', 'model = "tuntematon"'),
        ["programme.toml: model: unknown model 'tuntematon' (available: "],
    ),
    ("empty-file", "", ["programme.toml: (top level): the file is empty"]),
    ("only-blank", "\n  \n", ["programme.toml: (top level): the file is empty"]),
    (
        "missing-required",
        edit('organisation = "Hyvinvointialue"\n', ""),
        ["programme.toml: organisation: required field is missing"],
    ),
    (
        "missing-table",
        GOOD.split("[target_group]")[0],
        ["programme.toml: target_group: required field is missing"],
    ),
    (
        "bad-date",
        edit("start = 2024-01-15", 'start = "2024-02-30"'),
        ["programme.toml: period.start: expected a date such as 2024-03-01 (got '2024-02-30')"],
    ),
    (
        "date-out-of-range",
        edit("end = 2025-12-31", "end = 2205-12-31"),
        ["programme.toml: period.end: date 2205-12-31 is outside 1900-2200"],
    ),
    (
        "end-before-start",
        edit("end = 2025-12-31", "end = 2023-12-31"),
        ["programme.toml: period.end: must be ≥ start (got 2023-12-31 < 2024-01-15)"],
    ),
    (
        "datetime-not-date",
        edit("start = 2024-01-15", "start = 2024-01-15T10:00:00"),
        ["programme.toml: period.start: expected a date such as 2024-03-01, not a date and time"],
    ),
    (
        "bad-language",
        edit('language = "fi"', 'language = "de"'),
        ["programme.toml: language: must be one of fi, sv, en (got 'de')"],
    ),
    (
        "bad-rule-kind",
        edit('rule = "status", statuses = []', 'rule = "planet"'),
        [
            "programme.toml: target_group.eligibility[0].rule: unknown rule 'planet' "
            "(known: age, age_on_day, all_of, any_of, family, municipality, status, studying)"
        ],
    ),
    (
        "low-disclosure",
        edit("disclosure_threshold = 5", "disclosure_threshold = 2"),
        ["programme.toml: disclosure_threshold: must be between 3 and 1000 (got 2)"],
    ),
    (
        "string-for-list",
        edit("eligibility = [", 'recruitment_channels = "kumppanit"\neligibility = ['),
        ["programme.toml: target_group.recruitment_channels: expected a list (got 'kumppanit')"],
    ),
    (
        "table-for-list",
        edit(
            'eligibility = [{ rule = "status", statuses = [] }]',
            'eligibility = { rule = "status" }',
        ),
        ["programme.toml: target_group.eligibility: expected a list (got a table)"],
    ),
    (
        "bool-for-int",
        edit("guardian_under = 15", "guardian_under = true"),
        ["programme.toml: consent_policy.guardian_under: expected an integer (got True)"],
    ),
    (
        "nested-rule",
        edit(
            '{ rule = "status", statuses = [] }',
            '{ rule = "any_of", rules = [{ rule = "age", min = 30, max = 20 }] }',
        ),
        ["programme.toml: target_group.eligibility[0].rules[0].max: must be ≥ min (got 20 < 30)"],
    ),
    (
        "empty-any-of",
        edit('{ rule = "status", statuses = [] }', '{ rule = "any_of", rules = [] }'),
        [
            "programme.toml: target_group.eligibility[0].rules: name at least one rule "
            "(an empty any_of admits no one)"
        ],
    ),
    (
        "several-at-once",
        edit('name = "Kehittäjäryhmä"', "name = 5")
        .replace('language = "fi"', 'language = "de"')
        .replace("min = 18\nmax = 34", "min = 16\nmax = 12")
        .replace('model = "nuoret-aikuiset"', 'model = "tuntematon"'),
        [
            "programme.toml: name: expected a string (got 5)",
            "programme.toml: language: must be one of fi, sv, en (got 'de')",
            "programme.toml: target_group.age.max: must be ≥ min (got 12 < 16)",
            "programme.toml: model: unknown model 'tuntematon'",
        ],
    ),
]


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("command", ["validate", "checklist", "checklist --done present_model"])
@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_programme_file(tmp_path, yk, command, content, expected):
    (tmp_path / "programme.toml").write_text(content, encoding="utf-8")
    before = snapshot(tmp_path)
    result = yk(*command.split(), tmp_path)
    assert result.returncode == 2, result.stderr
    for line in expected:
        assert f"error: {line}" in result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith("error: programme.toml: ") for line in result.stderr.splitlines())
    assert snapshot(tmp_path) == before


def test_the_good_file_is_good(tmp_path, yk):
    (tmp_path / "programme.toml").write_text(GOOD, encoding="utf-8")
    result = yk("validate", tmp_path)
    assert result.returncode == 0, result.stderr


def test_non_utf8_bytes(tmp_path, yk):
    (tmp_path / "programme.toml").write_bytes(GOOD.encode("utf-8") + b'x = "\xff"\n')
    before = snapshot(tmp_path)
    result = yk("validate", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "error: programme.toml: line 21: not UTF-8 text (byte 346); save the file as UTF-8\n"
    )
    assert snapshot(tmp_path) == before


def test_latin1_file(tmp_path, yk):
    (tmp_path / "programme.toml").write_bytes(GOOD.encode("latin-1"))
    result = yk("validate", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: programme.toml: line 1: not UTF-8 text")


def test_several_problems_exact_output(tmp_path, yk):
    content = edit("disclosure_threshold = 5", "disclosure_threshold = 1").replace(
        'language = "fi"', 'language = "de"'
    )
    (tmp_path / "programme.toml").write_text(content, encoding="utf-8")
    result = yk("validate", tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: programme.toml: language: must be one of fi, sv, en (got 'de')\n"
        "error: programme.toml: disclosure_threshold: must be between 3 and 1000 (got 1)\n"
    )


def test_missing_programme_file(tmp_path, yk):
    result = yk("validate", tmp_path)
    assert result.returncode == 2
    assert "programme.toml: not found; create a programme with `yk init" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_there_are_at_least_twelve_cases():
    assert len(CASES) >= 12
