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
    """Drafts to the participants who attended and to the actors whose commissions were
    handled: the summary, what happened to the group's views, the next meeting."""
    from ..render import environment
    from ..render.i18n import gettext
    from ..render.mail import session_drafts, write_drafts
    from ..render.records import load_records

    opened = state.folder(folder)
    lang = lang or opened.programme.language
    _ = gettext(lang)
    records = load_records(opened, state, personal=True)
    env = environment(lang, programme_folder=opened.path, pm=state.pm)
    drafts = session_drafts(records, session, env, lang, sender=sender)
    written = write_drafts(drafts, out)
    click.echo(
        _("Wrote %(n)s e-mail drafts to %(out)s; nothing was sent.")
        % {"n": len(written), "out": out}
    )
