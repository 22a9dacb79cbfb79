"""docs/tutorial-plugin.md, followed as written, gives a plugin that passes the conformance kit.

The page's files are code blocks titled with their paths (```python title="src/..."```). The
package is made as the page makes it, by ``yk plugin new`` (its library function), and the
blocks are written over it. The plugin is imported from its folder for the kit; its own tests
and the page's ``yk`` commands run in subprocesses that find it by its entry point, as an
installed plugin is found. Nothing is installed.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import attrs
import pytest

from yhteiskehitys.api import new_plugin
from yhteiskehitys.model import ModelTemplate
from yhteiskehitys.render import vocabulary
from yhteiskehitys.testing.conformance import check_plugin

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "tutorial-plugin.md"
TEXT = PAGE.read_text(encoding="utf-8")
TITLED = re.compile(r'^```(\w+) title="([^"]+)"\n(.*?)^```$', flags=re.M | re.S)
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", flags=re.M | re.S)


def section(heading: str) -> str:
    return TEXT.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def titled_files() -> dict[str, str]:
    files = {path: body for _, path, body in TITLED.findall(TEXT)}
    assert len(files) == len(TITLED.findall(TEXT)), "each file once"
    return files


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The package as the page leaves it, and the files ``yk plugin new`` wrote first."""
    folder = new_plugin("vammaisneuvosto", tmp_path_factory.mktemp("tutorial"))
    generated = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*")
        if p.is_file()
    }
    for relative, body in titled_files().items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return folder, generated


def test_the_page_has_the_files_of_a_plugin():
    assert set(titled_files()) == {
        "pyproject.toml",
        "src/yhteiskehitys_vammaisneuvosto/__init__.py",
        "src/yhteiskehitys_vammaisneuvosto/templates/base.html",
        "tests/test_plugin.py",
    }


def test_the_page_starts_from_what_yk_plugin_new_writes(package):
    _, generated = package
    start = section("1. Start the package")
    assert "yk plugin new vammaisneuvosto\n" in start
    tree = next(body for lang, body in BLOCK.findall(start) if lang == "text")
    listed = {line.strip() for line in tree.splitlines()[1:]}
    assert listed == set(generated)
    assert titled_files()["pyproject.toml"] == generated["pyproject.toml"], (
        "the page says the generated pyproject.toml is kept as it is"
    )


def test_the_page_lists_every_field_of_the_model_in_order():
    sentence = section("2. The model").split("The fields of `ModelTemplate`", 1)[1]
    sentence = sentence.split(";", 1)[0]
    assert re.findall(r"`(\w+)`", sentence) == [f.name for f in attrs.fields(ModelTemplate)]


def test_the_plugin_passes_the_conformance_kit(package, plugin_from_folder):
    folder, _ = package
    plugin = plugin_from_folder(folder)
    assert check_plugin(plugin) == []
    model = plugin.council_model()
    assert model.name == "vammaisneuvosto"
    assert model.title.sv == "Råd för personer med funktionsnedsättning"
    assert plugin.yk_template_paths() == [folder / "src" / plugin.__name__ / "templates"]


def test_the_codes_the_page_calls_the_plugins_own_are_those_the_core_has_no_word_for(
    package, plugin_from_folder
):
    model = plugin_from_folder(package[0]).council_model()
    paragraph = section("4. The words, in three languages").split("own codes", 1)[1]
    own = re.findall(r"`(\w+)`", paragraph.split(", have no label", 1)[0])
    used = {
        "roles": (model.roles, vocabulary.ROLES),
        "session kinds": (model.session_kinds, vocabulary.SESSION_KINDS),
        "methods": (model.methods, vocabulary.METHODS),
        "channels": (model.target_group.recruitment_channels, vocabulary.CHANNELS),
    }
    unlabelled = [code for codes, table in used.values() for code in codes if code not in table]
    assert own == unlabelled


def test_the_plugins_own_tests_pass(package, plugin_from_folder):
    folder, _ = package
    assert "`PYTHONPATH=src pytest`" in section("6. Tests"), "as the page runs them"
    env = plugin_from_folder.environment(folder)
    env["PYTHONPATH"] = "src"  # the package only: no entry point, as before installing
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    tests = titled_files()["tests/test_plugin.py"].count("\ndef test_")
    assert f"{tests} passed" in run.stdout


def test_the_code_is_lint_clean_by_the_packages_own_settings(package):
    folder, _ = package
    for args in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "--no-cache", "--config", "pyproject.toml", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def page_vocabulary() -> str:
    """The ``[vocabulary]`` lines of "The words, in three languages" for ``programme.toml``."""
    blocks = BLOCK.findall(
        re.sub(r"^  ", "", section("4. The words, in three languages"), flags=re.M)
    )
    (text,) = [body for lang, body in blocks if lang == "toml"]
    return text


def test_the_vocabulary_labels_exactly_the_plugins_own_codes(package, plugin_from_folder):
    model = plugin_from_folder(package[0]).council_model()
    table = tomllib.loads(page_vocabulary())["vocabulary"]
    assert set(table["roles"]) == set(model.roles) - set(vocabulary.ROLES)
    assert set(table["methods"]) == set(model.methods) - set(vocabulary.METHODS)
    for words in table.values():
        for labels in words.values():
            assert set(labels) == {"fi", "sv", "en"} and all(labels.values())


def page_commands() -> list[list[str]]:
    """The ``yk`` commands of "Install it and try it", comments left out."""
    block = next(body for lang, body in BLOCK.findall(section("7. Install it and try it")))
    lines = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [shlex.split(line) for line in lines if line.startswith("yk ")]


def test_the_commands_of_the_page_run_with_the_plugin_found_by_its_entry_point(
    package, plugin_from_folder, tmp_path
):
    folder, _ = package
    env = plugin_from_folder.environment(folder)
    yk = Path(sys.executable).parent / "yk"
    outputs = {}
    commands = page_commands()
    assert [c[1] for c in commands] == [
        "plugins", "models", "init", "checklist", "session", "validate", "report",
    ]  # fmt: skip
    step = "# add the [vocabulary] lines of section 4 to neuvosto/programme.toml"
    assert step in section("7. Install it and try it")
    for command in commands:
        if command[1] == "checklist":  # as the comment after `yk init` says
            with (tmp_path / "neuvosto" / "programme.toml").open("a", encoding="utf-8") as f:
                f.write("\n" + page_vocabulary())
        run = subprocess.run(
            [str(yk), *command[1:]], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, (command, run.stdout, run.stderr)
        outputs[command[1]] = run.stdout
    assert "vammaisneuvosto" in outputs["plugins"] and "yk_template_paths" in outputs["plugins"]
    assert "Råd för personer med funktionsnedsättning (ages 15-120)" in outputs["models"]
    assert outputs["checklist"].index("appoint_council") < outputs["checklist"].index(
        "present_model"
    )
    assert "vammaisneuvosto_accessible_sessions" not in outputs["validate"]
    footer = (tmp_path / "site" / "fi" / "index.html").read_text(encoding="utf-8")
    assert "selkokielisenä" in footer
    words = {"fi": "viittomakielen tulkkaus", "sv": "teckenspråkstolkning", "en": "sign language"}
    for lang, word in words.items():
        page = (tmp_path / "site" / lang / "session" / "k-1.html").read_text(encoding="utf-8")
        assert word in page and "sign_language_interpreting" not in page, lang
