"""``yk plugin new``: a plugin package to start from."""

from __future__ import annotations

from pathlib import Path

import click

from .state import State, pass_state


@click.group()
def plugin() -> None:
    """Start a plugin package of your own.

    A plugin adapts the model to a new kind of group; docs/tutorial-plugin.md walks through
    writing one from `yk plugin new`.
    """


@plugin.command()
@click.argument("name")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The folder to write the package folder yhteiskehitys-NAME into.",
)
@pass_state
def new(state: State, name: str, out: Path) -> None:
    """Write a new plugin package yhteiskehitys-NAME.

    The package has a pyproject.toml with the `yhteiskehitys` entry point, a module offering
    a model started from the general model and one check, tests that run the conformance kit,
    and a README. NAME is also the model's name, e.g. vammaisneuvosto.
    """
    from ..api import new_plugin

    folder = new_plugin(name, out, pm=state.pm)
    click.echo(f"Created the plugin package {folder}.")
    click.echo(
        f"Next: cd {folder} && pip install -e '.[test]' && pytest; "
        "then change the model in src/ (see docs/tutorial-plugin.md)."
    )
