"""``yk budget``: participatory budgeting (osallistava budjetointi) from .pb files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .state import LANGUAGES, State, format_option, pass_state

RULE_HELP = "The rule: greedy, greedy-score, mes, mes-add1, mes-add1-greedy (or a plugin's)."
TIE_HELP = (
    "Tie-breaking: lexicographic (smaller id first, as pabutools), equal-shares (cheaper, "
    "then more votes, then a lot from --seed), or refuse (stop and name the tied projects)."
)


@click.group()
def budget() -> None:
    """Participatory budgeting: count a budget by greedy or the Method of Equal Shares."""


def rule_options(f):
    f = click.option("--seed", type=int, default=None,
                     help="Seed of the equal-shares lot (recorded in the outcome).")(f)  # fmt: skip
    f = click.option("--tie-breaking", default="lexicographic", show_default=True,
                     help=TIE_HELP)(f)  # fmt: skip
    return click.option("--rule", default="mes-add1-greedy", show_default=True, help=RULE_HELP)(f)


@budget.command("run")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@rule_options
@format_option()
@click.option("--lang", type=LANGUAGES, default="en", show_default=True,
              help="Language of the explanations in the table.")  # fmt: skip
@pass_state
def run(
    state: State,
    source: Path,
    rule: str,
    tie_breaking: str,
    seed: int | None,
    fmt: str,
    lang: str,
) -> None:
    """Count the budget in a pabulib SOURCE.pb file and explain every project."""
    from ..decide.count import count_file
    from ..decide.data import outcome_data
    from ..decide.progress import Progress

    with Progress(f"{rule}", stream=sys.stderr) as progress:
        election, outcome = count_file(
            source, rule, pm=state.pm, tie_breaking=tie_breaking, seed=seed, progress=progress
        )
    data = outcome_data(election, outcome)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(_table(data, lang))


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
