"""``yk report``: the programme's static site in Finnish, Swedish and English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import today_option
from .state import LANGUAGES, State, folder_argument, pass_state


@click.command()
@folder_argument
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to write the site to (replaced as a whole).",
)
@click.option(
    "--lang",
    "langs",
    multiple=True,
    type=LANGUAGES,
    help="Build only this language (repeatable; default: all three).",
)
@today_option
@click.option("--timings", is_flag=True, help="Print the time spent per kind of page.")
@pass_state
def report(
    state: State,
    folder: Path,
    out: Path,
    langs: tuple[str, ...],
    today: date | None,
    timings: bool,
) -> None:
    """Build the programme's site (fi, sv, en).

    Build the site: dashboard, themes, trails, summaries, "you said, we did".
    """
    import time

    from ..render.i18n import gettext

    started = time.perf_counter()
    with state.programme(folder) as prog:
        result = prog.report(out, lang=langs or None, today=today)
        _ = gettext(prog.programme.language)
    seconds = time.perf_counter() - started
    click.echo(
        _("Wrote %(pages)s pages in %(langs)s to %(out)s in %(seconds)s s.")
        % {
            "pages": len(result.pages),
            "langs": ", ".join(result.languages),
            "out": out,
            "seconds": f"{seconds:.1f}",
        }
    )
    if timings:
        for template, total in sorted(result.seconds.items(), key=lambda kv: -kv[1]):
            n = result.counts[template]
            click.echo(f"  {template:28} {n:7d} × {1000 * total / n:7.2f} ms = {total:6.2f} s")
