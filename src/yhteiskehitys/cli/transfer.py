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
    from .. import catalogue
    from ..convert import dumps_toml, structure
    from ..errors import YhteiskehitysError
    from ..folder import PROGRAMME_FILE, atomic_write
    from ..model import Programme
    from ..store.transfer import import_text
    from ..store.url import missing_sqlite_file

    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YhteiskehitysError(f"{file}: not UTF-8 text") from None
    config = None
    write_config = not (folder / PROGRAMME_FILE).exists()
    if write_config:
        raw = json.loads(text).get("programme") if text.strip().startswith("{") else None
        if raw is not None:
            config = structure(
                raw, Programme, catalogue.converter(state.pm), f"{file.name}: programme"
            )
    folder.mkdir(parents=True, exist_ok=True)
    url = state.store_url(folder)
    created = missing_sqlite_file(url)
    try:
        with state.store(folder) as store:
            count = import_text(store, text, source=file.name)
    except BaseException:
        if created is not None:  # bad input leaves nothing behind, not even an empty store
            for suffix in ("", "-wal", "-shm"):
                Path(f"{created}{suffix}").unlink(missing_ok=True)
        raise
    if config is not None:
        atomic_write(
            folder / PROGRAMME_FILE, dumps_toml(config, catalogue.converter(state.pm, "toml"))
        )
        click.echo(f"Wrote {folder / PROGRAMME_FILE} from the export.")
    click.echo(f"Imported {count} records from {file}.")
