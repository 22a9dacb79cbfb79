"""Between the election's model objects and the rows of ``store.repos.elections``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import pluggy

from ...convert import structure
from ...model.target_group import EligibilityRule
from ...model.text import Text
from .model import Candidate, Election, RollEntry

if TYPE_CHECKING:
    import cattrs

    from ...store.core import Transaction


def converter(pm: pluggy.PluginManager) -> cattrs.Converter:
    """The converter that knows every plugin's eligibility rules (one per set of rules: a vote
    should not pay for building it)."""
    from ... import catalogue

    return _converter(tuple(catalogue.eligibility_rules(pm)))


@functools.lru_cache(maxsize=8)
def _converter(rules: tuple[type[EligibilityRule], ...]) -> cattrs.Converter:
    from ...convert import make_converter

    return make_converter("json", rules)


def election_row(
    election: Election, salt: str, cost: int, conv: cattrs.Converter
) -> dict[str, Any]:
    return {
        "id": election.id,
        "title": conv.unstructure(election.title, Text),
        "seats": election.seats,
        "deputies": election.deputies,
        "opens": election.opens,
        "closes": election.closes,
        "time_zone": election.time_zone,
        "term_start": election.term_start,
        "term_end": election.term_end,
        "rules": [conv.unstructure(r, EligibilityRule) for r in election.rules],
        "quotas": dict(election.quotas),
        "code_salt": salt,
        "code_cost": cost,
    }


def load_election(tx: Transaction, pm: pluggy.PluginManager, election_id: str) -> Election:
    """The stored election; a rule whose plugin is gone is reported, not guessed at."""
    row = tx.elections.row(election_id)
    conv = converter(pm)
    where = f"election {election_id}"
    return Election(
        id=row["id"],
        title=structure(row["title"], Text, conv, f"{where}: title"),
        seats=row["seats"],
        deputies=row["deputies"],
        opens=row["opens"],
        closes=row["closes"],
        time_zone=row["time_zone"],
        term_start=row["term_start"],
        term_end=row["term_end"],
        rules=[
            structure(r, EligibilityRule, conv, f"{where}: rules[{n}]")
            for n, r in enumerate(row["rules"])
        ],
        quotas=row["quotas"],
    )


def roll_entry(row: Any) -> RollEntry:
    return RollEntry(
        voter=row["voter"],
        school=row["school"],
        eligible=row["eligible"],
        reason=row["reason"],
        coded=row["coded"],
    )


def candidates(tx: Transaction, election_id: str) -> list[Candidate]:
    return [
        Candidate(candidate=r["candidate"], name=r["name"], school=r["school"])
        for r in tx.elections.candidates(election_id)
    ]
