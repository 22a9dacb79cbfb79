"""Instruments are data: built-ins load, bad files name file and field, scores follow the rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.convert import make_converter
from yhteiskehitys.errors import ConfigError
from yhteiskehitys.measure.instrument import builtin_instruments, load_instrument
from yhteiskehitys.measure.scoring import TOTAL, Scorer, minimum_answered, rescale

CONVERTER = make_converter("toml")


def instruments():
    return {i.name: i for i in builtin_instruments(CONVERTER)}


def test_builtin_barometer_has_five_dimensions_and_a_five_point_scale():
    barometer = instruments()["barometer"]
    assert [d.id for d in barometer.dimensions] == [
        "heard",
        "influence",
        "belonging",
        "interaction",
        "trust",
    ]
    assert barometer.scale.points == 5
    assert barometer.scale.labels[4].fi == "Täysin samaa mieltä"
    assert len(barometer.items) == 12
    assert any(item.reverse for item in barometer.items)
    for item in barometer.items:
        assert item.text.fi and item.text.sv and item.text.en


def test_child_variant_has_three_faces_from_neutral_to_happy():
    child = instruments()["barometer-lapset"]
    assert child.scale.points == 3
    assert child.scale.symbols == ("😐", "🙂", "😄")
    assert all(len(item.text.fi) <= 50 for item in child.items)


def test_instruments_are_shipped_as_package_data():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads(
        (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    )
    packages = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert "src/yhteiskehitys" in packages  # hatchling ships every file under the package


BAD = """
name = "oma"
[title]
fi = "Oma"
[description]
fi = "Oma mittari"
[scale]
points = 4
labels = ["Ei", "Kyllä"]
[[dimensions]]
id = "heard"
title = "Kuulluksi tuleminen"
[[items]]
id = "q1"
dimension = "nope"
text = "Minua kuunnellaan."
colour = "red"
"""


def test_a_bad_instrument_file_names_file_and_fields(tmp_path):
    path = tmp_path / "oma.toml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_instrument(path, CONVERTER)
    text = "\n".join(caught.value.problems)
    assert "oma.toml: scale.labels: needs one label per point: 4 (got 2)" in text
    assert "oma.toml: items[0].colour: unknown field" in text


def test_unknown_dimension_is_reported(tmp_path):
    path = tmp_path / "oma.toml"
    path.write_text(
        BAD.replace('labels = ["Ei", "Kyllä"]', 'labels = ["a", "b", "c", "d"]').replace(
            'colour = "red"\n', ""
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"oma.toml: items: item 'q1': unknown dimension 'nope'"):
        load_instrument(path, CONVERTER)


def test_rescale_and_reverse():
    assert rescale(1, 5) == 0 and rescale(5, 5) == 100 and rescale(3, 5) == 50
    assert rescale(1, 5, reverse=True) == 100
    assert rescale(2, 3) == 50
    assert minimum_answered(3, 0.5) == 2
    assert minimum_answered(2, 0.5) == 1
    assert minimum_answered(12, 0.5) == 6
    assert minimum_answered(4, 0.0) == 1


def test_scorer_applies_the_minimum_share():
    barometer = instruments()["barometer"]
    scorer = Scorer(barometer)
    assert scorer.scopes[-1] == TOTAL
    all_agree = [5] * 12
    scores = dict(zip(scorer.scopes, scorer.score(all_agree), strict=True))
    # heard3 is reverse-coded: agreeing with "what I say does not matter" scores 0.
    assert scores["heard"] == pytest.approx(200 / 3)
    assert scores["influence"] == 100
    one_heard = [5, None, None] + [3] * 9
    scores = dict(zip(scorer.scopes, scorer.score(one_heard), strict=True))
    assert scores["heard"] is None  # 1 of 3 answered, 2 needed
    assert scores["influence"] == 50


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=12, max_size=12))
def test_scores_are_between_0_and_100(answers):
    scorer = Scorer(instruments()["barometer"])
    for score in scorer.score(answers):
        assert score is None or 0 <= score <= 100


def test_plugins_add_instruments_and_readers_through_the_hooks(tmp_path):
    """A plugin's yk_instruments and yk_readers contributions appear beside the built-ins, and
    a programme folder's own instrument file too; a clash of names is refused."""
    import attrs

    from yhteiskehitys import hookimpl
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.measure import registry
    from yhteiskehitys.measure.readers.base import TabularReader
    from yhteiskehitys.plugins import get_plugin_manager

    barometer = instruments()["barometer"]

    class Plugin:
        @hookimpl
        def yk_instruments(self):
            return [attrs.evolve(barometer, name="kunnan-oma")]

        @hookimpl
        def yk_readers(self):
            return [TabularReader(name="questback", description="Questback export")]

    pm = get_plugin_manager(entry_points=False)
    pm.register(Plugin(), name="test-plugin")
    assert "kunnan-oma" in registry.instruments(pm)
    assert "questback" in registry.readers(pm)

    own = tmp_path / "instruments"
    own.mkdir()
    builtin_file = barometer_file()
    text = builtin_file.read_text(encoding="utf-8")
    (own / "lisensoitu.toml").write_text(
        text.replace('name = "barometer"', 'name = "lisensoitu"'), encoding="utf-8"
    )
    assert "lisensoitu" in registry.instruments(pm, tmp_path)
    (own / "clash.toml").write_text(text, encoding="utf-8")
    with pytest.raises(YhteiskehitysError, match="two instruments are named 'barometer'"):
        registry.instruments(pm, tmp_path)
    assert builtin_file.exists()


def barometer_file():
    from yhteiskehitys.measure.instrument import BUILTIN_DIR

    return BUILTIN_DIR / "barometer.toml"
