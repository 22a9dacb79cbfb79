"""``yk consent add`` and the ``yk participant add|list`` commands (attached to its group)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import DAY, build, many
from .state import State, folder_argument, pass_state


@click.group()
def consent() -> None:
    """Consents (suostumukset): the person's own, or a guardian's, for named scopes."""


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
    from ..model import Consent

    new = build(Consent, kind=kind, given=given, scope=many(scopes))
    with state.store(folder, create=False) as store, store.transaction() as tx:
        number = tx.consents.add(participant_id, new)
    click.echo(f"Recorded consent {number} ({kind}) of {participant_id}.")


def add_participant_commands(group: click.Group) -> None:
    """``yk participant add`` and ``list``: pseudonymous ids only; names go to personal data."""

    @group.command("add")
    @click.argument("participant_id", metavar="ID")
    @folder_argument
    @click.option("--birth-year", type=int, default=None)
    @click.option("--age-band", default=None, metavar="LOW-HIGH", help="E.g. 18-24.")
    @click.option("--role", "roles", multiple=True, default=("participant",), show_default=True)
    @click.option("--joined", type=DAY, default=None)
    @pass_state
    def add(
        state: State,
        participant_id: str,
        folder: Path,
        birth_year: int | None,
        age_band: str | None,
        roles: tuple[str, ...],
        joined: date | None,
    ) -> None:
        """Add participant ID (a pseudonymous id; record consents with `yk consent add`)."""
        from ..model import Participant

        new = build(
            Participant,
            id=participant_id,
            birth_year=birth_year,
            age_band=age_band,
            roles=many(roles),
            joined=joined,
        )
        with state.store(folder) as store, store.transaction() as tx:
            tx.participants.add(new)
        click.echo(f"Added participant {participant_id}.")

    @group.command("list")
    @folder_argument
    @pass_state
    def list_(state: State, folder: Path) -> None:
        """List participants: id, age information, roles and consents (no names)."""
        with state.store(folder, create=False) as store, store.read() as tx:
            rows = tx.participants.list()
        for p in rows:
            age = str(p.birth_year) if p.birth_year else (p.age_band or "—")
            consents = (
                ", ".join(
                    f"{c.kind}:{'+'.join(c.scope)}"
                    + (f" (withdrawn {c.withdrawn})" if c.withdrawn else "")
                    for c in p.consents
                )
                or "none"
            )
            click.echo(f"{p.id:<12} {age:<8} {', '.join(p.roles):<24} consents: {consents}")
