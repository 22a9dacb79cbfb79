"""The site's budget and election pages, built through ``open_programme(...).report(...)``:
a page per decided budget and per published election, in three languages, linked from the
dashboard; small schools' counts withheld; no pseudonymous id anywhere; an unpublished election
nowhere."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys import create_programme, open_programme

LANGS = ("fi", "sv", "en")
TODAY = date(2026, 6, 1)
VOTERS = {f"vx{i:02d}": "Levin koulu" for i in range(1, 8)}
VOTERS |= {"vx08": "Pieni koulu", "vx09": "Pieni koulu"}
CANDIDATES = {"vx01": "Aino Esimerkki", "vx02": "Eino Esimerkki", "vx08": "Sini Esimerkki"}
PARTICIPANTS = ("pp-aaa1", "pp-bbb2", "pp-ccc3", "pp-ddd4", "pp-eee5", "pp-fff6")
OPENS, CLOSES = date(2025, 3, 3), date(2025, 3, 14)
BEFORE = datetime(2025, 2, 1, 12, tzinfo=UTC)
DURING = datetime(2025, 3, 5, 12, tzinfo=UTC)
AFTER = datetime(2025, 3, 20, 12, tzinfo=UTC)


def _election(prog, tmp_path: Path, election_id: str, *, publish: bool) -> None:
    roll = tmp_path / f"{election_id}-roll.csv"
    roll.write_text(
        "voter,birth_year,municipality,studying,school\n"
        + "".join(f"{v},2009,Kittilä,yes,{school}\n" for v, school in VOTERS.items()),
        encoding="utf-8",
    )
    elections = prog.elections
    elections.new(
        election_id,
        title=f"Nuorisovaltuustovaalit {election_id}",
        title_sv=f"Ungdomsfullmäktigeval {election_id}",
        title_en=f"Youth council election {election_id}",
        seats=1,
        deputies=1,
        opens=OPENS,
        closes=CLOSES,
        rules=("municipality=Kittilä", "age=13-20"),
    )
    elections.import_roll(election_id, roll, at=BEFORE)
    for voter, name in CANDIDATES.items():
        elections.add_candidate(election_id, voter, name=name, at=BEFORE)
    codes = dict(elections.issue_codes(election_id, tmp_path / f"{election_id}.csv", at=BEFORE))
    # Aino and Eino tie with 3 votes each: the lot decides who is elected.
    choice = ["vx01", "vx01", "vx01", "vx02", "vx02", "vx02", "vx08"]
    for voter, candidate in zip(sorted(codes), choice, strict=False):
        elections.vote(election_id, code=codes[voter], candidate=candidate, at=DURING)
    elections.count(election_id, seed=2025, at=AFTER)
    if publish:
        elections.publish(election_id, at=AFTER)


def _budget(prog) -> None:
    from yhteiskehitys.decide import ballots
    from yhteiskehitys.decide import budgets as B

    group = prog.programme.target_group
    with prog.transaction() as tx:
        B.create_budget(tx, B.make_budget(id="pihat", title="Koulujen pihat 2026", amount=1000))
        B.add_projects(tx, "pihat", [
            B.make_project(id="1", name="Keinut", cost=600, category="leikki", area="Koulu A"),
            B.make_project(id="2", name="Kirjasto", cost=500, category="lukeminen", area="Koulu A"),
            B.make_project(id="3", name="Penkit", cost=300, category="leikki", area="Koulu B"),
        ])  # fmt: skip
        B.create_budget(tx, B.make_budget(id="tuleva", title="Ei vielä äänestetty", amount=500))
        B.add_projects(tx, "tuleva", [B.make_project(id="1", name="Pallo", cost=100)])
    votes = [["1", "2"], ["1"], ["1", "2"], ["2"], ["1"], ["3"]]
    with prog.transaction() as tx:
        for pid, chosen in zip(PARTICIPANTS, votes, strict=True):
            ballots.cast_vote(tx, "pihat", pid, chosen, target_group=group, on=TODAY)


def decided_programme(tmp_path: Path) -> Path:
    """A programme with a voted budget, a budget without ballots, a published election and a
    counted but unpublished one."""
    folder = tmp_path / "ohjelma"
    create_programme(folder, model="nuoret-aikuiset", organisation="Esimerkkikunta")
    with open_programme(folder, operator="tester") as prog:
        for pid in PARTICIPANTS:
            prog.participants.add(pid, birth_year=2004)
        _budget(prog)
        _election(prog, tmp_path, "nuva", publish=True)
        _election(prog, tmp_path, "salainen", publish=False)
    return folder


@pytest.fixture
def site(decision_site) -> Path:
    return decision_site


def pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", LANGS)
def test_a_budget_page_per_decided_budget_linked_from_the_dashboard(site, lang):
    page = site / lang / "budget" / "pihat.html"
    assert page.exists()
    assert not (site / lang / "budget" / "tuleva.html").exists()  # no ballots: not decided
    dashboard = (site / lang / "index.html").read_text(encoding="utf-8")
    assert 'href="budget/pihat.html"' in dashboard and "tuleva" not in dashboard
    html = page.read_text(encoding="utf-8")
    for name in ("Keinut", "Kirjasto", "Penkit"):
        assert name in html
    assert "<svg" in html and "<caption>" in html and 'role="img"' in html
    words = {"fi": "Sai 4 ääntä", "sv": "Fick 4 röster", "en": "Got 4 votes"}
    assert words[lang] in html  # Keinut's explanation in the page's language
    assert "leikki" in html and "lukeminen" in html  # the outcome per category


def test_the_budget_outcome_and_hidden_small_areas(site):
    html = (site / "en" / "budget" / "pihat.html").read_text(encoding="utf-8")
    flat = text(html)
    assert "Money spent €900" in flat and "Funded projects 2 of 3" in flat
    assert "Voters with a funded project 83.3%" in flat
    assert "Cost per vote for a funded project €180" in flat
    # Koulu B has one voter: withheld, and Koulu A with it so B cannot be worked out.
    assert 'Koulu B</th><td class="num"><span class="suppressed">fewer than 5' in html
    assert not re.search(r'Koulu [AB]</th><td class="num"><data', html)
    assert all(int(n) >= 5 for n in re.findall(r'<data class="n" value="(\d+)"', html))


@pytest.mark.parametrize("lang", LANGS)
def test_an_election_page_after_publishing_only(site, lang):
    page = site / lang / "election" / "nuva.html"
    assert page.exists()
    html = page.read_text(encoding="utf-8")
    for name in CANDIDATES.values():
        assert name in html  # candidates are published by name
    assert "2025" in html  # the seed of the lot
    assert "Levin koulu" in html
    dashboard = (site / lang / "index.html").read_text(encoding="utf-8")
    assert 'href="election/nuva.html"' in dashboard


def test_the_lot_and_the_small_school(site):
    html = (site / "en" / "election" / "nuva.html").read_text(encoding="utf-8")
    flat = text(html)
    assert "Tied with 3 votes:" in flat and "Aino Esimerkki, Eino Esimerkki" in flat
    assert "Order drawn:" in flat
    assert "Elected" in flat and "Deputies, in order" in flat
    small = flat.split("Pieni koulu")[1][:60]
    assert "fewer than" in small


def test_an_unpublished_election_appears_nowhere(site):
    for path, html in pages(site).items():
        assert "salainen" not in html, path
        assert "salainen" not in path


def test_no_pseudonymous_id_on_any_page(site):
    ids = [*VOTERS, *PARTICIPANTS]
    for path, html in pages(site).items():
        for pid in ids:
            assert not re.search(rf"\b{re.escape(pid)}\b", html), (path, pid)
