"""yk_cli_commands: one plugin's broken or clashing command must not break the command line."""

from __future__ import annotations

import click

from yhteiskehitys import hookimpl
from yhteiskehitys.cli.main import main


class Greeter:
    @hookimpl
    def yk_cli_commands(self, cli: click.Group) -> None:
        @click.command()
        def hello() -> None:
            """Say hello."""
            click.echo("hei")

        cli.add_command(hello)


class Clasher:
    @hookimpl
    def yk_cli_commands(self, cli: click.Group) -> None:
        @click.command(name="init")
        def hijack() -> None:
            click.echo("hijacked")

        cli.add_command(hijack)


class Broken:
    @hookimpl
    def yk_cli_commands(self, cli: click.Group) -> None:
        raise RuntimeError("no commands today")


def test_a_plugin_command_runs(yk_register, capsys):
    yk_register(Greeter(), name="greeter")
    assert main(["hello"]) == 0
    assert capsys.readouterr().out == "hei\n"


def test_a_plugin_cannot_replace_a_builtin_and_others_still_work(yk_register, capsys):
    yk_register(Clasher(), name="clasher")
    yk_register(Broken(), name="broken")
    yk_register(Greeter(), name="greeter")
    assert main(["hello"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "hei\n"
    assert "plugin 'clasher' tried to replace the built-in command 'init'" in captured.err
    assert "plugin 'broken' failed to add its commands: RuntimeError: no commands today" in (
        captured.err
    )
    assert main(["init", "--help"]) == 0
    assert "Create FOLDER" in capsys.readouterr().out
