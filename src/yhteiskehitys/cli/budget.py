"""``yk budget``: participatory budgeting (osallistava budjetointi) from .pb files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .state import LANGUAGES, State, folder_argument, format_option, pass_state

VOTE_TYPES = ["approval", "choose-1", "cumulative", "scoring", "ordinal"]
RULE_HELP = "The rule: greedy, greedy-score, mes, mes-add1, mes-add1-greedy (or a plugin's)."
TIE_HELP = (
    "Tie-breaking: lexicographic (smaller id first, as pabutools), equal-shares (cheaper, "
    "then more votes, then a lot from --seed), or refuse (stop and name the tied projects)."
)


@click.group()
def budget() -> None:
    """Participatory budgeting: count a budget and explain it.

    By greedy or the Method of Equal Shares, from a pabulib .pb file or a budget in the store.
    """


def rule_options(f):
    f = click.option("--seed", type=int, default=None,
                     help="Seed of the equal-shares lot (recorded in the outcome).")(f)  # fmt: skip
    f = click.option("--tie-breaking", default="lexicographic", show_default=True,
                     help=TIE_HELP)(f)  # fmt: skip
    default = " Default: the budget's own, or mes-add1-greedy."
    return click.option("--rule", default=None, help=RULE_HELP + default)(f)


@budget.command("run")
@click.argument("source", metavar="FILE.pb|ID")
@folder_argument
@rule_options
@format_option()
@click.option("--lang", type=LANGUAGES, default="en", show_default=True,
              help="Language of the explanations in the table.")  # fmt: skip
@pass_state
def run(
    state: State,
    source: str,
    folder: Path,
    rule: str | None,
    tie_breaking: str,
    seed: int | None,
    fmt: str,
    lang: str,
) -> None:
    """Count a budget and explain every project: a pabulib FILE.pb, or budget ID in FOLDER."""
    from ..decide.data import outcome_data
    from ..decide.progress import Progress

    with Progress(rule or "count", stream=sys.stderr) as progress:
        if source.endswith(".pb"):
            from ..api.budgets import count_file

            election, outcome = count_file(
                source, rule or "mes-add1-greedy", pm=state.pm,
                tie_breaking=tie_breaking, seed=seed, progress=progress,
            )  # fmt: skip
        else:
            with state.programme(folder) as prog:
                election, outcome = prog.budgets.count(
                    source, rule=rule, tie_breaking=tie_breaking, seed=seed, progress=progress
                )
    data = outcome_data(election, outcome)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(_table(data, lang))


@budget.command("new")
@click.argument("budget_id", metavar="ID")
@folder_argument
@click.option("--title", help="What the money is for, e.g. 'Koulujen budjetti 2026'.")
@click.option("--amount", help="The money to allocate, e.g. 5000 or 2500.50.")
@click.option("--currency", default="EUR", show_default=True)
@click.option("--vote-type", default="approval", show_default=True, type=click.Choice(VOTE_TYPES))
@click.option("--max-length", type=int, help="At most this many projects on one ballot.")
@click.option("--rule", default="mes-add1-greedy", show_default=True, help=RULE_HELP)
@click.option("--opens", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="First day of voting; votes before it are refused.")  # fmt: skip
@click.option("--closes", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Last day of voting; the site shows the outcome only after it.")  # fmt: skip
@click.option("--from", "from_pb", type=click.Path(dir_okay=False, path_type=Path),
              help="Create it from a pabulib .pb file: META, projects and ballots.")  # fmt: skip
@pass_state
def new(state, budget_id, folder, title, amount, currency, vote_type, max_length, rule, opens,
        closes, from_pb):  # fmt: skip
    """Create budget ID in FOLDER's store (or import it whole from a .pb file)."""
    if from_pb is None and (amount is None or title is None):
        raise click.UsageError("give --title and --amount (or --from FILE.pb)")
    with state.programme(folder) as prog:
        if from_pb is not None:
            made = prog.budgets.import_pb(budget_id, from_pb, title=title)
            click.echo(f"Imported budget {made.id} from {from_pb.name}.")
            return
        prog.budgets.new(
            budget_id, title=title, amount=amount, currency=currency, vote_type=vote_type,
            max_length=max_length, rule=rule, opens=opens and opens.date(),
            closes=closes and closes.date(),
        )  # fmt: skip
    click.echo(f"Created budget {budget_id}.")


@budget.group("project")
def project() -> None:
    """The projects on a budget's ballot."""


