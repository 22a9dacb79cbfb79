"""The checks of pabulib's own checker, each failing with the line at fault and what to fix."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from itertools import chain

from ..limits import whole_number
from .election import (
    CARDINAL,
    REQUIRED_META,
    VOTE_TYPES,
    Ballot,
    Election,
    Number,
    NumberOutOfRange,
    parse_number,
)
from .errors import PabulibError

NUMERIC_META = (
    "budget",
    "min_length",
    "max_length",
    "min_sum_cost",
    "max_sum_cost",
    "min_points",
    "max_points",
    "min_sum_points",
    "max_sum_points",
    "min_project_score_threshold",
)
INTEGER_META = ("num_projects", "num_votes", "min_length", "max_length")
PER_LISTING = (
    ("categories", "budget_per_category"),
    ("neighborhoods", "budget_per_neighborhood"),
)
SEXES = {"M", "F", "O", "K"}


def number(source: str, line: int | None, what: str, text: str) -> Number:
    try:
        return parse_number(text)
    except NumberOutOfRange as exc:
        raise PabulibError(source, line, f"{what} {exc}: {_short(text)}") from None
    except (ValueError, ZeroDivisionError):
        raise PabulibError(source, line, f"{what} is not a number: {_short(text)}") from None


def _short(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:40] + "…")


def check_header(source: str, line: int, section: str, header: list[str]) -> None:
    duplicates = [h for h, n in Counter(header).items() if n > 1]
    if duplicates:
        raise PabulibError(source, line, f"column {duplicates[0]!r} appears twice in the header")
    first = {"meta": "key", "projects": "project_id", "votes": "voter_id"}[section]
    if header[0] != first:
        raise PabulibError(
            source, line, f"the {section.upper()} header starts with {first!r}, not {header[0]!r}"
        )
    needed = {"meta": ["value"], "projects": ["cost"], "votes": ["vote"]}[section]
    for column in needed:
        if column not in header:
            raise PabulibError(source, line, f"the {section.upper()} header has no {column!r}")


def check_meta(source: str, head_line: int, meta: dict[str, str], lines: dict[str, int]) -> None:
    missing = [k for k in REQUIRED_META if k not in meta]
    if missing:
        raise PabulibError(
            source, head_line, f"META lacks the required key(s) {', '.join(missing)}"
        )
    if meta["vote_type"] not in VOTE_TYPES:
        raise PabulibError(
            source,
            lines["vote_type"],
            f"vote_type {meta['vote_type']!r} is not one of {', '.join(VOTE_TYPES)}",
        )
    for key in NUMERIC_META:
        if key in meta:
            value = number(source, lines[key], f"META {key}", meta[key])
            if value < 0:
                raise PabulibError(source, lines[key], f"META {key} is negative")
    for key in INTEGER_META:
        if key in meta and whole_number(meta[key]) is None:
            raise PabulibError(
                source, lines[key], f"META {key} is not a whole number (of at most 18 digits)"
            )
    if number(source, lines["budget"], "META budget", meta["budget"]) <= 0:
        raise PabulibError(source, lines["budget"], "META budget must be above zero")
    low, high = meta.get("min_length"), meta.get("max_length")
    if low and high and int(low) > int(high):
        raise PabulibError(source, lines["max_length"], "META max_length is below min_length")
    for listing, per in PER_LISTING:
        if per in meta:
            if listing not in meta:
                raise PabulibError(source, lines[per], f"META {per} needs META {listing}")
            names = meta[listing].split(",")
            amounts = meta[per].split(",")
            if len(names) != len(amounts):
                raise PabulibError(
                    source,
                    lines[per],
                    f"META {per} has {len(amounts)} amounts for {len(names)} {listing}",
                )
            for amount in amounts:
                number(source, lines[per], f"an amount of META {per}", amount)


def check_project(
    source: str, line: int, meta: dict[str, str], pid: str, fields: dict[str, str]
) -> None:
    selected = fields.get("selected")
    if selected not in (None, "", "0", "1"):
        raise PabulibError(source, line, f"selected of project {pid} is {selected!r}, not 0 or 1")
    for listing, column in (("categories", "category"), ("targets", "target")):
        if listing in meta and fields.get(column):
            allowed = {c.strip() for c in meta[listing].split(",")}
            for value in fields[column].split(","):
                if value.strip() not in allowed:
                    raise PabulibError(
                        source,
                        line,
                        f"{column} {value.strip()!r} of project {pid} is not in META {listing}",
                    )
    for column in ("votes", "score"):
        if fields.get(column):
            number(source, line, f"{column} of project {pid}", fields[column])


class BallotCheck:
    """Checks one ballot against the META limits; built once per file so each ballot is cheap."""

    def __init__(self, source: str, meta: dict[str, str], costs: dict[str, Number]) -> None:
        self.source = source
        self.costs = costs
        self.known = frozenset(costs)
        self.vote_type = meta["vote_type"]

        def limit(key: str) -> Number | None:
            return parse_number(meta[key]) if key in meta else None

        self.min_length = limit("min_length")
        self.max_length = limit("max_length")
        if self.vote_type == "choose-1":
            self.min_length = self.max_length = 1
        self.min_sum_cost, self.max_sum_cost = limit("min_sum_cost"), limit("max_sum_cost")
        self.min_points, self.max_points = limit("min_points"), limit("max_points")
        self.min_sum_points = limit("min_sum_points")
        self.max_sum_points = limit("max_sum_points")
        self.neighborhoods = (
            {n.strip() for n in meta["neighborhoods"].split(",")}
            if "neighborhoods" in meta
            else None
        )

    def __call__(
        self,
        line: int,
        voter: str,
        vote: tuple[str, ...],
        points: tuple[Number, ...] | None,
        fields: dict[str, str],
    ) -> None:
        """Every check of one ballot (for a ballot cast or typed in one at a time)."""
        self._known(line, voter, vote)
        self.ballot(line, voter, vote, points)
        if fields:
            self._voter_fields(line, voter, fields)

    def ballot(
        self, line: int, voter: str, vote: tuple[str, ...], points: tuple[Number, ...] | None
    ) -> None:
        """The checks that need the ballot itself; :meth:`finish` does the rest for a file."""
        fail = self._fail
        n = len(vote)
        if len(set(vote)) != n:
            twice = next(p for p, k in Counter(vote).items() if k > 1)
            fail(line, f"voter {voter} names project {twice} twice")
        if self.min_length is not None and n < self.min_length:
            fail(line, f"voter {voter} chose {n} projects, fewer than min_length {self.min_length}")
        if self.max_length is not None and n > self.max_length:
            fail(line, f"voter {voter} chose {n} projects, more than max_length {self.max_length}")
        if self.vote_type in CARDINAL:
            self._points(line, voter, vote, points)
        if self.min_sum_cost is not None or self.max_sum_cost is not None:
            self._known(line, voter, vote)
            total = sum(self.costs[p] for p in vote)
            if self.max_sum_cost is not None and total > self.max_sum_cost:
                fail(line, f"voter {voter} chose projects costing {total}, above max_sum_cost")
            if self.min_sum_cost is not None and total < self.min_sum_cost:
                fail(line, f"voter {voter} chose projects costing {total}, below min_sum_cost")

    def finish(self, ballots: Sequence[Ballot], lines: Sequence[int]) -> None:
        """Checks over a whole file, made once per distinct value; a failure is traced back to
        the first ballot that has it, so the message still names its line."""
        voted: set[str] = set()
        for b in ballots:
            voted.update(b.vote)
        if not voted <= self.known:
            bad = voted - self.known
            at = next(k for k, b in enumerate(ballots) if not bad.isdisjoint(b.vote))
            self._known(lines[at], ballots[at].voter_id, ballots[at].vote)
        if not ballots or not ballots[0].fields:
            return
        for column in ("age", "sex", "neighborhood"):
            if column not in ballots[0].fields:
                continue
            values = {b.fields.get(column, "") for b in ballots}
            for value in values:
                if not self._field_ok(column, value):
                    at = next(k for k, b in enumerate(ballots) if b.fields.get(column) == value)
                    self._voter_fields(lines[at], ballots[at].voter_id, ballots[at].fields)

    def _known(self, line: int, voter: str, vote: tuple[str, ...]) -> None:
        if not self.known.issuperset(vote):
            unknown = next(p for p in vote if p not in self.costs)
            self._fail(line, f"voter {voter} votes for project {unknown!r}, which PROJECTS lacks")

    def _points(self, line, voter, vote, points) -> None:
        fail = self._fail
        if points is None:
            fail(line, f"{self.vote_type} votes need a points column (voter {voter})")
        if len(points) != len(vote):
            fail(line, f"voter {voter} gives {len(points)} points for {len(vote)} projects")
        for value in points:
            if value <= 0 and self.vote_type == "cumulative":
                fail(line, f"voter {voter} gives {value} points; cumulative points are above 0")
            if self.min_points is not None and value < self.min_points:
                fail(line, f"voter {voter} gives {value} points, below min_points")
            if self.max_points is not None and value > self.max_points:
                fail(line, f"voter {voter} gives {value} points, above max_points")
        total = sum(points)
        if self.max_sum_points is not None and total > self.max_sum_points:
            fail(line, f"voter {voter} gives {total} points, above max_sum_points")
        if self.min_sum_points is not None and total < self.min_sum_points:
            fail(line, f"voter {voter} gives {total} points, below min_sum_points")

    def _field_ok(self, column: str, value: str) -> bool:
        if not value:
            return True
        if column == "age":
            age = whole_number(value)
            return age is not None and age <= 130
        if column == "sex":
            return value in SEXES
        return self.neighborhoods is None or value in self.neighborhoods

    def _voter_fields(self, line, voter, fields) -> None:
        age, sex, area = fields.get("age"), fields.get("sex"), fields.get("neighborhood")
        if age and not self._field_ok("age", age):
            self._fail(line, f"age of voter {voter} is {age!r}, not a whole number of years")
        if sex and not self._field_ok("sex", sex):
            self._fail(line, f"sex of voter {voter} is {sex!r}, not one of M, F, O")
        if area and not self._field_ok("neighborhood", area):
            self._fail(line, f"neighborhood {area!r} of voter {voter} is not in META neighborhoods")

    def _fail(self, line: int, reason: str):
        raise PabulibError(self.source, line, reason)


def check_tallies(source: str, election: Election, lines: Sequence[int]) -> None:
    """Counts in META and in the projects' votes/score columns must match the VOTES section."""
    meta = election.meta
    if int(meta["num_projects"]) != len(election.projects):
        raise PabulibError(
            source,
            None,
            f"META num_projects says {meta['num_projects']} but PROJECTS lists "
            f"{len(election.projects)}",
        )
    if int(meta["num_votes"]) != len(election.ballots):
        raise PabulibError(
            source,
            None,
            f"META num_votes says {meta['num_votes']} but VOTES lists {len(election.ballots)}",
        )
    votes = Counter(chain.from_iterable(b.vote for b in election.ballots))
    score: dict[str, Number] = {}
    if any(b.points is not None for b in election.ballots):
        for b in election.ballots:
            for pid, pts in zip(b.vote, b.points or (), strict=False):
                score[pid] = score.get(pid, 0) + pts
    for project, line in zip(election.projects, lines, strict=True):
        said = project.fields.get("votes")
        if said and parse_number(said) != votes[project.id]:
            raise PabulibError(
                source,
                line,
                f"project {project.id} says {said} votes but VOTES has {votes[project.id]}",
            )
        said = project.fields.get("score")
        if said and score and Fraction(parse_number(said)) != score.get(project.id, 0):
            raise PabulibError(
                source,
                line,
                f"project {project.id} says score {said} but VOTES gives "
                f"{score.get(project.id, 0)}",
            )
