"""``yk session``, ``yk finding``, ``yk feedback``, ``yk pilot``: the records around the loop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import DAY, many
from .state import State, folder_argument, pass_state


@click.group()
def session() -> None:
    """Add, correct, remove or list sessions.

    Sessions (tapaamiset, työpajat): date, kind, methods, facilitators, attendance, and the
    commissions and ideas handled.
    """


@session.command("add")
@click.argument("session_id", metavar="ID")
@folder_argument
@click.option("--date", "day", type=DAY, required=True)
@click.option("--kind", required=True, help="workshop, meeting, network_meeting, event, …")
@click.option("--title", default="")
@click.option("--method", "methods", multiple=True, help="Method used (repeatable).")
@click.option("--facilitator", "facilitators", multiple=True, help="Facilitator id (repeatable).")
@click.option("--attendee", "attendees", multiple=True, help="Participant id (repeatable).")
@click.option("--commission", "commissions", multiple=True, help="Commission handled.")
@click.option("--idea", "ideas", multiple=True, help="Idea handled (repeatable).")
@pass_state
def add_session(
    state: State,
    session_id: str,
    folder: Path,
    day: date,
    kind: str,
    title: str,
    methods,
    facilitators,
    attendees,
    commissions,
    ideas,
) -> None:
    """Add session ID with its attendance and the commissions and ideas it handled."""
    with state.programme(folder) as prog:
        new = prog.sessions.add(
            session_id,
            date=day,
            kind=kind,
            title=title,
            methods=many(methods),
            facilitators=many(facilitators),
            attendees=many(attendees),
            commissions=many(commissions),
            ideas=many(ideas),
        )
    click.echo(f"Added session {session_id} ({day}, {len(new.attendees)} attending).")


@session.command("list")
@folder_argument
@pass_state
def list_sessions(state: State, folder: Path) -> None:
    """List sessions with kind, methods, attendance count, commissions and ideas handled."""
    with state.programme(folder) as prog:
        rows = prog.sessions.list()
    for s in rows:
        click.echo(
            f"{s.id:<14} {s.date} {s.kind:<16} {len(s.attendees):>3} attending  "
            f"methods: {', '.join(s.methods) or '—'}  commissions: "
            f"{', '.join(s.commissions) or '—'}  ideas: {', '.join(s.ideas) or '—'}  {s.title}"
        )


@session.command("edit")
@click.argument("session_id", metavar="ID")
@folder_argument
@click.option("--date", "day", type=DAY, default=None)
@click.option("--kind", default=None)
@click.option("--title", default=None)
@click.option("--method", "methods", multiple=True, help="Replaces the methods (repeatable).")
@click.option("--facilitator", "facilitators", multiple=True, help="Replaces the facilitators.")
@click.option("--attendee", "attendees", multiple=True, help="Replaces the attendance.")
@click.option("--commission", "commissions", multiple=True, help="Replaces the commissions.")
@click.option("--idea", "ideas", multiple=True, help="Replaces the ideas handled.")
@pass_state
def edit_session(state: State, session_id: str, folder: Path, day: date | None, **fields) -> None:
    """Correct session ID: each option given replaces that field (audited)."""
    lists = {k: (many(v) if v else None) for k, v in fields.items() if k not in ("kind", "title")}
    with state.programme(folder) as prog:
        new = prog.sessions.edit(
            session_id, date=day, kind=fields["kind"], title=fields["title"], **lists
        )
    click.echo(f"Changed session {session_id} ({new.date}, {len(new.attendees)} attending).")


@session.command("remove")
@click.argument("session_id", metavar="ID")
@folder_argument
@click.option(
    "--move-findings-to",
    default=None,
    metavar="SESSION",
    help="The session its findings belong to; they are moved there first.",
)
@pass_state
def remove_session(
    state: State, session_id: str, folder: Path, move_findings_to: str | None
) -> None:
    """Remove session ID recorded by mistake (audited); refused while findings name it."""
    with state.programme(folder) as prog:
        prog.sessions.remove(session_id, move_findings_to=move_findings_to)
    moved = f"; its findings now belong to {move_findings_to}" if move_findings_to else ""
    click.echo(f"Removed session {session_id}{moved}.")


@click.group()
def finding() -> None:
    """Record the group's views.

    Findings (näkemykset, tuotokset): the group's documented views.
    """


@finding.command("add")
@click.argument("finding_id", metavar="ID")
@folder_argument
@click.option("--subject", required=True, help="The commission or idea it is about.")
@click.option("--text", required=True)
@click.option("--session", "session_id", default=None, help="The session it came from.")
@click.option("--recorded", type=DAY, default=None, help="Date (default: the session's, or today).")
@click.option(
    "--artefact",
    "artefacts",
    multiple=True,
    metavar="NAME=PATH",
    help="A named output file, e.g. juliste=files/juliste.pdf (repeatable).",
)
@pass_state
def add_finding(
    state: State,
    finding_id: str,
    folder: Path,
    subject: str,
    text: str,
    session_id: str | None,
    recorded: date | None,
    artefacts,
) -> None:
    """Add finding ID on a commission or idea, from a session, with artefacts."""
    files = []
    for item in artefacts:
        name, sep, path = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r}: write NAME=PATH", param_hint="--artefact")
        files.append((name, path))
    with state.programme(folder) as prog:
        prog.findings.add(
            finding_id,
            subject=subject,
            text=text,
            session=session_id,
            recorded=recorded,
            artefacts=files,
        )
    click.echo(f"Added finding {finding_id} on {subject}.")


@click.group()
def feedback() -> None:
    """Record actors' collaboration feedback.

    Collaboration feedback (yhteistyöpalaute) from actors.
    """


@feedback.command("add")
@click.argument("feedback_id", metavar="ID")
@folder_argument
@click.option("--actor", required=True)
@click.option("--rating", type=click.IntRange(1, 5), required=True, help="1–5.")
@click.option("--given", type=DAY, default=None, help="Date (default: today).")
@click.option(
    "--barrier",
    "barriers",
    multiple=True,
    metavar="TEXT #tag",
    help="A barrier, tags as #words (repeatable).",
)
@click.option("--challenge", "challenges", multiple=True, metavar="TEXT #tag")
@click.option("--success", "successes", multiple=True, metavar="TEXT #tag")
@pass_state
def add_feedback(
    state: State,
    feedback_id: str,
    folder: Path,
    actor: str,
    rating: int,
    given: date | None,
    barriers,
    challenges,
    successes,
) -> None:
    """Add an actor's feedback on working together."""
    with state.programme(folder) as prog:
        prog.feedback.add(
            feedback_id,
            actor=actor,
            rating=rating,
            given=given,
            barriers=barriers,
            challenges=challenges,
            successes=successes,
        )
    click.echo(f"Added feedback {feedback_id} from {actor} ({rating}/5).")


