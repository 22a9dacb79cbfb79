"""Why each project was or was not funded, and the summary figures of an outcome, as data.

:func:`explain` turns an :class:`~.rules.Outcome` into one :class:`Explanation` per project: a
``kind`` and the figures a sentence needs. The sentences themselves, in Finnish, Swedish and
English, are in :mod:`.explain_text`; a site or report can also write its own from the data.
"""

from __future__ import annotations

from collections import Counter

from attrs import field, frozen

from .election import Election, Number
from .rules.outcome import Outcome

KINDS = (
    "greedy-funded",
    "greedy-too-dear",
    "mes-funded",
    "mes-free",
    "mes-short",
    "completion-funded",
    "completion-too-dear",
    "no-votes",
)


@frozen(kw_only=True)
class Explanation:
    """One project's verdict: ``kind`` (one of :data:`KINDS`, or a kind the rule adds with its
    ``sentence``) and its figures."""

    project: str
    name: str
    funded: bool
    kind: str
    figures: dict[str, object] = field(factory=dict)
    sentence: dict[str, str] = field(factory=dict)
    """The sentence in each language for a kind a plugin's rule adds (empty for built-ins)."""


@frozen(kw_only=True)
class CategoryFigures:
    category: str
    projects: int
    funded: int
    spent: Number


@frozen(kw_only=True)
class Summary:
    """Figures of the whole outcome; shares are fractions of one."""

    budget: Number
    spent: Number
    left: Number
    projects: int
    funded: int
    voters: int
    voters_with_funded: int
    share_with_funded: float
    cost_per_vote: float | None
    categories: tuple[CategoryFigures, ...] = ()
    voter_share: float | None = None


def explain(election: Election, outcome: Outcome) -> list[Explanation]:
    """One explanation per project, in the order of the file."""
    votes: Counter[str] = Counter()
    for b in election.ballots:
        votes.update(b.vote)
    funded = outcome.selected_set
    greedy = {s.project: s for s in outcome.greedy_steps}
    rounds = {r.project: r for r in outcome.mes_rounds}
    misses = {m.project: m for m in outcome.mes_misses}
    mes_rule = outcome.rule.startswith("mes")
    names = {p.id: p.name for p in election.projects}
    out = []
    for p in election.projects:
        figures: dict[str, object] = {"votes": votes[p.id], "cost": p.cost}
        own: dict[str, str] = {}
        if p.id in rounds:
            r = rounds[p.id]
            kind = "mes-funded"
            figures.update(round=r.round, payers=r.payers, share=r.full_share, paid_all=r.paid_all)
        elif mes_rule and p.id in outcome.zero_cost:
            kind = "mes-free"
        elif p.id in greedy and greedy[p.id].stage in outcome.sentences:
            step = greedy[p.id]
            kind = step.stage
            own = dict(outcome.sentences[kind])
            figures.update(score=step.score, left=step.remaining)
        elif p.id in greedy and (not mes_rule or p.id not in misses):
            step = greedy[p.id]
            stage = "completion" if step.stage == "completion" else "greedy"
            kind = f"{stage}-funded" if step.funded else f"{stage}-too-dear"
            figures.update(score=step.score, left=step.remaining)
        elif p.id in misses and p.id in greedy:
            step = greedy[p.id]
            kind = "completion-funded" if step.funded else "completion-too-dear"
            figures.update(score=step.score, left=step.remaining, **_miss(misses[p.id], names))
        elif p.id in misses:
            kind = "mes-short"
            figures.update(_miss(misses[p.id], names))
        else:
            kind = "no-votes"
        out.append(
            Explanation(
                project=p.id,
                name=p.name,
                funded=p.id in funded,
                kind=kind,
                figures=figures,
                sentence=own,
            )
        )
    return out


def _miss(miss, names: dict[str, str]) -> dict[str, object]:
    went_to = miss.went_to
    return {
        "supporters": miss.supporters,
        "money_left": miss.money_left,
        "went_to": went_to,
        "went_to_name": names.get(went_to, "") if went_to else "",
        "went_amount": miss.went_amount,
    }


def summarise(election: Election, outcome: Outcome) -> Summary:
    """Spent, left, the share of voters with at least one funded project, cost per vote."""
    funded = outcome.selected_set
    votes_for_funded = 0
    happy = 0
    for b in election.ballots:
        hits = sum(1 for pid in b.vote if pid in funded)
        votes_for_funded += hits
        happy += hits > 0
    voters = len(election.ballots)
    categories: dict[str, list] = {}
    for p in election.projects:
        for category in p.categories:
            row = categories.setdefault(category, [0, 0, 0])
            row[0] += 1
            if p.id in funded:
                row[1] += 1
                row[2] += p.cost
    return Summary(
        budget=outcome.budget,
        spent=outcome.spent,
        left=outcome.budget - outcome.spent,
        projects=len(election.projects),
        funded=len(funded),
        voters=voters,
        voters_with_funded=happy,
        share_with_funded=happy / voters if voters else 0.0,
        cost_per_vote=float(outcome.spent) / votes_for_funded if votes_for_funded else None,
        categories=tuple(
            CategoryFigures(category=c, projects=n, funded=f, spent=s)
            for c, (n, f, s) in sorted(categories.items())
        ),
        voter_share=outcome.voter_budget,
    )
