"""``yk commission`` and ``yk idea``: the subjects of the feedback loop, verb by verb.

Both groups are made by one factory, so a verb means the same for either kind. Every verb is
one unit of work: a refused transition exits 2 naming the current state and the allowed next
ones, and writes nothing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..model.loop_states import STATES, VERBS
from .options import DAY, at_option, today_option
from .state import State, folder_argument, pass_state


def _simple_verb(group: click.Group, kind: str, verb: str, target: str, help_text: str) -> None:
    @group.command(verb, help=help_text)
    @click.argument("subject", metavar="ID")
    @folder_argument
    @at_option
    @click.option("--note", default="", help="A note for the loop's history.")
    @pass_state
    def command(state: State, subject: str, folder: Path, at: datetime | None, note: str) -> None:
        with state.programme(folder) as prog:
            done = prog.subjects(kind).move(subject, target, at=at, note=note)
        click.echo(f"{kind} {subject}: {done.from_state} → {done.to_state} ({done.at:%Y-%m-%d}).")


def _respond(group: click.Group, kind: str) -> None:
    @group.command("respond")
    @click.argument("subject", metavar="ID")
    @folder_argument
    @click.option(
        "--outcome",
        required=True,
        type=click.Choice(["adopted", "adapted", "not_adopted", "pending"]),
    )
    @click.option("--decided-by", required=True, help="Who decided (a person or a body).")
    @click.option("--decided", type=DAY, default=None, help="Date of the decision (default: --at).")
    @click.option("--change", default="", help="The concrete change (adopted, adapted).")
    @click.option("--reason", default="", help="Why not (required for not_adopted).")
    @click.option("--follow-up", type=DAY, default=None, help="Follow-up date (pending).")
    @click.option("--decision-text", default="", help="The decision itself, as text.")
    @click.option(
        "--decision-document",
        default="",
        metavar="PATH",
        help="The decision as a document, relative to FOLDER.",
    )
    @at_option
    @pass_state
    def respond(state: State, subject: str, folder: Path, outcome: str, **fields) -> None:
        """Record the actor's response (vastaus, päätös) to ID; the decision is required."""
        with state.programme(folder) as prog:
            done = prog.subjects(kind).respond(subject, outcome=outcome, **fields)
        click.echo(f"{kind} {subject}: {done.from_state} → responded ({outcome}).")


def _report_back(group: click.Group, kind: str) -> None:
    @group.command("report-back")
    @click.argument("subject", metavar="ID")
    @folder_argument
    @click.option("--channel", required=True, help="How the group was told: email, meeting, …")
    @click.option("--text", required=True, help="What they were told.")
    @at_option
    @pass_state
    def report_back(
        state: State, subject: str, folder: Path, channel: str, text: str, at: datetime | None
    ) -> None:
        """Record that the participants were told the answer to ID (closes the loop when the
        answer is final; a pending answer told back keeps it open until the follow-up)."""
        with state.programme(folder) as prog:
            done = prog.subjects(kind).report_back(subject, channel=channel, text=text, at=at)
        if done.closed:
            click.echo(f"{kind} {subject}: {done.from_state} → reported_back; the loop is closed.")
        else:
            click.echo(
                f"{kind} {subject}: {done.from_state} → reported_back; the answer is pending, so "
                f"the loop stays open until the group is told the final answer (follow-up "
                f"{done.follow_up.isoformat() if done.follow_up else '—'})."
            )


