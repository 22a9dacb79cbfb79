"""Built-in eligibility rules arrive through ``yk_eligibility_rules`` like any plugin's."""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest

from yhteiskehitys import catalogue, hookimpl
from yhteiskehitys.builtin import eligibility
from yhteiskehitys.errors import YhteiskehitysError
from yhteiskehitys.model import EligibilityRule
from yhteiskehitys.model.target_group import BUILTIN_RULES
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.testing.conformance import check_plugin

BUILTIN = "yhteiskehitys.builtin.eligibility"
ELECTIONS = "yhteiskehitys.builtin.elections"
"""The elections' own rule (age on the election day) comes from the built-in elections plugin."""


@attrs.frozen(kw_only=True)
class OwnAge(EligibilityRule):
    kind: ClassVar[str] = "age"

    def accepts(self, facts):
        return True

    def describe(self):
        return "any age"


@attrs.frozen(kw_only=True)
class Island(EligibilityRule):
    kind: ClassVar[str] = "island"

    def accepts(self, facts):
        return facts.get("island")

    def describe(self):
        return "lives on an island"


class ReusesAge:
    @hookimpl
    def yk_eligibility_rules(self):
        return [OwnAge]


class OffersTwice:
    @hookimpl
    def yk_eligibility_rules(self):
        return [Island, Island]


def test_the_builtin_rules_come_from_a_builtin_plugin():
    pm = get_plugin_manager(entry_points=False)
    assert pm.get_plugin(BUILTIN) is eligibility
    from yhteiskehitys.decide.elections.rules import AgeOnDayRule

    assert set(catalogue.eligibility_rules(pm)) == {*BUILTIN_RULES, AgeOnDayRule}
    pm.unregister(name=ELECTIONS)
    assert set(catalogue.eligibility_rules(pm)) == set(BUILTIN_RULES)


def test_without_the_builtin_plugin_there_are_no_builtin_rules():
    pm = get_plugin_manager(entry_points=False)
    pm.unregister(name=BUILTIN)
    pm.unregister(name=ELECTIONS)
    assert catalogue.eligibility_rules(pm) == []


def test_a_plugin_adds_to_the_builtin_rules(yk_register, yk_plugin_manager):
    class Adds:
        @hookimpl
        def yk_eligibility_rules(self):
            return [Island]

    yk_register(Adds(), name="saaristo")
    rules = catalogue.eligibility_rules(yk_plugin_manager)
    assert Island in rules and set(BUILTIN_RULES) <= set(rules)
    converter = catalogue.converter(yk_plugin_manager)
    assert converter.structure({"rule": "island"}, EligibilityRule) == Island()


def test_a_kind_reused_names_both_plugins(yk_register, yk_plugin_manager):
    yk_register(ReusesAge(), name="ikaraja")
    with pytest.raises(YhteiskehitysError) as caught:
        catalogue.eligibility_rules(yk_plugin_manager)
    assert str(caught.value) == (
        f"two eligibility rules are called 'age' (offered by plugins '{BUILTIN}' and "
        "'ikaraja'); each rule needs a kind of its own"
    )


def test_a_kind_offered_twice_by_one_plugin_names_it(yk_register, yk_plugin_manager):
    yk_register(OffersTwice(), name="saaristo")
    with pytest.raises(YhteiskehitysError, match=r"plugin 'saaristo' offers it twice"):
        catalogue.eligibility_rules(yk_plugin_manager)


def test_the_builtin_rules_plugin_conforms():
    assert check_plugin(eligibility) == []


def test_something_else_than_a_rule_class_is_named(yk_register, yk_plugin_manager):
    class Wrong:
        @hookimpl
        def yk_eligibility_rules(self):
            return ["island"]

    yk_register(Wrong(), name="vaarin")
    with pytest.raises(YhteiskehitysError) as caught:
        catalogue.eligibility_rules(yk_plugin_manager)
    assert str(caught.value) == (
        "the eligibility rule 'island' from plugin 'vaarin' is not a subclass of EligibilityRule"
    )
