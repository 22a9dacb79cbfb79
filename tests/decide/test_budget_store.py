"""Budgets in a programme's store, on SQLite and PostgreSQL: projects, secret ballots with
eligibility and one ballot per voter, paper and .pb imports, counting, export."""

from __future__ import annotations

from datetime import date

import pytest

from yhteiskehitys.decide import ballots, count, exchange, read_pabulib, read_pabulib_text
from yhteiskehitys.decide import budgets as B
from yhteiskehitys.decide.errors import BudgetError, PabulibError
from yhteiskehitys.model import AgeRange, Participant, TargetGroup
from yhteiskehitys.model.target_group import MunicipalityRule
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.store import open_store
from yhteiskehitys.store.transfer import export_text, import_text

from .conftest import expected, pabulib_file

PM = get_plugin_manager(entry_points=False)
PUPILS = TargetGroup(name="Oppilaat", age=AgeRange(min=7, max=15))
DAY = date(2026, 5, 4)


def _school(store) -> None:
    with store.transaction() as tx:
        for pid, year in (("P-1", 2014), ("P-2", 2015), ("P-3", 2016), ("P-9", 1990)):
            tx.participants.add(Participant(id=pid, birth_year=year))
        B.create_budget(tx, B.make_budget(id="koulu", title="Koulun budjetti", amount="1000",
                                          max_length=2))  # fmt: skip
        B.add_projects(
            tx,
            "koulu",
            [
                B.make_project(id="1", name="Keinut", cost=600, category="leikki", area="A"),
                B.make_project(id="2", name="Kirjasto", cost="500", category="lukeminen"),
                B.make_project(id="3", name="Penkit", cost=300, area="B"),
            ],
        )


def test_a_childrens_budget_end_to_end(store, tmp_path):
    _school(store)
    with store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-1", ["1", "2"], target_group=PUPILS, on=DAY)
        ballots.cast_vote(tx, "koulu", "P-2", ["1"], target_group=PUPILS, on=DAY)
    paper = tmp_path / "paperit.csv"
    paper.write_text("ballot;projects\n001;2,1\n002;3\n003;\n", encoding="utf-8")
    with store.transaction() as tx:
        assert ballots.import_paper_ballots(tx, "koulu", paper) == 3
    with store.read() as tx:
        election, outcome = count.count_budget(tx, "koulu", pm=PM, rule="greedy")
        assert outcome.selected == ("1", "3")
        assert len(election.ballots) == 5
        text = exchange.export_pb(tx, "koulu")
        sentence = count.explain_project(tx, "koulu", "2", pm=PM, rule="greedy", lang="en")
        entries = tx.audit.entries(entity="budget", entity_id="koulu")
    assert sentence.startswith("Got 2 votes. When its turn came, €400 were left")
    again = read_pabulib_text(text)
    assert again == election
    assert "P-1" not in text and "P-2" not in text  # ballots are under random keys
    assert [e.action for e in entries] == ["create", "vote", "vote", "import"]
    assert entries[1].after == {"voter": "P-1"}  # that they voted, never how


def test_eligibility_and_one_ballot_per_voter(store):
    _school(store)
    with store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-1", ["3"], target_group=PUPILS, on=DAY)
    refusals = {
        "P-1": "has voted in budget 'koulu' already",
        "P-9": "may not vote in budget 'koulu': not met: aged 7.15",
        "P-404": "is not a participant",
    }
    for voter, message in refusals.items():
        with pytest.raises(BudgetError, match=message), store.transaction() as tx:
            ballots.cast_vote(tx, "koulu", voter, ["3"], target_group=PUPILS, on=DAY)
    local = TargetGroup(
        name="Kittilän oppilaat",
        age=AgeRange(min=7, max=15),
        eligibility=[MunicipalityRule(municipalities=["Kittilä"])],
    )
    with pytest.raises(BudgetError, match="not known: lives in Kittilä"), store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-2", ["3"], target_group=local, on=DAY)
    with store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-2", ["3"], target_group=local, on=DAY,
                    facts={"municipality": "Kittilä"})  # fmt: skip
    bad_ballots = {
        ("4",): "project '4', which PROJECTS lacks",
        ("1", "2", "3"): "more than max_length 2",
        ("1", "1"): "names project 1 twice",
    }
    for vote, message in bad_ballots.items():
        with pytest.raises(BudgetError, match=message), store.transaction() as tx:
            ballots.cast_vote(tx, "koulu", "P-3", vote, target_group=PUPILS, on=DAY)
    with store.read() as tx:
        assert len(B.load_election(tx, "koulu").ballots) == 2  # nothing of the refused ones


