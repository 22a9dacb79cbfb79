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
    """Check FOLDER's programme.toml and run every check (exit 1 when one fails)."""
    from .. import catalogue
    from ..checks import CheckContext, run_checks

    opened = state.folder(folder)
    context = CheckContext(
        programme=opened.programme,
        template=opened.template,
        folder=folder,
        database=state.database,
        converter=catalogue.converter(state.pm),
        **({"today": today} if today else {}),
    )
    checks = catalogue.checks(state.pm)
    try:
        problems = run_checks(checks, context)
    finally:
        context.close()
    for problem in problems:
        click.echo(str(problem), err=problem.severity == "error")
    failed = [p for p in problems if p.severity == "error" or strict]
    click.echo(
        f"{len(checks)} checks, {sum(p.severity == 'error' for p in problems)} errors, "
        f"{sum(p.severity == 'warning' for p in problems)} warnings."
    )
    return 1 if failed else 0
