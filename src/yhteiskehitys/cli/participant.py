"""``yk participant``: participants, their personal data kept apart, and their data rights
(GDPR art. 15, 17 and 20)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from .options import DAY, many
from .state import State, folder_argument, pass_state

CONTACT_OPTIONS = (
    ("name", "The person's name (personal data; shown only on certificates and own exports)."),
    ("email", "E-mail address, for e-mail drafts."),
    ("phone", "Phone number."),
    ("notes", "Free-text notes about the person (erased with the personal data)."),
)


def contact_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for name, help_text in reversed(CONTACT_OPTIONS):
        command = click.option(f"--{name}", name, default=None, help=help_text)(command)
    return command


@click.group()
def participant() -> None:
    """Participants and their data.

    Participants (osallistujat): pseudonymous ids; see or erase what is stored about one.
    """


@participant.command("add")
@click.argument("participant_id", metavar="ID")
@folder_argument
@click.option("--birth-year", type=int, default=None)
@click.option("--age-band", default=None, metavar="LOW-HIGH", help="E.g. 18-24.")
@click.option("--role", "roles", multiple=True, default=("participant",), show_default=True)
@click.option("--joined", type=DAY, default=None)
@click.option("--municipality", default=None, help="Home municipality (for elections).")
@click.option("--studying", default=None, metavar="yes|no", help="Studies or not (for elections).")
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
    with state.programme(folder) as prog:
        prog.participants.add(
            participant_id,
            birth_year=birth_year,
            age_band=age_band,
            roles=many(roles),
            joined=joined,
            municipality=municipality,
            studying=studying,
            school=school,
            **contact,
        )
    click.echo(f"Added participant {participant_id}.")


@participant.command("contact")
@click.argument("participant_id", metavar="ID")
@folder_argument
@contact_options
@pass_state
def contact(state: State, participant_id: str, folder: Path, **contact: str | None) -> None:
    """Record or change participant ID's name and contact details (personal data).

    Options left out keep their stored value; the change goes to the audit trail.
    """
    with state.programme(folder) as prog:
        prog.participants.contact(participant_id, **contact)
    click.echo(f"Recorded personal data of participant {participant_id}.")


@participant.command("list")
@folder_argument
@pass_state
def list_(state: State, folder: Path) -> None:
    """List participants: id, age information, roles and consents (no names)."""
    with state.programme(folder) as prog:
        rows = prog.participants.list()
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


@participant.command("export")
@click.argument("participant_id", metavar="ID")
@folder_argument
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.json",
    help="Write to a file instead of standard output.",
)
@pass_state
def export_participant(state: State, participant_id: str, folder: Path, out: Path | None) -> None:
    """Print everything stored about participant ID as JSON (right of access, portability)."""
    with state.programme(folder) as prog:
        text = prog.participants.export(participant_id, out)
    if out is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"Wrote {out}.")


@participant.command("erase")
@click.argument("participant_id", metavar="ID")
@folder_argument
@click.option("--yes", is_flag=True, help="Erase without asking for confirmation.")
@pass_state
def erase_participant(state: State, participant_id: str, folder: Path, yes: bool) -> None:
    """Erase participant ID's personal data for good (right to erasure).

    Their attendance stays as an anonymous count; the audit trail records that an erasure
    happened, and earlier entries about them are redacted.
    """
    with state.programme(folder) as prog:
        prog.participants.get(participant_id)  # a typo fails before the question
        if not yes:
            click.confirm(
                f"Erase participant {participant_id}'s personal data for good? It cannot be undone",
                abort=True,
            )
        done = prog.participants.erase(participant_id)
    click.echo(
        f"Erased participant {participant_id}: personal data deleted, "
        f"{done.sessions} attendance(s) kept anonymously, "
        f"{done.survey_answers} survey answer(s) unlinked from them, "
        f"{done.audit_entries_redacted} audit entries redacted."
    )
    if not done.compacted:
        click.echo(
            "warning: another program has the store open, so the erased data may stay in the "
            "file's free pages until the next compaction (the next erasure, when no other "
            "program has the store open)",
            err=True,
        )
