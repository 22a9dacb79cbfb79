"""``yk actor`` and ``yk theme``: the network's actors and the themes they work on."""

from __future__ import annotations

from pathlib import Path

import click

from .options import many
from .state import State, folder_argument, format_option, pass_state


@click.group()
def actor() -> None:
    """Add or list the network's actors.

    Actors (toimijat) of the expert network: who commissions work and answers for it.
    """


@actor.command("add")
@click.argument("actor_id", metavar="ID")
@folder_argument
@click.option("--name", required=True, help="The actor's name, e.g. a unit of the county.")
@click.option("--organisation", "org", required=True, metavar="ORG", help="Organisation id.")
@click.option(
    "--organisation-name",
    metavar="TEXT",
    help="Create the organisation ORG with this name if it is not in the store.",
)
@click.option("--role", "roles", multiple=True, metavar="ROLE", help="Role (repeatable).")
@click.option(
    "--theme", "themes", multiple=True, metavar="THEME", help="A declared theme (repeatable)."
)
@pass_state
def add_actor(
    state: State,
    actor_id: str,
    folder: Path,
    name: str,
    org: str,
    organisation_name: str | None,
    roles: tuple[str, ...],
    themes: tuple[str, ...],
) -> None:
    """Add actor ID to FOLDER's store."""
    with state.programme(folder) as prog:
        prog.actors.add(
            actor_id,
            name=name,
            organisation=org,
            organisation_name=organisation_name,
            roles=many(roles),
            themes=many(themes),
        )
    click.echo(f"Added actor {actor_id}.")


@actor.command("list")
@folder_argument
@format_option()
@pass_state
def list_actors(state: State, folder: Path, fmt: str) -> None:
    """List the actors with their organisation, roles and declared themes."""
    import json

    with state.programme(folder) as prog:
        rows = prog.actors.list()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "name": a.name,
                        "organisation": a.organisation,
                        "roles": list(a.roles),
                        "themes": list(a.themes),
                    }
                    for a in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for a in rows:
        click.echo(
            f"{a.id:<20} {a.name} ({a.organisation})  roles: {', '.join(a.roles) or '—'}"
            f"  themes: {', '.join(a.themes) or '—'}"
        )


@click.group()
def theme() -> None:
    """Add or list themes (ilmiöt).

    Themes (ilmiöt, teemat): permanent or situational, linked to commissions and ideas.
    """


@theme.command("add")
@click.argument("theme_id", metavar="ID")
@folder_argument
@click.option("--title", required=True)
@click.option(
    "--kind",
    type=click.Choice(["permanent", "situational"]),
    default="situational",
    show_default=True,
)
@click.option("--description", default="")
@pass_state
def add_theme(
    state: State, theme_id: str, folder: Path, title: str, kind: str, description: str
) -> None:
    """Add theme ID."""
    with state.programme(folder) as prog:
        prog.themes.add(theme_id, title=title, kind=kind, description=description)
    click.echo(f"Added theme {theme_id} ({kind}).")


@theme.command("list")
@folder_argument
@pass_state
def list_themes(state: State, folder: Path) -> None:
    """List themes with how many commissions and ideas each has."""
    with state.programme(folder) as prog:
        rows = prog.themes.list()
    for t, c, i in rows:
        click.echo(f"{t.id:<20} {t.kind:<12} {t.title}  ({c} commissions, {i} ideas)")