def test_projects_and_budgets_are_checked(store):
    _school(store)
    with pytest.raises(BudgetError, match="exists already"), store.transaction() as tx:
        B.create_budget(tx, B.make_budget(id="koulu", title="x", amount=1))
    with pytest.raises(BudgetError, match="amount"):
        B.make_budget(id="x", title="x", amount="paljon")
    with pytest.raises(BudgetError, match="cost"):
        B.make_project(id="4", name="x", cost=-5)
    with pytest.raises(BudgetError, match="has a project '1' already"), store.transaction() as tx:
        B.add_projects(tx, "koulu", [B.make_project(id="1", name="x", cost=1)])
    with pytest.raises(BudgetError, match="no budget 'kaupunki'; budgets: koulu"):
        with store.read() as tx:
            B.get_budget(tx, "kaupunki")
    with store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-1", ["3"], target_group=PUPILS, on=DAY)
    with pytest.raises(BudgetError, match="voting has begun"), store.transaction() as tx:
        B.add_projects(tx, "koulu", [B.make_project(id="4", name="x", cost=1)])


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("ballot;projects\n1;1\n2;7\n", 3, "project '7', which PROJECTS lacks"),
        ("ballot;projects\n1;1\n1;2\n", 3, "paper ballot '1' is in already"),
        ("ballot;projects\n1;1;x\n", 2, "3 fields, the header has 2"),
        ("lippu;hankkeet\n1;1\n", 1, "ballot;projects"),
        ("ballot;projects\n1;1,2,3\n", 2, "more than max_length 2"),
    ],
)
def test_a_bad_paper_ballot_file_names_its_line_and_writes_nothing(store, tmp_path, text, line,
                                                                    reason):  # fmt: skip
    _school(store)
    path = tmp_path / "paperit.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PabulibError) as caught, store.transaction() as tx:
        ballots.import_paper_ballots(tx, "koulu", path)
    assert caught.value.line == line and reason in caught.value.reason
    with store.read() as tx:
        assert B.load_election(tx, "koulu").ballots == ()
        assert [e.action for e in tx.audit.entries(entity="budget")] == ["create"]


def test_a_pb_file_imports_counts_as_pabutools_and_exports_back(store):
    path = pabulib_file("Netherlands_Amsterdam_252.pb")
    with store.transaction() as tx:
        exchange.import_pb(tx, path, "amsterdam")
    with store.read() as tx:
        _, outcome = count.count_budget(tx, "amsterdam", pm=PM)
        text = exchange.export_pb(tx, "amsterdam")
    assert set(outcome.selected) == set(expected()[path.name]["mes_add1_greedy"])
    original = read_pabulib(path)
    again = read_pabulib_text(text)
    assert [b.vote for b in again.ballots] == [b.vote for b in original.ballots]
    assert [(p.id, p.cost, p.name) for p in again.projects] == [
        (p.id, p.cost, p.name) for p in original.projects
    ]
    assert again.budget == original.budget


def test_a_broken_pb_file_imports_nothing(store, tmp_path):
    path = tmp_path / "rikki.pb"
    path.write_text("META\nkey;value\n", encoding="utf-8")
    with pytest.raises(PabulibError, match=r"rikki\.pb"), store.transaction() as tx:
        exchange.import_pb(tx, path)
    with store.read() as tx:
        assert B.list_budgets(tx) == []


def test_a_max_length_no_database_column_holds_is_a_budget_error(store, tmp_path):
    """Found by the fuzz of `make reliability`: META max_length;99999999999 reached the
    database, where PostgreSQL's integer column refused it with an internal error."""
    from .test_pabulib import GOOD

    with pytest.raises(BudgetError, match="max_length: must be a whole number from 0 to 2"):
        B.make_budget(id="x", title="x", amount=1, max_length=2**31)
    path = tmp_path / "pitka.pb"
    path.write_text(GOOD.replace("max_length;2", "max_length;99999999999"), encoding="utf-8")
    with pytest.raises(BudgetError, match="max_length"), store.transaction() as tx:
        exchange.import_pb(tx, path, "pitka")
    with store.read() as tx:
        assert B.list_budgets(tx) == []


def test_budgets_travel_in_the_programme_export(store, second_store_url):
    _school(store)
    with store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-1", ["1", "3"], target_group=PUPILS, on=DAY)
    text = export_text(store)
    with open_store(second_store_url, operator="tester") as second:
        import_text(second, text)
        assert export_text(second) == text
        with second.read() as tx, store.read() as original:
            assert B.load_election(tx, "koulu") == B.load_election(original, "koulu")


def test_an_erased_voter_stays_counted_but_not_named(store):
    from yhteiskehitys.store.rights import erase_in

    _school(store)
    with store.transaction() as tx:
        ballots.cast_vote(tx, "koulu", "P-1", ["3"], target_group=PUPILS, on=DAY)
    with store.transaction() as tx:
        erase_in(tx, "P-1")
    import json

    data = json.loads(export_text(store))
    [voter] = data["records"]["budget_voters"]
    assert voter["voter"].startswith("anon-")
    votes = [e for e in data["audit"] if e["entity"] == "budget" and e["action"] == "vote"]
    assert votes and all("P-1" not in json.dumps(e) for e in votes)
    with store.read() as tx:
        assert len(B.load_election(tx, "koulu").ballots) == 1
