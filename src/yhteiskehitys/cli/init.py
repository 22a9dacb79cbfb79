"""``yk init``: a new programme folder from a model."""

from __future__ import annotations

from pathlib import Path

import click

from .state import LANGUAGES, State, pass_state


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--model", "model_name", required=True, metavar="NAME", help="Model from `yk models`."
)
@click.option("--name", metavar="TEXT", help="The programme's name (default: the model's title).")
@click.option("--organisation", metavar="TEXT", default="", help="The organisation running it.")
@click.option("--lang", type=LANGUAGES, default="fi", show_default=True)
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
@pass_state
def init(
    state: State,
    folder: Path,
    model_name: str,
    name: str | None,
    organisation: str,
    lang: str,
    force: bool,
) -> None:
    """Create a programme folder from a model.

    Create FOLDER with a programme.toml copied from the model NAME (toimintamalli).
    """
    from ..api import create_programme

    file = create_programme(
        folder,
        model=model_name,
        name=name,
        organisation=organisation,
        language=lang,
        force=force,
        pm=state.pm,
    )
    click.echo(f"Created {file} from the model {model_name!r}.")
    click.echo(f"Next: edit it, then run `yk validate {folder}` and `yk checklist {folder}`.")
