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
    """Show progress per phase of the model; mark items done with --done ITEM.

    Progress is kept in the programme's store. A checklist.toml left by an earlier version
    is moved into the store the first time this runs.
    """
    from ..checklist import (
        CHECKLIST_FILE,
        check_items,
        import_file,
        mark_done,
        progress_by_phase,
        read_file,
    )
    from ..render.store_records import store_url

    opened = state.folder(folder)
    items = check_items(opened.template, done)  # unknown items: nothing is written
    exists = store_url(opened, state) is not None
    write = bool(items)
    if (folder / CHECKLIST_FILE).exists():
        # Without a store, a broken file stops the command before a store is made for it.
        write = write or exists or bool(read_file(folder))
    progress, imported, newly = {}, [], []
    if write:
        with state.store(folder) as store, store.transaction() as tx:
            imported = import_file(tx, folder)
            newly = mark_done(tx, opened.template, items, today()) if items else []
            progress = tx.checklist.done()
    elif exists:
        with state.store(folder) as store, store.read() as tx:
            progress = tx.checklist.done()
    if imported:
        click.echo(
            f"Moved {len(imported)} item(s) from {CHECKLIST_FILE} into the store; "
            "the file is no longer read and can be deleted."
        )
    if items:
        click.echo(f"Marked {len(newly)} item(s) done." if newly else "Already marked done.")
    lang = lang or opened.programme.language
    for phase in progress_by_phase(opened.template, progress, lang):
        click.echo(f"{phase.title} ({phase.done}/{phase.total})")
        for item_id, text, mark in phase.items:
            box = "[x]" if mark else "[ ]"
            when = f"  ({mark.on.isoformat()}, {mark.by})" if mark else ""
            click.echo(f"  {box} {item_id}: {text}{when}")
