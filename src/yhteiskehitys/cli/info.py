"""``yk models`` and ``yk plugins``."""

from __future__ import annotations

import json

import click

from .state import LANGUAGES, State, format_option, pass_state


@click.command()
@click.option("--lang", type=LANGUAGES, default="en", show_default=True)
@format_option()
@pass_state
def models(state: State, lang: str, fmt: str) -> None:
    """List the copyable models (toimintamallit).

    List the copyable models (toimintamallit) that installed plugins offer.
    """
    from .. import catalogue

    found = catalogue.models(state.pm)
    if fmt == "json":
        rows = [
            {
                "name": t.name,
                "title": t.title.get(lang),
                "ages": [t.target_group.age.min, t.target_group.age.max],
                "phases": [p.id for p in t.phases],
            }
            for t in found.values()
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for template in found.values():
        age = template.target_group.age
        click.echo(f"{template.name:<24} {template.title.get(lang)} (ages {age.min}-{age.max})")
        click.echo(f"{'':<24} {template.description.get(lang)}")


@click.command()
@format_option()
@pass_state
def plugins(state: State, fmt: str) -> None:
    """List plugins, versions and their hooks.

    List each plugin, its version and the hooks it implements; name those that failed.
    """
    from ..plugins import describe_plugins

    rows = describe_plugins(state.pm)
    failures = state.pm.failures
    if fmt == "json":
        import attrs

        data = {"plugins": rows, "failed": [attrs.asdict(f) for f in failures]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for row in rows:
        origin = "built-in" if row["builtin"] else f"{row['distribution']} {row['version']}"
        click.echo(f"{row['name']:<40} {origin:<30} {', '.join(row['hooks'])}")
    for failure in failures:
        click.echo(
            f"{failure.name:<40} FAILED to load ({failure.distribution}): {failure.error}", err=True
        )
