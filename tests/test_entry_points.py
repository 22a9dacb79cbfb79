"""Plugins installed through a real ``yhteiskehitys`` entry point, seen by the installed ``yk``.

No pip: a folder on PYTHONPATH holds the plugin modules and ``*.dist-info`` folders with
METADATA and entry_points.txt, which is all that importlib.metadata reads.
"""

from __future__ import annotations

import json
import os
import re
import textwrap

import pytest

HELP_ROW = re.compile(r"^  tervehdi +Say hello from the test plugin\.$", re.M)

PLUGIN = '''
import os
from pathlib import Path

import click

from yhteiskehitys import hookimpl

log = os.environ.get("YK_TEST_IMPORT_LOG")
if log:
    with open(log, "a", encoding="utf-8") as handle:
        handle.write("imported\\n")


@hookimpl
def yk_models():
    import attrs

    from yhteiskehitys.builtin.general_model import general_model

    return [attrs.evolve(general_model(), name="testimalli")]


@hookimpl
def yk_cli_commands(cli):
    @click.command("tervehdi")
    @click.argument("who")
    def tervehdi(who):
        """Say hello from the test plugin."""
        click.echo(f"Hei {who}!")

    cli.add_command(tervehdi)
'''


def install(site, dist, version, module, source, entry_name):
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[yhteiskehitys]\n{entry_name} = {module}\n", encoding="utf-8"
    )


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install(site, "yk-testplugin", "1.2.3", "yk_testplugin", PLUGIN, "testplugin")
    install(site, "yk-broken", "0.0.1", "yk_broken", "raise ImportError('kaputt')\n", "broken")
    return site


@pytest.fixture
def run(yk, site, tmp_path):
    log = tmp_path / "imports.log"

    def run_(*args, **env):
        return yk(*args, env={"PYTHONPATH": str(site), "YK_TEST_IMPORT_LOG": str(log), **env})

    run_.log = log
    return run_


def test_plugins_lists_the_plugin_and_names_the_broken_one(run):
    result = run("plugins")
    assert result.returncode == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("testplugin "))
    assert "yk-testplugin 1.2.3" in line
    assert "yk_cli_commands, yk_models" in line
    assert "broken" in result.stderr and "FAILED to load (yk-broken)" in result.stderr
    assert "ImportError: kaputt" in result.stderr
    assert "Traceback" not in result.stderr
    assert "nuoret_aikuiset" in result.stdout  # the others still load


def test_plugins_json(run):
    result = run("plugins", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    rows = {row["name"]: row for row in data["plugins"]}
    assert rows["testplugin"]["distribution"] == "yk-testplugin"
    assert rows["testplugin"]["version"] == "1.2.3"
    assert rows["testplugin"]["builtin"] is False
    assert data["failed"] == [
        {"name": "broken", "distribution": "yk-broken", "error": "ImportError: kaputt"}
    ]


def test_models_includes_the_plugin_model(run):
    result = run("models")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert names == [
        "lapsiparlamentti",
        "nuoret-aikuiset",
        "perhekeskus",
        "testimalli",
        "yhteiskehitys",
    ]


def test_disabled_plugin_is_not_loaded(run):
    result = run("models", YK_DISABLE_PLUGINS="testplugin,broken")
    assert "testimalli" not in result.stdout
    assert run("plugins", YK_DISABLE_PLUGINS="broken").stderr == ""


def test_plugin_command_in_help_and_it_runs(run):
    first = run("--help")
    assert first.returncode == 0
    assert HELP_ROW.search(first.stdout)
    assert run.log.read_text().count("imported") == 1

    again = run("--help")  # from the cache: the plugin is not imported
    assert HELP_ROW.search(again.stdout)
    assert run.log.read_text().count("imported") == 1

    result = run("tervehdi", "Aino")
    assert (result.returncode, result.stdout) == (0, "Hei Aino!\n")
    assert run.log.read_text().count("imported") == 2


def test_help_sees_a_changed_plugin(run, site):
    assert "tervehdi" in run("--help").stdout
    source = (site / "yk_testplugin.py").read_text(encoding="utf-8")
    (site / "yk_testplugin.py").write_text(source.replace("tervehdi", "moikkaa"), encoding="utf-8")
    stat = (site / "yk_testplugin.py").stat()
    os.utime(site / "yk_testplugin.py", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    out = run("--help").stdout
    assert "moikkaa" in out and "tervehdi" not in out


def test_help_sees_an_uninstalled_plugin(run, site):
    assert "tervehdi" in run("--help").stdout
    for path in sorted(site.glob("yk_testplugin*"), reverse=True):
        if path.is_dir():
            for child in path.iterdir():
                child.unlink()
            path.rmdir()
        else:
            path.unlink()
    assert "tervehdi" not in run("--help").stdout


def test_help_without_cache(run):
    result = run("--help", YK_NO_CACHE="1")
    assert "tervehdi" in result.stdout
