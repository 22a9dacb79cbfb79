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
    """Sessions and the network's meetings, for any calendar program."""
    from ..folder import atomic_write
    from ..render.calendar import calendar as make_calendar
    from ..render.i18n import gettext
    from ..render.records import load_records

    opened = state.folder(folder)
    lang = lang or opened.programme.language
    _ = gettext(lang)
    records = load_records(opened, state)
    cal = make_calendar(records, lang)
    atomic_write(out, cal.to_ical().decode("utf-8"))
    events = len(cal.walk("VEVENT"))
    click.echo(_("Wrote %(n)s events to %(out)s.") % {"n": events, "out": out})
