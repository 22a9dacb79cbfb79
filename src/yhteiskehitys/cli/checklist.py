"""``yk checklist``: progress through the model's phases."""

from __future__ import annotations

from pathlib import Path

import click

from .options import today
from .state import State, folder_argument, lang_option, pass_state


@click.command()
@folder_argument
@click.option(
    "--done", "done", multiple=True, metavar="ITEM", help="Mark ITEM as done (repeatable)."
)
@lang_option()
@pass_state
def checklist(state: State, folder: Path, done: tuple[str, ...], lang: str | None) -> None:
    """Show progress per phase of the model; mark items done with --done ITEM."""
    from ..checklist import mark_done, progress_by_phase, read_progress

    opened = state.folder(folder)
    if done:
        newly = mark_done(folder, opened.template, done, state.who(), today())
        click.echo(f"Marked {len(newly)} item(s) done." if newly else "Already marked done.")
    lang = lang or opened.programme.language
    for phase in progress_by_phase(opened.template, read_progress(folder), lang):
        click.echo(f"{phase.title} ({phase.done}/{phase.total})")
        for item_id, text, mark in phase.items:
            box = "[x]" if mark else "[ ]"
            when = f"  ({mark.on.isoformat()}, {mark.by})" if mark else ""
            click.echo(f"  {box} {item_id}: {text}{when}")