@project.command("add")
@click.argument("budget_id", metavar="BUDGET")
@click.argument("project_id", metavar="ID")
@folder_argument
@click.option("--name", required=True)
@click.option("--cost", required=True, help="What it costs, e.g. 1200 or 99.90.")
@click.option("--category", default="", help="e.g. leikki, liikunta, lukeminen.")
@click.option("--area", default="", help="The school or area it belongs to.")
@pass_state
def add_project(state, budget_id, project_id, folder, name, cost, category, area):
    """Put project ID on BUDGET's ballot."""
    with state.programme(folder) as prog:
        prog.budgets.add_project(
            budget_id, project_id, name=name, cost=cost, category=category, area=area
        )
    click.echo(f"Added project {project_id} to budget {budget_id}.")


@budget.group("ballots")
def ballots() -> None:
    """Ballots of a budget."""


@ballots.command("import")
@click.argument("budget_id", metavar="BUDGET")
@click.argument("path", metavar="FILE.csv", type=click.Path(dir_okay=False, path_type=Path))
@folder_argument
@pass_state
def import_ballots(state, budget_id, path, folder):
    """Paper ballots typed into FILE.csv: ballot;projects[;points], one ballot a row."""
    with state.programme(folder) as prog:
        n = prog.budgets.import_ballots(budget_id, path)
    click.echo(f"Imported {n} paper ballots into budget {budget_id}.")


@budget.command("vote")
@click.argument("budget_id", metavar="BUDGET")
@folder_argument
@click.option("--voter", required=True, metavar="PARTICIPANT", help="The voter's participant id.")
@click.option("--project", "chosen", multiple=True, metavar="ID",
              help="A project chosen (repeatable, in order).")  # fmt: skip
@click.option("--points", "points", multiple=True, type=int,
              help="Points for each --project, in order (cumulative, scoring).")  # fmt: skip
@click.option("--on", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The voting day, for the age rule (default: today).")  # fmt: skip
@click.option("--fact", "facts", multiple=True, metavar="KEY=VALUE",
              help="What else the eligibility rules need, e.g. municipality=Kittilä.")  # fmt: skip
@pass_state
def vote(state, budget_id, folder, voter, chosen, points, day, facts):
    """Cast PARTICIPANT's ballot in BUDGET; eligibility is checked by the target group's rules."""
    known = {}
    for fact in facts:
        key, sep, value = fact.partition("=")
        if not sep:
            raise click.UsageError(f"--fact {fact!r}: write KEY=VALUE")
        known[key.strip()] = _fact_value(value.strip())
    with state.programme(folder) as prog:
        prog.budgets.vote(
            budget_id, voter, chosen, points=points or None, on=day.date() if day else None,
            facts=known,
        )  # fmt: skip
    click.echo(f"Recorded the ballot of {voter} in budget {budget_id}.")


def _fact_value(text: str):
    lowered = text.lower()
    if lowered in ("true", "yes", "kyllä"):
        return True
    if lowered in ("false", "no", "ei"):
        return False
    from ..limits import whole_number

    number = whole_number(text)
    return number if number is not None else text


@budget.command("explain")
@click.argument("budget_id", metavar="ID")
@click.argument("project_id", metavar="PROJECT")
@folder_argument
@rule_options
@click.option("--lang", type=LANGUAGES, default="fi", show_default=True)
@pass_state
def explain(state, budget_id, project_id, folder, rule, tie_breaking, seed, lang):
    """Why PROJECT of budget ID was or was not funded, in plain words."""
    with state.programme(folder) as prog:
        text = prog.budgets.explain(
            budget_id, project_id, lang=lang, rule=rule, tie_breaking=tie_breaking, seed=seed
        )
    click.echo(text)


@budget.command("export")
@click.argument("budget_id", metavar="ID")
@folder_argument
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .pb file to write.")  # fmt: skip
@pass_state
def export(state, budget_id, folder, out):
    """Write budget ID as a pabulib .pb file (check it with pabutools or equalshares.net)."""
    with state.programme(folder) as prog:
        prog.budgets.export_pb(budget_id, out)
    click.echo(f"Wrote {out}.")


def _table(data: dict, lang: str) -> str:
    tie = data["tie_breaking"]
    lines = [
        f"rule {data['rule']}, tie-breaking {tie['name']}"
        + (f" (seed {tie['seed']})" if "seed" in tie else ""),
        data["summary"]["text"][lang],
        "",
        f"{'':2}{'project':<10} {'cost':>12} {'votes':>7}  explanation",
    ]
    for e in data["explanations"]:
        mark = "✓ " if e["funded"] else "  "
        cost = e["figures"]["cost"]
        lines.append(
            f"{mark}{e['project']:<10} {cost!s:>12} {e['figures']['votes']:>7}  {e['text'][lang]}"
        )
    return "\n".join(lines)