def _show_and_list(group: click.Group, kind: str) -> None:
    @group.command("show")
    @click.argument("subject", metavar="ID")
    @folder_argument
    @today_option
    @pass_state
    def show(state: State, subject: str, folder: Path, today) -> None:
        """Show ID: its state, deadline, history, findings, responses and report-backs."""
        with state.programme(folder) as prog:
            lines = prog.subjects(kind).show(subject, today=today)
        click.echo("\n".join(lines))

    @group.command("list")
    @folder_argument
    @click.option(
        "--state",
        "in_state",
        type=click.Choice(STATES[kind]),
        default=None,
        help="Only those in this state.",
    )
    @click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
    @today_option
    @pass_state
    def list_(state: State, folder: Path, in_state: str | None, limit: int, today) -> None:
        """List subjects, oldest state first, with each deadline (overdue on --today flagged)."""
        with state.programme(folder) as prog:
            rows = prog.subjects(kind).list(state=in_state, limit=limit, today=today)
        for r in rows:
            due = f"due {r.due.isoformat()}" if r.due else ("closed" if r.closed else "—")
            click.echo(
                f"{r.id:<16} {r.state:<14} {r.since:%Y-%m-%d}  {r.actor or '—':<16} "
                f"{r.theme or '—':<12} {due:<14} {r.title}" + ("  OVERDUE" if r.overdue else "")
            )


SIMPLE_VERBS = {
    "confirm": "Confirm draft ID as commissioned (toimeksianto annettu).",
    "start": "Start work on ID in the group's sessions.",
    "document": "Mark the group's views on ID documented (needs a finding).",
    "deliver": "Deliver the documented views on ID to the actor.",
}
"""Verbs that only move a subject on (the state each moves to is ``VERBS``); a kind gets those
whose state its loop has."""


def _group(kind: str, help_text: str) -> click.Group:
    group = click.Group(kind, help=help_text)
    for verb, text in SIMPLE_VERBS.items():
        if VERBS[verb] in STATES[kind]:
            _simple_verb(group, kind, verb, VERBS[verb], text)
    _respond(group, kind)
    _report_back(group, kind)
    _show_and_list(group, kind)
    return group


commission = _group(
    "commission",
    "Commissions through the loop.\n\n"
    "Commissions (toimeksiannot): an actor's need as a question "
    "for the group, through the feedback loop.",
)
idea = _group(
    "idea",
    "Ideas through the loop.\n\n"
    "Ideas (ideat, aloitteet): wishes the participants raise themselves, "
    "routed to an actor and answered.",
)


@commission.command("new")
@click.argument("subject", metavar="ID")
@folder_argument
@click.option("--title", required=True)
@click.option("--question", required=True, help="The clear question the group works on.")
@click.option("--actor", required=True, help="The actor who commissions it and will answer.")
@click.option("--theme", default=None, help="The theme it belongs to.")
@click.option("--draft", is_flag=True, help="Keep it as a draft (default: commissioned at once).")
@at_option
@pass_state
def new_commission(
    state: State, subject: str, folder: Path, draft: bool, at: datetime | None, **fields
) -> None:
    """Add commission ID (a draft, confirmed as commissioned unless --draft)."""
    with state.programme(folder) as prog:
        prog.commissions.new(subject, at=at, draft=draft, **fields)
    click.echo(f"Added commission {subject} ({'draft' if draft else 'commissioned'}).")


@idea.command("new")
@click.argument("subject", metavar="ID")
@folder_argument
@click.option("--title", required=True)
@click.option("--text", default="", help="The idea in the participants' words.")
@click.option(
    "--channel",
    default="meeting",
    show_default=True,
    help="Where it came from: meeting, event, social_media, youth_council, …",
)
@click.option("--theme", default=None)
@at_option
@pass_state
def new_idea(state: State, subject: str, folder: Path, at: datetime | None, **fields) -> None:
    """Add idea ID, submitted by participants."""
    with state.programme(folder) as prog:
        prog.ideas.new(subject, at=at, **fields)
    click.echo(f"Added idea {subject} (submitted).")


@idea.command("route")
@click.argument("subject", metavar="ID")
@folder_argument
@click.option("--actor", required=True, help="The actor who can answer it.")
@at_option
@pass_state
def route_idea(state: State, subject: str, folder: Path, actor: str, at: datetime | None) -> None:
    """Route idea ID to an actor."""
    with state.programme(folder) as prog:
        prog.ideas.route(subject, actor, at=at)
    click.echo(f"idea {subject}: submitted → routed to {actor}.")
