"""The layers run one way and no module imports another that imports it back.

Layers (DESIGN §3): model < store < loop / measure / decide < render < api < cli, with
``testing`` on top. Every import counts, also one inside a function (it runs the same), except
those under ``if TYPE_CHECKING:``, which never run. ``make lint`` runs this file.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "yhteiskehitys"

#: Each first-level module or package of ``yhteiskehitys`` and its layer; a module may import
#: from its own layer or a lower one, never a higher one.
LAYERS: dict[str, int] = {
    # the foundation: errors, the model and its conversion
    "__init__": 0,
    "errors": 0,
    "model": 1,
    "convert": 2,
    "limits": 2,
    "hookspecs": 2,
    "plugins": 2,
    "plugin_trace": 2,
    "catalogue": 3,
    # records
    "store": 4,
    # the domain's work on records
    "checklist": 5,
    "consent": 5,
    "network": 5,
    "partners": 5,
    "loop": 5,
    "measure": 5,
    "decide": 5,
    "folder": 6,
    "folder_import": 6,
    "checks": 5,
    "validation": 7,
    "builtin": 7,
    # output
    "render": 8,
    # the door for an embedding developer, and the command line over it
    "api": 9,
    "cli": 10,
    "testing": 11,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    names = [f"{target}.{alias.name}" for alias in node.names]
    return [n for n in names if n in MODULES] or [target]


def imports_of(module: str) -> set[str]:
    """The ``yhteiskehitys`` modules ``module`` imports at run time."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.update(_resolve(module, path.name == "__init__.py", node))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    out = set()
    for name in found:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name.startswith(PACKAGE) and name != module:
            out.add(name)
    return out


GRAPH = {module: imports_of(module) for module in MODULES}


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def test_every_first_level_module_has_a_layer():
    assert {top(m) for m in MODULES} - set(LAYERS) == set()


def test_layers_run_one_way():
    upward = sorted(
        f"{m} ({top(m)}, layer {LAYERS[top(m)]}) imports {i} ({top(i)}, layer {LAYERS[top(i)]})"
        for m, targets in GRAPH.items()
        for i in targets
        if m != PACKAGE and top(i) != "__init__" and LAYERS[top(i)] > LAYERS[top(m)]
    )
    assert upward == []


def test_no_cycle_between_modules():
    assert _cycles(GRAPH) == []


def test_no_cycle_between_first_level_packages():
    packages: dict[str, set[str]] = defaultdict(set)
    for m, targets in GRAPH.items():
        for i in targets:
            if top(i) != top(m) and m != PACKAGE and top(i) != "__init__":
                packages[top(m)].add(top(i))
    assert _cycles(packages) == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if top(m) not in {"cli", "testing"}))
def test_only_the_command_line_imports_the_command_line(module):
    assert not any(top(i) == "cli" for i in GRAPH[module])
