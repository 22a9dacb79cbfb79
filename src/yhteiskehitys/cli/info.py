"""``yk models``, ``yk instruments`` and ``yk plugins``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .state import LANGUAGES, State, format_option, pass_state


@click.command()
@click.option("--lang", type=LANGUAGES, default="en", show_default=True)
@format_option()
@click.option(
    "--verbose", "-v", is_flag=True, help="Also roles, session kinds, methods, instrument, group."
)
@pass_state
def models(state: State, lang: str, fmt: str, verbose: bool) -> None:
    """List the copyable models (toimintamallit).

    List the copyable models (toimintamallit) that installed plugins offer; with --verbose
    also their roles, session kinds, methods, instrument and target group.
    """
    from ..api.describe import models as describe

    rows = describe(state.pm, lang)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for m in rows:
        low, high = m["ages"]
        click.echo(f"{m['name']:<24} {m['title']} (ages {low}-{high})")
        click.echo(f"{'':<24} {m['description']}")
        if verbose:
            group = m["target_group"]
            lines = {
                "target group": f"{group['name']}, {low}-{high}"
                + "".join(f"; {rule}" for rule in group["eligibility"]),
                "roles": ", ".join(m["roles"]),
                "session kinds": ", ".join(m["session_kinds"]),
                "methods": ", ".join(m["methods"]),
                "instrument": m["instrument"],
                "phases": ", ".join(m["phases"]),
            }
            for key, value in lines.items():
                click.echo(f"{'':<24} {key + ':':<15} {value or '—'}")


@click.command()
@click.argument(
    "folder", type=click.Path(file_okay=False, path_type=Path), required=False, default=None
)
@click.option("--lang", type=LANGUAGES, default="en", show_default=True)
@format_option()
@pass_state
def instruments(state: State, folder: Path | None, lang: str, fmt: str) -> None:
    """List instruments, scales and items.

    The survey instruments with their scale labels and items (FOLDER: also the programme's
    own instruments/).
    """
    from ..api.describe import instruments as describe

    rows = describe(state.pm, folder, lang)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for n, i in enumerate(rows):
        if n:
            click.echo("")
        click.echo(f"{i['name']}: {i['title']} (version {i['version']})")
        labels = " · ".join(f"{p} {label}" for p, label in enumerate(i["scale"]["labels"], 1))
        click.echo(f"  scale: {labels}")
        titles = {d["id"]: d["title"] for d in i["dimensions"]}
        for item in i["items"]:
            reverse = " (reversed)" if item["reverse"] else ""
            click.echo(f"  {item['id']:<10} [{titles[item['dimension']]}] {item['text']}{reverse}")


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
