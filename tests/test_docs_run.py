"""Every Python and shell block of README.md and docs/*.md runs, also beside a plugin's check.

A page runs in a folder of its own, fresh for each run: its Python blocks in order in one
namespace (a block builds on the ones above it), its shell blocks command by command with the
installed ``yk``, each from the page's folder (a ``cd`` holds until the block ends). A Python
block whose first line names a package's file (``# src/PACKAGE/__init__.py``) is that file: it is
written into the page's folder and imported where it stands, so the page's ``yk`` commands and
later blocks find the package as if it were installed. Test functions the blocks define
(``def test_...``) are run by pytest, with the fixtures the core's pytest plugin gives. Files a
page's commands read (``koulu.pb``, ``roll.csv``…) are those of ``docs/files/``, copied into its
folder. A command that asks to be sure (``yk participant erase``) is answered yes. Where a page
says what a block prints ("It prints:" and a ``text`` block), it must.

Each page runs twice: as installed, and with a further plugin whose check reports an error and a
warning on every programme. An example that assumed the core's checks were all there are fails
the second run. ``yk validate`` may then exit 1, as it must, if only the probe's error is why.

Two marks in the Markdown, on the lines just above a block's fence, visible to anyone who edits
the page: ``<!-- not-run: reason -->`` for a block that cannot run here (it installs packages,
runs the whole suite), and ``<!-- setup: commands -->`` for what a block presupposes (a
programme with a participant), run from the page's folder before it. Nothing else is left out:
each run counts the blocks that ran against those found less those marked.
docs/tutorial-plugin.md is run by tests/test_tutorial_plugin.py, with its own plugin's check.
"""

from __future__ import annotations

import ast
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FILES = DOCS / "files"
RUNTIME = Path(__file__).resolve().parent / "docs_blocks"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
ELSEWHERE = {"docs/tutorial-plugin.md": "tests/test_tutorial_plugin.py"}
"""Pages whose blocks another test runs, as the page builds them."""
RUN = ("python", "sh", "bash", "console")
FENCE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ ]*$",
    flags=re.M | re.S,
)
NOT_RUN = re.compile(r"<!--\s*not-run:\s*(?P<reason>[^>]*?)\s*-->\s*\Z")
SETUP = re.compile(r"<!--\s*setup:\s*(?P<commands>[^>]*?)\s*-->\s*\Z")
FILE_COMMENT = re.compile(r"\A# (?P<path>src/[\w/]+\.py)\n")
PROBE_CHECK = "privacy_notice"
SECONDS = 900


@attrs.frozen
class Block:
    page: str
    number: int
    lang: str
    first: int
    """The line of the page (from 1) the opening fence is on."""
    last: int
    """The line of the closing fence."""
    body: str
    not_run: str | None
    setup: tuple[tuple[int, str], ...] = ()
    """Commands run before the block, with their lines: what the page presupposes."""

    @property
    def where(self) -> str:
        return f"{self.page}:{self.first}"

    @property
    def path(self) -> str | None:
        """The package file a Python block is (``# src/PACKAGE/module.py`` on its first line)."""
        match = FILE_COMMENT.match(self.body) if self.lang == "python" else None
        return match["path"] if match else None

    def commands(self) -> list[tuple[int, str]]:
        """A shell block's commands with their lines: continued lines joined, comments left."""
        out: list[tuple[int, str]] = []
        pending: tuple[int, str] | None = None
        for offset, raw in enumerate(self.body.splitlines(), start=self.first + 1):
            line = raw[2:] if self.lang == "console" and raw.startswith("$ ") else raw
            if pending is not None:
                line = pending[1] + " " + line.strip()
                start = pending[0]
                pending = None
            else:
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if self.lang == "console" and not raw.startswith("$ "):
                    continue  # what the command printed
                start = offset
            if line.endswith("\\"):
                pending = (start, line[:-1].rstrip())
                continue
            out.append((start, line.strip()))
        assert pending is None, f"{self.where}: a command ends with a backslash"
        return out

    def tests(self) -> list[str]:
        """The test functions a Python block defines."""
        tree = ast.parse(self.body)
        return [
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
        ]