@click.group()
def pilot() -> None:
    """Add, evaluate and decide pilots.

    Pilots (pilotit): trials of a way of taking part, evaluated, then kept or dropped.
    """


@pilot.command("add")
@click.argument("pilot_id", metavar="ID")
@folder_argument
@click.option("--title", required=True)
@click.option("--goal", required=True)
@click.option("--criterion", "criteria", multiple=True, help="An evaluation criterion.")
@click.option("--start", type=DAY, required=True)
@click.option("--end", type=DAY, required=True)
@pass_state
def add_pilot(
    state: State,
    pilot_id: str,
    folder: Path,
    title: str,
    goal: str,
    criteria,
    start: date,
    end: date,
) -> None:
    """Add pilot ID with its goal, criteria and period."""
    with state.programme(folder) as prog:
        prog.pilots.add(pilot_id, title=title, goal=goal, criteria=criteria, start=start, end=end)
    click.echo(f"Added pilot {pilot_id} ({start} – {end}).")


@pilot.command("evaluate")
@click.argument("pilot_id", metavar="ID")
@folder_argument
@click.option(
    "--finding",
    "findings",
    multiple=True,
    required=True,
    help="An evaluation finding (repeatable).",
)
@pass_state
def evaluate_pilot(state: State, pilot_id: str, folder: Path, findings) -> None:
    """Add evaluation findings to pilot ID."""
    with state.programme(folder) as prog:
        new = prog.pilots.evaluate(pilot_id, findings)
    click.echo(f"Pilot {pilot_id}: {len(new.evaluation)} evaluation findings.")


@pilot.command("decide")
@click.argument("pilot_id", metavar="ID")
@folder_argument
@click.option("--decision", required=True, type=click.Choice(["permanent", "continue", "dropped"]))
@pass_state
def decide_pilot(state: State, pilot_id: str, folder: Path, decision: str) -> None:
    """Decide pilot ID: made permanent, continued, or dropped (needs an evaluation first)."""
    with state.programme(folder) as prog:
        prog.pilots.decide(pilot_id, decision)
    click.echo(f"Pilot {pilot_id}: {decision}.")
