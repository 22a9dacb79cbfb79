"""``yk school``: add the parliament's schools and list who represents each.

The command only parses, calls :mod:`.schools` and prints.
"""

from __future__ import annotations

from pathlib import Path

import click

FOLDER = click.argument(
    "folder", type=click.Path(file_okay=False, path_type=Path), default=".", required=False
)


def _open(folder: Path):
    from yhteiskehitys import open_programme

    state = click.get_current_context().find_root().obj
    return open_programme(
        folder,
        database=getattr(state, "database", None),
        operator=getattr(state, "operator", None),
    )


@click.group()
def school() -> None:
    """The children's parliament's schools (kind school)."""


@school.command("add")
@click.argument("school_id")
@FOLDER
@click.option("--name", required=True, help="The school's name, e.g. 'Levin koulu'.")
def add(school_id: str, folder: Path, name: str) -> None:
    """Add school SCHOOL_ID to FOLDER's store."""
    from .schools import add_school

    with _open(folder) as programme:
        added = add_school(programme, school_id, name=name)
    click.echo(f"added school {added.id} ({added.name})")


@school.command("list")
@FOLDER
def list_(folder: Path) -> None:
    """List the schools with their representatives, deputies and teachers."""
    from .schools import list_schools

    with _open(folder) as programme:
        found = list_schools(programme)
    if not found:
        click.echo("no schools yet; add one with: yk school add ID --name NAME")
        return
    for s in found:
        click.echo(
            f"{s.id}\t{s.name}\trepresentatives: {', '.join(s.representatives) or '-'}\t"
            f"deputies: {', '.join(s.deputies) or '-'}\tteachers: {', '.join(s.teachers) or '-'}"
        )
