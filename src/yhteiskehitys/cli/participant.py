"""``yk participant``: participants and their data rights (GDPR art. 15, 17 and 20)."""

from __future__ import annotations

from pathlib import Path

import click

from .state import State, folder_argument, pass_state


@click.group()
def participant() -> None:
    """Participants (osallistujat): see or erase what is stored about one person."""


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
    from ..folder import atomic_write
    from ..store.rights import export_text

    with state.store(folder, create=False) as store:
        text = export_text(store, participant_id)
    if out is None:
        click.echo(text, nl=False)
    else:
        atomic_write(out, text)
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
    from ..store.rights import erase

    with state.store(folder, create=False) as store:
        with store.read() as tx:
            tx.participants.get(participant_id)  # a typo fails before the question
        if not yes:
            click.confirm(
                f"Erase participant {participant_id}'s personal data for good? It cannot be undone",
                abort=True,
            )
        done = erase(store, participant_id, operator=state.who())
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


def _attach_record_commands() -> None:
    from .consent import add_participant_commands

    add_participant_commands(participant)


_attach_record_commands()
