"""What a budget page and an election page show, in one language, prepared for the templates.

Numbers of people (voters per school or area, turnout per school) pass the disclosure gate:
under the programme's threshold they are withheld. A page never carries a pseudonymous id: the
data has project ids, project and candidate names, and the counts.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from attrs import frozen

from .charts import Bar, Chart, bar_chart
from .disclosure import Count, published_counts
from .i18n import format_number, gettext


@frozen(kw_only=True)
class ProjectRow:
    name: str
    area: str
    category: str
    votes: int
    cost: str
    amount: Fraction
    funded: bool
    text: str


@frozen(kw_only=True)
class BudgetView:
    id: str
    title: str
    summary: str
    budget: str
    spent: str
    funded: int
    projects_total: int
    share: str
    cost_per_vote: str | None
    categories: tuple[tuple[str, int, int, str], ...]
    charts: tuple[Chart, ...]
    """Votes per project, and cost per project."""
    rows: tuple[ProjectRow, ...]
    areas: tuple[tuple[str, Count], ...]


def _money(value: Any, lang: str, currency: str) -> str:
    from ..decide.explain_text import money

    return money(Fraction(str(value)) if isinstance(value, str) else value, lang, currency)


def budget_view(data: dict[str, Any], lang: str, threshold: int) -> BudgetView:
    _ = gettext(lang)
    from ..decide.explain_text import percent

    currency = data["currency"]
    summary = data["summary"]
    about = {p["id"]: p for p in data["projects"]}
    rows = []
    for e in data["explanations"]:
        p = about.get(e["project"], {})
        rows.append(
            ProjectRow(
                name=e["name"] or e["project"],
                area=p.get("area", ""),
                category=p.get("category", ""),
                votes=int(e["figures"].get("votes", 0)),
                cost=_money(e["figures"]["cost"], lang, currency),
                amount=Fraction(str(e["figures"]["cost"])),
                funded=e["funded"],
                text=e["text"][lang],
            )
        )
    yes, no = _("funded"), _("not funded")
    decisions = tuple(yes if row.funded else no for row in rows)
    votes_chart = bar_chart(
        key=f"budget-{data['id']}-votes",
        title=_("Votes per project"),
        description=_(
            "Each bar is one project's votes, with the number beside it. The table below has "
            "the same numbers and says which projects are funded."
        ),
        bars=[
            Bar(
                label=row.name,
                value=row.votes,
                shown=format_number(row.votes, lang),
                cells=(decision,),
            )
            for row, decision in zip(rows, decisions, strict=True)
        ],
        columns=(_("Project"), _("Votes"), _("Decision")),
    )
    costs_chart = bar_chart(
        key=f"budget-{data['id']}-costs",
        title=_("Cost per project"),
        description=_(
            "Each bar is what one project costs, with the sum beside it. The table below has "
            "the same numbers and says which projects are funded."
        ),
        bars=[
            Bar(label=row.name, value=float(row.amount), shown=row.cost, cells=(decision,))
            for row, decision in zip(rows, decisions, strict=True)
        ],
        columns=(_("Project"), _("Cost"), _("Decision")),
    )
    counts = published_counts(data["area_voters"], threshold)
    cpv = summary.get("cost_per_vote")
    return BudgetView(
        id=data["id"],
        title=data["title"],
        summary=summary["text"][lang],
        budget=_money(summary["budget"], lang, currency),
        spent=_money(summary["spent"], lang, currency),
        funded=summary["funded"],
        projects_total=summary["projects"],
        share=percent(summary["share_with_funded"], lang),
        cost_per_vote=None if cpv is None else _money(cpv, lang, currency),
        categories=tuple(
            (c["category"], c["projects"], c["funded"], _money(c["spent"], lang, currency))
            for c in summary.get("categories", ())
        ),
        charts=(votes_chart, costs_chart),
        rows=tuple(rows),
        areas=tuple(counts.items()),
    )


@frozen(kw_only=True)
class CandidateRow:
    rank: int
    name: str
    votes: int
    outcome: str


@frozen(kw_only=True)
class LotView:
    votes: int
    tied: tuple[str, ...]
    order: tuple[str, ...]


@frozen(kw_only=True)
class ElectionView:
    id: str
    title: str
    seats: int
    deputies: int
    seed: int
    elected: tuple[CandidateRow, ...]
    deputy_rows: tuple[CandidateRow, ...]
    others: tuple[CandidateRow, ...]
    lots: tuple[LotView, ...]
    turnout: tuple[tuple[str, str, str], ...]
    """School, voted, did not vote (a withheld cell in words)."""
    chart: Chart
    term: tuple[date, date]
    published_at: date


def election_view(data: dict[str, Any], lang: str, threshold: int) -> ElectionView:
    _ = gettext(lang)
    words = {
        "elected": _("elected"),
        "deputy": _("deputy"),
        "not_elected": _("not elected"),
    }
    rows = [
        CandidateRow(rank=c["rank"], name=c["name"], votes=c["votes"], outcome=c["outcome"])
        for c in data["candidates"]
    ]
    chart = bar_chart(
        key=f"election-{data['id']}",
        title=_("Votes per candidate"),
        description=_(
            "Each bar is one candidate's votes, in the order of the result; the table below "
            "has the same numbers and says who was elected and who is a deputy."
        ),
        bars=[
            Bar(
                label=row.name,
                value=row.votes,
                shown=format_number(row.votes, lang),
                cells=(words[row.outcome],),
            )
            for row in rows
        ],
        columns=(_("Candidate"), _("Votes"), _("Result")),
    )
    withheld = _("fewer than %(k)s") % {"k": threshold}

    def shown(cell: Any) -> str:
        return format_number(cell, lang) if isinstance(cell, int) else withheld

    title = data["title"]
    return ElectionView(
        id=data["id"],
        title=title.get(lang) or title.get("fi") or data["id"],
        seats=data["seats"],
        deputies=data["deputies"],
        seed=data["seed"],
        elected=tuple(r for r in rows if r.outcome == "elected"),
        deputy_rows=tuple(r for r in rows if r.outcome == "deputy"),
        others=tuple(r for r in rows if r.outcome == "not_elected"),
        lots=tuple(
            LotView(votes=lot["votes"], tied=tuple(lot["tied"]), order=tuple(lot["order"]))
            for lot in data["lots"]
        ),
        turnout=tuple(
            (school, shown(cells["voted"]), shown(cells["did_not_vote"]))
            for school, cells in data["turnout"].items()
        ),
        chart=chart,
        term=(date.fromisoformat(data["term"][0]), date.fromisoformat(data["term"][1])),
        published_at=date.fromisoformat(data["published_at"][:10]),
    )
