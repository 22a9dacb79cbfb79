"""A survey round's label: given at import, or derived from a recognisable id, never the id on
a page when a label can be had."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yhteiskehitys import open_programme
from yhteiskehitys.cli.main import main
from yhteiskehitys.errors import FieldError
from yhteiskehitys.measure.rounds import derive_label, parse_label, round_label
from yhteiskehitys.model import Text

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma"


@pytest.mark.parametrize(
    ("name", "fi", "sv", "en"),
    [
        ("2024-spring", "kevät 2024", "våren 2024", "spring 2024"),
        ("kevat-2024", "kevät 2024", "våren 2024", "spring 2024"),
        ("2024_syksy", "syksy 2024", "hösten 2024", "autumn 2024"),
        ("fall2023", "syksy 2023", "hösten 2023", "autumn 2023"),
        ("vår-2025", "kevät 2025", "våren 2025", "spring 2025"),
        ("2024-höst", "syksy 2024", "hösten 2024", "autumn 2024"),
        ("2024-03", "maaliskuu 2024", "mars 2024", "March 2024"),
        ("2024-Q1", "1. vuosineljännes 2024", "1:a kvartalet 2024", "Q1 2024"),
        ("Q3-2024", "3. vuosineljännes 2024", "3:a kvartalet 2024", "Q3 2024"),
        ("2024-H2", "2. vuosipuolisko 2024", "2:a halvåret 2024", "H2 2024"),
    ],
)
def test_a_recognisable_id_gets_a_label(name, fi, sv, en):
    assert derive_label(name) == Text(fi=fi, sv=sv, en=en)
    assert [round_label(name, lang) for lang in ("fi", "sv", "en")] == [fi, sv, en]


@pytest.mark.parametrize(
    "name", ["r1", "2024-13", "2024-Q5", "2024-H3", "pilot-spring", "baseline"]
)
def test_any_other_id_is_shown_as_it_is(name):
    assert derive_label(name) is None
    assert round_label(name, "fi") == name


def test_a_given_label_wins():
    given = {"fi": "alkukartoitus", "en": "baseline"}
    assert round_label("2024-spring", "fi", given) == "alkukartoitus"
    assert round_label("2024-spring", "sv", given) == "alkukartoitus"  # falls back to Finnish
    assert round_label("2024-spring", "en", given) == "baseline"


def test_labels_on_the_command_line_are_parsed():
    assert parse_label(["alkukartoitus"]) == Text(fi="alkukartoitus")
    assert parse_label(["fi=kevät 2024", "sv=våren 2024"]) == Text(fi="kevät 2024", sv="våren 2024")
    assert parse_label([]) is None
    with pytest.raises(FieldError, match="Finnish"):
        parse_label(["sv=våren 2024"])


@pytest.fixture
def programme(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "ohjelma"
    shutil.copytree(EXAMPLE, folder)
    capsys.readouterr()
    return folder


def _import(folder, csv, round_name, *labels):
    group = "comparison" if "vertailuryhma" in csv else "participant"
    args = ["survey", "import", str(EXAMPLE / "surveys" / csv), "--round", round_name]
    args += ["--group", group, "--reader", "webropol", str(folder)]
    args += [a for label in labels for a in ("--round-label", label)]
    return main(args)


def test_a_label_given_at_import_is_kept_shown_and_audited(programme, capsys):
    assert _import(programme, "2024-kevat-osallistujat.csv", "r1", "fi=alkukartoitus",
                   "sv=utgångsläge", "en=baseline") == 0  # fmt: skip
    assert _import(programme, "2024-syksy-osallistujat.csv", "2024-autumn") == 0
    capsys.readouterr()
    assert main(["survey", "rounds", str(programme)]) == 0
    out = capsys.readouterr().out
    assert "alkukartoitus" in out and "syksy 2024" in out
    prog = open_programme(programme)
    assert [r.label for r in prog.surveys.rounds()] == [
        {"fi": "alkukartoitus", "sv": "utgångsläge", "en": "baseline"},
        None,
    ]
    # A later import may relabel the round; the change is in the audit trail.
    assert _import(programme, "2024-kevat-vertailuryhma.csv", "r1", "lähtötaso") == 0
    assert prog.surveys.rounds()[0].label == {"fi": "lähtötaso"}
    entries = prog.log(entity="survey_round", entity_id="r1")
    assert [e.action for e in entries if e.action not in ("import", "add_group")] == [
        "create",
        "update",
    ]
    prog.report(programme / "site", lang="fi")
    index = (programme / "site" / "fi" / "index.html").read_text(encoding="utf-8")
    assert "lähtötaso" in index and "syksy 2024" in index
    assert "r1" not in index.replace("r1-", "") and "2024-autumn" not in index


def test_a_label_without_finnish_is_refused_and_nothing_is_written(programme, capsys):
    assert _import(programme, "2024-kevat-osallistujat.csv", "r1", "sv=våren") == 2
    assert "--round-label" in capsys.readouterr().err
    assert not (programme / "yhteiskehitys.db").exists()
