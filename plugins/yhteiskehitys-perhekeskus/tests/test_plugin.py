"""The family-centre model: its content, its checks, its instruments, and that it conforms."""

from __future__ import annotations

import ast
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yhteiskehitys_perhekeskus as plugin
from hypothesis import given
from hypothesis import strategies as st
from yhteiskehitys_perhekeskus.model import FamilyRule, family_centre_model

import yhteiskehitys
from yhteiskehitys import open_programme
from yhteiskehitys.cli.main import main
from yhteiskehitys.testing import strategies as yks
from yhteiskehitys.testing.conformance import check_plugin

SOURCE = Path(plugin.__file__).resolve().parent
PUBLIC_MODULES = {
    "yhteiskehitys.model",
    "yhteiskehitys.checks",
    "yhteiskehitys.measure.instrument",
    "yhteiskehitys.measure.readers.base",
}


def test_the_plugin_conforms(yk_conformance):
    assert check_plugin(plugin) == []
    yk_conformance(plugin)


def test_the_plugin_imports_only_the_public_api():
    """Public: the package root's ``__all__`` (and ``hookimpl``) and the modules the plugin
    guide names; never ``yhteiskehitys.builtin``, ``.store.``, ``.cli.`` or other internals."""
    root = set(yhteiskehitys.__all__) | {"hookimpl"}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "yhteiskehitys":
                    assert {a.name for a in node.names} <= root, path
                elif node.module.startswith("yhteiskehitys."):
                    assert node.module in PUBLIC_MODULES, f"{path.name}: {node.module}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("yhteiskehitys."), f"{path.name}: {alias.name}"


def test_the_model_is_for_families():
    model = family_centre_model()
    assert model.name == "perhekeskus"
    for role in ("child", "parent", "developer_parent", "family_representative",
                 "youth_council_member", "family_centre_coordinator", "professional"):  # fmt: skip
        assert role in model.roles
    assert {"workshop", "meeting_place_evaluation", "developer_parents_meeting",
            "family_centre_network_meeting"} <= set(model.session_kinds)  # fmt: skip
    assert {"pictures_and_stickers", "faces", "survey", "event_stall", "social_media"} <= set(
        model.methods
    )
    assert set(model.target_group.recruitment_channels) == {
        "event", "meeting_place", "social_media", "youth_council"
    }  # fmt: skip
    assert model.consent_policy.guardian_under == 18
    assert [p.id for p in model.phases] == ["family_network", "low_threshold", "tell_back"]
    assert "child_impact" in model.checklist_ids()


def test_every_word_of_the_model_has_a_label_in_three_languages():
    from yhteiskehitys.render import vocabulary as vocab
    from yhteiskehitys.render.i18n import gettext

    model = family_centre_model()
    tables = ((vocab.ROLES, model.roles), (vocab.SESSION_KINDS, model.session_kinds),
              (vocab.METHODS, model.methods),
              (vocab.CHANNELS, model.target_group.recruitment_channels))  # fmt: skip
    for table, codes in tables:
        for code in codes:
            assert code in table, code
            assert gettext("fi")(table[code]) != table[code], code
            assert gettext("sv")(table[code]), code  # the catalogs' own test checks them all


@given(st.integers(0, 17))
def test_children_are_eligible(age):
    assert family_centre_model().target_group.check({"age": age})[0] is True


@given(st.integers(18, 99), st.booleans())
def test_adults_are_eligible_as_guardians_only(age, guardian):
    found = family_centre_model().target_group.check({"age": age, "guardian_of_child": guardian})
    assert found[0] is guardian


@given(st.builds(FamilyRule, child_max=st.integers(0, 25)))
def test_family_rules_round_trip_among_the_core_rules(rule):
    assert rule.describe()
    assert rule.accepts({"age": rule.child_max}) is True


@given(yks.eligibility_rules(extra=st.builds(FamilyRule)))
def test_rules_mixed_with_the_family_rule_answer_for_any_facts(rule):
    assert isinstance(rule.describe(), str)
    assert rule.accepts({"age": 5, "guardian_of_child": True}) in (True, False, None)


def test_the_instruments():
    found = {i.name: i for i in plugin.instruments()}
    stickers, parents = found["perhekeskus-tarrat"], found["perhekeskus-vanhemmat"]
    assert stickers.is_stickers and stickers.scale.points == 3
    assert [label.en for label in parents.scale.labels] == [
        "Informed", "Heard", "Dialogue", "Co-developing", "Co-producing"
    ]  # fmt: skip
    assert not parents.is_stickers


