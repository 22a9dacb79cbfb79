"""``yk measure``: the participation barometer's results, through disclosure control."""

from __future__ import annotations

from pathlib import Path

import click

from .state import State, folder_argument, format_option, lang_option, pass_state


@click.command()
@folder_argument
@click.option("--round", "rounds", multiple=True, metavar="R",
              help="A round to show (repeatable, in order; default: all). Change and DiD are "
              "from the first to the last.")  # fmt: skip
@click.option(
    "--by",
    type=click.Choice(["group", "dimension", "item"]),
    default="group",
    show_default=True,
    help="Total score per group, per dimension, or per item.",
)
@format_option("csv")
@lang_option("Language of titles (default: the programme's).")
@click.option("--item", "items", multiple=True, metavar="ID",
              help="With --by item: only these items (repeatable).")  # fmt: skip
@pass_state
def measure(
    state: State,
    folder: Path,
    rounds: tuple[str, ...],
    by: str,
    items: tuple[str, ...],
    fmt: str,
    lang: str | None,
) -> None:
    """Barometer results with disclosure control.

    Participants vs the comparison group: means, 95 % CIs, change, difference-in-differences.

    Cells of fewer than the programme's disclosure threshold k show as <k; cells hidden so
    that such a group cannot be worked out from the others show as "hidden". An interval
    clipped to the scale is marked †; a negative or low Cronbach's alpha gets a note.
    """
    if items and by != "item":
        raise click.UsageError("--item: give it with --by item")
    from ..measure.tables import FORMATS

    with state.programme(folder) as prog:
        tables = prog.measure(rounds=rounds, by=by, items=items, lang=lang)
        lang = prog.language(lang)
    click.echo(FORMATS[fmt](tables, lang))
