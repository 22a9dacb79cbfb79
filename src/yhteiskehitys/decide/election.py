"""The election a budgeting rule works on: projects, ballots and the pabulib META, as read.

Values are kept as the file has them (strings) except the few the rules need typed: costs,
the budget and ballot points are ``int`` when whole, else :class:`~fractions.Fraction`, so no
comparison that decides an outcome ever rounds. Project ids are strings: lexicographic
tie-breaking compares them as strings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Union

from attrs import field, frozen

Number = Union[int, Fraction]  # noqa: UP007 - a runtime alias, kept readable

VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
CARDINAL = ("cumulative", "scoring")


def _dict(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


@frozen(kw_only=True, cache_hash=False, hash=False)
class Project:
    """One project: its id (a string), its cost, and every other column of the file as text."""

    id: str
    cost: Number
    fields: dict[str, str] = field(factory=dict, converter=_dict)

    @property
    def name(self) -> str:
        return self.fields.get("name", "")

    @property
    def categories(self) -> tuple[str, ...]:
        raw = self.fields.get("category", self.fields.get("categories", ""))
        return tuple(c.strip() for c in raw.split(",") if c.strip())

    @property
    def targets(self) -> tuple[str, ...]:
        raw = self.fields.get("target", self.fields.get("targets", ""))
        return tuple(t.strip() for t in raw.split(",") if t.strip())

    @property
    def area(self) -> str:
        """The school or neighbourhood the project belongs to, if the file says."""
        return self.fields.get("neighborhood", self.fields.get("school", ""))


@frozen(kw_only=True, hash=False)
class Ballot:
    """One voter's ballot: the projects in the order written, with points for cardinal votes."""

    voter_id: str
    vote: tuple[str, ...]
    points: tuple[Number, ...] | None = None
    fields: dict[str, str] = field(factory=dict)  # no copying converter: 10^5 ballots a file


@frozen(kw_only=True, hash=False)
class Election:
    """A whole pabulib instance. ``source`` names the file in messages and is not compared."""

    meta: dict[str, str] = field(converter=_dict)
    projects: tuple[Project, ...]
    ballots: tuple[Ballot, ...]
    source: str = field(default="<election>", eq=False)

    @property
    def vote_type(self) -> str:
        return self.meta["vote_type"]

    @property
    def budget(self) -> Number:
        return parse_number(self.meta["budget"])

    @property
    def currency(self) -> str:
        return self.meta.get("currency", "")

    def project(self, project_id: str) -> Project:
        for p in self.projects:
            if p.id == project_id:
                return p
        raise KeyError(project_id)

    def scores(self) -> list[dict[str, Number]]:
        """Each ballot as ``{project id: points}``: 1 for approval, Borda points for ordinal."""
        if self.vote_type in CARDINAL:
            return [dict(zip(b.vote, b.points or (), strict=True)) for b in self.ballots]
        if self.vote_type == "ordinal":
            top = int(self.meta.get("max_length", len(self.projects)))
            return [{p: top - i for i, p in enumerate(b.vote)} for b in self.ballots]
        return [dict.fromkeys(b.vote, 1) for b in self.ballots]


MAX_DIGITS = 60
"""Digits a number may have (numerator and denominator alike): far beyond any sum of money or
points, and small enough that exact arithmetic on it stays instant."""
MAX_EXPONENT = 100
"""The largest exponent of ``1e5``-style numbers; ``1e999999999`` would take minutes to expand."""
_LIMIT = 10**MAX_DIGITS
_LONGEST = 1000
"""Characters of the longest number: :func:`format_number` writes at most ~260 for one below
the limits (a denominator of 2^199 has 199 decimals)."""
_EXPONENT = re.compile(r"[eE]([-+]?\w+)$")


class NumberOutOfRange(ValueError):
    """A number too large or too fine to be a sum of money or points."""

    def __init__(self) -> None:
        super().__init__(f"has more than {MAX_DIGITS} digits or an exponent beyond ±{MAX_EXPONENT}")


def parse_number(text: str) -> Number:
    """A decimal as written in a ``.pb`` file (a comma may be the decimal mark), exactly.

    :class:`ValueError` (or :class:`ZeroDivisionError` for ``1/0``) when it is not a number;
    :class:`NumberOutOfRange` when it is one that no budget holds."""
    text = text.strip()
    if len(text) > _LONGEST:  # int() would refuse it anyway, with a message about Python
        digits = text.lstrip("+-").replace(".", "", 1).replace(",", "", 1)
        raise NumberOutOfRange() if digits.isdigit() else ValueError("not a number")
    try:
        value: Number = int(text)
    except ValueError:
        exponent = _EXPONENT.search(text)
        if exponent is not None:
            try:
                too_far = abs(int(exponent.group(1))) > MAX_EXPONENT
            except ValueError:  # not an exponent; Fraction refuses the text below
                too_far = False
            if too_far:
                raise NumberOutOfRange() from None
        fraction = Fraction(text.replace(",", "."))
        value = fraction.numerator if fraction.denominator == 1 else fraction
    if isinstance(value, int):
        if not -_LIMIT < value < _LIMIT:
            raise NumberOutOfRange()
    elif not -_LIMIT < value.numerator < _LIMIT or value.denominator >= _LIMIT:
        raise NumberOutOfRange()
    return value


def format_number(value: Number) -> str:
    """The inverse of :func:`parse_number` for every value it returns."""
    if isinstance(value, int) or value.denominator == 1:
        return str(int(value))
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = max(twos, fives)
    scaled = value * 10**digits
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(int(scaled)), 10**digits)
    return f"{sign}{whole}.{frac:0{digits}d}"


REQUIRED_META = (
    "description",
    "country",
    "unit",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
)


def make_election(
    *,
    budget: Number,
    projects: list[Project] | tuple[Project, ...],
    ballots: list[Ballot] | tuple[Ballot, ...],
    vote_type: str = "approval",
    source: str = "<election>",
    **meta: str,
) -> Election:
    """An election with every required META key filled in, for building one in code."""
    full = {
        "description": meta.pop("description", "Participatory budget"),
        "country": meta.pop("country", "Finland"),
        "unit": meta.pop("unit", "-"),
        "instance": meta.pop("instance", "1"),
        "num_projects": str(len(projects)),
        "num_votes": str(len(ballots)),
        "budget": format_number(budget),
        "vote_type": vote_type,
        "rule": meta.pop("rule", "greedy"),
        "date_begin": meta.pop("date_begin", "2026"),
        "date_end": meta.pop("date_end", "2026"),
    }
    full.update(meta)
    return Election(meta=full, projects=tuple(projects), ballots=tuple(ballots), source=source)
