"""Every model class survives unstructure → text → structure, in JSON and in TOML."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys import model
from yhteiskehitys.convert import dumps_json, dumps_toml, loads_json, loads_toml, make_converter
from yhteiskehitys.testing import strategies as yks

MODEL_CLASSES = sorted(
    (obj for name in model.__all__ if attrs.has(obj := getattr(model, name))),
    key=lambda cls: cls.__name__,
)
CONVERTERS = {fmt: make_converter(fmt) for fmt in ("json", "toml")}


def test_every_model_class_has_a_strategy():
    missing = [cls.__name__ for cls in MODEL_CLASSES if cls not in yks.STRATEGIES]
    assert missing == []
    assert len(MODEL_CLASSES) >= 30


def test_unknown_class_is_named():
    class Stranger:
        pass

    with pytest.raises(KeyError, match="Stranger"):
        yks.for_class(Stranger)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_json_round_trip(cls, data):
    value = data.draw(yks.for_class(cls))
    converter = CONVERTERS["json"]
    assert loads_json(dumps_json(value, converter), cls, converter, "x.json") == value
    assert converter.structure(converter.unstructure(value), cls) == value


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_toml_round_trip(cls, data):
    value = data.draw(yks.for_class(cls))
    converter = CONVERTERS["toml"]
    assert loads_toml(dumps_toml(value, converter), cls, converter, "x.toml") == value


@given(yks.responses())
def test_generated_responses_keep_the_rules(response):
    if response.outcome == "pending":
        assert response.follow_up is not None
    if response.outcome == "not_adopted":
        assert response.reason.strip()
    if response.outcome in ("adopted", "adapted"):
        assert response.change.strip()
    assert response.decision_text.strip() or response.decision_document.strip()


@given(yks.model_templates())
def test_generated_models_have_unique_checklist_ids(template):
    ids = template.checklist_ids()
    assert len(ids) == len(set(ids))


@given(yks.ids())
def test_generated_ids_are_accepted(value):
    model.Theme(id=value, title="t")
