"""``yk report`` through the command line: the site, its languages, and clear failures."""

from __future__ import annotations

import shutil

import pytest

from yhteiskehitys.cli.main import main

from .conftest import EXAMPLE


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def copy_example(tmp_path):
    folder = tmp_path / "ohjelma"
    shutil.copytree(EXAMPLE, folder)
    for leftover in folder.glob("*.db*"):
        leftover.unlink()
    return folder


def test_report_writes_the_site_in_three_languages(tmp_path, capsys):
    folder = copy_example(tmp_path)
    out = tmp_path / "site"
    code, stdout, err = run(capsys, "report", folder, "--out", out)
    assert code == 0, err
    assert "fi, sv, en" in stdout
    for lang in ("fi", "sv", "en"):
        html = (out / lang / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
    assert (out / "index.html").exists()


def test_report_one_language(tmp_path, capsys):
    folder = copy_example(tmp_path)
    code, _, err = run(capsys, "report", folder, "--out", tmp_path / "s", "--lang", "sv")
    assert code == 0, err
    assert (tmp_path / "s" / "sv" / "said-did.html").exists()
    assert not (tmp_path / "s" / "fi").exists()


def test_rebuild_replaces_the_site_but_never_a_foreign_folder(tmp_path, capsys):
    folder = copy_example(tmp_path)
    out = tmp_path / "site"
    assert run(capsys, "report", folder, "--out", out)[0] == 0
    (out / "fi" / "stale.html").write_text("old", encoding="utf-8")
    assert run(capsys, "report", folder, "--out", out)[0] == 0
    assert not (out / "fi" / "stale.html").exists()
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "report", folder, "--out", foreign)
    assert code == 2 and "not made by `yk report`" in err
    assert (foreign / "thesis.txt").read_text(encoding="utf-8") == "keep me"


def test_sandbox_escape_is_a_clear_error_and_writes_nothing(tmp_path, capsys):
    folder = copy_example(tmp_path)
    evil = folder / "templates" / "site" / "said_did.html"
    evil.parent.mkdir(parents=True)
    evil.write_text("{{ cycler.__init__.__globals__.os.system('id') }}", encoding="utf-8")
    out = tmp_path / "site"
    code, _stdout, err = run(capsys, "report", folder, "--out", out)
    assert code == 2
    assert "said_did.html" in err and "__init__" in err and "Traceback" not in err
    assert not out.exists()
    assert not list(tmp_path.glob(".site.*"))


def test_a_bad_number_of_processes_is_named_and_writes_nothing(tmp_path, capsys, monkeypatch):
    folder = copy_example(tmp_path)
    monkeypatch.setenv("YK_REPORT_PROCESSES", "two")
    code, _, err = run(capsys, "report", folder, "--out", tmp_path / "site")
    assert code == 2 and "YK_REPORT_PROCESSES='two'" in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()
    assert not list(tmp_path.glob(".site.*"))


@pytest.mark.parametrize("setting", ["²", "9" * 5000])
def test_a_number_of_processes_that_int_refuses_is_named_too(monkeypatch, setting):
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.render.parallel import worth_forking

    monkeypatch.setenv("YK_REPORT_PROCESSES", setting)
    with pytest.raises(YhteiskehitysError, match="give a whole number of processes"):
        worth_forking(5000, 4)


def test_syntax_error_in_a_programme_template_names_file_and_line(tmp_path, capsys):
    folder = copy_example(tmp_path)
    bad = folder / "templates" / "site" / "take_part.html"
    bad.parent.mkdir(parents=True)
    bad.write_text("line one\n{% if %}", encoding="utf-8")
    code, _, err = run(capsys, "report", folder, "--out", tmp_path / "site")
    assert code == 2 and "take_part.html, line 2" in err


def test_report_reads_the_store_and_does_not_create_one(tmp_path, capsys, example):
    from .conftest import fill_store, hostile_records

    folder = copy_example(tmp_path)
    assert run(capsys, "report", folder, "--out", tmp_path / "empty")[0] == 0
    assert not (folder / "yhteiskehitys.db").exists()
    fill_store(hostile_records(example), folder)
    code, _, err = run(capsys, "report", folder, "--out", tmp_path / "site", "--lang", "en")
    assert code == 0, err
    assert (tmp_path / "site" / "en" / "item" / "c~1.html").exists()
    assert (tmp_path / "site" / "en" / "session" / "s2.html").exists()
    said = (tmp_path / "site" / "en" / "said-did.html").read_text(encoding="utf-8")
    assert "Hyvä kohtaaminen" in said  # its final answer was told back
    assert "Kelan verkkopalvelut" not in said  # answered, but the group not told yet


SURVEY_GROUPS = {"osallistujat": "participant", "vertailuryhma": "comparison"}


def load_example(folder, capsys) -> None:
    """Load the example's records (``records.json``, as `yk export` wrote it) and its survey
    rounds into the copy's store, as `make demo` does."""
    records = folder / "records.json"
    if records.exists():
        code, _, err = run(capsys, "import", records, folder)
        assert code == 0, err
    for csv in sorted((folder / "surveys").glob("*.csv")):
        year, season, group = csv.stem.split("-", 2)
        code, _, err = run(capsys, "survey", "import", csv, "--round", f"{year}-{season}",
                           "--group", SURVEY_GROUPS[group], "--reader", "webropol",
                           folder)  # fmt: skip
        assert code == 0, err


def test_report_of_the_example_with_its_records(tmp_path, capsys):
    folder = copy_example(tmp_path)
    load_example(folder, capsys)
    code, _, err = run(capsys, "report", folder, "--out", tmp_path / "site")
    assert code == 0, err
    assert (tmp_path / "site" / "fi" / "said-did.html").exists()
