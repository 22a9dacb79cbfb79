"""The parliament's budget rule ``one-per-school``: greedy, but every school first gets one.

Seinäjoki's children's parliament split its money so that every school got at least one of
its items. The rule is greedy by votes (points per euro on points ballots), with one change:
money is kept aside so that each school that has no funded project yet can still get its
cheapest one. A project is skipped when funding it would spend that money; the schools are
covered in the order that covers the most schools (cheapest first), as far as the budget
allows. When plain greedy would already give every school a project, the outcome is exactly
plain greedy's (each step keeps enough money by construction), so the rule costs nothing
where fairness needs no help.

A project's school is its pabulib ``neighborhood`` or ``school`` column (``--area`` in
``yk budget project add``); a project with none belongs to no school and is only counted by
votes.
"""

from __future__ import annotations

from typing import Any

from yhteiskehitys.decide import Election
from yhteiskehitys.decide.rules import (
    GreedyStep,
    Outcome,
    TieBreaking,
    greedy_density,
    tallies,
)

RULE_NAME = "one-per-school"
RESERVED = "school-reserved"
"""The explanation kind of a project skipped to keep money for schools with none yet."""

SENTENCES = {
    RESERVED: {
        "fi": "Sai {votes} ääntä. Kun oli sen vuoro, rahaa oli jäljellä {left} ja se maksoi "
        "{cost}, mutta rahaa säästettiin, jotta jokainen koulu saa ainakin yhden hankkeen.",
        "sv": "Fick {votes} röster. När det var dess tur fanns {left} kvar och det kostade "
        "{cost}, men pengar sparades så att varje skola får minst ett projekt.",
        "en": "Got {votes} votes. When its turn came, {left} were left and it cost {cost}, "
        "but money was kept so that every school gets at least one project.",
    },
}
SUMMARY = {
    "fi": "Kaikki rahat jaettiin niin, että jokainen koulu sai ainakin yhden hankkeen, jos "
    "raha riitti. Sen jälkeen eniten ääniä saaneet hankkeet valittiin ensin.",
    "sv": "Pengarna fördelades så att varje skola fick minst ett projekt, om pengarna räckte. "
    "Därefter valdes projekten med flest röster först.",
    "en": "The money was shared so that every school got at least one project if the money "
    "was enough. After that, the projects with the most votes were chosen first.",
}


def school(project) -> str:
    """The school a project belongs to ('' for none)."""
    return project.area.strip()


def coverable(election: Election, funded: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The schools that can all get their cheapest project within the budget: cheapest first,
    as many as fit (the most schools any allocation can cover)."""
    cheapest: dict[str, Any] = {}
    for p in election.projects:
        s = school(p)
        if s and (s not in cheapest or p.cost < cheapest[s]):
            cheapest[s] = p.cost
    total: Any = 0
    chosen = set()
    for s, cost in sorted(cheapest.items(), key=lambda item: (item[1], item[0])):
        if total + cost <= election.budget:
            total += cost
            chosen.add(s)
    return chosen


def one_per_school(election: Election, *, tie_breaking: TieBreaking, progress=None) -> Outcome:
    """Greedy that keeps money for each school's cheapest project until it has one."""
    density = greedy_density(election, tallies(election))

    def score(pid: str) -> Any:
        return density(pid)

    costs = {p.id: p.cost for p in election.projects}
    schools = {p.id: school(p) for p in election.projects}
    cheapest: dict[str, Any] = {}
    for pid, s in schools.items():
        if s and (s not in cheapest or costs[pid] < cheapest[s]):
            cheapest[s] = costs[pid]
    waiting = coverable(election)  # schools money is kept for, until they have a project
    ordered = sorted(costs, key=lambda pid: (-score(pid), tie_breaking.key(pid)))
    if tie_breaking.refuses:
        _refuse_deciding_ties(ordered, score, costs, election.budget, tie_breaking)
    left: Any = election.budget
    added: list[str] = []
    steps: list[GreedyStep] = []
    for pid in ordered:
        own = schools[pid]
        others = sum((cheapest[s] for s in waiting if s != own), 0)
        fits = costs[pid] <= left
        keeps = costs[pid] <= left - others
        stage = "greedy" if keeps or not fits else RESERVED
        steps.append(
            GreedyStep(
                project=pid,
                score=_show(score(pid)),
                remaining=left,
                cost=costs[pid],
                funded=fits and keeps,
                stage=stage,
            )
        )
        if fits and keeps:
            added.append(pid)
            left -= costs[pid]
            waiting.discard(own)
    return Outcome(
        rule=RULE_NAME,
        selected=tuple(added),
        budget=election.budget,
        spent=sum((costs[pid] for pid in added), 0),
        tie_breaking=tie_breaking.describe(),
        greedy_steps=tuple(steps),
        sentences=SENTENCES,
    )


def _show(value: Any) -> Any:
    return 0 if value == float("inf") else value


def _refuse_deciding_ties(ordered, score, costs, budget, tie_breaking) -> None:
    """With "refuse": equal scores whose projects fit one by one but not all together."""
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and score(ordered[j + 1]) == score(ordered[i]):
            j += 1
        group = [pid for pid in ordered[i : j + 1] if costs[pid] <= budget]
        if len(group) > 1 and sum(costs[pid] for pid in group) > budget:
            tie_breaking.first(group, f"{RULE_NAME}: equal scores, not all fit")
        i = j + 1
