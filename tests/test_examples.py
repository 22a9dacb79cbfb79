"""Every example under examples/ loads into an empty store and validates without errors.

The examples are what people copy first, so their records must keep to the model: consent as
the policy requires, the model's words for roles, session kinds and methods, and no
pseudonymous id or participant's name in the README people read.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from yhteiskehitys.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "programme.toml").exists())


def test_there_are_examples_of_every_real_case():
    names = {p.name for p in FOLDERS}
    assert {
        "kehittajaryhma",
        "hameenlinna-kohti-uutta",
        "kouvola-unelmien-kela",
        "liminka-osallisuusmalli",
    } <= names


@pytest.mark.parametrize("example", FOLDERS, ids=lambda p: p.name)
def test_example_records_import_and_validate_without_errors(example, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / example.name
    shutil.copytree(example, folder, ignore=shutil.ignore_patterns("records.json", "README.md"))
    assert main(["import", str(example / "records.json"), str(folder)]) == 0
    capsys.readouterr()

    assert main(["validate", str(folder)]) == 0
    out, err = capsys.readouterr()
    report = out + err
    assert re.search(r"\b0 errors\b", report), report
    for check in ("vocabulary_roles", "vocabulary_sessions", "attendance_consent"):
        assert check not in report


@pytest.mark.parametrize("example", FOLDERS, ids=lambda p: p.name)
def test_example_readme_names_no_participant(example):
    readme = (example / "README.md").read_text(encoding="utf-8")
    records = json.loads((example / "records.json").read_text(encoding="utf-8"))["records"]
    ids = [p["id"] for p in records["participants"]]
    names = [d["name"] for d in records["personal_data"] if d.get("name")]
    assert ids, "an example has participants"
    for word in ids + names:
        assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", readme), word
