"""``yk loop``, ``yk status``, ``yk partners``: the loop's figures, the programme at a glance."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import click

from .options import today_option
from .state import State, folder_argument, pass_state


def _today(today: date | None) -> date:
    return today or datetime.now(UTC).date()


@click.command("loop")
@folder_argument
@today_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--limit",
    type=click.IntRange(0),
    default=20,
    show_default=True,
    help="How many open loops to list.",
)
@pass_state
def loop(state: State, folder: Path, today: date | None, fmt: str, limit: int) -> None:
    """Open loops with stage, age and overdue flags; closure rate; median days per stage;
    figures by theme and by actor (palautekehä)."""
    from ..loop.report import FORMATS
    from ..store.loop_queries import loop_summary

    limits = state.folder(folder).programme.loop_limits
    with state.store(folder, create=False) as store, store.read() as tx:
        summary = loop_summary(tx.conn, limits, _today(today), open_limit=limit)
    click.echo(FORMATS[fmt](summary).rstrip("\n"))


@click.command("status")
@folder_argument
@today_option
@click.option(
    "--lang",
    type=click.Choice(["fi", "sv", "en"]),
    default=None,
    help="Language of the checklist (default: the programme's).",
)
@pass_state
def status(state: State, folder: Path, today: date | None, lang: str | None) -> None:
    """One screen: phase checklist, open and overdue loops, next meetings, latest feedback."""
    from ..loop.status import status_lines

    opened = state.folder(folder)
    with state.store(folder, create=False) as store, store.read() as tx:
        lines = status_lines(opened, tx, _today(today), lang or opened.programme.language)
    click.echo("\n".join(lines))


@click.command("partners")
@click.argument("theme")
@folder_argument
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@pass_state
def partners(state: State, theme: str, folder: Path, limit: int) -> None:
    """Suggest actors for THEME, from declared themes and past commissions, and say why."""
    from ..partners import suggest
    from ..store.loop_queries import partner_records

    limits = state.folder(folder).programme.loop_limits
    with state.store(folder, create=False) as store, store.read() as tx:
        tx.themes.get(theme)
        found = suggest(theme, partner_records(tx.conn, theme, limits), limit)
    if not found:
        click.echo(f"No actor declares {theme!r} or has commissioned work on it yet.")
    for s in found:
        click.echo(f"{s.actor:<20} {s.name} ({s.organisation})  score {s.score:g}")
        for reason in s.reasons:
            click.echo(f"    - {reason}")
