"""``yk mail``: e-mail drafts after a session, as .eml files; nothing is sent."""

from __future__ import annotations

from pathlib import Path

import click

from .state import State, folder_argument, lang_option, pass_state


@click.command()
@folder_argument
@click.option("--session", "session", required=True, metavar="ID", help="The session's id.")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the .eml drafts to.",
)
@click.option(
    "--from",
    "sender",
    metavar="ADDRESS",
    help="Sender's address (default: a placeholder to replace in the mail program).",
)
@lang_option()
@pass_state
def mail(
    state: State, folder: Path, session: str, out: Path, sender: str | None, lang: str | None
) -> None:
    """Write e-mail drafts after a session (sends none).

    Drafts to the participants who attended and to the actors whose commissions were
    handled: the summary, what happened to the group's views, the next meeting.
    """
    from ..render.i18n import gettext

    with state.programme(folder) as prog:
        lang = prog.language(lang)
        written = prog.mail(session, out, sender=sender, lang=lang)
    _ = gettext(lang)
    click.echo(
        _("Wrote %(n)s e-mail drafts to %(out)s; nothing was sent.")
        % {"n": len(written), "out": out}
    )
