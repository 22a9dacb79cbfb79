"""A budget's voting period: votes only within it, the outcome on the site only after it."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from yhteiskehitys import open_programme
from yhteiskehitys.cli.main import main
from yhteiskehitys.errors import YhteiskehitysError


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "lp"
    assert main(["init", str(folder), "--model", "yhteiskehitys", "--organisation", "Kunta"]) == 0
    for line in (
        "participant add P-1 {f} --birth-year 2010",
        "participant add P-2 {f} --birth-year 2011",
        "budget new pihat {f} --title Pihat --amount 1000 --max-length 2 --rule greedy "
        "--opens 2026-03-02 --closes 2026-03-13",
        "budget project add pihat 1 {f} --name Keinut --cost 600",
        "budget project add pihat 2 {f} --name Penkit --cost 300",
    ):
        assert main(line.format(f=folder).split()) == 0, line
    return folder


def _ballots(folder) -> int:
    with sqlite3.connect(folder / "yhteiskehitys.db") as db:
        return db.execute("select count(*) from budget_ballots").fetchone()[0]


@pytest.mark.parametrize("day, words", [("2026-03-01", "not open yet"), ("2026-03-14", "closed")])
def test_a_vote_outside_the_period_is_refused_and_nothing_is_written(folder, capsys, day, words):
    code = main(["budget", "vote", "pihat", str(folder), "--voter", "P-1", "--project", "1",
                 "--on", day])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert "open 2026-03-02 – 2026-03-13" in err and words in err
    assert "Traceback" not in err
    assert _ballots(folder) == 0
    with open_programme(folder) as programme, pytest.raises(YhteiskehitysError, match=words):
        programme.budgets.vote("pihat", "P-1", ["1"], on=date.fromisoformat(day))
    assert _ballots(folder) == 0


def test_votes_within_the_period_count_and_the_page_waits_for_its_end(folder, tmp_path, capsys):
    for voter, day in (("P-1", "2026-03-02"), ("P-2", "2026-03-13")):
        assert main(["budget", "vote", "pihat", str(folder), "--voter", voter, "--project", "1",
                     "--on", day]) == 0  # fmt: skip
    assert _ballots(folder) == 2
    with open_programme(folder) as programme:
        during = tmp_path / "during"
        programme.report(during, lang="fi", today=date(2026, 3, 13))
        assert not (during / "fi" / "budget" / "pihat.html").exists()
        after = tmp_path / "after"
        programme.report(after, lang="fi", today=date(2026, 3, 14))
        assert (after / "fi" / "budget" / "pihat.html").exists()
    capsys.readouterr()
    assert main(["budget", "export", "pihat", str(folder), "--out", str(tmp_path / "p.pb")]) == 0
    meta = (tmp_path / "p.pb").read_text(encoding="utf-8")
    assert "date_begin;2026-03-02" in meta and "date_end;2026-03-13" in meta


def test_a_period_that_ends_before_it_starts_is_refused_naming_the_option(folder, capsys):
    code = main(["budget", "new", "b2", str(folder), "--title", "B", "--amount", "10",
                 "--opens", "2026-03-10", "--closes", "2026-03-01"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "--closes" in err and "before it opens" in err
    with open_programme(folder) as programme:
        assert [b.id for b in programme.budgets.list()] == ["pihat"]
        with pytest.raises(YhteiskehitysError, match="before it opens"):
            programme.budgets.new("b3", title="B", amount=10, opens=date(2026, 3, 10),
                                  closes=date(2026, 3, 1))  # fmt: skip
