"""``yk election``: youth-council elections. Each command parses, calls one verb of
``programme.elections`` (:mod:`yhteiskehitys.api.elections`) and prints."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import click

from .options import DAY, WHEN
from .state import State, folder_argument, format_option, pass_state


class DayOrTime(click.ParamType):
    """A day (``2025-03-03``, a whole day in the election's time zone) or a time with zone."""

    name = "DATE|TIME"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{value!r} is not a date such as 2025-03-03 or a time with zone", param, ctx)
        if parsed.tzinfo is None:
            self.fail(f"{value!r}: give the time zone, e.g. 2025-03-03T08:00+02:00", param, ctx)
        return parsed


DAY_OR_TIME = DayOrTime()


@click.group()
def election() -> None:
    """Youth-council elections: roll, codes, votes, count.

    Nuorisovaltuustovaalit: the roll judged by the election's rules, candidates, one-time
    voter codes, secret ballots, seats and deputies, ties by a recorded lot.
    """


@election.command("new")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option("--title", required=True, help="The title in Finnish.")
@click.option("--title-sv", default="", help="The title in Swedish.")
@click.option("--title-en", default="", help="The title in English.")
@click.option("--seats", type=int, required=True, help="Members to elect.")
@click.option("--deputies", type=int, default=0, show_default=True, help="Deputies, in vote order.")
@click.option("--opens", type=DAY_OR_TIME, required=True, help="First day (or time) of voting.")
@click.option("--closes", type=DAY_OR_TIME, required=True, help="Last day (or end time) of voting.")
@click.option("--term-start", type=DAY, default=None, help="Default: the day after voting.")
@click.option("--term-end", type=DAY, default=None, help="Default: two years from the start.")
@click.option(
    "--rule",
    "rules",
    multiple=True,
    metavar="KIND=VALUE",
    help="Who may vote and stand: municipality=Kittilä, studying=yes, age=13-20 (on the "
    "election day), or a plugin's rule. Repeat for more; all must hold.",
)
@click.option("--quota", "quotas", multiple=True, metavar="SCHOOL=SEATS", help="Seats reserved.")
@click.option("--time-zone", default="Europe/Helsinki", show_default=True)
@pass_state
def new(
    state: State,
    election_id: str,
    folder: Path,
    title: str,
    title_sv: str,
    title_en: str,
    seats: int,
    deputies: int,
    opens: date | datetime,
    closes: date | datetime,
    term_start: date | None,
    term_end: date | None,
    rules: tuple[str, ...],
    quotas: tuple[str, ...],
    time_zone: str,
) -> None:
    """Create election ID: seats, deputies, voting period, term and eligibility rules."""
    with state.programme(folder) as prog:
        made = prog.elections.new(
            election_id,
            title=title,
            title_sv=title_sv,
            title_en=title_en,
            seats=seats,
            deputies=deputies,
            opens=opens,
            closes=closes,
            term_start=term_start,
            term_end=term_end,
            rules=rules,
            quotas=quotas,
            time_zone=time_zone,
        )
    click.echo(
        f"Created election {made.id}: {made.seats} seats, {made.deputies} deputies, voting "
        f"{made.shown(made.opens)} – {made.shown(made.closes, end=True)}, "
        f"election day {made.election_day}, term {made.term_start} – {made.term_end}."
    )


@election.group("roll")
def roll() -> None:
    """The electoral roll: import it, draw it from participants, erase it after the term."""


def _summary(election_id: str, summary) -> None:
    click.echo(
        f"Roll of {election_id}: {summary.voters} voter(s) added, {summary.eligible} eligible."
    )
    for reason, n in summary.reasons.items():
        click.echo(f"  not eligible ({reason}): {n}")


@roll.command("import")
@click.argument("election_id", metavar="ID")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@folder_argument
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@pass_state
def roll_import(
    state: State, election_id: str, file: Path, folder: Path, at: datetime | None
) -> None:
    """Add the voters of FILE (voter,birth_year,municipality,studying,school) to the roll."""
    with state.programme(folder) as prog:
        summary = prog.elections.import_roll(election_id, file, at=at)
    _summary(election_id, summary)


@roll.command("participants")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option("--participant", "participants", multiple=True, help="Only these (default: all).")
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@pass_state
def roll_participants(
    state: State, election_id: str, folder: Path, participants: tuple[str, ...], at: datetime | None
) -> None:
    """Draw the roll from the programme's participants (municipality, studying, school)."""
    with state.programme(folder) as prog:
        summary = prog.elections.roll_from_participants(election_id, participants, at=at)
    _summary(election_id, summary)


@roll.command("erase")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option("--today", type=DAY, default=None, help="Today's date (default: today).")
@pass_state
def roll_erase(state: State, election_id: str, folder: Path, today: date | None) -> None:
    """Erase the roll and the voter codes after the term (the result and names stay)."""
    with state.programme(folder) as prog:
        voters, codes = prog.elections.erase_roll(election_id, today=today)
    click.echo(f"Erased the roll of {election_id}: {voters} voter(s), {codes} code(s).")


@election.group("candidate")
def candidate() -> None:
    """Candidates: eligible voters of the roll."""


@candidate.command("add")
@click.argument("election_id", metavar="ID")
@click.argument("voter", metavar="VOTER")
@folder_argument
@click.option("--name", required=True, help="The name to publish (nothing else is).")
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@pass_state
def candidate_add(
    state: State, election_id: str, voter: str, folder: Path, name: str, at: datetime | None
) -> None:
    """Add VOTER of the roll as a candidate in election ID."""
    with state.programme(folder) as prog:
        added = prog.elections.add_candidate(election_id, voter, name=name, at=at)
    click.echo(f"Added candidate {added.candidate} ({added.name}) to {election_id}.")


@election.command("codes")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The CSV (voter,code) to hand out; it is the only copy of the codes.",
)
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@pass_state
def codes_(state: State, election_id: str, folder: Path, out: Path, at: datetime | None) -> None:
    """Issue a one-time code to every eligible voter who has none; write voter,code to --out."""
    with state.programme(folder) as prog:
        pairs = prog.elections.issue_codes(election_id, out, at=at)
    if not pairs:
        click.echo(f"Every eligible voter of {election_id} has a code already; nothing written.")
        return
    click.echo(f"Wrote {len(pairs)} code(s) to {out}; hand them out and keep no other copy.")


