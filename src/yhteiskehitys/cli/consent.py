"""``yk consent add`` and ``yk participant add|contact|list`` (attached to its group)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from ..errors import YhteiskehitysError
from ..model import PersonalData
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


def contact_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for name, help_text in reversed(CONTACT_OPTIONS):
        command = click.option(f"--{name}", name, default=None, help=help_text)(command)
    return command


CONTACT_OPTIONS = (
    ("name", "The person's name (personal data; shown only on certificates and own exports)."),
    ("email", "E-mail address, for e-mail drafts."),
    ("phone", "Phone number."),
    ("notes", "Free-text notes about the person (erased with the personal data)."),
)


def _fields(personal: PersonalData) -> dict[str, str]:
    import attrs

    return attrs.asdict(personal)


def add_participant_commands(group: click.Group) -> None:
    """``yk participant add`` and ``list``: pseudonymous ids only; names go to personal data."""

    @group.command("add")
    @click.argument("participant_id", metavar="ID")
    @folder_argument
    @click.option("--birth-year", type=int, default=None)
    @click.option("--age-band", default=None, metavar="LOW-HIGH", help="E.g. 18-24.")
    @click.option("--role", "roles", multiple=True, default=("participant",), show_default=True)
    @click.option("--joined", type=DAY, default=None)
    @click.option("--municipality", default=None, help="Home municipality (for elections).")
    @click.option(
        "--studying", default=None, metavar="yes|no", help="Studies or not (for elections)."
    )
    @click.option("--school", default=None, help="School or area (for elections).")
    @contact_options
    @pass_state
    def add(
        state: State,
        participant_id: str,
        folder: Path,
        birth_year: int | None,
        age_band: str | None,
        roles: tuple[str, ...],
        joined: date | None,
        municipality: str | None,
        studying: str | None,
        school: str | None,
        **contact: str | None,
    ) -> None:
        """Add participant ID (a pseudonymous id; record consents with `yk consent add`).

        --name and the other contact options go to the personal-data table, kept apart from
        every other record (needed for certificates and e-mail drafts).
        """
        from ..decide.elections.rules import parse_yes_no
        from ..model import Participant

        new = build(
            Participant,
            id=participant_id,
            birth_year=birth_year,
            age_band=age_band,
            roles=many(roles),
            joined=joined,
            municipality=municipality,
            studying=None if studying is None else parse_yes_no(studying, "--studying"),
            school=school,
        )
        given = {key: value for key, value in contact.items() if value is not None}
        if given and "name" not in given:
            raise YhteiskehitysError("--name: give the name too when you give contact details")
        personal = build(PersonalData, participant=participant_id, **given) if given else None
        with state.store(folder) as store, store.transaction() as tx:
            tx.participants.add(new)
            if personal is not None:
                tx.personal_data.add(personal)
        click.echo(f"Added participant {participant_id}.")

    @group.command("contact")
    @click.argument("participant_id", metavar="ID")
    @folder_argument
    @contact_options
    @pass_state
    def contact(state: State, participant_id: str, folder: Path, **contact: str | None) -> None:
        """Record or change participant ID's name and contact details (personal data).

        Options left out keep their stored value; the change goes to the audit trail.
        """
        given = {key: value for key, value in contact.items() if value is not None}
        if not given:
            raise YhteiskehitysError("give at least one of --name, --email, --phone, --notes")
        with state.store(folder, create=False) as store, store.transaction() as tx:
            tx.participants.get(participant_id)
            stored = tx.personal_data.find(participant_id)
            if stored is None:
                if "name" not in given:
                    raise YhteiskehitysError(
                        f"participant {participant_id!r} has no personal data yet: give --name"
                    )
                tx.personal_data.add(build(PersonalData, participant=participant_id, **given))
            else:
                tx.personal_data.update(build(PersonalData, **{**_fields(stored), **given}))
        click.echo(f"Recorded personal data of participant {participant_id}.")

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
