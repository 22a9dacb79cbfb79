"""``yk checklist``: progress through the model's phases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import DAY
from .state import State, folder_argument, lang_option, pass_state


@click.command()
@folder_argument
@click.option(
    "--done", "done", multiple=True, metavar="ITEM", help="Mark ITEM as done (repeatable)."
)
@click.option(
    "--at", "at", type=DAY, default=None, help="The day the items were done (default: today)."
)
@lang_option()
@pass_state
def checklist(
    state: State, folder: Path, done: tuple[str, ...], at: date | None, lang: str | None
) -> None:
    """Show or mark progress per phase.

    Show progress per phase of the model; mark items done with --done ITEM.

    Progress is kept in the programme's store. A checklist.toml left by an earlier version
    is moved into the store the first time this runs.
    """
    with state.programme(folder) as prog:
        found = prog.checklist.mark_done(done, on=at, lang=lang)
    if found.moved_from_file:
        click.echo(
            f"Moved {len(found.moved_from_file)} item(s) from checklist.toml into the store; "
            "the file is no longer read and can be deleted."
        )
    if done:
        click.echo(
            f"Marked {len(found.marked)} item(s) done." if found.marked else "Already marked done."
        )
    for phase in found.phases:
        click.echo(f"{phase.title} ({phase.done}/{phase.total})")
        for item_id, text, mark in phase.items:
            box = "[x]" if mark else "[ ]"
            when = f"  ({mark.on.isoformat()}, {mark.by})" if mark else ""
            click.echo(f"  {box} {item_id}: {text}{when}")
