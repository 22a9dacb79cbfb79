"""Eligibility on the election day with reasons in three languages; readable one-time codes."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import ClassVar

import pytest
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys import catalogue, hookimpl
from yhteiskehitys.decide.elections import AgeOnDayRule, codes, judge, parse_rule, reason_text
from yhteiskehitys.decide.elections.rules import RuleTextError, facts_on, parse_rules
from yhteiskehitys.model import EligibilityRule, MunicipalityRule, StudyingRule, Text

DAY = date(2025, 3, 14)


def rules(pm):
    return parse_rules(
        ["municipality=Kittilä", "studying=yes", "age=13-20"], catalogue.eligibility_rules(pm)
    )


def test_the_rules_are_read_from_kind_equals_value(pm):
    municipality, studying, age = rules(pm)
    assert municipality == MunicipalityRule(municipalities=["Kittilä"])
    assert studying == StudyingRule(studying=True)
    assert age == AgeOnDayRule(min=13, max=20)
    assert parse_rule("studying=ei", catalogue.eligibility_rules(pm)) == StudyingRule(
        studying=False
    )
    assert parse_rule(
        "municipality=Kittilä, Kolari", catalogue.eligibility_rules(pm)
    ).municipalities == (
        "Kittilä",
        "Kolari",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("municipality", "KIND=VALUE"),
        ("colour=blue", "unknown kind 'colour'"),
        ("age=old", "age range such as 13-20"),
        ("age=20-13", "max"),
        ("studying=maybe", "yes or no"),
        ("municipality=", "at least one"),
    ],
)
def test_a_rule_that_cannot_be_read_says_why(pm, text, message):
    with pytest.raises(RuleTextError, match=message):
        parse_rule(text, catalogue.eligibility_rules(pm))


@pytest.mark.parametrize(
    ("facts", "reason", "fi", "sv", "en"),
    [
        (
            {"municipality": "Sodankylä", "studying": True, "birth_year": 2009},
            "lives_elsewhere",
            "asuu muualla",
            "bor på annan ort",
            "lives elsewhere",
        ),
        (
            {"municipality": "Kittilä", "studying": False, "birth_year": 2009},
            "not_studying",
            "ei opiskele",
            "studerar inte",
            "not studying",
        ),
        (
            {"municipality": "Kittilä", "studying": True, "birth_year": 2004},
            "too_old",
            "yli 20-vuotias",
            "över 20 år",
            "over 20",
        ),
        (
            {"municipality": "Kittilä", "studying": True, "birth_year": 2013},
            "too_young",
            "alle 13-vuotias",
            "under 13 år",
            "under 13",
        ),
        (
            {"municipality": "Kittilä", "studying": True},
            "age_unknown",
            "ikä ei tiedossa",
            "åldern okänd",
            "age not known",
        ),
        (
            {"studying": True, "birth_year": 2009},
            "municipality_unknown",
            "kotikunta ei tiedossa",
            "hemkommunen okänd",
            "home municipality not known",
        ),
    ],
)
def test_an_ineligible_voter_gets_a_reason_in_three_languages(pm, facts, reason, fi, sv, en):
    found = judge(rules(pm), facts_on(DAY, facts))
    assert found == reason
    assert reason_text(rules(pm), found) == Text(fi=fi, sv=sv, en=en)


def test_age_is_judged_on_the_election_day(pm):
    age = AgeOnDayRule(min=13, max=20)
    assert age.accepts(facts_on(date(2025, 3, 14), {"birth_year": 2005})) is True
    assert age.accepts(facts_on(date(2026, 1, 1), {"birth_year": 2005})) is False
    born = date(2012, 3, 15)
    assert age.accepts({"on": date(2025, 3, 14), "birth_date": born}) is False  # 12 that day
    assert age.accepts({"on": date(2025, 3, 15), "birth_date": born}) is True
    assert (
        judge(
            rules(pm),
            facts_on(DAY, {"municipality": "kittilä", "studying": True, "birth_year": 2010}),
        )
        is None
    )


@frozen(kw_only=True)
class SchoolRule(EligibilityRule):
    """A plugin's rule: studies at one of the named schools."""

    kind: ClassVar[str] = "school"
    reasons: ClassVar[dict[str, Text]] = {
        "other_school": Text(fi="muu koulu", sv="annan skola", en="another school")
    }
    schools: tuple[str, ...]

    @classmethod
    def from_text(cls, value: str) -> SchoolRule:
        return cls(schools=tuple(s.strip() for s in value.split(",")))

    def accepts(self, facts):
        school = facts.get("school")
        return None if school is None else school in self.schools

    def describe(self):
        return "studies at " + " or ".join(self.schools)

    def refusal(self, facts):
        return "other_school"


class SchoolPlugin:
    @hookimpl
    def yk_eligibility_rules(self):
        return [SchoolRule]


def test_a_plugin_adds_a_rule_with_its_own_text_form_and_reasons():
    from yhteiskehitys.plugins import get_plugin_manager

    pm = get_plugin_manager(entry_points=False)
    pm.register(SchoolPlugin(), name="school-plugin")
    rule = parse_rule("school=Levin koulu", catalogue.eligibility_rules(pm))
    assert rule == SchoolRule(schools=("Levin koulu",))
    assert judge([rule], {"school": "Sirkan koulu"}) == "other_school"
    assert reason_text([rule], "other_school").sv == "annan skola"
    converter = catalogue.converter(pm)
    assert (
        converter.structure(converter.unstructure(rule, EligibilityRule), EligibilityRule) == rule
    )


def test_the_age_rule_is_registered_through_the_hook(pm):
    from yhteiskehitys.model.target_group import BUILTIN_RULES

    assert AgeOnDayRule not in BUILTIN_RULES
    assert AgeOnDayRule in catalogue.eligibility_rules(pm)
    impls = [i.plugin_name for i in pm.hook.yk_eligibility_rules.get_hookimpls()]
    assert "yhteiskehitys.builtin.elections" in impls


# --- codes ---------------------------------------------------------------------------------


def test_codes_are_readable_and_have_no_look_alikes():
    assert not set("01IOL") & set(codes.ALPHABET)
    batch = codes.new_codes(500)
    assert len(set(batch)) == 500
    for code in batch:
        assert len(code) == 7 and code[3] == "-"
        assert codes.normalise(code) == code.replace("-", "")
    assert codes.normalise(" 7kq 4mx ") == "7KQ4MX"
    assert codes.normalise("7KQ-4M0") is None  # 0 is never in a code
    assert codes.normalise("7KQ-4MXX") is None


@given(st.text(max_size=12))
def test_normalising_never_fails_and_gives_a_code_or_none(text):
    raw = codes.normalise(text)
    assert raw is None or (len(raw) == codes.LENGTH and set(raw) <= set(codes.ALPHABET))


def test_a_code_is_stored_as_a_salted_scrypt_hash():
    salt = codes.new_salt()
    digest = codes.hash_code("7KQ4MX", salt, 10)
    assert (
        digest
        == hashlib.scrypt(b"7KQ4MX", salt=bytes.fromhex(salt), n=2**10, r=8, p=1, dklen=32).hex()
    )
    assert digest != codes.hash_code("7KQ4MX", codes.new_salt(), 10)
    assert digest != codes.hash_code("7KQ4MX", salt, 11)
    assert codes.hash_codes(["7KQ-4MX", "7kq4mx"], salt, 10) == [digest, digest]
