"""The ``one-per-school`` rule: its outcome, its explanations, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yhteiskehitys_lapsiparlamentti.budget import RULE_NAME, coverable, school

from yhteiskehitys import get_plugin_manager
from yhteiskehitys.decide import Ballot, Project, make_election
from yhteiskehitys.decide.data import outcome_data
from yhteiskehitys.decide.rules import run_rule


@pytest.fixture(scope="module")
def pm():
    return get_plugin_manager()


def election(budget, projects, ballots):
    return make_election(
        budget=budget,
        projects=[
            Project(id=pid, cost=cost, fields={"name": f"P{pid}", "neighborhood": area})
            for pid, cost, area in projects
        ],
        ballots=[Ballot(voter_id=str(i), vote=tuple(vote)) for i, vote in enumerate(ballots)],
    )


SEINAJOKI = election(
    1000,
    [("1", 600, "A"), ("2", 300, "A"), ("3", 300, "B")],
    [["1", "2"]] * 10 + [["3"]],
)


def test_every_school_gets_a_project(pm):
    assert run_rule(SEINAJOKI, "greedy", pm=pm).selected == ("1", "2")
    outcome = run_rule(SEINAJOKI, RULE_NAME, pm=pm)
    assert outcome.selected == ("1", "3")
    assert outcome.spent == 900


def test_the_skipped_project_is_explained_in_three_languages(pm):
    data = outcome_data(SEINAJOKI, run_rule(SEINAJOKI, RULE_NAME, pm=pm))
    skipped = next(e for e in data["explanations"] if e["project"] == "2")
    assert skipped["kind"] == "school-reserved"
    assert skipped["funded"] is False
    assert skipped["text"]["fi"] == (
        "Sai 10 ääntä. Kun oli sen vuoro, rahaa oli jäljellä 400 € ja se maksoi 300 €, mutta "
        "rahaa säästettiin, jotta jokainen koulu saa ainakin yhden hankkeen."
    )
    assert "varje skola får minst ett projekt" in skipped["text"]["sv"]
    assert "every school gets at least one project" in skipped["text"]["en"]
    funded = next(e for e in data["explanations"] if e["project"] == "3")
    assert funded["kind"] == "greedy-funded"


def test_a_school_too_dear_for_the_budget_does_not_block_the_others(pm):
    big = election(
        1000,
        [("1", 500, "A"), ("2", 400, "A"), ("3", 2000, "B"), ("4", 100, "C")],
        [["1", "2", "3"]] * 5 + [["4"]],
    )
    outcome = run_rule(big, RULE_NAME, pm=pm)
    assert outcome.selected == ("1", "2", "4")
    assert coverable(big) == {"A", "C"}


# --- properties -----------------------------------------------------------------------------

SCHOOLS = ("A", "B", "C", "")


@st.composite
def elections(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    projects = [
        (str(i), draw(st.integers(min_value=0, max_value=60)), draw(st.sampled_from(SCHOOLS)))
        for i in range(1, n + 1)
    ]
    ids = [p[0] for p in projects]
    ballots = draw(
        st.lists(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True), max_size=12)
    )
    return election(draw(st.integers(min_value=0, max_value=150)), projects, ballots)


def covered(e, selected):
    return {school(e.project(pid)) for pid in selected} - {""}


@settings(max_examples=300, deadline=None)
@given(elections())
def test_the_budget_is_never_exceeded(e):
    outcome = run_rule(e, RULE_NAME, pm=get_plugin_manager())
    assert outcome.spent == sum(e.project(pid).cost for pid in outcome.selected)
    assert outcome.spent <= e.budget


@settings(max_examples=300, deadline=None)
@given(elections())
def test_every_school_the_budget_allows_gets_a_project(e):
    outcome = run_rule(e, RULE_NAME, pm=get_plugin_manager())
    assert coverable(e) <= covered(e, outcome.selected)
    schools = {school(p) for p in e.projects} - {""}
    cheapest = {s: min(p.cost for p in e.projects if school(p) == s) for s in schools}
    if sum(cheapest.values()) <= e.budget:
        assert covered(e, outcome.selected) == schools


@settings(max_examples=300, deadline=None)
@given(elections())
def test_it_is_plain_greedy_when_greedy_already_covers_every_school(e):
    pm = get_plugin_manager()
    plain = run_rule(e, "greedy", pm=pm)
    schools = {school(p) for p in e.projects} - {""}
    if covered(e, plain.selected) == schools:
        assert run_rule(e, RULE_NAME, pm=pm).selected == plain.selected
