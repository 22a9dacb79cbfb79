"""``yk consent``: a participant's own or a guardian's consent, for named scopes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import DAY, many
from .state import State, folder_argument, pass_state


@click.group()
def consent() -> None:
    """Record a participant's consent.

    Consents (suostumukset): the person's own, or a guardian's, for named scopes.
    """


@consent.command("add")
@click.argument("participant_id", metavar="PARTICIPANT")
@folder_argument
@click.option("--kind", type=click.Choice(["own", "guardian"]), required=True)
@click.option("--given", type=DAY, required=True)
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    default=("participation",),
    show_default=True,
    help="What it covers (repeatable): participation, certificate, photos, …",
)
@pass_state
def add_consent(
    state: State, participant_id: str, folder: Path, kind: str, given: date, scopes: tuple[str, ...]
) -> None:
    """Record a consent of PARTICIPANT."""
    with state.programme(folder) as prog:
        number, _ = prog.consents.add(participant_id, kind=kind, given=given, scope=many(scopes))
    click.echo(f"Recorded consent {number} ({kind}) of {participant_id}.")


@consent.command("withdraw")
@click.argument("participant_id", metavar="PARTICIPANT")
@folder_argument
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    help="The scope withdrawn (repeatable; default: every scope in force).",
)
@click.option("--at", "on", type=DAY, required=True, help="The day the withdrawal takes effect.")
@pass_state
def withdraw_consent(
    state: State, participant_id: str, folder: Path, scopes: tuple[str, ...], on: date
) -> None:
    """Withdraw PARTICIPANT's consent for --scope from --at; other scopes go on."""
    with state.programme(folder) as prog:
        done = prog.consents.withdraw(participant_id, at=on, scope=many(scopes))
    for number, c in done.withdrawn:
        click.echo(f"Withdrew consent {number} ({c.kind}: {', '.join(c.scope)}) from {on}.")
    for number, c in done.kept:
        click.echo(f"Consent {number} ({c.kind}: {', '.join(c.scope)}) goes on from {on}.")
