"""``yk models`` (JSON and the verbose table) and ``yk instruments`` say what a model and an
instrument contain, in fi/sv/en; the library gives the same data (``api.describe``)."""

from __future__ import annotations

import json
from pathlib import Path

from yhteiskehitys import catalogue, get_plugin_manager
from yhteiskehitys.api.describe import instruments, models
from yhteiskehitys.measure import registry

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_library_describes_every_model_and_instrument():
    pm = get_plugin_manager()
    found = {m["name"]: m for m in models(pm, "fi")}
    general = catalogue.get_model(pm, "yhteiskehitys")
    m = found["yhteiskehitys"]
    assert m["roles"] == list(general.roles) and m["methods"] == list(general.methods)
    assert m["session_kinds"] == list(general.session_kinds)
    assert m["instrument"] == general.instrument
    assert m["target_group"]["ages"] == [general.target_group.age.min, general.target_group.age.max]
    assert m["title"] == general.title.get("fi")
    barometer = {i["name"]: i for i in instruments(pm, lang="sv")}["barometer"]
    source = registry.instruments(pm)["barometer"]
    assert barometer["scale"]["labels"] == [label.sv for label in source.scale.labels]
    assert [i["id"] for i in barometer["items"]] == list(source.item_ids())
    assert barometer["items"][0]["text"] == source.items[0].text.sv


def test_cli_models_json_and_verbose(yk):
    rows = json.loads(yk("models", "--format", "json").stdout)
    by_name = {r["name"]: r for r in rows}
    m = by_name["yhteiskehitys"]
    for key in ("roles", "session_kinds", "methods", "instrument", "target_group"):
        assert m[key], key
    assert "workshop" in m["session_kinds"] and m["instrument"] == "barometer"
    out = yk("models", "--verbose").stdout
    for word in ("roles:", "session kinds:", "methods:", "instrument:", "target group:"):
        assert word in out
    assert "expert_by_experience" in out and "group_discussion" in out
    assert "roles:" not in yk("models").stdout


def test_cli_instruments_in_each_language(yk, tmp_path):
    fi = yk("instruments", "--lang", "fi").stdout
    sv = yk("instruments", "--lang", "sv").stdout
    en = yk("instruments", "--lang", "en").stdout
    source = registry.instruments(get_plugin_manager())["barometer"]
    for out, lang in ((fi, "fi"), (sv, "sv"), (en, "en")):
        assert source.scale.labels[0].get(lang) in out
        assert source.items[0].text.get(lang) in out
    assert fi != sv != en
    data = json.loads(yk("instruments", "--format", "json").stdout)
    assert {"barometer"} <= {i["name"] for i in data}
    # A programme's own instruments/ are listed with the plugins' when FOLDER is given.
    folder = tmp_path / "ohjelma"
    (folder / "instruments").mkdir(parents=True)
    own = (Path(registry.__file__).parent / "instruments" / "barometer.toml").read_text(
        encoding="utf-8"
    )
    (folder / "instruments" / "oma.toml").write_text(
        own.replace('name = "barometer"', 'name = "oma"', 1), encoding="utf-8"
    )
    names = {i["name"] for i in json.loads(yk("instruments", folder, "--format", "json").stdout)}
    assert {"barometer", "oma"} <= names