def test_the_model_is_listed_and_init_validate_pass(yk_register, tmp_path, capsys):
    yk_register(plugin, name="perhekeskus")
    assert main(["models"]) == 0
    assert "perhekeskus" in capsys.readouterr().out
    folder = tmp_path / "pk"
    assert main(["init", str(folder), "--model", "perhekeskus", "--organisation", "Kunta"]) == 0
    assert main(["validate", str(folder)]) == 0
    capsys.readouterr()
    assert main(["plugins", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["plugins"]
    mine = next(r for r in rows if r["name"] == "perhekeskus")
    assert {"yk_models", "yk_checks", "yk_instruments"} <= set(mine["hooks"])


@pytest.fixture
def family_centre(yk_register, yk_plugin_manager, tmp_path):
    yk_register(plugin, name="perhekeskus")
    folder = tmp_path / "perhekeskus"
    assert main(["init", str(folder), "--model", "perhekeskus", "--organisation", "Kunta"]) == 0
    with open_programme(folder, operator="koordinaattori", pm=yk_plugin_manager) as programme:
        yield programme


def _problems(programme, check):
    return [p for p in programme.validate(today=date(2025, 6, 1)).problems if p.check == check]


def test_the_checks_find_a_missing_representative_youth_council_and_consent(family_centre):
    p = family_centre
    p.actors.add("neuvola", name="Neuvola", organisation="kunta", organisation_name="Kunta")
    p.participants.add("lapsi-1", birth_year=2019, roles=("child",))
    p.participants.add("vanhempi-1", age_band="30-39", roles=("parent",))
    p.consents.add("lapsi-1", kind="guardian", given=date(2025, 1, 8))
    p.sessions.add("S-1", date=date(2025, 2, 1), kind="workshop", attendees=("lapsi-1",))
    assert [x.severity for x in _problems(p, "family_representative")] == ["error"]
    assert [x.severity for x in _problems(p, "youth_council_in_network")] == ["warning"]
    assert _problems(p, "child_guardian_consent") == []

    p.participants.add("edustaja", age_band="30-39", roles=("family_representative",),
                       joined=date(2025, 1, 1))  # fmt: skip
    p.actors.add("nuva", name="Nuorisovaltuusto", organisation="kunta",
                 roles=("youth_council_member",))  # fmt: skip
    assert [x.severity for x in _problems(p, "family_representative")] == ["warning"]
    assert _problems(p, "youth_council_in_network") == []
    p.sessions.add("S-2", date=date(2025, 3, 1), kind="workshop",
                   attendees=("lapsi-1", "edustaja"))  # fmt: skip
    assert [x.record for x in _problems(p, "family_representative")] == ["S-1"]


def test_a_child_without_a_guardians_consent_is_found(family_centre, tmp_path):
    p = family_centre
    p.participants.add("lapsi-2", birth_year=2016, roles=("child",))
    p.consents.add("lapsi-2", kind="own", given=date(2025, 1, 8))
    try:
        p.sessions.add("S-1", date=date(2025, 2, 1), kind="meeting_place_evaluation",
                       attendees=("lapsi-2",))  # fmt: skip
    except yhteiskehitys.YhteiskehitysError:
        pytest.skip("the core refuses the attendance itself")
    assert [x.record for x in _problems(p, "child_guardian_consent")] == ["lapsi-2"]


def _children_faces(path: Path, instrument, answers):
    header = ";".join(
        ["Vastaaja", *[f"{i}. {it.text.fi}" for i, it in enumerate(instrument.items, 1)]]
    )
    lines = [header, *(";".join([str(n), *map(str, row)]) for n, row in enumerate(answers, 1))]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_one_round_holds_the_childrens_and_the_parents_answers_side_by_side(
    family_centre, tmp_path
):
    p = family_centre
    children = _children_faces(tmp_path / "lapset.csv", p.instrument("barometer-lapset"),
                               [[3, 2, 3, 3, 2, 3]] * 6)  # fmt: skip
    parents = _children_faces(tmp_path / "vanhemmat.csv", p.instrument("barometer"),
                              [[4] * 12] * 7)  # fmt: skip
    p.surveys.import_file(children, round="2025-kevat", group="children",
                          instrument="barometer-lapset", reader="webropol")  # fmt: skip
    p.surveys.import_file(parents, round="2025-kevat", group="parents", instrument="barometer",
                          reader="webropol")  # fmt: skip
    ((_round, groups),) = p.surveys.overview()
    assert {(g.group, g.instrument) for g in groups} == {
        ("children", "barometer-lapset"), ("parents", "barometer")
    }  # fmt: skip
    tables = p.measure(lang="en")
    titles = [t.title for t in tables]
    assert titles == ["Children's participation barometer (0–100)",
                      "Participation barometer (0–100)"]  # fmt: skip
    assert tables[0].rows == ("children",) and tables[1].rows == ("parents",)
    assert tables[0].cells[("children", "2025-kevat")].n == 6
    assert tables[1].cells[("parents", "2025-kevat")].n == 7


def test_sticker_counts_appear_on_the_site_with_small_counts_hidden(family_centre, tmp_path):
    p = family_centre
    tally = tmp_path / "tarrat.csv"
    tally.write_text(
        "activity;face;count\nLeikkinurkka;Tosi kivaa;12\nLeikkinurkka;Kivaa;6\n"
        "Leikkinurkka;1;2\nLaulaminen;😄;9\nLaulaminen;It was fun;7\nLaulaminen;Ihan ok;5\n",
        encoding="utf-8",
    )
    result = p.surveys.import_file(tally, round="2025-kevat", group="children",
                                   instrument="perhekeskus-tarrat")  # fmt: skip
    assert (result.rows, result.unit) == (41, "stickers")
    (table,) = p.measure(lang="fi")
    assert table.cells[("Leikkinurkka", "Tosi kivaa")].n == 12
    assert str(table.cells[("Leikkinurkka", "Ihan ok")]) == "<5"
    out = tmp_path / "site"
    p.report(out, lang="fi")
    pages = "".join(f.read_text(encoding="utf-8") for f in out.rglob("*.html"))
    assert "Kohtaamispaikan tarrataulu" in pages
    start = pages.index('class="chart stickers"')
    picture = pages[start : pages.index("</svg>", start)]
    assert ">12</text>" in picture and ">9</text>" in picture
    assert "alle 5" in picture
    assert ">2</text>" not in picture and ">5</text>" not in picture


def test_child_impact_is_recorded_and_its_last_step_is_the_report_back(family_centre, tmp_path):
    p = family_centre
    p.actors.add("neuvola", name="Neuvola", organisation="kunta", organisation_name="Kunta")
    at = datetime(2025, 3, 1, tzinfo=UTC)
    p.commissions.new("C-1", title="Leikkinurkka", question="Mitä leikkinurkkaan?",
                      actor="neuvola", at=at)  # fmt: skip
    found = p.child_impacts.record("C-1", affected="Lapset 0–6", heard="Tarrataulu",
                                   changes="Uusia leluja", telling="Juliste")  # fmt: skip
    assert [done for _, done in found.steps] == [True, True, True, True, False]
    p.commissions.start("C-1", at=at)
    p.findings.add("F-1", subject="C-1", text="Lisää palikoita", recorded=date(2025, 3, 1))
    p.commissions.document("C-1", at=at)
    p.commissions.deliver("C-1", at=at)
    p.commissions.respond("C-1", outcome="adopted", decided_by="Neuvola", decided=date(2025, 3, 2),
                          change="Palikoita hankittiin", decision_text="Hankinta 3/2025",
                          at=at)  # fmt: skip
    p.commissions.report_back("C-1", channel="poster", text="Palikat tulivat!", at=at)
    assert p.child_impacts.show("C-1").complete
    out = tmp_path / "site"
    p.report(out, lang="fi")
    trail = next(out.rglob("C-1.html")).read_text(encoding="utf-8")
    assert "Lapsivaikutukset" in trail and "Lapsille kerrottiin" in trail


def test_the_family_rule_words_itself_for_the_site_in_three_languages():
    from yhteiskehitys.model import AgeRange, TargetGroup
    from yhteiskehitys.render.eligibility import conditions

    rule = FamilyRule(child_max=12)
    assert rule.condition("fi") == "olet 0–12-vuotias lapsi tai tällaisen lapsen huoltaja"
    assert "vårdnadshavare" in rule.condition("sv")
    assert rule.condition("en") == "you are a child aged 0–12 or the guardian of one"
    group = TargetGroup(name="Perheet", age=AgeRange(min=0, max=99), eligibility=(rule,))
    assert conditions(group, "fi") == [rule.condition("fi")]
