"""``yk child-impact``: a commission's child impact assessment (lapsivaikutusten arviointi)."""

from __future__ import annotations

from pathlib import Path

import click

from .state import State, folder_argument, pass_state

LABELS = {
    "affected": "Who is affected",
    "heard": "How children were heard",
    "changes": "What changes for them",
    "telling": "How the children will be told",
    "told": "The children were told (the loop's report-back)",
}


@click.command("child-impact")
@click.argument("commission")
@folder_argument
@click.option("--affected", metavar="TEXT", help="Which children the commission affects.")
@click.option("--heard", metavar="TEXT", help="How the children were heard.")
@click.option("--changes", metavar="TEXT", help="What changes for the children.")
@click.option("--telling", metavar="TEXT", help="How the children will be told the result.")
@pass_state
def child_impact(
    state: State,
    commission: str,
    folder: Path,
    affected: str | None,
    heard: str | None,
    changes: str | None,
    telling: str | None,
) -> None:
    """Assess a commission's impact on children.

    Record answers with the options (each kept until answered again), or show the checklist.
    Its last step is done when the loop reports back to the children.
    """
    with state.programme(folder) as prog:
        if any(v is not None for v in (affected, heard, changes, telling)):
            found = prog.child_impacts.record(
                commission, affected=affected, heard=heard, changes=changes, telling=telling
            )
        else:
            found = prog.child_impacts.show(commission)
    answers = found.impact.answers() if found.impact is not None else {}
    done = sum(1 for _, ok in found.steps if ok)
    click.echo(f"Child impact assessment of {commission} ({done}/{len(found.steps)})")
    for step, ok in found.steps:
        text = answers.get(step)
        click.echo(f"  [{'x' if ok else ' '}] {LABELS[step]}" + (f": {text}" if text else ""))
