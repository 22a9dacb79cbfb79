"""Who can take part, in a sentence that is grammatical in fi, sv and en."""

from __future__ import annotations

import pytest

from yhteiskehitys.model import (
    AgeRange,
    AllOf,
    AnyOf,
    MunicipalityRule,
    StatusRule,
    StudyingRule,
    TargetGroup,
)
from yhteiskehitys.render.eligibility import who_can_take_part


def group(low, high, *rules):
    return TargetGroup(name="ryhmä", age=AgeRange(min=low, max=high), eligibility=rules)


KITTILA = group(16, 29, MunicipalityRule(municipalities=["Kittilä"]), StudyingRule())


@pytest.mark.parametrize(
    ("target", "lang", "sentence"),
    [
        (KITTILA, "fi", "Voit osallistua, jos olet 16–29-vuotias, kotikuntasi on Kittilä ja "
                        "opiskelet."),
        (KITTILA, "sv", "Du kan delta om du är 16–29 år, din hemkommun är Kittilä och du "
                        "studerar."),
        (KITTILA, "en", "You can take part if you are 16 to 29 years old, your home municipality "
                        "is Kittilä and you study."),
        (group(13, 99, StatusRule()), "fi", "Voit osallistua, jos olet vähintään 13-vuotias."),
        (group(13, 120), "sv", "Du kan delta om du är minst 13 år."),
        (group(0, 12), "en", "You can take part if you are at most 12 years old."),
        (group(0, 99), "fi", "Kuka tahansa voi osallistua."),
        (group(18, 34, StudyingRule(studying=False)), "sv",
         "Du kan delta om du är 18–34 år och du inte studerar."),
        (group(18, 34, StudyingRule(studying=False)), "fi",
         "Voit osallistua, jos olet 18–34-vuotias ja et opiskele."),
        (group(15, 29, AnyOf(rules=[StudyingRule(), StatusRule(statuses=["working"])])), "en",
         "You can take part if you are 15 to 29 years old and (you study or your situation is "
         "working)."),
        (group(15, 29, AllOf(rules=[MunicipalityRule(municipalities=["Liminka", "Oulu"])])), "fi",
         "Voit osallistua, jos olet 15–29-vuotias ja kotikuntasi on Liminka tai Oulu."),
    ],
)  # fmt: skip
def test_the_sentence(target, lang, sentence):
    assert who_can_take_part(target, lang) == sentence


def test_no_sentence_says_not_lives_in():
    ok, reasons = KITTILA.check({"age": 20, "municipality": "Oulu", "studying": True})
    assert ok is False
    assert reasons == ["not met: lives in Kittilä"]
    ok, reasons = KITTILA.check({"age": 20})
    assert ok is None and reasons == ["not known: lives in Kittilä", "not known: studies"]


def test_a_rule_of_no_rules_says_so():
    """``all_of`` with nothing in it asks nothing of anyone, and says so; it excludes no one."""
    empty = AllOf(rules=())
    assert empty.describe() == "anyone"
    assert empty.accepts({}) is True
    assert AllOf(rules=[empty, StudyingRule()]).describe() == "(anyone) and (studies)"
    assert who_can_take_part(group(0, 99, empty), "en") == "Anyone can take part."


def test_an_any_of_that_would_admit_no_one_is_refused():
    from yhteiskehitys.errors import FieldValueError

    with pytest.raises(FieldValueError, match="rules: name at least one rule"):
        AnyOf(rules=())
