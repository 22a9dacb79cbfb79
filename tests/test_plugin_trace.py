"""``YK_TRACE_PLUGINS``: hook and plugin names with short summaries, never whole reprs."""

from __future__ import annotations

from pathlib import Path

import attrs
import click

from yhteiskehitys import catalogue, hookimpl
from yhteiskehitys.model import general_model
from yhteiskehitys.plugin_trace import summarise, summarise_result
from yhteiskehitys.plugins import get_plugin_manager


class Big:
    """A plugin returning big objects and taking one as an argument."""

    @hookimpl
    def yk_models(self):
        return [attrs.evolve(general_model(), name="iso")]

    @hookimpl
    def yk_cli_commands(self, cli):
        cli.add_command(click.Command("iso-komento"))


def traced(monkeypatch):
    monkeypatch.setenv("YK_TRACE_PLUGINS", "1")
    pm = get_plugin_manager(entry_points=False)
    pm.register(Big(), name="iso_plugin")
    return pm


def test_each_call_names_the_hook_and_its_plugins(monkeypatch, capsys):
    pm = traced(monkeypatch)
    assert "iso" in catalogue.models(pm)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        "yk trace: yk_models() -> plugins: iso_plugin, yhteiskehitys.builtin.general_model"
    )
    assert lines[1].startswith("yk trace: yk_models returned 2 items: ModelTemplate in ")
    assert lines[1].endswith(" ms")


def test_a_big_argument_and_results_are_summarised(monkeypatch, capsys):
    pm = traced(monkeypatch)
    group = click.Group("yk", commands=[click.Command(f"c{i}") for i in range(50)])
    pm.hook.yk_cli_commands(cli=group)
    catalogue.models(pm)
    err = capsys.readouterr().err
    assert "yk trace: yk_cli_commands(cli=Group 'yk') -> plugins: iso_plugin\n" in err
    assert "yk trace: yk_cli_commands returned nothing in " in err
    for whole_repr in ("ChecklistItem(", "Text(fi=", "<Command c1>"):
        assert whole_repr not in err
    assert max(len(line) for line in err.splitlines()) < 160


def test_a_failing_hook_is_named(monkeypatch, capsys):
    class Fails:
        @hookimpl
        def yk_checks(self):
            raise RuntimeError("x" * 500)

    pm = traced(monkeypatch)
    pm.register(Fails(), name="rikki")
    try:
        pm.hook.yk_checks()
    except RuntimeError:
        pass
    err = capsys.readouterr().err
    assert "yk trace: yk_checks() -> plugins: rikki, " in err
    assert "yk trace: yk_checks raised RuntimeError: 'xxx" in err
    assert "x" * 100 not in err


def test_no_trace_unless_asked(monkeypatch, capsys):
    monkeypatch.delenv("YK_TRACE_PLUGINS", raising=False)
    catalogue.models(get_plugin_manager(entry_points=False))
    assert capsys.readouterr().err == ""


def test_summaries():
    assert summarise(None) == "None"
    assert summarise(3) == "3"
    assert summarise("lyhyt") == "'lyhyt'"
    assert summarise("x" * 100) == repr("x" * 37 + "...")
    assert summarise(Path("a/b")) == "'a/b'"
    assert summarise([1, 2, 3]) == "list[3]"
    assert summarise({"a": 1}) == "dict[1]"
    assert summarise(general_model()) == "ModelTemplate 'yhteiskehitys'"
    assert summarise(Path) == "class Path"
    assert summarise(object()) == "object"
    assert summarise_result([[1, 2], None, [3]]) == "3 items: int"
    assert summarise_result([]) == "nothing"
    assert summarise_result([[Path]]) == "1 item: class Path"
    assert summarise_result(general_model()) == "ModelTemplate 'yhteiskehitys'"


def test_the_command_line_traces_to_standard_error(yk):
    done = yk("models", env={"YK_TRACE_PLUGINS": "1"})
    assert done.returncode == 0
    assert "yk trace: yk_models() -> plugins: " in done.stderr
    assert "yhteiskehitys.builtin.general_model" in done.stderr
    assert "ChecklistItem(" not in done.stderr
    assert "yk trace" not in done.stdout
