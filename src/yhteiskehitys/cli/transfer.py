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
    """Write FOLDER's programme (configuration, records, audit trail) to FILE.json."""
    from .. import catalogue
    from ..folder import PROGRAMME_FILE, atomic_write
    from ..store.transfer import export_text

    programme = None
    if (folder / PROGRAMME_FILE).exists():
        opened = state.folder(folder)
        programme = catalogue.converter(state.pm).unstructure(opened.programme)
    with state.store(folder, create=False) as store:
        text = export_text(store, programme)
    if str(out) == "-":
        click.echo(text, nl=False)
        return
    atomic_write(out, text)
    data = json.loads(text)
    count = sum(len(rows) for rows in data["records"].values())
    click.echo(f"Wrote {out}: {count} records, {len(data['audit'])} audit entries.")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@folder_argument
@pass_state
def import_(state: State, file: Path, folder: Path) -> None:
    """Load FILE.json (from `yk export`) into FOLDER's empty store.

    When FOLDER has no programme.toml yet, the export's configuration is written there too.
    """
    from ..errors import YhteiskehitysError
    from ..folder import PROGRAMME_FILE
    from ..folder_import import import_into_folder

    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YhteiskehitysError(f"{file}: not UTF-8 text") from None
    folder.mkdir(parents=True, exist_ok=True)
    url = state.store_url(folder)
    done = import_into_folder(folder, text, state.pm, url, source=file.name, operator=state.who())
    if done.finished_interrupted:
        click.echo(f"Finished the interrupted import: wrote {folder / PROGRAMME_FILE}.")
        return
    if done.wrote_programme:
        click.echo(f"Wrote {folder / PROGRAMME_FILE} from the export.")
    click.echo(f"Imported {done.records} records from {file}.")
