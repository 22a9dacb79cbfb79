"""``yk survey``: survey rounds (osallisuusbarometri) and importing survey-tool exports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .state import State, folder_argument, pass_state

LARGE_FILE = 20 * 1024 * 1024


@click.group()
def survey() -> None:
    """Survey rounds of the participation barometer: import exports, list rounds."""


@survey.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@folder_argument
@click.option(
    "--round", "round_name", required=True, metavar="R", help="The round, e.g. 2024-spring."
)
@click.option("--group", metavar="G", help="Respondent group: participant, comparison or your own "
              "(or map a group column in the mapping file).")  # fmt: skip
@click.option("--reader", "reader_name", metavar="NAME", help="csv, webropol, limesurvey, msforms, "
              "googleforms or a plugin's (default: the mapping's reader, else csv).")  # fmt: skip
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML file mapping columns to items and roles.")  # fmt: skip
@click.option("--instrument", "instrument_name", metavar="NAME",
              help="The instrument asked (default: the model's).")  # fmt: skip
@pass_state
def import_(
    state: State,
    file: Path,
    round_name: str,
    group: str | None,
    reader_name: str | None,
    mapping: Path | None,
    instrument_name: str | None,
    folder: Path,
) -> None:
    """Import FILE into round R of FOLDER's programme: every row or none; bad rows are listed
    by line (exit 2)."""
    from ..catalogue import converter
    from ..measure import registry
    from ..measure.importing import import_export
    from ..measure.readers.mapping import ColumnMapping, load_mapping
    from ..model._validate import ID_PATTERN

    for label, value in (("--round", round_name), ("--group", group)):
        if value is not None and not ID_PATTERN.match(value):
            raise click.UsageError(f"{label} {value!r}: use letters, digits and . _ : -")
    opened = state.folder(folder)
    columns = load_mapping(mapping, converter(state.pm, "toml")) if mapping else ColumnMapping()
    reader = registry.get_reader(state.pm, reader_name or columns.reader or "csv")
    name = instrument_name or columns.instrument or opened.template.instrument
    instrument = registry.get_instrument(state.pm, name, folder)
    size = file.stat().st_size
    with state.store(folder) as store:
        if size >= LARGE_FILE and sys.stderr.isatty():
            with click.progressbar(
                length=size, label=f"Importing {file.name}", file=sys.stderr
            ) as bar:
                done = [0]

                def advance(position: int) -> None:
                    bar.update(position - done[0])
                    done[0] = position

                result = import_export(store, file, round_name=round_name, instrument=instrument,
                                       reader=reader, mapping=columns, group=group,
                                       progress=advance)  # fmt: skip
        else:
            result = import_export(store, file, round_name=round_name, instrument=instrument,
                                   reader=reader, mapping=columns, group=group)  # fmt: skip
    groups = ", ".join(f"{g} {n}" for g, n in sorted(result.groups.items()))
    click.echo(f"Imported {result.rows} respondents into round {result.round} ({groups}).")


@survey.command("rounds")
@folder_argument
@pass_state
def rounds(state: State, folder: Path) -> None:
    """List the survey rounds in FOLDER's store and the instrument each used."""
    with state.store(folder, create=False) as store, store.read() as tx:
        for r in tx.surveys.rounds():
            click.echo(f"{r.name:<20} {r.instrument} (version {r.instrument_version})")
