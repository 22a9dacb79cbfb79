"""``yk validate``: the configuration, then every registered check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import today_option
from .state import State, folder_argument, pass_state


@click.command()
@folder_argument
@click.option("--strict", is_flag=True, help="Treat warnings as failures too.")
@today_option
@pass_state
def validate(state: State, folder: Path, strict: bool, today: date | None) -> int:
    """Check the configuration and records.

    Check FOLDER's programme.toml and run every check (exit 1 when one fails).
    """
    with state.programme(folder) as prog:
        found = prog.validate(today=today)
    for problem in found.problems:
        click.echo(str(problem), err=problem.severity == "error")
    click.echo(f"{found.checks} checks, {found.errors} errors, {found.warnings} warnings.")
    return 1 if found.failed(strict=strict) else 0
