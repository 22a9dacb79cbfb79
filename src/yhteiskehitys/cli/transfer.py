"""``yk export`` and ``yk import``: a whole programme as one versioned JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .state import State, folder_argument, pass_state


@click.command("export")
@folder_argument
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    metavar="FILE.json",
    help="Where to write the export ('-' for standard output).",
)
@pass_state
def export(state: State, folder: Path, out: Path) -> None:
    """Write the whole programme to a JSON file.

    Write FOLDER's programme (configuration, records, audit trail) to FILE.json.
    """
    with state.programme(folder) as prog:
        text = prog.export(None if str(out) == "-" else out)
    if str(out) == "-":
        click.echo(text, nl=False)
        return
    data = json.loads(text)
    count = sum(len(rows) for rows in data["records"].values())
    click.echo(f"Wrote {out}: {count} records, {len(data['audit'])} audit entries.")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@folder_argument
@pass_state
def import_(state: State, file: Path, folder: Path) -> None:
    """Load an export into an empty store.

    Load FILE.json (from `yk export`) into FOLDER's empty store.

    When FOLDER has no programme.toml yet, the export's configuration is written there too.
    """
    from ..api import import_programme
    from ..folder import PROGRAMME_FILE

    done = import_programme(
        file, folder, database=state.database, operator=state.operator, pm=state.pm
    )
    if done.finished_interrupted:
        click.echo(f"Finished the interrupted import: wrote {folder / PROGRAMME_FILE}.")
        return
    if done.wrote_config:
        click.echo(f"Wrote {folder / PROGRAMME_FILE} from the export.")
    click.echo(f"Imported {done.records} records from {file}.")
