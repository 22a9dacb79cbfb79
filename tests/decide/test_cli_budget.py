"""``yk budget run FILE.pb``: table and JSON, and a broken file exits 2 naming its line."""

from __future__ import annotations

import json

import pytest

from .conftest import expected, pabulib_file
from .test_pabulib import BROKEN, GOOD


def test_run_a_file_as_json(yk, tmp_path):
    path = pabulib_file("US_Stanford_Dataset_2023_Youth_Power_PB_LB_vote_approvals.pb")
    result = yk("budget", "run", path, "--rule", "mes-add1-greedy", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    reference = expected()[path.name]["mes_add1_greedy"]
    assert set(data["selected"]) == set(reference)
    assert data["order"] == reference
    assert len(data["explanations"]) == 19
    assert result.stderr == ""  # no progress bar off a terminal


def test_run_a_file_as_a_table_in_finnish(yk, tmp_path):
    path = tmp_path / "koulu.pb"
    path.write_text(GOOD, encoding="utf-8")
    result = yk("budget", "run", path, "--rule", "greedy", "--lang", "fi")
    assert result.returncode == 0, result.stderr
    assert "Budjetti 1\u00a0000 €, käytetty 900 €" in result.stdout
    assert "✓ 1" in result.stdout and "  2 " in result.stdout


def test_tie_breaking_from_the_command_line(yk, tmp_path):
    path = tmp_path / "tie.pb"
    path.write_text(GOOD.replace("1;600;2", "1;500;2"), encoding="utf-8")
    refused = yk("budget", "run", path, "--rule", "mes", "--tie-breaking", "refuse")
    assert refused.returncode == 2
    assert "tie between projects 1, 2" in refused.stderr
    lot = yk("budget", "run", path, "--rule", "mes", "--tie-breaking", "equal-shares",
             "--seed", "7", "--format", "json")  # fmt: skip
    assert json.loads(lot.stdout)["tie_breaking"] == {"name": "equal-shares", "seed": 7}


@pytest.mark.parametrize("kind", ["project twice", "unknown project", "vote type", "max_length",
                                  "superscript num_votes", "cost of 10^99999"])  # fmt: skip
def test_a_broken_file_exits_2_with_its_line(yk, tmp_path, kind):
    text, line, reason = BROKEN[kind]
    path = tmp_path / "rikki.pb"
    path.write_text(text, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = yk("budget", "run", path, "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"rikki.pb: line {line}: " in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_unknown_rule_exits_2(yk, tmp_path):
    path = tmp_path / "koulu.pb"
    path.write_text(GOOD, encoding="utf-8")
    result = yk("budget", "run", path, "--rule", "borda")
    assert result.returncode == 2 and "unknown budget rule 'borda'" in result.stderr


def test_the_progress_line_draws_only_on_a_terminal():
    import io

    from yhteiskehitys.decide.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet, loud = io.StringIO(), Terminal()
    for stream in (quiet, loud):
        with Progress("mes-add1", stream=stream, delay=0) as progress:
            progress.update(3, "share 1.00")
    assert quiet.getvalue() == ""
    assert "mes-add1: step 3 share 1.00" in loud.getvalue()


def test_a_childrens_budget_from_the_command_line(yk, tmp_path):
    folder = tmp_path / "lapsiparlamentti"
    assert yk("init", folder, "--model", "yhteiskehitys").returncode == 0

    def ok(*args):
        result = yk(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    for pid, year in (("P-1", 2010), ("P-2", 2011), ("P-3", 1980)):
        ok("participant", "add", pid, folder, "--birth-year", year)
    ok("budget", "new", "koulu", folder, "--title", "Koulujen budjetti", "--amount", "1000",
       "--max-length", "2")  # fmt: skip
    for pid, name, cost in (
        ("1", "Keinut", "600"),
        ("2", "Kirjasto", "500"),
        ("3", "Penkit", "300"),
    ):
        ok("budget", "project", "add", "koulu", pid, folder, "--name", name, "--cost", cost)
    ok("budget", "vote", "koulu", folder, "--voter", "P-1", "--project", "1", "--project", "2",
       "--on", "2026-05-04")  # fmt: skip
    refused = yk("budget", "vote", "koulu", folder, "--voter", "P-3", "--project", "3")
    assert refused.returncode == 2 and "not met: aged 13" in refused.stderr
    twice = yk("budget", "vote", "koulu", folder, "--voter", "P-1", "--project", "3")
    assert twice.returncode == 2 and "has voted" in twice.stderr
    paper = tmp_path / "paperit.csv"
    paper.write_text("ballot;projects\n1;3\n2;2,1\n", encoding="utf-8")
    ok("budget", "ballots", "import", "koulu", paper, folder)
    bad = tmp_path / "rikki.csv"
    bad.write_text("ballot;projects\n3;9\n", encoding="utf-8")
    result = yk("budget", "ballots", "import", "koulu", bad, folder)
    assert result.returncode == 2 and "rikki.csv: line 2: " in result.stderr

    data = json.loads(ok("budget", "run", "koulu", folder, "--rule", "greedy", "--format", "json"))
    assert data["order"] == ["1", "3"]
    explained = ok("budget", "explain", "koulu", "2", folder, "--rule", "greedy")
    assert explained.startswith("Sai 2 ääntä.")
    out = tmp_path / "koulu.pb"
    ok("budget", "export", "koulu", folder, "--out", out)
    again = yk("budget", "run", out, "--rule", "greedy", "--format", "json")
    assert json.loads(again.stdout)["order"] == ["1", "3"]
    log = ok("log", folder)
    assert "budget koulu" in log and "P-1" not in log.split("budget koulu")[-1]
    missing = yk("budget", "run", "kaupunki", folder)
    assert missing.returncode == 2 and "no budget 'kaupunki'; budgets: koulu" in missing.stderr


def test_a_budget_from_a_pb_file(yk, tmp_path):
    folder = tmp_path / "kunta"
    assert yk("init", folder, "--model", "yhteiskehitys").returncode == 0
    path = pabulib_file("US_Stanford_Dataset_2023_Youth_Power_PB_LB_vote_approvals.pb")
    made = yk("budget", "new", "youth", folder, "--from", path)
    assert made.returncode == 0, made.stderr
    data = json.loads(yk("budget", "run", "youth", folder, "--format", "json").stdout)
    assert set(data["selected"]) == set(expected()[path.name]["mes_add1_greedy"])
    broken = tmp_path / "rikki.pb"
    broken.write_text(BROKEN["voter twice"][0], encoding="utf-8")
    refused = yk("budget", "new", "rikki", folder, "--from", broken)
    assert refused.returncode == 2 and "rikki.pb: line 24: voter b appears twice" in refused.stderr
    listed = yk("budget", "run", "rikki", folder)
    assert listed.returncode == 2 and "no budget 'rikki'" in listed.stderr


def test_a_pb_file_whose_values_no_store_holds_is_refused_with_exit_2(yk, tmp_path):
    """Found by the fuzz of `make reliability`: a cost of 10^99999 was read and then failed
    while being written (an internal error), and a max_length beyond 2^31 - 1 reached the
    database, which PostgreSQL refuses."""
    folder = tmp_path / "kunta"
    assert yk("init", folder, "--model", "yhteiskehitys").returncode == 0
    for name, text, reason in [
        ("suuri.pb", BROKEN["cost of 10^99999"][0], "cost of project 1 has more than 60 digits"),
        ("pitka.pb", GOOD.replace("max_length;2", "max_length;99999999999"), "max_length"),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        refused = yk("budget", "new", "b", folder, "--from", path)
        assert refused.returncode == 2 and reason in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    assert yk("budget", "run", "b", folder).returncode == 2  # nothing was written
