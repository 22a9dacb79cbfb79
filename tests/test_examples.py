"""Every example under examples/ loads into an empty store and validates without errors.

The examples are what people copy first, so their records must keep to the model: consent as
the policy requires, the model's words for roles, session kinds and methods, and no
pseudonymous id or participant's name in the README people read.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from yhteiskehitys.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DEMO = _load(EXAMPLES / "build_demo.py")
FOLDERS = DEMO.programmes()
"""Every example's programme folder, as ``make demo`` finds them; a case with several
programmes (Kittilä) has one each."""


def name(example: Path) -> str:
    return DEMO.name_of(example, EXAMPLES)


def readme_of(example: Path) -> Path:
    """The README that tells the example: its own, or its case's beside its programmes."""
    own = example / "README.md"
    return own if own.exists() else example.parent / "README.md"


def test_there_are_examples_of_every_real_case():
    names = {name(p) for p in FOLDERS}
    assert {
        "kehittajaryhma",
        "hameenlinna-kohti-uutta",
        "kouvola-unelmien-kela",
        "liminka-osallisuusmalli",
        "kittila-perhekeskus/lapsiparlamentti",
        "kittila-perhekeskus/perhekeskus",
    } <= names


@pytest.mark.parametrize("example", FOLDERS, ids=name)
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


@pytest.mark.parametrize("example", FOLDERS, ids=name)
def test_example_readme_names_no_participant(example):
    readme = readme_of(example).read_text(encoding="utf-8")
    records = json.loads((example / "records.json").read_text(encoding="utf-8"))["records"]
    ids = [p["id"] for p in records["participants"]]
    names = [d["name"] for d in records["personal_data"] if d.get("name")]
    assert ids, "an example has participants"
    for word in ids + names:
        assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", readme), word


KITTILA = EXAMPLES / "kittila-perhekeskus"


def _site(example: Path, tmp_path: Path) -> Path:
    folder = tmp_path / example.name
    shutil.copytree(example, folder, ignore=shutil.ignore_patterns("records.json"))
    assert main(["import", str(example / "records.json"), str(folder)]) == 0
    assert main(["report", str(folder), "--out", str(folder / "site")]) == 0
    return folder / "site"


def _text(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("<main") :])))


def test_kittila_site_shows_the_childrens_budget_outcome_in_three_languages(tmp_path, capsys):
    site = _site(KITTILA / "lapsiparlamentti", tmp_path)
    capsys.readouterr()
    summary = {
        "fi": "Budjetti 4 000 €, käytetty 3 900 €",
        "sv": "Budget 4 000 €",
        "en": "Budget €4,000",
    }
    for lang, words in summary.items():
        index = (site / lang / "index.html").read_text(encoding="utf-8")
        assert 'href="budget/pihat-2024.html"' in index, lang
        text = _text(site / lang / "budget" / "pihat-2024.html")
        assert words in text, (lang, text[:300])
        # The climbing frame had more votes than the bench, but the rule kept money back so
        # that every school gets a project; each school is shown by its name.
        assert "Kiipeilyteline" in text and "Katos ja penkit" in text
        assert "Sirkan koulu" in text and "Kaukosen koulu" in text
    fi = _text(site / "fi" / "budget" / "pihat-2024.html")
    assert "jotta jokainen koulu saa ainakin yhden hankkeen" in fi
    children = _text(site / "fi" / "lapsille.html")
    assert "Pingispöytä ulos" in children


def test_kittila_site_shows_the_youth_council_election_and_its_lot(tmp_path, capsys):
    site = _site(KITTILA / "perhekeskus", tmp_path)
    capsys.readouterr()
    words = {
        "fi": ("Nuorisovaltuustovaalit 2024", "arvonta"),
        "sv": ("Val till ungdomsfullmäktige 2024", "lottdragning"),
        "en": ("Youth council election 2024", "lot"),
    }
    for lang, (title, lot) in words.items():
        index = (site / lang / "index.html").read_text(encoding="utf-8")
        assert 'href="election/nuva-2024.html"' in index, lang
        text = _text(site / lang / "election" / "nuva-2024.html")
        assert title in text and "Aino Keksitty" in text, lang
        assert lot in text.lower(), lang
        assert "Iida Harjoitus" in text and "Joona Testinen" in text
        assert not re.search(r"\bv\d{3}\b", text), lang  # no voter id on the page


def test_kittila_records_are_what_its_commands_write(tmp_path, capsys):
    """build_records.py, the record of how the example was made, still runs, and writes the
    same records as the committed ones (random keys, hashes and write times aside)."""
    _load(KITTILA / "build_records.py").main_([str(tmp_path)])
    capsys.readouterr()
    for name in ("lapsiparlamentti", "perhekeskus"):
        fresh = json.loads((tmp_path / name / "records.json").read_text(encoding="utf-8"))
        kept = json.loads((KITTILA / name / "records.json").read_text(encoding="utf-8"))
        assert _comparable(fresh["records"]) == _comparable(kept["records"]), name
        assert len(fresh["audit"]) == len(kept["audit"]), name


# Values drawn afresh each run: write times, the secret ballot's random keys, code hashes, salts.
VARYING = {"created", "at", "recorded", "code_hash", "code_salt"}


def _comparable(value):
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in VARYING}
    if isinstance(value, list):
        items = [_comparable(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def test_kittila_sticker_board_tells_a_small_count_from_one_hidden_to_protect_it(tmp_path, capsys):
    """Crafts got 3 stickers on "Ihan ok", so another of its counts is hidden too; the picture
    says which is which, and says neither is under 5 when it is not."""
    site = _site(KITTILA / "perhekeskus", tmp_path)
    capsys.readouterr()
    html = (site / "fi" / "index.html").read_text(encoding="utf-8")
    start = html.index('class="chart stickers"')
    picture = html[start : html.index("</svg>", start)]
    assert picture.count(">alle 5</text>") == 2  # crafts and outdoors on "Ihan ok"
    assert picture.count(">piilotettu</text>") == 2
    assert ">17</text>" in picture and ">14</text>" in picture
    assert "kevät 2024" in picture and "2024-kevat" not in html
