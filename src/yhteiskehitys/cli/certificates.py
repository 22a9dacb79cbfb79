"""``yk certificates``: printable participation certificates (osallistumistodistukset)."""

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
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write one HTML file per participant to.",
)
@click.option("--participant", metavar="ID", help="Only this participant (pseudonymous id).")
@click.option(
    "--signer", metavar="TEXT", help="Name and title of the signer (default: the organisation)."
)
@lang_option()
@pass_state
def certificates(
    state: State,
    folder: Path,
    out: Path,
    participant: str | None,
    signer: str | None,
    lang: str | None,
) -> None:
    """Write certificates.

    One certificate per participant whose consent allows it, with the name from the
    personal-data table.
    """
    from ..render.i18n import gettext

    with state.programme(folder) as prog:
        lang = prog.language(lang)
        written = prog.certificates(out, participant=participant, signer=signer, lang=lang)
    _ = gettext(lang)
    click.echo(_("Wrote %(n)s certificates to %(out)s.") % {"n": len(written), "out": out})
