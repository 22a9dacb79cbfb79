"""``yk calendar``: the programme's sessions and network meetings as an iCalendar file."""

from __future__ import annotations

from pathlib import Path

import click

from .state import State, folder_argument, lang_option, pass_state


@click.command()
@folder_argument
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .ics file to write.",
)
@lang_option()
@pass_state
def calendar(state: State, folder: Path, out: Path, lang: str | None) -> None:
    """Write sessions and meetings as .ics.

    Sessions and the network's meetings, for any calendar program.
    """
    from ..render.i18n import gettext

    with state.programme(folder) as prog:
        lang = prog.language(lang)
        events = prog.calendar(out, lang=lang)
    _ = gettext(lang)
    click.echo(_("Wrote %(n)s events to %(out)s.") % {"n": events, "out": out})
