"""``yk survey``: survey rounds (osallisuusbarometri) and importing survey-tool exports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .state import State, folder_argument, pass_state

LARGE_FILE = 20 * 1024 * 1024


@click.group()
def survey() -> None:
    """Import survey-tool exports into rounds.

    Survey rounds of the participation barometer: import exports, list rounds.
    """


@survey.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@folder_argument
@click.option(
    "--round", "round_name", required=True, metavar="R", help="The round, e.g. 2024-spring."
)
@click.option("--group", metavar="G", help="Respondent group: participant, comparison or your own "
              "(or map a group column in the mapping file); needed for a sticker tally. A round "
              "holds one instrument per group.")  # fmt: skip
@click.option("--reader", "reader_name", metavar="NAME", help="csv, webropol, limesurvey, msforms, "
              "googleforms or a plugin's (default: the mapping's reader, else csv).")  # fmt: skip
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML file mapping columns to items and roles.")  # fmt: skip
@click.option("--instrument", "instrument_name", metavar="NAME",
              help="The instrument asked (default: the model's).")  # fmt: skip
@click.option("--round-label", "round_label", multiple=True, metavar="[LANG=]TEXT",
              help="The round's label in reports, e.g. 'fi=kevät 2024' (repeatable; plain text "
              "is Finnish). Default: derived from ids such as 2024-spring or 2024-03.")  # fmt: skip
@pass_state
def import_(
    state: State,
    file: Path,
    round_name: str,
    group: str | None,
    reader_name: str | None,
    mapping: Path | None,
    instrument_name: str | None,
    round_label: tuple[str, ...],
    folder: Path,
) -> None:
    """Import FILE into round R of FOLDER's programme: every row or none; bad rows are listed
    by line (exit 2)."""
    size = file.stat().st_size
    with state.programme(folder) as prog:
        if size >= LARGE_FILE and sys.stderr.isatty():
            with click.progressbar(
                length=size, label=f"Importing {file.name}", file=sys.stderr
            ) as bar:
                done = [0]

                def advance(position: int) -> None:
                    bar.update(position - done[0])
                    done[0] = position

                result = prog.surveys.import_file(file, round=round_name, group=group,
                                                  reader=reader_name, mapping=mapping,
                                                  instrument=instrument_name,
                                                  round_label=round_label,
                                                  progress=advance)  # fmt: skip
        else:
            result = prog.surveys.import_file(file, round=round_name, group=group,
                                              reader=reader_name, mapping=mapping,
                                              instrument=instrument_name,
                                              round_label=round_label)  # fmt: skip
    groups = ", ".join(f"{g} {n}" for g, n in sorted(result.groups.items()))
    click.echo(f"Imported {result.rows} {result.unit} into round {result.round} ({groups}).")


@survey.command("rounds")
@folder_argument
@pass_state
def rounds(state: State, folder: Path) -> None:
    """List the survey rounds in FOLDER's store, each with its label, and the instrument each
    group answered."""
    from ..measure.rounds import round_label

    with state.programme(folder) as prog:
        lang = prog.language()
        for r, groups in prog.surveys.overview():
            label = round_label(r.name, lang, r.label)
            click.echo(f"{r.name:<20} {label:<24} {r.instrument} (version {r.instrument_version})")
            for g in groups:
                click.echo(f"  {g.group:<18} {g.instrument} (version {g.instrument_version})")
