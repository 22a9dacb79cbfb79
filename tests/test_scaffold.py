"""``yk plugin new``: a package that passes the conformance kit and its own tests as written."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from yhteiskehitys import YhteiskehitysError, general_model
from yhteiskehitys.api import new_plugin
from yhteiskehitys.api.scaffold import PluginNames
from yhteiskehitys.cli.main import main
from yhteiskehitys.testing.conformance import check_plugin

FILES = {
    "pyproject.toml",
    "README.md",
    "src/yhteiskehitys_vanhusneuvosto/__init__.py",
    "tests/test_plugin.py",
}


def files_in(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("given", "model", "module", "entry_point"),
    [
        ("vanhusneuvosto", "vanhusneuvosto", "yhteiskehitys_vanhusneuvosto", "vanhusneuvosto"),
        ("yhteiskehitys-nuoret-aikuiset", "nuoret-aikuiset", "yhteiskehitys_nuoret_aikuiset",
         "nuoret_aikuiset"),
        ("koulu_2", "koulu-2", "yhteiskehitys_koulu_2", "koulu_2"),
    ],
)  # fmt: skip
def test_the_names_of_a_plugin(given, model, module, entry_point):
    names = PluginNames.from_name(given)
    assert (names.model, names.module, names.entry_point) == (model, module, entry_point)
    assert names.distribution == "yhteiskehitys-" + model


@pytest.mark.parametrize("bad", ["", "Vanhus", "2neuvosto", "vanhus neuvosto", "a--b", "ä", "x-"])
def test_a_name_that_is_not_plain_is_refused_and_nothing_written(bad, tmp_path):
    with pytest.raises(YhteiskehitysError, match="lower-case letters"):
        new_plugin(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_package_passes_the_kit_and_its_own_tests(tmp_path, plugin_from_folder):
    folder = new_plugin("vanhusneuvosto", tmp_path)
    assert folder == tmp_path / "yhteiskehitys-vanhusneuvosto"
    assert files_in(folder) == FILES
    project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["yhteiskehitys"] == {
        "vanhusneuvosto": "yhteiskehitys_vanhusneuvosto"
    }
    assert project["project"]["dependencies"] == ["yhteiskehitys>=0.1,<0.2"]

    plugin = plugin_from_folder(folder)
    assert check_plugin(plugin) == []
    model = plugin.model()
    assert model.name == "vanhusneuvosto"
    assert model.checklist_ids() == general_model().checklist_ids()

    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=folder,
        env=plugin_from_folder.environment(folder),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout


def test_the_package_is_lint_clean_by_its_own_settings(tmp_path):
    folder = new_plugin("vanhusneuvosto", tmp_path)
    for args in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "--no-cache", "--config", "pyproject.toml", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    target = tmp_path / "yhteiskehitys-vanhusneuvosto"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(YhteiskehitysError, match="already exists and is not empty"):
        new_plugin("vanhusneuvosto", tmp_path)
    assert files_in(target) == {"notes.txt"}


def test_an_empty_folder_is_filled(tmp_path):
    (tmp_path / "yhteiskehitys-vanhusneuvosto").mkdir()
    assert files_in(new_plugin("vanhusneuvosto", tmp_path)) == FILES
    assert [p.name for p in tmp_path.iterdir()] == ["yhteiskehitys-vanhusneuvosto"]


def test_a_model_name_already_offered_is_refused(tmp_path, yk_plugin_manager):
    with pytest.raises(YhteiskehitysError, match="already offered"):
        new_plugin("yhteiskehitys", tmp_path, pm=yk_plugin_manager)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line(tmp_path, yk_plugin_manager, capsys):
    assert main(["plugin", "new", "vanhusneuvosto", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Created the plugin package" in out and "pip install -e" in out
    assert files_in(tmp_path / "yhteiskehitys-vanhusneuvosto") == FILES
    assert main(["plugin", "new", "vanhusneuvosto", "--out", str(tmp_path)]) == 2
    assert "already exists and is not empty" in capsys.readouterr().err
    assert main(["plugin", "new", "Vanhus Neuvosto", "--out", str(tmp_path)]) == 2
    assert "lower-case letters" in capsys.readouterr().err
