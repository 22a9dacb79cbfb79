"""What a plugin author sees: plugins and the docs use public names only, never ``builtin``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import yhteiskehitys
from yhteiskehitys.model import ModelTemplate

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = "yhteiskehitys.builtin"
CODE_BLOCK = re.compile(r"```(\w*)\n(.*?)```", flags=re.S)
IMPORT_TEXT = re.compile(r"^\s*(?:from|import)\s+yhteiskehitys\.builtin\b", flags=re.M)


def private_imports(source: str) -> list[str]:
    """Each import of the built-in plugins in Python source (``from yhteiskehitys import
    builtin`` too); source that does not parse is searched as text."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return IMPORT_TEXT.findall(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if (a.name + ".").startswith(PRIVATE + ".")]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if (node.module + ".").startswith(PRIVATE + "."):
                found.append(node.module)
            elif node.module == "yhteiskehitys" and any(a.name == "builtin" for a in node.names):
                found.append("yhteiskehitys.builtin")
    return found


PLUGIN_FILES = sorted(
    p
    for p in (ROOT / "plugins").rglob("*")
    if p.is_file() and p.suffix in {".py", ".md", ".toml", ".txt"} and "__pycache__" not in p.parts
)
DOC_FILES = sorted((ROOT / "docs").glob("*.md"))


def test_there_is_something_to_search():
    assert any(p.suffix == ".py" for p in PLUGIN_FILES)
    assert DOC_FILES


@pytest.mark.parametrize("path", PLUGIN_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_plugins_do_not_import_the_builtins(path):
    text = path.read_text(encoding="utf-8")
    blocks = [text] if path.suffix == ".py" else [b for _, b in CODE_BLOCK.findall(text)]
    assert [hit for block in blocks for hit in private_imports(block)] == []


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_doc_code_does_not_import_the_builtins(path):
    blocks = [b for _, b in CODE_BLOCK.findall(path.read_text(encoding="utf-8"))]
    assert [hit for block in blocks for hit in private_imports(block)] == []


def test_the_search_finds_a_private_import():
    assert private_imports("from yhteiskehitys.builtin.general_model import general_model")
    assert private_imports("import yhteiskehitys.builtin.measure as m")
    assert private_imports("from yhteiskehitys import builtin")
    assert private_imports("x = (\nfrom yhteiskehitys.builtin import measure")
    assert not private_imports("from yhteiskehitys.builtins_extra import x")
    assert not private_imports("from yhteiskehitys import general_model")


def test_the_general_model_has_a_public_name():
    model = yhteiskehitys.general_model()
    assert isinstance(model, ModelTemplate)
    assert model.name == "yhteiskehitys"
    assert "general_model" in yhteiskehitys.__all__
    assert model == yhteiskehitys.general_model(), "a fresh, equal copy on every call"


def test_the_reader_contract_is_stated_once():
    from yhteiskehitys import hookspecs
    from yhteiskehitys.measure.readers import base

    contract = base.Reader.__doc__ or ""
    for member in (*base.READER_ATTRIBUTES, *base.READER_METHODS):
        assert f"``{member}" in contract, f"the contract leaves out {member}"
    # The hook and the guide point at it; neither repeats a line of it.
    reference = "yhteiskehitys.measure.readers.base.Reader"
    hook_doc = hookspecs.yk_readers.__doc__ or ""
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert reference in hook_doc and reference in guide
    lines = [line.strip() for line in contract.splitlines() if len(line.strip()) > 30]
    for path in [*DOC_FILES, ROOT / "src" / "yhteiskehitys" / "hookspecs.py"]:
        text = path.read_text(encoding="utf-8")
        assert not [line for line in lines if line in text], path.name


def check_context_fields() -> list[str]:
    import attrs

    from yhteiskehitys.checks import CheckContext

    public = [f.name for f in attrs.fields(CheckContext) if not f.name.startswith("_")]
    properties = [n for n, v in vars(CheckContext).items() if isinstance(v, property)]
    return public + properties


@pytest.mark.parametrize("name", check_context_fields())
def test_every_check_context_field_is_documented(name):
    from yhteiskehitys.checks import CheckContext

    assert f"- ``{name}``:" in (CheckContext.__doc__ or ""), "in the class docstring"
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert f"\n| `{name}` | " in guide, "in the table of docs/plugins.md"


def test_the_check_context_table_lists_no_field_that_is_gone():
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    table = guide.split("### What a check sees", 1)[1].split("\n\n")[2]
    rows = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert rows == check_context_fields()


def model_table() -> list[list[str]]:
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = guide.split("### A model's fields\n", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


def test_the_guide_lists_every_model_field_as_the_code_has_it():
    import attrs

    expected = []
    for field in attrs.fields(ModelTemplate):
        default = "required" if field.default is attrs.NOTHING else f"`{field.default!r}`"
        # As written in the class: attrs.resolve_types (run by other code) replaces field.type.
        written = ModelTemplate.__annotations__[field.name]
        expected.append([f"`{field.name}`", f"`{written}`", default])
    assert [row[:3] for row in model_table()] == expected
    assert all(len(row) == 4 and row[3] for row in model_table()), "each field explained"


def test_the_translation_notes_match_the_code():
    """The guide says a model's own codes are shown as written to actors and as a general word
    to participants, and that missing translations fall back to Finnish."""
    from yhteiskehitys.model import Text
    from yhteiskehitys.render.vocabulary import GENERAL, ROLES, SESSION_KINDS, label

    assert Text(fi="Työpaja").get("sv") == "Työpaja"
    assert label(SESSION_KINDS, "teachers_meeting", str) == "teachers meeting"
    assert label(SESSION_KINDS, "teachers_meeting", str, plain="session") == GENERAL["session"]
    assert label(ROLES, "teacher", str, plain="role") == GENERAL["role"]
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for word in ('"meeting"', '"way of working"', '"participant"'):
        assert word.strip('"') in GENERAL.values() and word in guide
