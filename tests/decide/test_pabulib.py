"""Reading and writing pabulib files: the shared files, and every kind of broken file."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from yhteiskehitys.decide import PabulibError, read_pabulib, read_pabulib_text, write_pabulib
from yhteiskehitys.decide.election import format_number, parse_number
from yhteiskehitys.errors import YhteiskehitysError

from .conftest import FILES, pabulib_file
from .strategies import elections

GOOD = """META
key;value
description;Koulun budjetti
country;Finland
unit;Kittilä
instance;2026
num_projects;3
num_votes;3
budget;1000
vote_type;approval
rule;greedy
date_begin;2026
date_end;2026
max_length;2
PROJECTS
project_id;cost;votes;name;category
1;600;2;Keinut;leikki
2;500;2;Kirjasto;lukeminen
3;300;1;Penkit;leikki
VOTES
voter_id;vote;age;sex
a;1,2;10;F
b;1,2;11;M
c;3;9;F
"""


def test_a_good_file_reads_and_writes_back_byte_for_byte():
    election = read_pabulib_text(GOOD, source="koulu.pb")
    assert [p.id for p in election.projects] == ["1", "2", "3"]
    assert election.budget == 1000
    assert election.ballots[0].vote == ("1", "2")
    assert election.ballots[2].fields == {"age": "9", "sex": "F"}
    assert election.project("3").categories == ("leikki",)
    assert write_pabulib(election) == GOOD


@pytest.mark.parametrize("name", FILES)
def test_the_shared_files_read_and_round_trip(name):
    election = read_pabulib(pabulib_file(name))
    text = write_pabulib(election)
    again = read_pabulib_text(text)
    assert again == election
    original = pabulib_file(name).read_text(encoding="utf-8-sig")
    assert text.splitlines() == original.splitlines()


def _broken(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


BROKEN = {
    "no META": (GOOD.replace("META\nkey;value\n", "", 1), 1, "text before the first section"),
    "section twice": (GOOD + "VOTES\n", 25, "section VOTES appears twice"),
    "missing section": (GOOD[: GOOD.index("VOTES")], None, "section VOTES is missing"),
    "required META key": (_broken("unit;Kittilä\n", ""), 2, "required key(s) unit"),
    "META row width": (_broken("unit;Kittilä", "unit;Kittilä;x"), 5, "two fields"),
    "META key twice": (_broken("unit;Kittilä", "unit;Kittilä\nunit;x"), 6, "appears twice"),
    "vote type": (_broken("vote_type;approval", "vote_type;ranked"), 10, "not one of"),
    "budget": (_broken("budget;1000", "budget;lots"), 9, "META budget is not a number"),
    "num_votes": (_broken("num_votes;3", "num_votes;4"), None, "num_votes says 4"),
    "project header": (_broken("project_id;cost", "id;cost"), 16, "starts with 'project_id'"),
    "no cost column": (_broken("project_id;cost;votes", "project_id;price;votes"), 16, "no 'cost'"),
    "cost": (_broken("1;600;", "1;6OO;"), 17, "cost of project 1 is not a number"),
    "negative cost": (_broken("1;600;", "1;-600;"), 17, "negative"),
    "project twice": (_broken("3;300;", "2;300;"), 19, "project 2 appears twice"),
    "row width": (_broken("3;300;1;Penkit;leikki", "3;300;1;Penkit"), 19, "has 4 fields"),
    "selected": (
        _broken(
            "votes;name;category\n1;600;2;Keinut;leikki",
            "votes;name;category;selected\n1;600;2;Keinut;leikki;yes",
        )
        .replace(";lukeminen", ";lukeminen;1")
        .replace(";leikki\nVOTES", ";leikki;0\nVOTES"),
        17,
        "selected of project 1",
    ),
    "category not listed": (
        _broken("rule;greedy", "rule;greedy\ncategories;leikki"),
        19,
        "lukeminen",
    ),
    "votes column": (_broken("3;300;1;", "3;300;2;"), 19, "says 2 votes but VOTES has 1"),
    "unknown project": (_broken("c;3;", "c;4;"), 24, "project '4', which PROJECTS lacks"),
    "project twice in a ballot": (_broken("c;3;", "c;3,3;"), 24, "names project 3 twice"),
    "voter twice": (_broken("c;3;", "b;3;"), 24, "voter b appears twice"),
    "max_length": (_broken("max_length;2", "max_length;1"), 22, "more than max_length 1"),
    "age": (_broken("c;3;9;", "c;3;nine;"), 24, "age of voter c"),
    "sex": (_broken("c;3;9;F", "c;3;9;girl"), 24, "sex of voter c"),
    "max_sum_cost": (_broken("rule;greedy", "rule;greedy\nmax_sum_cost;1000"), 23, "costing 1100"),
    "budget_per_category": (
        _broken("rule;greedy", "rule;greedy\ncategories;leikki,lukeminen\nbudget_per_category;1"),
        13,
        "1 amounts for 2 categories",
    ),
    # Found by the fuzz of `make reliability`: each was an internal error (or a hang) before.
    "superscript num_votes": (_broken("num_votes;3", "num_votes;³"), 8, "not a whole number"),
    "num_votes of 5,000 digits": (_broken("num_votes;3", "num_votes;" + "9" * 5000), 8, "whole"),
    "superscript age": (_broken("c;3;9;", "c;3;²;"), 24, "age of voter c is '²'"),
    "age of 5,000 digits": (_broken("c;3;9;", "c;3;" + "9" * 5000 + ";"), 24, "age of voter c"),
    "cost of 10^99999": (_broken("1;600;", "1;1e99999;"), 17, "more than 60 digits"),
    "cost of 10^-99999": (_broken("1;600;", "1;1e-99999;"), 17, "or an exponent beyond"),
    "budget of 10^999999999": (_broken("budget;1000", "budget;1e999999999"), 9, "60 digits"),
    "cost of 61 digits": (_broken("1;600;", "1;" + "1" * 61 + ";"), 17, "more than 60 digits"),
}

CUMULATIVE = (
    GOOD.replace("vote_type;approval", "vote_type;cumulative\nmax_sum_points;5")
    .replace("max_length;2\n", "")
    .replace("votes;name;category", "votes;name;category;score")
    .replace(";Keinut;leikki", ";Keinut;leikki;5")
    .replace(";Kirjasto;lukeminen", ";Kirjasto;lukeminen;4")
    .replace(";Penkit;leikki", ";Penkit;leikki;5")
    .replace("voter_id;vote;age", "voter_id;vote;points;age")
    .replace("a;1,2;10", "a;1,2;3,2;10")
    .replace("b;1,2;11", "b;1,2;2,2;11")
    .replace("c;3;9", "c;3;5;9")
)
BROKEN_POINTS = {
    "points count": (CUMULATIVE.replace("a;1,2;3,2;", "a;1,2;3;"), 22, "1 points for 2 projects"),
    "max_sum_points": (
        CUMULATIVE.replace("b;1,2;2,2", "b;1,2;2,4").replace(";4\n3;", ";6\n3;"),
        23,
        "above max_sum_points",
    ),
    "zero points": (
        CUMULATIVE.replace("c;3;5;", "c;3;0;").replace(";leikki;5\nVOTES", ";leikki;0\nVOTES"),
        24,
        "cumulative points are above 0",
    ),
    "score column": (CUMULATIVE.replace(";Penkit;leikki;5", ";Penkit;leikki;7"), 19, "score 7"),
    "superscript points": (CUMULATIVE.replace("c;3;5;", "c;3;⁵;"), 24, "points of voter c"),
    "points of 5,000 digits": (
        CUMULATIVE.replace("c;3;5;", "c;3;" + "5" * 5000 + ";"),
        24,
        "points of voter c has more than 60 digits",
    ),
}


def test_the_cumulative_sample_is_good():
    election = read_pabulib_text(CUMULATIVE)
    assert election.ballots[0].points == (3, 2)
    assert read_pabulib_text(write_pabulib(election)) == election


@pytest.mark.parametrize(("text", "line", "reason"), [*BROKEN.values(), *BROKEN_POINTS.values()],
                         ids=[*BROKEN, *BROKEN_POINTS])  # fmt: skip
def test_a_broken_file_names_its_line_and_reason(text, line, reason):
    with pytest.raises(PabulibError) as caught:
        read_pabulib_text(text, source="koulu.pb")
    assert isinstance(caught.value, YhteiskehitysError)
    assert caught.value.line == line, str(caught.value)
    assert reason in caught.value.reason
    where = f"koulu.pb: line {line}: " if line else "koulu.pb: "
    assert str(caught.value).startswith(where)


def test_a_missing_or_undecodable_file(tmp_path):
    with pytest.raises(PabulibError, match="no such file"):
        read_pabulib(tmp_path / "none.pb")
    bad = tmp_path / "latin1.pb"
    bad.write_bytes(GOOD.replace("Kittilä", "Kittil\xe4").encode("latin-1"))
    with pytest.raises(PabulibError, match="not UTF-8"):
        read_pabulib(bad)


@pytest.mark.parametrize("value", [0, 7, -3, Fraction(3, 2), Fraction(-1, 8), Fraction(7, 100)])
def test_numbers_format_and_parse_back(value):
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(
    "value", [Fraction(1, 2**190), Fraction(-(10**60) + 1), Fraction(10**60 - 1, 5**80)]
)
def test_the_largest_and_finest_numbers_still_format_and_parse_back(value):
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize("text", ["1e101", "1e-101", str(10**60), f"1/{10**60}", "1e99_999"])
def test_numbers_beyond_any_budget_are_refused_at_once(text):
    with pytest.raises(ValueError, match="more than 60 digits or an exponent beyond"):
        parse_number(text)


@given(elections())
def test_write_then_read_is_identity(election):
    assert read_pabulib_text(write_pabulib(election)) == election
