"""``yk log``: the audit trail, who changed what and when."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .state import State, folder_argument, format_option, pass_state


def _summary(before: Any, after: Any, redacted: bool) -> str:
    if redacted and before is None and after is None:
        return "(redacted on erasure)"
    if isinstance(before, dict) and isinstance(after, dict) and "state" in after:
        return f"{before.get('state')} → {after['state']}"
    if isinstance(before, dict) and isinstance(after, dict):
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        return "changed " + ", ".join(changed) if changed else ""
    return ""


@click.command()
@folder_argument
@click.option("--entity", "entity", metavar="KIND", help="Only entries about this kind of record.")
@click.option("--id", "entity_id", metavar="ID", help="Only entries about the record with this id.")
@click.option("--last", type=click.IntRange(min=1), metavar="N", help="Only the last N entries.")
@format_option()
@pass_state
def log(
    state: State,
    folder: Path,
    entity: str | None,
    entity_id: str | None,
    last: int | None,
    fmt: str,
) -> None:
    """Show the audit trail: who changed what, when.

    Show the audit trail of FOLDER's store, oldest first.
    """
    from ..convert import iso_utc
    from ..store.audit import entry_dicts

    with state.programme(folder) as prog:
        entries = prog.log(entity=entity, entity_id=entity_id, last=last)
    if fmt == "json":
        click.echo(json.dumps(entry_dicts(entries), ensure_ascii=False, indent=2, sort_keys=True))
        return
    for e in entries:
        what = f"{e.entity} {e.entity_id}"
        summary = _summary(e.before, e.after, e.redacted)
        click.echo(
            f"{e.seq:>6}  {iso_utc(e.at)[:19]}Z  {e.operator:<12} {e.action:<7} {what}"
            + (f"  {summary}" if summary else "")
        )
    if not entries:
        click.echo("No entries.", err=True)
