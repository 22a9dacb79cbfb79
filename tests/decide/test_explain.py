"""Explanations of every project in three languages, and the summary figures."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

from yhteiskehitys.decide import read_pabulib, read_pabulib_text
from yhteiskehitys.decide.data import outcome_data
from yhteiskehitys.decide.explain import KINDS, explain, summarise
from yhteiskehitys.decide.explain_text import LANGUAGES, SENTENCES, money, sentence
from yhteiskehitys.decide.rules import run_rule
from yhteiskehitys.plugins import get_plugin_manager

from .conftest import pabulib_file
from .strategies import elections
from .test_pabulib import GOOD

PM = get_plugin_manager(entry_points=False)
SCHOOL = read_pabulib_text(GOOD, source="koulu.pb")


def test_greedy_tells_the_votes_the_money_left_and_the_cost():
    outcome = run_rule(SCHOOL, "greedy", pm=PM)
    assert outcome.selected == ("1", "3")
    by_id = {e.project: e for e in explain(SCHOOL, outcome)}
    assert [by_id[p].kind for p in "123"] == ["greedy-funded", "greedy-too-dear", "greedy-funded"]
    assert sentence(by_id["2"], "fi") == (
        "Sai 2 ääntä. Kun oli sen vuoro, rahaa oli jäljellä 400 € ja se maksoi 500 €, "
        "joten raha ei riittänyt."
    )
    assert sentence(by_id["2"], "en") == (
        "Got 2 votes. When its turn came, €400 were left and it cost €500, "
        "so the money was not enough."
    )
    assert sentence(by_id["3"], "sv").startswith("Fick 1 röster. När det var dess tur fanns 400 €")


def test_mes_tells_the_round_the_payers_and_where_the_money_went():
    outcome = run_rule(SCHOOL, "mes", pm=PM)
    assert outcome.selected == ("1", "3")
    by_id = {e.project: e for e in explain(SCHOOL, outcome)}
    assert by_id["1"].kind == "mes-funded"
    assert by_id["1"].figures["round"] == 1 and by_id["1"].figures["payers"] == 2
    assert sentence(by_id["1"], "fi") == (
        "Sai 2 ääntä. Valittiin kierroksella 1: sen 2 kannattajaa maksoivat sen, "
        "kukin enintään 300 € omasta osuudestaan."
    )
    assert by_id["2"].kind == "mes-short"
    assert by_id["2"].figures["went_to"] == "1"
    assert sentence(by_id["2"], "en") == (
        "Got 2 votes. In the end its supporters had only €67 left together, but it costs €500. "
        "Most of their money (€600) went to project 1 (Keinut)."
    )


def test_summary_figures():
    summary = summarise(SCHOOL, run_rule(SCHOOL, "greedy", pm=PM))
    assert (summary.spent, summary.left, summary.funded) == (900, 100, 2)
    assert summary.voters_with_funded == 3 and summary.share_with_funded == 1.0
    assert summary.cost_per_vote == 300.0  # 900 € for three votes on funded projects
    assert [(c.category, c.projects, c.funded, c.spent) for c in summary.categories] == [
        ("leikki", 2, 2, 900),
        ("lukeminen", 1, 0, 0),
    ]


def test_every_kind_has_a_sentence_in_every_language():
    for kind in (*KINDS, "went-to", "summary", "cost-per-vote", "mes-share"):
        assert set(SENTENCES[kind]) == set(LANGUAGES)
        placeholders = {
            lang: sorted(part.split("}")[0] for part in SENTENCES[kind][lang].split("{")[1:])
            for lang in LANGUAGES
        }
        assert placeholders["fi"] == placeholders["sv"] == placeholders["en"], kind


def test_money_is_written_as_each_language_writes_it():
    assert money(12345, "fi") == "12\u00a0345 €"
    assert money(12345, "en") == "€12,345"
    assert money(2367122, "en", "PLN") == "2,367,122 zł"


@pytest.mark.parametrize("rule", ["greedy", "mes", "mes-add1-greedy"])
def test_every_project_of_a_real_file_is_explained(rule):
    election = read_pabulib(pabulib_file("Poland_Czestochowa_2024.pb"))
    data = outcome_data(election, run_rule(election, rule, pm=PM))
    json.dumps(data)  # plain data only
    assert len(data["explanations"]) == len(election.projects)
    assert {e["project"] for e in data["explanations"] if e["funded"]} == set(data["selected"])
    for e in data["explanations"]:
        assert all(e["text"][lang] for lang in LANGUAGES)
    assert "zł" in data["summary"]["text"]["fi"]


@given(elections(max_projects=5, max_voters=5))
def test_explanations_agree_with_the_outcome(election):
    for rule in ("greedy", "greedy-score", "mes", "mes-add1-greedy"):
        outcome = run_rule(election, rule, pm=PM)
        for e in explain(election, outcome):
            assert e.funded == (e.project in outcome.selected_set)
            assert e.funded == (e.kind.endswith("funded") or e.kind == "mes-free"), (rule, e)
            for lang in LANGUAGES:
                assert sentence(e, lang)
