"""The documentation keeps up with the code: fields, terms and the example plugin."""

from __future__ import annotations

import re
import types
from pathlib import Path

import attrs
import pytest

from yhteiskehitys.model import Programme
from yhteiskehitys.model.target_group import BUILTIN_RULES
from yhteiskehitys.testing.conformance import check_plugin

DOCS = Path(__file__).resolve().parent.parent / "docs"


def fields(cls: type, prefix: str = "") -> list[str]:
    out = []
    for field in attrs.fields(cls):
        out.append(prefix + field.name)
        nested = [t for t in (field.type, *getattr(field.type, "__args__", ())) if attrs.has(t)]
        for inner in nested:
            out += fields(inner, f"{prefix}{field.name}.")
    return out


@pytest.mark.parametrize("path", fields(Programme))
def test_configuration_describes_every_field(path):
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert f"`{path.rsplit('.', 1)[-1]}`" in text, path


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.kind)
def test_configuration_describes_every_rule(rule):
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert f"| `{rule.kind}` |" in text


TERMS = [
    "toimintamalli",
    "ohjelma",
    "kohderyhmä",
    "toimija",
    "osallistuja",
    "kokemusasiantuntija",
    "ilmiö, teema",
    "toimeksianto",
    "idea, aloite",
    "tapaaminen, työpaja",
    "näkemys, tuotos",
    "vastaus, päätös",
    "palautekehä",
    "osallisuusbarometri",
    "yhteistyöpalaute",
    "pilotti",
    "osallistava budjetointi",
    "nuorisovaltuusto",
    "osallistumistodistus",
    "kooste, raportti",
]


@pytest.mark.parametrize("term", TERMS)
def test_glossary_has_the_term(term):
    rows = [
        line
        for line in (DOCS / "glossary.md").read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| {term} |") or line.startswith(f"| {term},")
    ]
    assert len(rows) == 1
    assert len(rows[0].strip("|").split("|")) == 4, "fi, sv, en and the code name"


def test_the_example_plugin_in_the_guide_conforms():
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    source = re.findall(r"```python\n(.*?)```", guide, flags=re.S)[0]
    module = types.ModuleType("yhteiskehitys_lapsiparlamentti")
    exec(compile(source, str(DOCS / "plugins.md"), "exec"), module.__dict__)
    assert check_plugin(module) == []
    assert module.model().target_group.age.max == 12
