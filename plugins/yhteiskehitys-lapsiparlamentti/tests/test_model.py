"""The model: whom it is for, its vocabulary and labels, its checklist; and that it conforms."""

from __future__ import annotations

import attrs
import yhteiskehitys_lapsiparlamentti as plugin
from yhteiskehitys_lapsiparlamentti.model import childrens_parliament_model

from yhteiskehitys import catalogue
from yhteiskehitys.model import LANGUAGES, Text
from yhteiskehitys.render import vocabulary as core_words
from yhteiskehitys.testing.conformance import check_plugin

TABLES = {
    "roles": "ROLES",
    "session_kinds": "SESSION_KINDS",
    "methods": "METHODS",
    "recruitment_channels": "CHANNELS",
}


def test_the_model_is_for_primary_school_pupils():
    model = childrens_parliament_model()
    assert model.name == "lapsiparlamentti"
    assert (model.target_group.age.min, model.target_group.age.max) == (7, 12)
    assert model.target_group.check({"age": 9})[0] is True
    assert model.target_group.check({"age": 13})[0] is False
    assert model.consent_policy.guardian_under == 15
    assert model.instrument == "barometer-lapset"
    assert model.email_between_meetings is False


def test_roles_and_session_kinds_are_the_parliaments():
    model = childrens_parliament_model()
    for role in ("pupil_representative", "deputy_representative", "teacher", "board_member",
                 "chair", "secretary", "coordinator"):  # fmt: skip
        assert role in model.roles
    assert model.session_kinds == (
        "sitting",
        "general_assembly",
        "board_meeting",
        "regional_parliament",
    )
    assert "pictures_and_stickers" in model.methods


def test_every_word_has_a_label_in_three_languages():
    """A code the core does not label is labelled by the model, in fi, sv and en."""
    model = childrens_parliament_model()
    for kind, table in TABLES.items():
        words = (
            model.target_group.recruitment_channels
            if kind == "recruitment_channels"
            else getattr(model, kind)
        )
        own = getattr(model.vocabulary, kind)
        for word in words:
            assert word in getattr(core_words, table) or word in own, (kind, word)
        for word, text in own.items():
            assert isinstance(text, Text)
            assert all(text.fi and text.sv and text.en for _ in LANGUAGES), word
            assert len({text.fi, text.sv}) == 2, f"{word}: Swedish is translated"


def test_the_checklist_follows_a_parliament_year():
    ids = childrens_parliament_model().checklist_ids()
    assert ids == [
        "schools_asked",
        "teachers_named",
        "consents_collected",
        "first_sitting",
        "ideas_gathered",
        "budget_set",
        "budget_decided",
        "answers_to_classes",
    ]
    for phase in childrens_parliament_model().phases:
        assert phase.title.sv != phase.title.fi
        for item in phase.items:
            assert item.text.en and item.text.sv and item.text.fi


def test_a_fresh_copy_each_time():
    first = childrens_parliament_model()
    assert first == childrens_parliament_model()
    assert attrs.evolve(first, name="other") != childrens_parliament_model()


def test_the_plugin_conforms(yk_conformance):
    assert check_plugin(plugin) == []
    yk_conformance(plugin)


def test_the_model_is_offered_through_the_hook(yk_register, yk_plugin_manager):
    yk_register(plugin, name="lapsiparlamentti")
    assert "lapsiparlamentti" in catalogue.models(yk_plugin_manager)