def relative(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def blocks(page: Path) -> list[Block]:
    """Every Python and shell block of a page, in order."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match["lang"] not in RUN:
            continue
        first = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()]
        marked = NOT_RUN.search(before)
        setup = SETUP.search(before)
        setup_lines = ()
        if setup:
            line = text.count("\n", 0, setup.start("commands")) + 1
            setup_lines = tuple(
                (line + n, command.strip())
                for n, command in enumerate(setup["commands"].splitlines())
                if command.strip()
            )
        found.append(
            Block(
                page=relative(page),
                number=len(found),
                lang=match["lang"],
                first=first,
                last=first + match["body"].count("\n") + 1,
                body=textwrap.dedent(match["body"]),
                not_run=marked["reason"] if marked else None,
                setup=setup_lines,
            )
        )
    return found


def expected_output(page: Path) -> dict[int, str]:
    """What a Python block prints, where the page says it: "It prints:" then a ``text`` block."""
    text = page.read_text(encoding="utf-8")
    out = {}
    matches = list(FENCE.finditer(text))
    for previous, match in itertools.pairwise(matches):
        between = text[previous.end() : match.start()].strip()
        if previous["lang"] == "python" and match["lang"] == "text" and between == "It prints:":
            out[text.count("\n", 0, previous.start()) + 1] = match["body"]
    return out


RUN_PAGES = [p for p in PAGES if relative(p) not in ELSEWHERE]


def module_source(page: Path, found: list[Block]) -> str:
    """The page as one Python module: each block at its own lines, every other line empty."""
    lines = [""] * (page.read_text(encoding="utf-8").count("\n") + 2)
    assert not found or found[0].first > 1, "the first line holds the import of the runtime"
    lines[0] = "from docs_runtime import load, ran, shell, start  # noqa: F401"
    for block in found:
        if block.not_run is not None:
            continue
        if block.lang == "python" and block.path is None:
            lines[block.first - 1] = f"start({block.number})"
            for offset, line in enumerate(block.body.splitlines(), start=block.first):
                lines[offset] = line
        elif block.lang == "python":
            lines[block.first - 1] = f"load({block.number})"
        else:
            lines[block.first - 1] = f"shell({block.number})"
        lines[block.last - 1] = f"ran({block.number})"
    return "\n".join(lines) + "\n"


PROBE_PYPROJECT = """\
[project]
name = "yhteiskehitys-tietosuoja"
version = "0.1.0"

[project.entry-points.yhteiskehitys]
tietosuoja = "yhteiskehitys_tietosuoja"
"""

PROBE_MODULE = f'''\
"""A municipality's own check, as a third party would add it: the privacy notice."""

from yhteiskehitys import hookimpl
from yhteiskehitys.checks import Check, Problem


def _notice(ctx):
    if not (ctx.folder / "tietosuojaseloste.md").exists():
        yield Problem(check="{PROBE_CHECK}", message="no tietosuojaseloste.md in the folder")
    yield Problem(
        check="{PROBE_CHECK}", message="review the privacy notice yearly", severity="warning"
    )


@hookimpl
def yk_checks():
    return [Check(name="{PROBE_CHECK}", description="A privacy notice.", run=_notice)]
'''


def environment(extra_path: list[Path]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YK_") and k != "PYTHONPATH"}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in extra_path)
    return env


@pytest.fixture
def probe(tmp_path_factory, plugin_from_folder) -> list[Path]:
    """The entries of PYTHONPATH under which the probe plugin is installed."""
    folder = tmp_path_factory.mktemp("probe")
    (folder / "pyproject.toml").write_text(PROBE_PYPROJECT, encoding="utf-8")
    package = folder / "src" / "yhteiskehitys_tietosuoja"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(PROBE_MODULE, encoding="utf-8")
    paths = plugin_from_folder.environment(folder)["PYTHONPATH"].split(os.pathsep)
    return [Path(p) for p in paths]


def run_page(page: Path, tmp: Path, plugin_path: list[Path]) -> tuple[list[dict], str]:
    """Run a page's blocks; the blocks that ran with what they printed, and pytest's output."""
    found = blocks(page)
    folder, work = tmp / "page", tmp / "run"
    folder.mkdir()
    work.mkdir()
    if FILES.is_dir():
        shutil.copytree(FILES, folder, dirs_exist_ok=True)
    plan: dict = {
        "page": relative(page),
        "folder": str(folder),
        "report": str(work / "ran.jsonl"),
        "probe_check": PROBE_CHECK if plugin_path else None,
        "blocks": {},
    }
    for block in found:
        if block.not_run is not None:
            continue
        entry: dict = {"line": block.first, "setup": block.setup}
        if block.lang == "python" and block.path is not None:
            target = folder / block.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body, encoding="utf-8")
            module = block.path.removeprefix("src/").removesuffix(".py").replace("/", ".")
            entry["module"] = module.removesuffix(".__init__")
        elif block.lang != "python":
            entry["commands"] = block.commands()
        plan["blocks"][str(block.number)] = entry
    (work / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    stem = re.sub(r"\W", "_", relative(page).removesuffix(".md"))
    module = work / f"test_page_{stem}.py"
    module.write_text(module_source(page, found), encoding="utf-8")
    (work / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (work / "conftest.py").write_text(
        "from hypothesis import settings\n\n"
        'settings.register_profile("docs", deadline=None)\n'
        'settings.load_profile("docs")\n',
        encoding="utf-8",
    )
    env = environment([RUNTIME, folder / "src", *plugin_path])
    env["YK_DOCS_PLAN"] = str(work / "plan.json")
    env["YK_CACHE_DIR"] = str(tmp / "cache")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
         str(work / "pytest.ini"), "--rootdir", str(work), str(module)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=SECONDS,
    )  # fmt: skip
    report = work / "ran.jsonl"
    done = (
        [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
        if (report.exists())
        else []
    )
    tests = sum(len(b.tests()) for b in found if b.lang == "python" and b.not_run is None)
    output = result.stdout + result.stderr
    if tests:
        assert result.returncode == 0, output
        assert re.search(rf"^{tests} passed in ", output, flags=re.M), output
    else:
        assert result.returncode == 5, output  # no tests collected, and no error
    return done, output


def check_page(page: Path, tmp: Path, plugin_path: list[Path]) -> dict[int, str]:
    """Run the page; what each Python block printed, by the line of its fence."""
    found = blocks(page)
    marked = [b for b in found if b.not_run is not None]
    done, output = run_page(page, tmp, plugin_path)
    ran = [d["block"] for d in done]
    assert ran == [b.number for b in found if b.not_run is None], output
    assert len(ran) == len(found) - len(marked)
    printed = {found[d["block"]].first: d["printed"] for d in done}
    for line, text in expected_output(page).items():
        assert printed[line] == text, f"{relative(page)}:{line} prints otherwise"
    return {line: text for line, text in printed.items() if found_at(found, line).lang == "python"}


def found_at(found: list[Block], line: int) -> Block:
    return next(b for b in found if b.first == line)


def readme_example(printed: dict[int, str]) -> list[str]:
    """What the README's library example printed: the problems `validate` found."""
    (text,) = printed.values()
    return text.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("page", RUN_PAGES, ids=relative)
def test_the_pages_blocks_run(page, tmp_path):
    printed = check_page(page, tmp_path, [])
    if page.name == "README.md":
        assert readme_example(printed) == [], "the core's checks find nothing, as it says"


@pytest.mark.slow
@pytest.mark.parametrize("page", RUN_PAGES, ids=relative)
def test_the_pages_blocks_run_beside_a_plugins_check(page, tmp_path, probe):
    printed = check_page(page, tmp_path, probe)
    if page.name == "README.md":
        assert readme_example(printed) == [
            f"error: {PROBE_CHECK}: no tietosuojaseloste.md in the folder",
            f"warning: {PROBE_CHECK}: review the privacy notice yearly",
        ]


OPENING = re.compile(r"^[ ]*```(python|sh|bash|console)\b", flags=re.M)


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_every_block_is_found_and_every_mark_is_on_a_block(page):
    text = page.read_text(encoding="utf-8")
    found = blocks(page)
    assert len(found) == len(OPENING.findall(text)), "a block the runner would not see"
    marks = re.findall(r"^<!-- (not-run|setup):", text, flags=re.M)
    assert marks.count("not-run") == sum(b.not_run is not None for b in found), "a stray mark"
    assert marks.count("setup") == sum(bool(b.setup) for b in found), "a stray setup"
    for block in found:
        assert block.not_run is None or (block.not_run and not block.setup), block.where


def test_the_blocks_left_out_are_few_and_say_why():
    marked = [b for page in PAGES for b in blocks(page) if b.not_run is not None]
    assert len(marked) <= 3, [b.where for b in marked]
    for block in marked:
        assert len(block.not_run or "") > 20, f"{block.where}: say why it cannot run"


def test_the_tutorials_blocks_are_those_its_own_test_runs():
    """tests/test_tutorial_plugin.py writes the titled files, runs ``yk plugin new`` (through its
    library function) and the ``yk`` commands of section 7, with the tutorial's plugin found by
    its entry point: a block added anywhere else on the page would go unrun."""
    page = DOCS / "tutorial-plugin.md"
    text = page.read_text(encoding="utf-8")
    sections = {
        "## 1. Start the package": "sh",
        "## 7. Install it and try it": "sh",
    }
    for block in blocks(page):
        heading = text[: text.index(block.body)].rsplit("\n## ", 1)[-1].split("\n", 1)[0]
        if block.lang == "python":
            opening = text.splitlines()[block.first - 1]
            assert 'title="' in opening, block.where
        else:
            assert sections.get(f"## {heading}") == block.lang, block.where
    assert (ROOT / ELSEWHERE["docs/tutorial-plugin.md"]).is_file()