@election.command("vote")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option("--code", required=True, help="The voter's one-time code, e.g. 7KQ-4MX.")
@click.option("--candidate", required=True, help="The candidate's id.")
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@pass_state
def vote(
    state: State, election_id: str, folder: Path, code: str, candidate: str, at: datetime | None
) -> None:
    """Cast a vote with a one-time code."""
    with state.programme(folder) as prog:
        prog.elections.vote(election_id, code=code, candidate=candidate, at=at)
    click.echo("Vote recorded. Thank you!")


@election.group("ballots")
def ballots() -> None:
    """Paper ballots counted at polling places."""


@ballots.command("import")
@click.argument("election_id", metavar="ID")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@folder_argument
@pass_state
def ballots_import(state: State, election_id: str, file: Path, folder: Path) -> None:
    """Add the tallies of FILE (place,candidate,votes), each polling place once."""
    with state.programme(folder) as prog:
        total, places = prog.elections.import_ballots(election_id, file)
    click.echo(f"Added {total} paper vote(s) from {places} polling place(s) to {election_id}.")


@election.command("count")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option("--seed", type=int, default=None, help="The lot's seed (default: drawn, stored).")
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@format_option()
@pass_state
def count_(
    state: State, election_id: str, folder: Path, seed: int | None, at: datetime | None, fmt: str
) -> None:
    """Count the votes after voting has closed; ties are settled by a lot drawn with the seed."""
    with state.programme(folder) as prog:
        result = prog.elections.count(election_id, seed=seed, at=at)
    data = result.as_data()
    if fmt == "json":
        keys = ("elected", "deputies", "votes", "lots", "seed")
        click.echo(json.dumps({k: data[k] for k in keys}, ensure_ascii=False, indent=2))
        return
    click.echo(f"Elected ({len(result.elected)}):")
    for n, cid in enumerate(result.elected, start=1):
        click.echo(f"  {n:>3}. {cid:<16} {result.votes[cid]:>6}")
    click.echo(f"Deputies ({len(result.deputies)}):")
    for n, cid in enumerate(result.deputies, start=1):
        click.echo(f"  {n:>3}. {cid:<16} {result.votes[cid]:>6}")
    for group, members in result.quota_seats.items():
        click.echo(f"Quota {group}: {', '.join(members) or 'no candidates'}")
    click.echo(f"Lots drawn with seed {result.seed}: {len(result.lots)}")
    for lot in result.lots:
        click.echo(f"  {lot.votes} votes: {', '.join(lot.tied)} -> {', '.join(lot.order)}")


@election.command("publish")
@click.argument("election_id", metavar="ID")
@folder_argument
@click.option("--at", type=WHEN, default=None, help="When (default: now).")
@pass_state
def publish(state: State, election_id: str, folder: Path, at: datetime | None) -> None:
    """Publish the counted result (only after voting has closed)."""
    with state.programme(folder) as prog:
        result = prog.elections.publish(election_id, at=at)
    click.echo(
        f"Published the result of {election_id}: {len(result.elected)} elected, "
        f"{len(result.deputies)} deputies (seed {result.seed})."
    )


@election.command("show")
@click.argument("election_id", metavar="ID")
@folder_argument
@format_option()
@pass_state
def show(state: State, election_id: str, folder: Path, fmt: str) -> None:
    """The election: settings, roll, candidates, codes, turnout per school, result."""
    with state.programme(folder) as prog:
        data = prog.elections.show(election_id)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data['id']}: {data['title']['fi']}")
    click.echo(
        f"  seats {data['seats']}, deputies {data['deputies']}, quotas {data['quotas'] or '—'}"
    )
    click.echo(f"  voting {data['voting']}, election day {data['election_day']}")
    click.echo(f"  term {data['term'][0]} – {data['term'][1]}")
    click.echo(f"  rules: {'; '.join(data['rules']) or 'none'}")
    r = data["roll"]
    click.echo(f"  roll: {r['voters']} voter(s), {r['eligible']} eligible")
    for key, info in r["ineligible"].items():
        click.echo(f"    {info['fi']} / {info['en']} ({key}): {info['count']}")
    click.echo(f"  candidates: {len(data['candidates'])}")
    for cid, name in data["candidates"].items():
        click.echo(f"    {cid:<16} {name}")
    click.echo(f"  codes: {data['codes']['issued']} issued, {data['codes']['used']} used")
    for school, cells in data["turnout"].items():
        click.echo(f"    {school:<24} voted {cells['voted']}, did not vote {cells['did_not_vote']}")
    if data["places"]:
        click.echo(f"  paper ballots from: {', '.join(data['places'])}")
    result = data["result"]
    if result is None:
        click.echo("  not counted yet")
    else:
        state_ = (
            f"published {result['published_at']}" if result["published_at"] else "not published"
        )
        click.echo(f"  counted {result['counted_at']} with seed {result['seed']}, {state_}")
        click.echo(f"    elected: {', '.join(result['elected'])}")
        click.echo(f"    deputies: {', '.join(result['deputies']) or '—'}")
