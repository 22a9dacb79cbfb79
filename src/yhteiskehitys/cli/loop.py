"""``yk loop``, ``yk status``, ``yk partners``: the loop's figures, the programme at a glance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import today_option
from .state import State, folder_argument, format_option, lang_option, pass_state


@click.command("loop")
@folder_argument
@today_option
@format_option("csv")
@click.option(
    "--limit",
    type=click.IntRange(0),
    default=20,
    show_default=True,
    help="How many open loops to list.",
)
@pass_state
def loop(state: State, folder: Path, today: date | None, fmt: str, limit: int) -> None:
    """Open loops, overdue steps, closure rate.

    Open loops with stage, age and overdue flags; closure rate; median days per stage;
    figures by theme and by actor (palautekehä).
    """
    from ..loop.report import FORMATS

    with state.programme(folder) as prog:
        summary = prog.loop_summary(today=today, open_limit=limit)
    click.echo(FORMATS[fmt](summary).rstrip("\n"))


@click.command("status")
@folder_argument
@today_option
@lang_option("Language of the checklist (default: the programme's).")
@pass_state
def status(state: State, folder: Path, today: date | None, lang: str | None) -> None:
    """The programme on one screen.

    One screen: phase checklist, open and overdue loops, next meetings, latest feedback.
    """
    with state.programme(folder) as prog:
        lines = prog.status(today=today, lang=lang)
    click.echo("\n".join(lines))


@click.command("partners")
@click.argument("theme")
@folder_argument
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@pass_state
def partners(state: State, theme: str, folder: Path, limit: int) -> None:
    """Suggest actors for a theme, and why.

    Suggest actors for THEME, from declared themes and past commissions, and say why.
    """
    with state.programme(folder) as prog:
        found = prog.partners(theme, limit=limit)
    if not found:
        click.echo(f"No actor declares {theme!r} or has commissioned work on it yet.")
    for s in found:
        click.echo(f"{s.actor:<20} {s.name} ({s.organisation})  score {s.score:g}")
        for reason in s.reasons:
            click.echo(f"    - {reason}")
