"""The plugin is built on the public API only: no built-ins, store, CLI or render internals."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "yhteiskehitys_lapsiparlamentti"
PUBLIC = {
    "yhteiskehitys",
    "yhteiskehitys.model",
    "yhteiskehitys.checks",
    "yhteiskehitys.decide",
    "yhteiskehitys.decide.rules",
}


def imported(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            if node.module == "yhteiskehitys":
                found |= {f"yhteiskehitys.{a.name}" for a in node.names if a.name.islower()}
    return {name for name in found if name.split(".")[0] == "yhteiskehitys"}


def test_there_is_source_to_read():
    assert len(list(SOURCE.glob("*.py"))) >= 5


def test_only_public_names_are_imported():
    names = {"general_model", "hookimpl", "open_programme"}
    outside = {}
    for path in SOURCE.glob("*.py"):
        found = imported(path.read_text(encoding="utf-8"))
        bad = {
            n for n in found if n not in PUBLIC and n.removeprefix("yhteiskehitys.") not in names
        }
        if bad:
            outside[path.name] = sorted(bad)
    assert outside == {}


def test_the_scan_sees_an_internal_import():
    assert imported("from yhteiskehitys.store.core import Store") == {"yhteiskehitys.store.core"}
    assert imported("import yhteiskehitys.cli.main") == {"yhteiskehitys.cli.main"}
    assert imported("from yhteiskehitys import builtin") == {
        "yhteiskehitys",
        "yhteiskehitys.builtin",
    }
